// Contract "transfer", requests: asking a holder for credits (which locks them), the holder's approval or rejection, the requester's cancellation, who may decide, and the request queries.
import { expect } from 'chai';
import type { TransferRequest } from '../../src/domain/credit-movements';
import type { FakeCaller } from '../support/fake-ledger';
import { contracts } from '../support/registry-fixture';
import { hasKey, json, query, refused, stored, write, key, type Call } from './contract-kit';
import {
  actions,
  expectReconciled,
  freshWorld,
  lastEntry,
  layout,
  pages,
  serialOf,
  setSuspended,
  storedBlock,
  type World,
} from './credits-contract-kit';

const { transfer } = contracts;
const ask =
  (request: object): Call =>
  (ctx) =>
    transfer.RequestCredits(ctx, json(request));
const approve =
  (requestId: string): Call =>
  (ctx) =>
    transfer.ApproveTransferRequest(ctx, json({ requestId }));
const reject =
  (requestId: string, reason = ''): Call =>
  (ctx) =>
    transfer.RejectTransferRequest(ctx, json({ requestId, reason }));
const cancel =
  (requestId: string): Call =>
  (ctx) =>
    transfer.CancelTransferRequest(ctx, json({ requestId }));
const party = (w: World, companyId: string, state: string, requestId: string) =>
  hasKey(w.ledger, 'transferRequest~party', companyId, state, requestId);

describe('credits: transfer requests', () => {
  let w: World;
  let outsider: FakeCaller;
  beforeEach(async () => {
    w = await freshWorld();
    const devActive = w.fixture.applicants['DEV-ACTIVE'];
    if (!devActive) throw new Error('fixture: DEV-ACTIVE has an Admin');
    outsider = devActive;
  });
  afterEach(async () => {
    await expectReconciled(w);
  });

  describe('RequestCredits', () => {
    it('locks the requested units of the holder until it decides', async () => {
      const { result, event } = await write<TransferRequest>(w.ledger, w.dev, ask({ from: 'GOV', quantity: 300 }));
      const requestId = event.txId;
      expect(result).to.deep.include({
        requestId,
        from: 'GOV',
        to: 'DEV',
        requestedBy: 'DEV',
        quantity: 300,
        note: '',
        lockedSerials: [serialOf(5601, 5900)],
        state: 'Pending',
      });
      expect(stored(w.ledger, key('transferRequest', requestId))).to.deep.equal(result);
      expect([party(w, 'GOV', 'Pending', requestId), party(w, 'DEV', 'Pending', requestId)]).to.deep.equal([
        true,
        true,
      ]);
      expect(event).to.deep.include({
        name: 'CreditsRequested',
        payload: { requestId, from: 'GOV', to: 'DEV', quantity: 300, state: 'Pending' },
      });
      const locked = storedBlock(w.ledger, 1, 5900);
      expect(locked).to.include({ holder: 'GOV', state: 'PendingTransfer', pendingReference: requestId });
      expect(lastEntry(locked)).to.include({ action: 'lock', reference: requestId, state: 'PendingTransfer' });
      expect(layout(w.ledger).slice(3, 5)).to.deep.equal(['4001-5600 GOV Active', '5601-5900 GOV PendingTransfer']);
    });

    it('lets the government request for another receiver, who then gets the units', async () => {
      const { result } = await write<TransferRequest>(
        w.ledger,
        w.gov,
        ask({ from: 'DEV', to: 'DEV-ACTIVE', quantity: 10 }),
      );
      expect(result).to.deep.include({ from: 'DEV', to: 'DEV-ACTIVE', requestedBy: 'GOV' });
      expect(party(w, 'DEV-ACTIVE', 'Pending', result.requestId)).to.equal(true);
      expect(party(w, 'GOV', 'Pending', result.requestId)).to.equal(false);
      // Only the requester withdraws, not the receiver.
      await refused(w.ledger, outsider, cancel(result.requestId), 'FORBIDDEN');
      await write(w.ledger, w.dev, approve(result.requestId));
      expect(storedBlock(w.ledger, 1, 3850)).to.include({ serial: serialOf(3841, 3850), holder: 'DEV-ACTIVE' });
    });

    it('refuses a non-government requester asking for another receiver', async () => {
      const body = await refused(w.ledger, w.dev, ask({ from: 'GOV', to: 'DEV-ACTIVE', quantity: 10 }), 'FORBIDDEN');
      expect(body.details).to.deep.equal({ to: 'DEV-ACTIVE' });
    });

    it('refuses a holder that is also the receiver', async () => {
      await refused(w.ledger, w.dev, ask({ from: 'DEV', quantity: 10 }), 'INVALID_ARGUMENT');
      await refused(w.ledger, w.gov, ask({ from: 'DEV', to: 'DEV', quantity: 10 }), 'INVALID_ARGUMENT');
    });

    it('refuses a receiver that cannot hold credits', async () => {
      await refused(w.ledger, w.gov, ask({ from: 'DEV', to: 'CERT', quantity: 10 }), 'INVALID_STATE');
      await refused(w.ledger, w.gov, ask({ from: 'DEV', to: 'DEV-SUSPENDED', quantity: 10 }), 'INVALID_STATE');
      await refused(w.ledger, w.gov, ask({ from: 'DEV', to: 'NOBODY', quantity: 10 }), 'NOT_FOUND');
    });

    it('refuses more than the holder has free, and units already locked', async () => {
      const body = await refused(w.ledger, w.dev, ask({ from: 'GOV', quantity: 1901 }), 'INSUFFICIENT_CREDITS');
      expect(body.details).to.deep.equal({ holder: 'GOV', available: 1900, requested: 1901 });
      const select = { serial: serialOf(5901, 6000) };
      await refused(w.ledger, w.dev, ask({ from: 'GOV', quantity: 1, select }), 'INVALID_STATE');
    });
  });

  describe('deciding a request', () => {
    it('approval hands the locked units to the receiver', async () => {
      const requestId = w.credits.requestFromDev;
      const { result, event } = await write<TransferRequest>(w.ledger, w.dev, approve(requestId));
      expect(result.state).to.equal('Approved');
      expect(result.stateHistory.map((s) => [s.state, s.action])).to.deep.equal([
        ['Pending', 'request'],
        ['Approved', 'approve'],
      ]);
      expect(stored(w.ledger, key('transferRequest', requestId))).to.deep.equal(result);
      expect(event).to.deep.include({
        name: 'TransferRequestApproved',
        payload: { requestId, from: 'DEV', to: 'GOV', quantity: 100, state: 'Approved' },
      });
      expect([party(w, 'DEV', 'Approved', requestId), party(w, 'DEV', 'Pending', requestId)]).to.deep.equal([
        true,
        false,
      ]);
      const block = storedBlock(w.ledger, 1, 4000);
      expect(block).to.include({ holder: 'GOV', state: 'Active' });
      expect(block).to.not.have.property('pendingReference');
      expect(actions(block).slice(-2)).to.deep.equal(['lock', 'transfer']);
      expect(lastEntry(block)).to.include({ holder: 'GOV', reference: requestId, txId: event.txId });
    });

    it('rejection by the holder unlocks the units, with the reason in the history', async () => {
      const requestId = w.credits.requestFromGov;
      const { result, event } = await write<TransferRequest>(w.ledger, w.gov, reject(requestId, 'not for sale'));
      expect(result.stateHistory[1]).to.include({ state: 'Rejected', action: 'reject', reason: 'not for sale' });
      expect(event).to.deep.include({ name: 'TransferRequestRejected' });
      expect(event.payload).to.include({ requestId, state: 'Rejected' });
      const block = storedBlock(w.ledger, 1, 6000);
      expect(block).to.include({ holder: 'GOV', state: 'Active' });
      expect(block).to.not.have.property('pendingReference');
      expect(lastEntry(block)).to.include({ action: 'unlock', reference: requestId });
    });

    it('cancellation by the requester unlocks the units', async () => {
      const requestId = w.credits.requestFromDev;
      const { result, event } = await write<TransferRequest>(w.ledger, w.gov, cancel(requestId));
      expect(result.state).to.equal('Cancelled');
      expect(result.stateHistory[1]).to.not.have.property('reason');
      expect(event).to.deep.include({ name: 'TransferRequestCancelled' });
      expect(storedBlock(w.ledger, 1, 4000)).to.include({ holder: 'DEV', state: 'Active' });
    });

    it('lets only the holder approve or reject, and only the requester cancel', async () => {
      const fromDev = w.credits.requestFromDev;
      for (const caller of [w.gov, outsider]) {
        await refused(w.ledger, caller, approve(fromDev), 'FORBIDDEN');
        await refused(w.ledger, caller, reject(fromDev), 'FORBIDDEN');
      }
      for (const caller of [w.dev, outsider]) await refused(w.ledger, caller, cancel(fromDev), 'FORBIDDEN');
    });

    it('decides a request once', async () => {
      const requestId = w.credits.requestFromDev;
      await write(w.ledger, w.dev, approve(requestId));
      await refused(w.ledger, w.dev, approve(requestId), 'INVALID_STATE');
      await refused(w.ledger, w.dev, reject(requestId), 'INVALID_STATE');
      await refused(w.ledger, w.gov, cancel(requestId), 'INVALID_STATE');
      await write(w.ledger, w.dev, cancel(w.credits.requestFromGov));
      const body = await refused(w.ledger, w.gov, approve(w.credits.requestFromGov), 'INVALID_STATE');
      expect(body.details).to.include({ state: 'Cancelled' });
    });

    it('refuses approval to a receiver suspended meanwhile', async () => {
      await setSuspended(w, 'DEV', true);
      await refused(w.ledger, w.gov, approve(w.credits.requestFromGov), 'INVALID_STATE');
    });

    it('refuses an unknown request', async () => {
      await refused(w.ledger, w.dev, approve('tx999999'), 'NOT_FOUND');
      await refused(w.ledger, w.gov, cancel('tx999999'), 'NOT_FOUND');
    });
  });

  describe('GetTransferRequest and ListTransferRequests', () => {
    const list =
      (request: object): Call =>
      (ctx) =>
        transfer.ListTransferRequests(ctx, json(request));
    const ids = async (request: object) =>
      (await query<{ records: TransferRequest[] }>(w.ledger, w.gov, list(request))).records.map((r) => r.requestId);

    it('reads a request, or NOT_FOUND', async () => {
      const request = await query<TransferRequest>(w.ledger, w.gov, (ctx) =>
        transfer.GetTransferRequest(ctx, w.credits.requestFromGov),
      );
      expect(request).to.deep.include({ from: 'GOV', to: 'DEV', quantity: 100, lockedSerials: [serialOf(5901, 6000)] });
      await refused(w.ledger, w.gov, (ctx) => transfer.GetTransferRequest(ctx, 'tx999999'), 'NOT_FOUND');
    });

    it('lists the requests where a company holds or receives, by state, page by page', async () => {
      const { requestFromDev, requestFromGov } = w.credits;
      await write(w.ledger, w.dev, approve(requestFromDev));
      expect(await ids({ companyId: 'DEV' })).to.have.members([requestFromDev, requestFromGov]);
      expect(await ids({ companyId: 'GOV', state: 'Approved' })).to.deep.equal([requestFromDev]);
      expect(await ids({ companyId: 'GOV', state: 'Pending' })).to.deep.equal([requestFromGov]);
      expect(await ids({ companyId: 'DEV', state: 'Rejected' })).to.deep.equal([]);
      expect(await ids({ companyId: 'CERT' })).to.deep.equal([]);
      const paged = await pages<TransferRequest>(w.ledger, w.gov, 1, (bookmark) =>
        list({ companyId: 'DEV', pageSize: 1, bookmark }),
      );
      expect(paged.flat().map((r) => r.requestId)).to.have.members([requestFromDev, requestFromGov]);
      expect(paged).to.have.length(2);
    });

    it('refuses a list without a company or with an unknown state', async () => {
      await refused(w.ledger, w.gov, list({}), 'INVALID_ARGUMENT');
      await refused(w.ledger, w.gov, list({ companyId: 'DEV', state: 'Done' }), 'INVALID_ARGUMENT');
    });
  });
});
