// Monitoring rounds: a developer reports the reductions of a period, an assigned certifier
// verifies them (never more than claimed) or rejects the report, and the government issues
// credits up to what was verified and not yet issued. Periods of a programme never overlap, so
// no tonne is claimed twice.
import { z } from 'zod';
import { ErrorCode, RegistryError } from '../errors';
import { isoDateSchema, reasonSchema } from './common-schemas';
import { documentInputSchema, newDocumentReference, type DocumentReference } from './document';
import type { Programme } from './programme';
import { stateChange, type Stamp, type StateChange } from './stamp';
import { nextState, type Transitions } from './state-machine';

/** Upper bound of one claim or issuance: keeps quantity × share in exact integer arithmetic. */
export const MAX_CREDITS_PER_ACT = 100_000_000_000;

const quantitySchema = z.number().int('a whole number of tCO2e').min(1, 'at least 1').max(MAX_CREDITS_PER_ACT);
const externalIdSchema = z.string().min(1).max(64);
const roundSchema = z.number().int().min(1);

export const monitoringReportRequest = z.strictObject({
  externalId: externalIdSchema,
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema,
  claimedReductions: quantitySchema,
  report: documentInputSchema,
});

export const verificationRequest = z.strictObject({
  externalId: externalIdSchema,
  round: roundSchema,
  verifiedReductions: z.number().int('a whole number of tCO2e').min(0).max(MAX_CREDITS_PER_ACT),
  verificationReport: documentInputSchema,
});

export const roundRejectionRequest = z.strictObject({
  externalId: externalIdSchema,
  round: roundSchema,
  reason: reasonSchema,
});

export const issuanceRequest = z.strictObject({
  externalId: externalIdSchema,
  round: roundSchema,
  quantity: quantitySchema,
});

export type MonitoringReportRequest = z.infer<typeof monitoringReportRequest>;

export const ROUND_STATES = ['Submitted', 'Verified', 'Rejected'] as const;
export type RoundState = (typeof ROUND_STATES)[number];

export const ROUND_TRANSITIONS: Transitions<RoundState, 'verify' | 'reject'> = {
  verify: { from: ['Submitted'], to: 'Verified' },
  reject: { from: ['Submitted'], to: 'Rejected' },
};

export interface MonitoringRound {
  readonly docType: 'monitoringRound';
  readonly externalId: string;
  readonly programmeId: number;
  readonly round: number;
  readonly periodStart: string;
  readonly periodEnd: string;
  /** The year the monitoring period ends in: the vintage of every credit issued from this round. */
  readonly vintage: number;
  readonly claimedReductions: number;
  readonly verifiedReductions?: number;
  readonly issued: number;
  readonly state: RoundState;
  readonly stateHistory: readonly StateChange<RoundState>[];
  readonly documents: readonly DocumentReference[];
  readonly created: Stamp;
  readonly updated: Stamp;
}

function invalid(message: string, details: Record<string, unknown> = {}): never {
  throw new RegistryError(ErrorCode.INVALID_ARGUMENT, message, details);
}

/** Opens round `round` of an authorised programme; `previous` is its latest round, if any. */
export function newRound(
  programme: Programme,
  request: MonitoringReportRequest,
  round: number,
  previous: MonitoringRound | undefined,
  stamp: Stamp,
): MonitoringRound {
  if (programme.state !== 'Authorised' || !programme.authorisation) {
    throw new RegistryError(ErrorCode.INVALID_STATE, `programme ${programme.externalId} is ${programme.state}`, {
      state: programme.state,
    });
  }
  const { periodStart, periodEnd } = request;
  if (periodStart >= periodEnd) invalid('periodEnd: must be after periodStart');
  const crediting = programme.creditingPeriod;
  if (periodStart < crediting.start || periodEnd > crediting.end) {
    invalid(`period: must lie within the crediting period ${crediting.start}…${crediting.end}`);
  }
  if (previous && periodStart <= previous.periodEnd) {
    invalid(`periodStart: must be after ${previous.periodEnd}, the end of round ${String(previous.round)}`, {
      previousPeriodEnd: previous.periodEnd,
    });
  }
  return {
    docType: 'monitoringRound',
    externalId: programme.externalId,
    programmeId: programme.authorisation.programmeId,
    round,
    periodStart,
    periodEnd,
    vintage: Number(periodEnd.slice(0, 4)),
    claimedReductions: request.claimedReductions,
    issued: 0,
    state: 'Submitted',
    stateHistory: [stateChange('Submitted', 'submit', stamp)],
    documents: [newDocumentReference('MonitoringReport', request.report, stamp)],
    created: stamp,
    updated: stamp,
  };
}

export function verifyRound(
  round: MonitoringRound,
  verifiedReductions: number,
  report: Parameters<typeof newDocumentReference>[1],
  stamp: Stamp,
): MonitoringRound {
  const state = nextState('monitoring round', ROUND_TRANSITIONS, round.state, 'verify');
  if (verifiedReductions > round.claimedReductions) {
    invalid(`verifiedReductions: cannot exceed the ${String(round.claimedReductions)} claimed`, {
      claimed: round.claimedReductions,
    });
  }
  return {
    ...round,
    state,
    verifiedReductions,
    stateHistory: [...round.stateHistory, stateChange(state, 'verify', stamp)],
    documents: [...round.documents, newDocumentReference('VerificationReport', report, stamp)],
    updated: stamp,
  };
}

export function rejectRound(round: MonitoringRound, reason: string, stamp: Stamp): MonitoringRound {
  const state = nextState('monitoring round', ROUND_TRANSITIONS, round.state, 'reject');
  return {
    ...round,
    state,
    stateHistory: [...round.stateHistory, stateChange(state, 'reject', stamp, reason)],
    updated: stamp,
  };
}

/** Records an issuance against the round: never more than verified and not yet issued. */
export function issueFromRound(round: MonitoringRound, quantity: number, stamp: Stamp): MonitoringRound {
  if (round.state !== 'Verified' || round.verifiedReductions === undefined) {
    throw new RegistryError(ErrorCode.INVALID_STATE, `round ${String(round.round)} is ${round.state}, not Verified`, {
      state: round.state,
    });
  }
  const available = round.verifiedReductions - round.issued;
  if (quantity > available) {
    throw new RegistryError(
      ErrorCode.EXCEEDS_VERIFIED,
      `only ${String(available)} verified credits of round ${String(round.round)} are not yet issued`,
      {
        available,
        requested: quantity,
      },
    );
  }
  return { ...round, issued: round.issued + quantity, updated: stamp };
}
