// Reads and writes transfer requests, retirements and cancellations with their indexes: requests
// by party ([companyId, state, requestId], for holder and receiver), retirements by state (the
// government's approval queue and the public register) and by holder.
import type { Context } from 'fabric-contract-api';
import type { CreditBlock } from '../domain/credit-block';
import type { Cancellation, Retirement, TransferRequest } from '../domain/credit-movements';
import type { HOLDER_ROLES } from '../domain/permissions';
import type { Organisation } from '../domain/organisation';
import { ErrorCode, RegistryError } from '../errors';
import { organisationKey } from './access';
import { blockBySerial } from './block-store';
import { moveIndex, putIndex } from './indexes';
import { KeyPrefix } from './keys';
import { readExisting, readRecord, stateKey, writeRecord } from './transaction';

export const requestKey = (ctx: Context, id: string): string => stateKey(ctx, KeyPrefix.TRANSFER_REQUEST, id);
export const retirementKey = (ctx: Context, id: string): string => stateKey(ctx, KeyPrefix.RETIREMENT, id);
export const cancellationKey = (ctx: Context, id: string): string => stateKey(ctx, KeyPrefix.CANCELLATION, id);

export function loadRequest(ctx: Context, id: string): Promise<TransferRequest> {
  return readExisting<TransferRequest>(ctx, requestKey(ctx, id), 'transfer request', id);
}

export async function saveRequest(ctx: Context, request: TransferRequest, before?: TransferRequest): Promise<void> {
  await writeRecord(ctx, requestKey(ctx, request.requestId), request);
  for (const party of new Set([request.from, request.to])) {
    const after = [party, request.state, request.requestId];
    if (before)
      await moveIndex(ctx, KeyPrefix.TRANSFER_REQUEST_BY_PARTY, [party, before.state, request.requestId], after);
    else await putIndex(ctx, KeyPrefix.TRANSFER_REQUEST_BY_PARTY, after);
  }
}

export function loadRetirement(ctx: Context, id: string): Promise<Retirement> {
  return readExisting<Retirement>(ctx, retirementKey(ctx, id), 'retirement', id);
}

export async function saveRetirement(ctx: Context, retirement: Retirement, before?: Retirement): Promise<void> {
  const id = retirement.retirementId;
  await writeRecord(ctx, retirementKey(ctx, id), retirement);
  if (before) {
    await moveIndex(ctx, KeyPrefix.RETIREMENT_BY_STATE, [before.state, id], [retirement.state, id]);
  } else {
    await putIndex(ctx, KeyPrefix.RETIREMENT_BY_STATE, [retirement.state, id]);
    await putIndex(ctx, KeyPrefix.RETIREMENT_BY_HOLDER, [retirement.holder, id]);
  }
}

export function saveCancellation(ctx: Context, cancellation: Cancellation): Promise<void> {
  return writeRecord(ctx, cancellationKey(ctx, cancellation.cancellationId), cancellation);
}

/** The blocks a request or retirement locked, which must still be locked by it. */
export async function lockedBlocks(
  ctx: Context,
  serials: readonly string[],
  reference: string,
): Promise<CreditBlock[]> {
  const blocks: CreditBlock[] = [];
  for (const serial of serials) {
    const block = await blockBySerial(ctx, serial);
    if (block.pendingReference !== reference) {
      throw new RegistryError(ErrorCode.CONFLICT, `block ${serial} is no longer locked by ${reference}`, { serial });
    }
    blocks.push(block);
  }
  return blocks;
}

/** An Active organisation that may hold credits, other than `except`. */
export async function loadCreditHolder(
  ctx: Context,
  companyId: string,
  roles: typeof HOLDER_ROLES,
): Promise<Organisation> {
  const org = await readRecord<Organisation>(ctx, organisationKey(ctx, companyId));
  if (!org) throw new RegistryError(ErrorCode.NOT_FOUND, `organisation ${companyId} does not exist`, { companyId });
  if (org.state !== 'Active' || !roles.includes(org.companyRole)) {
    throw new RegistryError(
      ErrorCode.INVALID_STATE,
      `${companyId} cannot hold credits (it is a ${org.state} ${org.companyRole})`,
      {
        companyId,
      },
    );
  }
  return org;
}
