// Which unit a public lookup asks for: a full serial (its first unit, with its prefix and vintage
// to check against the block found) or a programme number and unit. Serials are read with the
// chaincode's own parser, so the API accepts exactly the serials the ledger writes.
import { z } from 'zod';
import type { CreditBlock } from '../../../../chaincode/src/domain/credit-block.ts';
import { parseSerial, type SerialNumber } from '../../../../chaincode/src/domain/serial-number.ts';
import { ApiError } from '../../http/api-error.ts';

const positive = z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER);

export const unitLookupQuery = z
  .strictObject({
    serial: z.string().max(200).optional().describe('a credit block serial, e.g. CA0004-VU-CH-356-1-3000-2023'),
    programmeId: positive.optional().describe('with unit: the programme’s number'),
    unit: positive.optional().describe('with programmeId: a unit number'),
  })
  .refine(
    (q) =>
      q.serial === undefined
        ? q.programmeId !== undefined && q.unit !== undefined
        : q.programmeId === undefined && q.unit === undefined,
    { message: 'give either serial, or programmeId and unit' },
  );

export interface UnitTarget {
  readonly programmeId: number;
  readonly unit: number;
  /** Set when the lookup was by serial. */
  readonly serial?: { readonly text: string; readonly parsed: SerialNumber };
}

export function unitTarget(query: z.infer<typeof unitLookupQuery>): UnitTarget {
  if (query.serial === undefined) return { programmeId: query.programmeId ?? 0, unit: query.unit ?? 0 };
  let parsed: SerialNumber;
  try {
    parsed = parseSerial(query.serial);
  } catch {
    // The parser throws only for text that is not a serial. Its error class is not matched with
    // instanceof: the chaincode module can be loaded twice (CommonJS and ESM) in one process.
    throw new ApiError(400, 'INVALID_ARGUMENT', `serial: ${query.serial} is not a credit block serial number`, {
      where: 'query',
      field: 'serial',
    });
  }
  return { programmeId: parsed.programmeId, unit: parsed.blockStart, serial: { text: query.serial, parsed } };
}

/**
 * Whether the block found for a unit answers the lookup: it must hold the unit and, for a serial,
 * carry the same prefix and vintage — a serial naming another country or vintage names no credit.
 */
export function answersLookup(block: Pick<CreditBlock, 'start' | 'end' | 'serialNumber'>, target: UnitTarget): boolean {
  if (block.start > target.unit || block.end < target.unit) return false;
  if (target.serial === undefined) return true;
  const a = block.serialNumber;
  const b = target.serial.parsed;
  return (
    a.creditIdentifier === b.creditIdentifier &&
    a.originatingParty === b.originatingParty &&
    a.firstTransferringParty === b.firstTransferringParty &&
    a.vintage === b.vintage
  );
}
