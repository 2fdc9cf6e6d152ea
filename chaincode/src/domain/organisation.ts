// Organisations (companies) of the registry: who they are, which MSP hosts their people, and the
// states they go through. Pure rules; the contract loads and stores the records.
import { z } from 'zod';
import { ErrorCode, RegistryError } from '../errors';
import { companyIdSchema, countrySchema, emailSchema, nameSchema, urlSchema } from './common-schemas';
import { stateChange, type Stamp, type StateChange } from './stamp';
import { nextState, type Transitions } from './state-machine';

export const COMPANY_ROLES = ['Government', 'Certifier', 'ProgrammeDeveloper', 'PartnerRegistry', 'MRV'] as const;
export type CompanyRole = (typeof COMPANY_ROLES)[number];

export const ORGANISATION_STATES = ['Pending', 'Active', 'Suspended', 'Rejected'] as const;
export type OrganisationState = (typeof ORGANISATION_STATES)[number];

export const NATIONAL_MSPS = {
  government: 'GovernmentMSP',
  certifier: 'CertifierMSP',
  developer: 'DeveloperMSP',
} as const;

/**
 * Which MSP may host an organisation of each role: its people's certificates come from that
 * MSP's CA. A partner registry is another country's organisation on the channel, so it must not
 * be hosted by one of the three national MSPs.
 */
export function hostMspAllowed(role: CompanyRole, mspId: string): boolean {
  switch (role) {
    case 'Government':
      return mspId === NATIONAL_MSPS.government;
    case 'Certifier':
      return mspId === NATIONAL_MSPS.certifier;
    case 'ProgrammeDeveloper':
      return mspId === NATIONAL_MSPS.developer;
    case 'MRV':
      return mspId === NATIONAL_MSPS.government || mspId === NATIONAL_MSPS.developer;
    case 'PartnerRegistry':
      return !(Object.values(NATIONAL_MSPS) as string[]).includes(mspId);
  }
}

export const contactSchema = z.strictObject({
  email: emailSchema,
  website: urlSchema.optional(),
  address: z.string().trim().min(1).max(500),
});

export const organisationInputSchema = z.strictObject({
  companyId: companyIdSchema,
  name: nameSchema,
  companyRole: z.enum(COMPANY_ROLES),
  hostMspId: z.string().min(1).max(64),
  country: countrySchema,
  contact: contactSchema,
});

export type OrganisationInput = z.infer<typeof organisationInputSchema>;
export type Contact = z.infer<typeof contactSchema>;

export interface Organisation {
  readonly docType: 'organisation';
  readonly companyId: string;
  readonly name: string;
  readonly companyRole: CompanyRole;
  readonly hostMspId: string;
  readonly country: string;
  readonly contact: Contact;
  readonly state: OrganisationState;
  readonly stateHistory: readonly StateChange<OrganisationState>[];
  readonly created: Stamp;
  readonly updated: Stamp;
}

export type OrganisationAction = 'approve' | 'reject' | 'suspend' | 'reactivate';

export const ORGANISATION_TRANSITIONS: Transitions<OrganisationState, OrganisationAction> = {
  approve: { from: ['Pending'], to: 'Active' },
  reject: { from: ['Pending'], to: 'Rejected' },
  suspend: { from: ['Active'], to: 'Suspended' },
  reactivate: { from: ['Suspended'], to: 'Active' },
};

export function newOrganisation(
  input: OrganisationInput,
  state: 'Pending' | 'Active',
  action: string,
  stamp: Stamp,
): Organisation {
  // There is one government per registry, created by the bootstrap and never by registration.
  if (input.companyRole === 'Government' && action !== 'bootstrap') {
    throw new RegistryError(
      ErrorCode.INVALID_ARGUMENT,
      'companyRole: the government organisation is created once, by the bootstrap',
      { companyRole: input.companyRole },
    );
  }
  if (!hostMspAllowed(input.companyRole, input.hostMspId)) {
    throw new RegistryError(
      ErrorCode.INVALID_ARGUMENT,
      `hostMspId: an organisation of role ${input.companyRole} cannot be hosted by ${input.hostMspId}`,
      { companyRole: input.companyRole, hostMspId: input.hostMspId },
    );
  }
  return {
    docType: 'organisation',
    ...input,
    state,
    stateHistory: [stateChange(state, action, stamp)],
    created: stamp,
    updated: stamp,
  };
}

export function changeOrganisationState(
  org: Organisation,
  action: OrganisationAction,
  stamp: Stamp,
  reason?: string,
): Organisation {
  const state = nextState('organisation', ORGANISATION_TRANSITIONS, org.state, action);
  return {
    ...org,
    state,
    stateHistory: [...org.stateHistory, stateChange(state, action, stamp, reason)],
    updated: stamp,
  };
}

export function updateContact(org: Organisation, contact: Contact, stamp: Stamp): Organisation {
  return { ...org, contact, updated: stamp };
}
