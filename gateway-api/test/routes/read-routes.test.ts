// The signed-in ledger reads among the write routes: transfer requests only for their parties and
// the government, cursors that round-trip the chaincode's bookmark, CSV, reconciliation, my programmes.
import { expect } from 'chai';
import { allRoutes } from '../../src/routes/index.ts';
import { ACTORS, call, fakeGatewayForSuite, GOVERNMENT_ID } from './fake-gateway.ts';

const stamp = { at: '2025-01-01T00:00:00Z', txId: 't', by: { mspId: 'DeveloperMSP', subject: 'CN=x' } };
const transferRequest = {
  docType: 'transferRequest',
  requestId: 'tx-9',
  from: 'DEV-1',
  to: 'DEV-2',
  requestedBy: 'DEV-2',
  quantity: 4,
  lockedSerials: ['S-1'],
  state: 'Pending',
  updated: stamp,
};

describe('signed-in ledger reads (fake ledger)', () => {
  const gateway = fakeGatewayForSuite(allRoutes);
  beforeEach(() => {
    gateway.ledger.onEvaluate = (transaction) => {
      if (transaction === 'organisation:GetRegistry') return { governmentCompanyId: GOVERNMENT_ID };
      if (transaction === 'transfer:ListTransferRequests')
        return { records: [transferRequest], fetchedRecordsCount: 1, bookmark: '\u0000tr~party\u0000DEV-2\u0000tx-9' };
      if (transaction === 'transfer:GetTransferRequest') return transferRequest;
      return { programmes: [], discrepancies: 0 };
    };
  });

  const evaluated = (transaction: string) =>
    gateway.ledger.calls.filter((c) => c.transaction === transaction).map((c) => ({ signer: c.signer, args: c.args }));

  describe('GET /transfer-requests', () => {
    it('lists a company’s requests for its own people, with a cursor to the next page', async () => {
      const first = await call(gateway.base, 'GET', '/transfer-requests?companyId=DEV-2&state=Pending&limit=1', {
        as: 'otherDeveloper',
      });
      expect(first.status).to.equal(200);
      expect(first.body.items).to.deep.equal([transferRequest]);
      expect(evaluated('transfer:ListTransferRequests')).to.deep.equal([
        {
          signer: ACTORS.otherDeveloper?.userId,
          args: [JSON.stringify({ pageSize: 1, bookmark: '', companyId: 'DEV-2', state: 'Pending' })],
        },
      ]);
      const next = first.body.next as string;
      expect(next).to.match(/^[A-Za-z0-9_-]+$/);
      await call(gateway.base, 'GET', `/transfer-requests?companyId=DEV-2&cursor=${next}`, { as: 'otherDeveloper' });
      const [, second] = evaluated('transfer:ListTransferRequests');
      expect(JSON.parse(second?.args?.[0] ?? '{}')).to.deep.include({
        bookmark: '\u0000tr~party\u0000DEV-2\u0000tx-9',
        pageSize: 25,
      });
    });

    it('lets the government list any company’s requests', async () => {
      const answer = await call(gateway.base, 'GET', '/transfer-requests?companyId=DEV-2', { as: 'government' });
      expect(answer.status).to.equal(200);
    });

    it('refuses another company’s list without reading it', async () => {
      const answer = await call(gateway.base, 'GET', '/transfer-requests?companyId=DEV-2', { as: 'developer' });
      expect(answer.status).to.equal(403);
      expect(answer.body.code).to.equal('FORBIDDEN');
      expect(evaluated('transfer:ListTransferRequests')).to.deep.equal([]);
    });

    it('refuses a cursor it did not give', async () => {
      const answer = await call(gateway.base, 'GET', '/transfer-requests?companyId=DEV-2&cursor=%2B%2B%2B', {
        as: 'otherDeveloper',
      });
      expect(answer.status).to.equal(400);
      expect(answer.body.code).to.equal('INVALID_ARGUMENT');
    });

    it('needs a company and a known state', async () => {
      for (const query of [
        '',
        '?companyId=DEV-2&state=Lost',
        '?companyId=DEV-2&limit=0',
        '?companyId=DEV-2&limit=201',
      ]) {
        const answer = await call(gateway.base, 'GET', `/transfer-requests${query}`, { as: 'otherDeveloper' });
        expect(answer.status, query).to.equal(400);
      }
    });

    it('downloads as CSV', async () => {
      const response = await fetch(`${gateway.base}/transfer-requests?companyId=DEV-2&format=csv`, {
        headers: { authorization: 'Bearer otherDeveloper' },
      });
      expect(response.status).to.equal(200);
      expect(response.headers.get('content-type')).to.match(/^text\/csv/);
      expect(await response.text()).to.equal(
        'requestId,from,to,requestedBy,quantity,state,updatedAt\r\ntx-9,DEV-1,DEV-2,DEV-2,4,Pending,2025-01-01T00:00:00Z\r\n',
      );
    });
  });

  describe('GET /transfer-requests/:requestId', () => {
    it('shows a request to its parties', async () => {
      const answer = await call(gateway.base, 'GET', '/transfer-requests/tx-9', { as: 'developer' });
      expect(answer).to.deep.equal({ status: 200, body: transferRequest });
    });

    it('is 404 for anyone else, as if it did not exist', async () => {
      const answer = await call(gateway.base, 'GET', '/transfer-requests/tx-9', { as: 'certifier' });
      expect(answer.status).to.equal(404);
      expect(answer.body.code).to.equal('NOT_FOUND');
    });
  });

  describe('GET /credit-blocks/reconciliation', () => {
    it('reconciles one programme or all', async () => {
      expect(
        (await call(gateway.base, 'GET', '/credit-blocks/reconciliation?programmeId=3', { as: 'certifier' })).status,
      ).to.equal(200);
      expect((await call(gateway.base, 'GET', '/credit-blocks/reconciliation', { as: 'certifier' })).status).to.equal(
        200,
      );
      expect(evaluated('credit:Reconcile').map((c) => c.args)).to.deep.equal([['{"programmeId":3}'], ['{}']]);
    });

    it('refuses a programme id that is not a positive whole number, and anonymous callers', async () => {
      for (const id of ['abc', '0', '1.5']) {
        const answer = await call(gateway.base, 'GET', `/credit-blocks/reconciliation?programmeId=${id}`, {
          as: 'certifier',
        });
        expect(answer.status, id).to.equal(400);
      }
      expect((await call(gateway.base, 'GET', '/credit-blocks/reconciliation')).status).to.equal(401);
      expect(evaluated('credit:Reconcile')).to.deep.equal([]);
    });
  });

  it('GET /my/programmes lists by my organisation as proponent or certifier', async () => {
    gateway.ledger.onEvaluate = () => ({ records: [], fetchedRecordsCount: 0, bookmark: '' });
    const mine = await call(gateway.base, 'GET', '/my/programmes?as=certifier&limit=10', { as: 'certifier' });
    expect(mine).to.deep.equal({ status: 200, body: { items: [] } });
    await call(gateway.base, 'GET', '/my/programmes', { as: 'developer' });
    expect(evaluated('programme:ListProgrammes').map((c) => JSON.parse(c.args?.[0] ?? '') as unknown)).to.deep.equal([
      { pageSize: 10, bookmark: '', certifier: 'CERT-1' },
      { pageSize: 25, bookmark: '', proponent: 'DEV-1' },
    ]);
  });

  it('documents every route in the OpenAPI document', async () => {
    const response = await fetch(`${gateway.base.replace('/api/v1', '')}/openapi.json`);
    const document = (await response.json()) as { paths: Record<string, Record<string, unknown>> };
    for (const r of allRoutes) {
      const path = r.path.replace(/:(\w+)/g, '{$1}');
      expect(document.paths[path]?.[r.method], `${r.method} ${r.path}`).to.be.an('object');
    }
  });
});
