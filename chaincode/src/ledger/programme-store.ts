// Reads and writes programme records with their indexes (by state, proponent, certifier and, once
// authorised, by programme id), and allocates sequential programme ids.
import type { Context } from 'fabric-contract-api';
import type { Programme } from '../domain/programme';
import { ErrorCode, RegistryError } from '../errors';
import { moveIndex, putIndex } from './indexes';
import { KeyPrefix } from './keys';
import { readExisting, readRecord, stateKey, writeRecord } from './transaction';

export const programmeKey = (ctx: Context, externalId: string): string =>
  stateKey(ctx, KeyPrefix.PROGRAMME, externalId);

export function loadProgramme(ctx: Context, externalId: string): Promise<Programme> {
  return readExisting<Programme>(ctx, programmeKey(ctx, externalId), 'programme', externalId);
}

export async function loadProgrammeByNumber(ctx: Context, programmeId: number): Promise<Programme> {
  const pointer = await readRecord<{ externalId: string }>(ctx, numberKey(ctx, programmeId));
  if (!pointer) {
    throw new RegistryError(ErrorCode.NOT_FOUND, `programme ${String(programmeId)} does not exist`, { programmeId });
  }
  return loadProgramme(ctx, pointer.externalId);
}

// Zero-padded so that the index sorts programme 9 before programme 10.
const numberKey = (ctx: Context, programmeId: number): string =>
  stateKey(ctx, KeyPrefix.PROGRAMME_BY_NUMBER, String(programmeId).padStart(12, '0'));

export async function saveProgramme(ctx: Context, programme: Programme, before?: Programme): Promise<void> {
  const id = programme.externalId;
  await writeRecord(ctx, programmeKey(ctx, id), programme);
  if (before) {
    await moveIndex(ctx, KeyPrefix.PROGRAMME_BY_STATE, [before.state, id], [programme.state, id]);
  } else {
    await putIndex(ctx, KeyPrefix.PROGRAMME_BY_STATE, [programme.state, id]);
    for (const p of programme.proponents) await putIndex(ctx, KeyPrefix.PROGRAMME_BY_PROPONENT, [p.companyId, id]);
    for (const c of programme.certifierIds) await putIndex(ctx, KeyPrefix.PROGRAMME_BY_CERTIFIER, [c, id]);
  }
  const number = programme.authorisation?.programmeId;
  if (number !== undefined && before?.authorisation === undefined) {
    await writeRecord(ctx, numberKey(ctx, number), { externalId: id });
  }
}

/**
 * The next programme id. One counter key serialises authorisations, which are rare government
 * acts; nothing frequent (transfers, retirements) ever touches it.
 */
export async function allocateProgrammeId(ctx: Context): Promise<number> {
  const key = stateKey(ctx, KeyPrefix.COUNTER, 'programmeId');
  const counter = await readRecord<{ next: number }>(ctx, key);
  const id = counter?.next ?? 1;
  await writeRecord(ctx, key, { next: id + 1 });
  return id;
}
