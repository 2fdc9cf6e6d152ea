// What the ledger answers, as zod schemas for the OpenAPI document. The chaincode is the source of
// truth for each record (chaincode/src/domain/*.ts); these name the fields a client relies on —
// its id, state and last change — and let every other field through.
import { z } from 'zod';
import { BLOCK_STATES } from '../../../chaincode/src/domain/credit-block.ts';
import {
  CANCELLATION_REASONS,
  REQUEST_STATES,
  RETIREMENT_CATEGORIES,
  RETIREMENT_STATES,
} from '../../../chaincode/src/domain/credit-movements.ts';
import { ROUND_STATES } from '../../../chaincode/src/domain/monitoring.ts';
import { COMPANY_ROLES, ORGANISATION_STATES } from '../../../chaincode/src/domain/organisation.ts';
import { PROGRAMME_STATES } from '../../../chaincode/src/domain/programme.ts';

/** Who changed a record, when, in which transaction. */
export const stampRecord = z.object({
  at: z.string().describe('the transaction’s timestamp (ISO 8601)'),
  txId: z.string(),
  by: z.looseObject({
    mspId: z.string(),
    subject: z.string().describe('the signer’s certificate subject'),
    companyId: z.string().optional(),
  }),
});

export const organisationRecord = z.looseObject({
  docType: z.literal('organisation'),
  companyId: z.string(),
  name: z.string(),
  companyRole: z.enum(COMPANY_ROLES),
  hostMspId: z.string(),
  state: z.enum(ORGANISATION_STATES),
  updated: stampRecord,
});

export const programmeRecord = z.looseObject({
  docType: z.literal('programme'),
  externalId: z.string(),
  title: z.string(),
  state: z.enum(PROGRAMME_STATES),
  authorisation: z.looseObject({ programmeId: z.number().int() }).optional(),
  updated: stampRecord,
});

export const monitoringRoundRecord = z.looseObject({
  docType: z.literal('monitoringRound'),
  externalId: z.string(),
  programmeId: z.number().int(),
  round: z.number().int(),
  vintage: z.number().int(),
  claimedReductions: z.number().int(),
  verifiedReductions: z.number().int().optional(),
  issued: z.number().int(),
  state: z.enum(ROUND_STATES),
  updated: stampRecord,
});

export const creditBlockRecord = z.looseObject({
  docType: z.literal('creditBlock'),
  serial: z.string(),
  programmeId: z.number().int(),
  externalId: z.string(),
  vintage: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  quantity: z.number().int(),
  holder: z.string(),
  state: z.enum(BLOCK_STATES),
  updated: stampRecord,
});

export const transferRequestRecord = z.looseObject({
  docType: z.literal('transferRequest'),
  requestId: z.string(),
  from: z.string(),
  to: z.string(),
  requestedBy: z.string(),
  quantity: z.number().int(),
  lockedSerials: z.array(z.string()),
  state: z.enum(REQUEST_STATES),
  updated: stampRecord,
});

export const retirementRecord = z.looseObject({
  docType: z.literal('retirement'),
  retirementId: z.string(),
  holder: z.string(),
  quantity: z.number().int(),
  serials: z.array(z.string()),
  beneficiary: z.string(),
  category: z.enum(RETIREMENT_CATEGORIES),
  state: z.enum(RETIREMENT_STATES),
  updated: stampRecord,
});

export const cancellationRecord = z.looseObject({
  docType: z.literal('cancellation'),
  cancellationId: z.string(),
  holder: z.string(),
  quantity: z.number().int(),
  serials: z.array(z.string()),
  reason: z.enum(CANCELLATION_REASONS),
  note: z.string(),
  created: stampRecord,
});

export const issuanceResult = z.object({
  externalId: z.string(),
  round: z.number().int(),
  quantity: z.number().int(),
  blocks: z.array(creditBlockRecord).describe('one block per proponent, by their shares'),
});

export const sendResult = z.object({
  from: z.string(),
  to: z.string(),
  quantity: z.number().int(),
  serials: z.array(z.string()).describe('the blocks now held by the receiver'),
});

export const holdingsFreezeResult = z.object({
  companyId: z.string(),
  units: z.number().int().describe('how many units changed state'),
});

export const reconciliationResult = z.object({
  programmes: z.array(
    z.looseObject({
      programmeId: z.number().int(),
      issued: z.number().int(),
      unitsByState: z.record(z.string(), z.number().int()),
      blocks: z.number().int(),
      gaps: z.array(z.tuple([z.number().int(), z.number().int()])),
      overlaps: z.array(z.tuple([z.number().int(), z.number().int()])),
      discrepancies: z.number().int(),
    }),
  ),
  discrepancies: z.number().int().describe('0 when every issued unit is in exactly one block'),
});
