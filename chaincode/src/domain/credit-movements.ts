// Requests and records that move credits: transfer requests (which lock the requested units
// until the holder approves or rejects, or the requester cancels), retirements (final; for use
// abroad only after the government approves) and cancellations by the government.
import { z } from 'zod';
import { companyIdSchema, reasonSchema } from './common-schemas';
import { MAX_CREDITS_PER_ACT } from './monitoring';
import { stateChange, type Stamp, type StateChange } from './stamp';
import { nextState, type Transitions } from './state-machine';

const quantitySchema = z.number().int('a whole number of tCO2e').min(1, 'at least 1').max(MAX_CREDITS_PER_ACT);

/** Which units: an explicit block (by its current serial), or the oldest vintage and lowest serial first. */
export const unitSelectionSchema = z
  .strictObject({
    serial: z.string().min(1).max(120).optional(),
    programmeId: z.number().int().min(1).optional(),
    vintage: z.number().int().min(1990).max(2200).optional(),
  })
  .refine((s) => s.serial === undefined || (s.programmeId === undefined && s.vintage === undefined), {
    message: 'a serial names one block: give it alone, without programmeId or vintage',
    path: ['serial'],
  });

export type UnitSelection = z.infer<typeof unitSelectionSchema>;

export const sendRequest = z.strictObject({
  to: companyIdSchema,
  quantity: quantitySchema,
  select: unitSelectionSchema.default({}),
});

export const creditRequestRequest = z.strictObject({
  from: companyIdSchema,
  /** Defaults to the requester's own organisation; the government may request for another. */
  to: companyIdSchema.optional(),
  quantity: quantitySchema,
  select: unitSelectionSchema.default({}),
  note: z.string().max(2000).default(''),
});

export const requestDecisionRequest = z.strictObject({
  requestId: z.string().min(1).max(128),
  reason: z.string().max(2000).default(''),
});

export const RETIREMENT_CATEGORIES = [
  'VoluntaryCancellation',
  'NationallyDeterminedContribution',
  'OtherInternationalMitigationPurposes',
] as const;

export const retireRequest = z.strictObject({
  quantity: quantitySchema,
  select: unitSelectionSchema.default({}),
  beneficiary: z.string().trim().min(1).max(200),
  category: z.enum(RETIREMENT_CATEGORIES),
  note: z.string().max(2000).default(''),
  /** Use abroad (e.g. CORSIA, another country's NDC) waits for the government's approval. */
  useAbroad: z
    .strictObject({ country: z.string().regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code') })
    .optional(),
});

export const retirementDecisionRequest = z.strictObject({
  retirementId: z.string().min(1).max(128),
  reason: z.string().max(2000).default(''),
});

export const CANCELLATION_REASONS = ['LegalAction', 'Buffer', 'Reversal'] as const;

export const cancelRequest = z.strictObject({
  holder: companyIdSchema,
  quantity: quantitySchema,
  select: unitSelectionSchema.default({}),
  reason: z.enum(CANCELLATION_REASONS),
  note: reasonSchema,
});

export const freezeRequest = z.strictObject({ serial: z.string().min(1).max(120), reason: reasonSchema });
export const holdingsFreezeRequest = z.strictObject({ companyId: companyIdSchema, reason: reasonSchema });

export const REQUEST_STATES = ['Pending', 'Approved', 'Rejected', 'Cancelled'] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_TRANSITIONS: Transitions<RequestState, 'approve' | 'reject' | 'cancel'> = {
  approve: { from: ['Pending'], to: 'Approved' },
  reject: { from: ['Pending'], to: 'Rejected' },
  cancel: { from: ['Pending'], to: 'Cancelled' },
};

export interface TransferRequest {
  readonly docType: 'transferRequest';
  readonly requestId: string;
  readonly from: string;
  readonly to: string;
  readonly requestedBy: string;
  readonly quantity: number;
  readonly note: string;
  /** Serials of the blocks locked (PendingTransfer) for this request. */
  readonly lockedSerials: readonly string[];
  readonly state: RequestState;
  readonly stateHistory: readonly StateChange<RequestState>[];
  readonly created: Stamp;
  readonly updated: Stamp;
}

export function decideRequest(
  request: TransferRequest,
  action: 'approve' | 'reject' | 'cancel',
  reason: string,
  stamp: Stamp,
): TransferRequest {
  const state = nextState('transfer request', REQUEST_TRANSITIONS, request.state, action);
  const change = reason === '' ? stateChange(state, action, stamp) : stateChange(state, action, stamp, reason);
  return { ...request, state, stateHistory: [...request.stateHistory, change], updated: stamp };
}

export const RETIREMENT_STATES = ['Pending', 'Retired', 'Rejected'] as const;
export type RetirementState = (typeof RETIREMENT_STATES)[number];

export const RETIREMENT_TRANSITIONS: Transitions<RetirementState, 'approve' | 'reject'> = {
  approve: { from: ['Pending'], to: 'Retired' },
  reject: { from: ['Pending'], to: 'Rejected' },
};

export interface Retirement {
  readonly docType: 'retirement';
  readonly retirementId: string;
  readonly holder: string;
  readonly quantity: number;
  readonly serials: readonly string[];
  readonly beneficiary: string;
  readonly category: (typeof RETIREMENT_CATEGORIES)[number];
  readonly note: string;
  readonly useAbroad?: { readonly country: string };
  readonly state: RetirementState;
  readonly stateHistory: readonly StateChange<RetirementState>[];
  readonly created: Stamp;
  readonly updated: Stamp;
}

export function decideRetirement(
  retirement: Retirement,
  action: 'approve' | 'reject',
  reason: string,
  stamp: Stamp,
): Retirement {
  const state = nextState('retirement', RETIREMENT_TRANSITIONS, retirement.state, action);
  const change = reason === '' ? stateChange(state, action, stamp) : stateChange(state, action, stamp, reason);
  return { ...retirement, state, stateHistory: [...retirement.stateHistory, change], updated: stamp };
}

export interface Cancellation {
  readonly docType: 'cancellation';
  readonly cancellationId: string;
  readonly holder: string;
  readonly quantity: number;
  readonly serials: readonly string[];
  readonly reason: (typeof CANCELLATION_REASONS)[number];
  readonly note: string;
  readonly created: Stamp;
}

/** Which of a holder's blocks (in the order given) supply `quantity` units; the last may be split. */
export function planTake<T extends { quantity: number }>(
  blocks: readonly T[],
  quantity: number,
): { block: T; take: number }[] | undefined {
  const plan: { block: T; take: number }[] = [];
  let remaining = quantity;
  for (const block of blocks) {
    if (remaining === 0) break;
    const take = Math.min(block.quantity, remaining);
    plan.push({ block, take });
    remaining -= take;
  }
  return remaining === 0 ? plan : undefined;
}
