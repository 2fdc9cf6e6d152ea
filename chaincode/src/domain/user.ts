// People of the registry: each user is one Fabric identity (MSP + certificate subject + issuer)
// belonging to one organisation with one role. The on-chain record is authoritative: suspending
// it takes effect on the user's very next transaction.
import { z } from 'zod';
import { companyIdSchema, emailSchema, nameSchema } from './common-schemas';
import { stateChange, type Stamp, type StateChange } from './stamp';
import { nextState, type Transitions } from './state-machine';

export const USER_ROLES = ['Admin', 'Manager', 'ViewOnly'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const USER_STATES = ['Active', 'Suspended'] as const;
export type UserState = (typeof USER_STATES)[number];

const certificateSchema = z
  .string()
  .max(16_384)
  .regex(/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/, 'a PEM X.509 certificate');

export const personSchema = z.strictObject({ name: nameSchema, email: emailSchema });

export const userInputSchema = z.strictObject({
  certificate: certificateSchema,
  mspId: z.string().min(1).max(64),
  companyId: companyIdSchema,
  role: z.enum(USER_ROLES),
  name: nameSchema,
  email: emailSchema,
});

export type UserInput = z.infer<typeof userInputSchema>;

export type UserAction = 'suspend' | 'reactivate';

export const USER_TRANSITIONS: Transitions<UserState, UserAction> = {
  suspend: { from: ['Active'], to: 'Suspended' },
  reactivate: { from: ['Suspended'], to: 'Active' },
};

/** What registration knows about a person; the record adds its state and stamps. */
export interface NewUser {
  readonly userId: string;
  readonly mspId: string;
  readonly subject: string;
  readonly issuer: string;
  readonly companyId: string;
  readonly role: UserRole;
  readonly name: string;
  readonly email: string;
}

export interface User extends NewUser {
  readonly docType: 'user';
  readonly state: UserState;
  readonly stateHistory: readonly StateChange<UserState>[];
  readonly created: Stamp;
  readonly updated: Stamp;
}

export function newUser(fields: NewUser, stamp: Stamp): User {
  return {
    docType: 'user',
    ...fields,
    state: 'Active',
    stateHistory: [stateChange('Active', 'register', stamp)],
    created: stamp,
    updated: stamp,
  };
}

export function changeUserState(user: User, action: UserAction, stamp: Stamp, reason?: string): User {
  const state = nextState('user', USER_TRANSITIONS, user.state, action);
  return {
    ...user,
    state,
    stateHistory: [...user.stateHistory, stateChange(state, action, stamp, reason)],
    updated: stamp,
  };
}

export function changeUserRole(user: User, role: UserRole, stamp: Stamp): User {
  return { ...user, role, updated: stamp };
}
