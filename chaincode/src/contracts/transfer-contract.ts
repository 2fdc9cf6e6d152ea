// Contract "transfer": a holder sends credits (immediately); or a receiver, or the government,
// requests credits from a holder, which locks the units (PendingTransfer) so they cannot be spent
// twice, until the holder approves or rejects or the requester cancels.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { applyToBlock, type CreditBlock } from '../domain/credit-block';
import {
  creditRequestRequest,
  decideRequest,
  requestDecisionRequest,
  sendRequest,
  type TransferRequest,
} from '../domain/credit-movements';
import { HOLDER_ROLES } from '../domain/permissions';
import { stateChange, type Stamp } from '../domain/stamp';
import { ErrorCode, RegistryError } from '../errors';
import { authorise, forbid, type AuthorisedCaller } from '../ledger/access';
import { BlockChanges } from '../ledger/block-store';
import { takeUnits } from '../ledger/credit-moves';
import { releasedState } from '../ledger/freezes';
import { pageByIndex } from '../ledger/indexes';
import { KeyPrefix } from '../ledger/keys';
import { loadCreditHolder, loadRequest, lockedBlocks, requestKey, saveRequest } from '../ledger/movement-store';
import { loadOrganisation } from '../ledger/organisation-store';
import { listTransferRequestsRequest } from '../domain/requests';
import { emitEvent, parseInput } from '../ledger/transaction';

@Info({ title: 'Transfers', description: 'Sending credits, and requests that lock them until decided' })
export class TransferContract extends Contract {
  constructor() {
    super('transfer');
  }

  /** {to, quantity, select?: {serial? | programmeId?, vintage?}} from the caller's own account. */
  @Transaction()
  @Returns('string')
  async SendCredits(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'credits.send');
    const request = parseInput(sendRequest, requestJson, 'request');
    const from = caller.organisation.companyId;
    if (request.to === from) throw new RegistryError(ErrorCode.INVALID_ARGUMENT, 'to: cannot send credits to yourself');
    await loadCreditHolder(ctx, request.to, HOLDER_ROLES);
    const changes = new BlockChanges();
    const moved = await takeUnits(ctx, changes, from, request.quantity, request.select, caller.stamp);
    const reference = `transfer:${caller.stamp.txId}`;
    for (const block of moved) {
      changes.replace(
        block,
        applyToBlock(block, 'transfer', { holder: request.to, state: 'Active' }, caller.stamp, reference),
      );
    }
    await changes.commit(ctx);
    const serials = moved.map((b) => b.serial);
    emitEvent(ctx, 'CreditsTransferred', { from, to: request.to, quantity: request.quantity, serials });
    return JSON.stringify({ from, to: request.to, quantity: request.quantity, serials });
  }

  /** {from, to?, quantity, select?, note?}: the receiver (or the government for a receiver) asks a holder. */
  @Transaction()
  @Returns('string')
  async RequestCredits(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'credits.request');
    const r = parseInput(creditRequestRequest, requestJson, 'request');
    const requester = caller.organisation.companyId;
    const to = r.to ?? requester;
    if (to !== requester && caller.organisation.companyRole !== 'Government') {
      forbid('only the government may request credits for another organisation', { to });
    }
    if (r.from === to)
      throw new RegistryError(ErrorCode.INVALID_ARGUMENT, 'from: the holder and the receiver must differ');
    await loadCreditHolder(ctx, to, HOLDER_ROLES);
    const holder = await loadOrganisation(ctx, r.from);
    if (!HOLDER_ROLES.includes(holder.companyRole)) {
      throw new RegistryError(ErrorCode.INVALID_STATE, `${r.from} (a ${holder.companyRole}) holds no credits`, {
        from: r.from,
      });
    }
    const requestId = caller.stamp.txId;
    const changes = new BlockChanges();
    const moved = await takeUnits(ctx, changes, r.from, r.quantity, r.select, caller.stamp);
    const locked: CreditBlock[] = [];
    for (const block of moved) {
      const held = lock(block, requestId, caller.stamp);
      changes.replace(block, held);
      locked.push(held);
    }
    await changes.commit(ctx);
    const request: TransferRequest = {
      docType: 'transferRequest',
      requestId,
      from: r.from,
      to,
      requestedBy: requester,
      quantity: r.quantity,
      note: r.note,
      lockedSerials: locked.map((b) => b.serial),
      state: 'Pending',
      stateHistory: [stateChange('Pending', 'request', caller.stamp)],
      created: caller.stamp,
      updated: caller.stamp,
    };
    await saveRequest(ctx, request);
    return done(ctx, 'CreditsRequested', request);
  }

  /** {requestId}: the holder hands the locked units to the receiver. */
  @Transaction()
  @Returns('string')
  async ApproveTransferRequest(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'credits.decideRequest');
    const { requestId, reason } = parseInput(requestDecisionRequest, requestJson, 'request');
    const before = await this.#requestOf(ctx, caller, requestId, 'from');
    const after = decideRequest(before, 'approve', reason, caller.stamp);
    await loadCreditHolder(ctx, before.to, HOLDER_ROLES);
    await this.#release(ctx, before, (b) =>
      applyToBlock(b, 'transfer', { holder: before.to, state: 'Active' }, caller.stamp, requestId),
    );
    await saveRequest(ctx, after, before);
    return done(ctx, 'TransferRequestApproved', after);
  }

  /** {requestId, reason?}: the holder refuses; the units are unlocked. */
  @Transaction()
  @Returns('string')
  async RejectTransferRequest(ctx: Context, requestJson: string): Promise<string> {
    return this.#unlock(ctx, requestJson, 'reject', 'from');
  }

  /** {requestId, reason?}: the requester withdraws; the units are unlocked. */
  @Transaction()
  @Returns('string')
  async CancelTransferRequest(ctx: Context, requestJson: string): Promise<string> {
    return this.#unlock(ctx, requestJson, 'cancel', 'requestedBy');
  }

  @Transaction(false)
  @Returns('string')
  async GetTransferRequest(ctx: Context, requestId: string): Promise<string> {
    return JSON.stringify(await loadRequest(ctx, requestId));
  }

  /** {companyId, state?, pageSize?, bookmark?}: requests where the company holds or receives. */
  @Transaction(false)
  @Returns('string')
  async ListTransferRequests(ctx: Context, requestJson: string): Promise<string> {
    const r = parseInput(listTransferRequestsRequest, requestJson, 'request');
    const partial = r.state === undefined ? [r.companyId] : [r.companyId, r.state];
    const page = await pageByIndex<TransferRequest>(
      ctx,
      KeyPrefix.TRANSFER_REQUEST_BY_PARTY,
      partial,
      r.pageSize,
      r.bookmark,
      (id) => requestKey(ctx, id),
    );
    return JSON.stringify(page);
  }

  async #unlock(
    ctx: Context,
    requestJson: string,
    action: 'reject' | 'cancel',
    party: 'from' | 'requestedBy',
  ): Promise<string> {
    const caller = await authorise(ctx, action === 'reject' ? 'credits.decideRequest' : 'credits.cancelRequest');
    const { requestId, reason } = parseInput(requestDecisionRequest, requestJson, 'request');
    const before = await this.#requestOf(ctx, caller, requestId, party);
    const after = decideRequest(before, action, reason, caller.stamp);
    const released = await releasedState(ctx, before.from);
    await this.#release(ctx, before, (b) => applyToBlock(b, 'unlock', released, caller.stamp, requestId));
    await saveRequest(ctx, after, before);
    return done(ctx, action === 'reject' ? 'TransferRequestRejected' : 'TransferRequestCancelled', after);
  }

  async #requestOf(
    ctx: Context,
    caller: AuthorisedCaller,
    requestId: string,
    party: 'from' | 'requestedBy',
  ): Promise<TransferRequest> {
    const request = await loadRequest(ctx, requestId);
    if (request[party] !== caller.organisation.companyId) {
      forbid(`only ${request[party]} may decide on request ${requestId}`, { requestId });
    }
    return request;
  }

  /** Applies `change` to every block the request locked (callers decide the request first, so it is Pending). */
  async #release(ctx: Context, request: TransferRequest, change: (b: CreditBlock) => CreditBlock): Promise<void> {
    const changes = new BlockChanges();
    for (const block of await lockedBlocks(ctx, request.lockedSerials, request.requestId)) {
      changes.replace(block, change(block));
    }
    await changes.commit(ctx);
  }
}

function lock(block: CreditBlock, requestId: string, stamp: Stamp): CreditBlock {
  return applyToBlock(block, 'lock', { state: 'PendingTransfer', pendingReference: requestId }, stamp, requestId);
}

function done(ctx: Context, event: string, request: TransferRequest): string {
  emitEvent(ctx, event, {
    requestId: request.requestId,
    from: request.from,
    to: request.to,
    quantity: request.quantity,
    state: request.state,
  });
  return JSON.stringify(request);
}
