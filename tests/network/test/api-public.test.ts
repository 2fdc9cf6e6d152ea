// The public read API (no sign-in) on the real network: registry activity made on the ledger
// (two developers, a certifier, an authorised programme with an issuance, a transfer that splits a
// block, a retirement, a second programme still submitted) is replicated by the shared gateway's
// replicator, and every public endpoint is read through real HTTP — filters, sorting, pages, CSV
// exports, 400 and 404 answers — and a real block is verified against the peer's chain. Before
// that, every query the API makes is checked with _explain to be served by the index it names, and
// pages are walked over seeded documents on the suite's CouchDB server.
import { expect } from 'chai';
import { ensureIndexes } from '../../../gateway-api/src/replica/indexes.ts';
import { creditBlockListing } from '../../../gateway-api/src/replica/credit-queries.ts';
import { programmeListing, type ProgrammeFilter } from '../../../gateway-api/src/replica/programme-queries.ts';
import { ReplicaReader } from '../../../gateway-api/src/replica/replica-reader.ts';
import { openCouch, type Couch } from '../../../gateway-api/src/store/couch.ts';
import { apiBase, couchUrl, sharedGateway } from '../src/api-gateway.ts';
import { waitFor } from '../src/network-control.ts';
import { everyPublicQuery } from '../src/public-query-catalogue.ts';
import { submitRequest, uniqueId, type OrgSession } from '../src/registry-client.ts';
import { RegistryScenario, sampleProgramme, verifiedRound } from '../src/registry-setup.ts';

const run = uniqueId('p').replace(/[^A-Za-z0-9]/g, '').slice(-10).toUpperCase();

interface Answer<T = Record<string, unknown>> {
  readonly status: number;
  readonly body: T;
  readonly text: string;
  readonly contentType: string;
}

async function get<T = Record<string, unknown>>(path: string): Promise<Answer<T>> {
  const response = await fetch(`${await apiBase()}${path}`);
  const text = await response.text();
  const contentType = response.headers.get('content-type') ?? '';
  return { status: response.status, body: (contentType.includes('json') ? JSON.parse(text) : {}) as T, text, contentType };
}

interface Page<T> {
  items: T[];
  next?: string;
}

/** Every item of a list, page by page (`limit` per page), checking no item comes twice. */
async function walk<T>(path: string, limit: number, key: (item: T) => string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 200; pages++) {
    const separator = path.includes('?') ? '&' : '?';
    const answer = await get<Page<T>>(`${path}${separator}limit=${String(limit)}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(answer.status, `${path}: ${answer.text}`).to.equal(200);
    expect(answer.body.items.length).to.be.at.most(limit);
    items.push(...answer.body.items);
    cursor = answer.body.next;
    if (cursor === undefined) break;
  }
  const keys = items.map(key);
  expect(new Set(keys).size, `${path}: an item came twice`).to.equal(keys.length);
  return items;
}

async function expectError(path: string, status: number, code: string): Promise<void> {
  const answer = await get<{ code: string }>(path);
  expect(answer.status, `${path}: ${answer.text}`).to.equal(status);
  expect(answer.body.code, path).to.equal(code);
}

describe('public read API: every query served by the index it names', function () {
  this.timeout(120_000);
  let couch: Couch;

  before(async () => {
    couch = openCouch(couchUrl(), `h3seed${run.toLowerCase()}`);
    await couch.server.db.create(couch.names.replica);
    await ensureIndexes(couch.replica);
  });

  after(async () => {
    await couch.server.db.destroy(couch.names.replica);
  });

  it('_explain names the listing’s own index for every query the API makes', async () => {
    const reader = new ReplicaReader(couch.replica);
    const queries = everyPublicQuery();
    expect(queries.length).to.be.greaterThan(100);
    for (const { name, query, ddoc } of queries) {
      const explained = await reader.explain(query);
      expect(explained.ddoc, name).to.equal(`_design/${ddoc}`);
    }
  });

  it('walks pages over seeded documents exactly once, in sort order, with ties and filters', async () => {
    const docs: Record<string, unknown>[] = [];
    for (let i = 0; i < 45; i++) {
      const id = `P.${String(i).padStart(2, '0')}`;
      docs.push({
        _id: `programme:${id}`,
        type: 'programme',
        externalId: id,
        state: ['Submitted', 'Authorised', 'Rejected'][i % 3],
        sector: ['Energy', 'Waste'][i % 2],
        titleLower: `solar (x) ${String(i % 4)}`,
        submittedAt: `2024-0${String(1 + (i % 5))}-01`,
        programmeId: i % 3 === 1 ? i : null,
        proponents: [`DEV-${String(i % 3)}`, 'ALL'],
      });
    }
    for (let p = 1; p <= 3; p++) {
      for (let end = 100; end <= 1000; end += 100) {
        docs.push({ _id: `creditBlock:${String(p)}:${String(end)}`, type: 'creditBlock', programmeId: p, end, holder: `H${String(end % 300)}`, state: end % 200 ? 'Active' : 'Retired' });
      }
    }
    await couch.replica.bulk({ docs });
    const reader = new ReplicaReader(couch.replica);
    const collate = (a: unknown, b: unknown): number => (a === b ? 0 : a === null ? -1 : b === null ? 1 : (a as string) < (b as string) ? -1 : 1);
    const byKeys = (fields: string[], order: 'asc' | 'desc') => (a: Record<string, unknown>, b: Record<string, unknown>) =>
      (order === 'asc' ? 1 : -1) * (fields.map((f) => collate(a[f], b[f])).find((c) => c !== 0) ?? 0);

    async function all(listing: ReturnType<typeof programmeListing>, limit: number): Promise<string[]> {
      const ids: string[] = [];
      let cursor: string | undefined;
      for (let pages = 0; pages < 100; pages++) {
        const page = await reader.page<{ _id: string }>(listing, limit, cursor);
        ids.push(...page.items.map((d) => d._id));
        cursor = page.next;
        if (cursor === undefined) break;
      }
      return ids;
    }

    const field = { title: 'titleLower', submitted: 'submittedAt', programmeId: 'programmeId' } as const;
    const filters: [Omit<ProgrammeFilter, 'sort' | 'order'>, (d: Record<string, unknown>) => boolean][] = [
      [{}, () => true],
      [{ state: 'Authorised', sector: 'Waste' }, (d) => d.state === 'Authorised' && d.sector === 'Waste'],
      [{ sector: 'Energy', organisation: 'DEV-1' }, (d) => d.sector === 'Energy' && (d.proponents as string[]).includes('DEV-1')],
      [{ q: 'SOLAR (X) 2' }, (d) => d.titleLower === 'solar (x) 2'],
      [{ q: 'p.1' }, (d) => (d.externalId as string).startsWith('P.1')],
    ];
    for (const sort of ['title', 'submitted', 'programmeId'] as const) {
      for (const order of ['asc', 'desc'] as const) {
        for (const [filter, keep] of filters) {
          const expected = docs
            .filter((d) => d.type === 'programme' && keep(d))
            .sort(byKeys([field[sort], '_id'], order))
            .map((d) => d._id);
          expect(await all(programmeListing({ ...filter, sort, order }), 4), JSON.stringify({ ...filter, sort, order })).to.deep.equal(expected);
        }
      }
    }
    for (const filter of [{}, { programmeId: 2 }, { holder: 'H100' }, { state: 'Retired' }, { programmeId: 2, holder: 'H200' }, { holder: 'H0', state: 'Retired' }]) {
      const expected = docs
        .filter((d) => d.type === 'creditBlock' && Object.entries(filter).every(([k, v]) => d[k] === v))
        .sort(byKeys(['programmeId', 'end'], 'asc'))
        .map((d) => d._id);
      expect(await all(creditBlockListing(filter), 3), JSON.stringify(filter)).to.deep.equal(expected);
    }
  });
});

interface ProgrammeItem {
  externalId: string;
  programmeId: number | null;
  title: string;
  state: string;
  sector: string;
  serialPrefix: string | null;
  documents?: { sha256: string; type: string }[];
}

interface BlockItem {
  serial: string;
  programmeId: number;
  start: number;
  end: number;
  quantity: number;
  holder: string;
  state: string;
}

interface TransactionItem {
  txId: string;
  block: number;
  index: number;
  function: string | null;
  valid: boolean;
  endorsers: string[];
}

describe('public read API on the real network (replica fed by the replicator)', function () {
  this.timeout(600_000);
  let scenario: RegistryScenario;
  const externalId = `PUB-${run}`;
  const submittedId = `PUB-${run}-W`;
  const devAId = `PBA-${run}`;
  const devBId = `PBB-${run}`;
  const certifierId = `PBC-${run}`;
  let devB: OrgSession;
  let programmeId = 0;
  let issuanceTx = '';
  let retirementId = '';

  before(async () => {
    scenario = new RegistryScenario(run);
    await scenario.ensureBootstrapped();
    const certifier = await scenario.certifier(certifierId);
    const devA = await scenario.developer(devAId);
    devB = await scenario.developer(devBId);
    programmeId = await scenario.authorisedProgramme(externalId, devA, devAId, certifier, certifierId, [
      { companyId: devAId, shareBps: 6000 },
      { companyId: devBId, shareBps: 4000 },
    ]);
    const round = await verifiedRound(devA, certifier, externalId, 5000);
    // Units 1–1800 to A, 1801–3000 to B; A then sends its top 500 (1301–1800) to B.
    const issued = await submitRequest<{ blocks: { lineage: { txId: string }[] }[] }>(scenario.government, 'issuance:IssueCredits', {
      externalId,
      round,
      quantity: 3000,
    });
    issuanceTx = issued.blocks[0]?.lineage[0]?.txId ?? '';
    await submitRequest(devA, 'transfer:SendCredits', { to: devBId, quantity: 500 });
    // A voluntary cancellation at home retires at once (only a use abroad awaits the government).
    retirementId = (
      await submitRequest<{ retirementId: string }>(devB, 'retirement:RetireCredits', {
        quantity: 100,
        beneficiary: `Beneficiary ${run}`,
        category: 'VoluntaryCancellation',
      })
    ).retirementId;
    await submitRequest(devB, 'programme:SubmitProgramme', {
      ...sampleProgramme(submittedId, scenario.country, [{ companyId: devBId, shareBps: 10000 }], certifierId),
      title: `Kakuma Biogas Kitchens ${run}`,
      sector: 'Waste',
      typeOfMitigation: 'Methane',
    });
    await sharedGateway();
    // The replica has caught up once it holds every block the peers have now.
    const { body: network } = await get<{ heights: { peers: Record<string, number | null> } }>('/network');
    const height = Math.max(...Object.values(network.heights.peers).map((h) => h ?? 0));
    await waitFor('the replica to reach the peers’ height', 300_000, async () => {
      const { body } = await get<{ replicatedHeight: number }>('/statistics');
      return body.replicatedHeight >= height ? true : undefined;
    });
  });

  after(() => {
    scenario.close();
  });

  it('lists programmes by text, state, sector and proponent, sorted and paged', async () => {
    const ours = await walk<ProgrammeItem>(`/programmes?q=${run.toLowerCase()}&sort=title`, 1, (p) => p.externalId);
    expect(ours.map((p) => p.externalId)).to.deep.equal([submittedId, externalId]); // "kakuma…" before "turkana…"
    const reversed = await walk<ProgrammeItem>(`/programmes?q=${run}&sort=title&order=desc`, 1, (p) => p.externalId);
    expect(reversed.map((p) => p.externalId)).to.deep.equal([externalId, submittedId]);

    const authorised = await walk<ProgrammeItem>(`/programmes?state=Authorised&organisation=${devBId}`, 50, (p) => p.externalId);
    expect(authorised.map((p) => p.externalId)).to.deep.equal([externalId]);
    const waste = await walk<ProgrammeItem>(`/programmes?sector=Waste&organisation=${devBId}`, 50, (p) => p.externalId);
    expect(waste.map((p) => p.externalId)).to.deep.equal([submittedId]);
    const byTitle = await walk<ProgrammeItem>(`/programmes?q=kAKUMA%20biogas%20kitchens%20${run.toLowerCase()}`, 10, (p) => p.externalId);
    expect(byTitle.map((p) => p.externalId)).to.deep.equal([submittedId]);

    const byNumber = await walk<ProgrammeItem>(`/programmes?state=Authorised&sort=programmeId&order=desc`, 200, (p) => p.externalId);
    const numbers = byNumber.map((p) => p.programmeId ?? 0);
    expect(numbers).to.deep.equal([...numbers].sort((a, b) => b - a));
    expect(numbers).to.include(programmeId);
  });

  it('shows one programme with its documents, rounds, issuances, blocks and history', async () => {
    const { status, body: programme } = await get<ProgrammeItem>(`/programmes/${externalId}`);
    expect(status).to.equal(200);
    expect(programme).to.include({ externalId, programmeId, state: 'Authorised', serialPrefix: `CA0004-${scenario.country}-XX-${String(programmeId)}` });
    expect(programme.documents?.map((d) => d.type)).to.include.members(['ProjectDesignDocument', 'ValidationReport']);
    expect(programme.documents?.every((d) => /^[0-9a-f]{64}$/.test(d.sha256))).to.equal(true);

    const rounds = await get<Page<{ round: number; state: string; issued: number }>>(`/programmes/${externalId}/monitoring-rounds`);
    expect(rounds.body.items).to.have.length(1);
    expect(rounds.body.items[0]).to.include({ round: 1, state: 'Verified', issued: 3000 });

    const issuances = await get<Page<{ txId: string; quantity: number; serials: string[] }>>(`/programmes/${externalId}/issuances`);
    expect(issuances.body.items).to.have.length(1);
    expect(issuances.body.items[0]).to.include({ txId: issuanceTx, quantity: 3000 });
    expect(issuances.body.items[0]?.serials).to.have.length(2);

    const blocks = await walk<BlockItem>(`/programmes/${externalId}/blocks`, 2, (b) => b.serial);
    expect(blocks.map((b) => [b.start, b.end])).to.deep.equal(
      [...blocks].sort((a, b) => a.start - b.start).map((b) => [b.start, b.end]),
    );
    expect(blocks.reduce((sum, b) => sum + b.quantity, 0)).to.equal(3000);

    const history = await walk<TransactionItem>(`/programmes/${externalId}/history`, 2, (t) => t.txId);
    expect(history.map((t) => t.function)).to.include.members([
      'programme:SubmitProgramme',
      'programme:ValidateProgramme',
      'programme:AuthoriseProgramme',
      'issuance:IssueCredits',
    ]);
    expect(history.map((t) => t.block)).to.deep.equal(history.map((t) => t.block).sort((a, b) => b - a));
    expect(history.map((t) => t.txId)).to.include(issuanceTx);
  });

  it('lists credit blocks by programme, holder and state, and finds the block holding a unit', async () => {
    const ofB = await walk<BlockItem>(`/credit-blocks?holder=${devBId}`, 1, (b) => b.serial);
    expect(ofB.every((b) => b.holder === devBId)).to.equal(true);
    expect(ofB.reduce((sum, b) => sum + b.quantity, 0)).to.equal(1700);
    const retired = await walk<BlockItem>(`/credit-blocks?holder=${devBId}&state=Retired`, 10, (b) => b.serial);
    expect(retired.reduce((sum, b) => sum + b.quantity, 0)).to.equal(100);
    const ofProgramme = await walk<BlockItem>(`/credit-blocks?programmeId=${String(programmeId)}&holder=${devAId}`, 10, (b) => b.serial);
    expect(ofProgramme.map((b) => [b.start, b.end])).to.deep.equal([[1, 1300]]);

    const byUnit = await get<{ exact: boolean; block: BlockItem; provenance: { action: string }[] }>(
      `/credit-blocks/lookup?programmeId=${String(programmeId)}&unit=1500`,
    );
    expect(byUnit.status).to.equal(200);
    // B's retirement may have split this block again; its units from 1301 on came by A's transfer.
    expect(byUnit.body.block).to.include({ start: 1301, holder: devBId, state: 'Active' });
    expect(byUnit.body.block.end).to.be.within(1500, 1800);
    expect(byUnit.body.provenance.map((p) => p.action)).to.deep.equal(['issue', 'split', 'transfer']);

    const prefix = `CA0004-${scenario.country}-XX-${String(programmeId)}`;
    const issuedSerial = await get<{ exact: boolean; block: BlockItem }>(`/credit-blocks/lookup?serial=${prefix}-1-1800-2024`);
    expect(issuedSerial.body).to.deep.include({ exact: false });
    expect(issuedSerial.body.block).to.include({ start: 1, end: 1300, holder: devAId });
    const exact = ofB[0];
    if (!exact) throw new Error('the holder has no block');
    const exactAnswer = await get<{ exact: boolean }>(`/credit-blocks/lookup?serial=${exact.serial}`);
    expect(exactAnswer.body.exact).to.equal(true);

    await expectError(`/credit-blocks/lookup?programmeId=${String(programmeId)}&unit=3001`, 404, 'NOT_FOUND');
    await expectError(`/credit-blocks/lookup?serial=${prefix}-1-1800-2019`, 404, 'NOT_FOUND');
    await expectError('/credit-blocks/lookup?serial=not-a-serial', 400, 'INVALID_ARGUMENT');
    await expectError(`/credit-blocks/lookup?serial=${prefix}-1-1800-2024&unit=3`, 400, 'INVALID_ARGUMENT');
  });

  it('keeps the public register of retirements', async () => {
    const register = await walk<{ retirementId: string; state: string; quantity: number; beneficiary: string; serials: string[] }>(
      `/retirements?holder=${devBId}&state=Retired&category=VoluntaryCancellation`,
      5,
      (r) => r.retirementId,
    );
    expect(register).to.have.length(1);
    expect(register[0]).to.include({ retirementId, state: 'Retired', quantity: 100, beneficiary: `Beneficiary ${run}` });
    const one = await get<{ retirementId: string; retiredAt: string | null }>(`/retirements/${retirementId}`);
    expect(one.body.retirementId).to.equal(retirementId);
    expect(one.body.retiredAt).to.be.a('string');
    const latest = await get<Page<{ retirementId: string }>>('/retirements?state=Retired&limit=200');
    expect(latest.body.items.map((r) => r.retirementId)).to.include(retirementId);
  });

  it('shows organisations with public fields only', async () => {
    const certifiers = await walk<{ companyId: string }>('/organisations?companyRole=Certifier&state=Active', 50, (o) => o.companyId);
    expect(certifiers.map((o) => o.companyId)).to.include(certifierId);
    const one = await get<{ companyId: string; contact: { email: string }; stateHistory: unknown[] }>(`/organisations/${devAId}`);
    expect(one.status).to.equal(200);
    expect(one.body.contact.email).to.equal(`registry@${devAId.toLowerCase()}.example`);
    expect(one.body.stateHistory).to.have.length(2);
    // No certificate subject anywhere, and none of the e-mails of this scenario's people.
    for (const text of [one.text, (await get('/organisations?limit=200')).text, (await get(`/programmes/${externalId}`)).text]) {
      expect(text).to.not.include('"subject"');
    }
    for (const text of [one.text, (await get(`/programmes/${externalId}/history`)).text]) {
      expect(text).to.not.match(/admin@dev\.example|manager@pb[ab]-/);
    }
  });

  it('shows statistics, the latest transactions and blocks, and verifies a real block', async () => {
    const statistics = await get<{ replicatedHeight: number; statistics: { credits: { issued: { total: number } } } }>('/statistics');
    expect(statistics.body.replicatedHeight).to.be.greaterThan(0);
    expect(statistics.body.statistics.credits.issued.total).to.be.at.least(3000);

    const latest = await get<Page<TransactionItem>>('/transactions?limit=20');
    const positions = latest.body.items.map((t) => t.block * 10_000 + t.index);
    expect(positions).to.deep.equal([...positions].sort((a, b) => b - a));
    const issuance = await get<TransactionItem & { records: string[] }>(`/transactions/${issuanceTx}`);
    expect(issuance.body).to.include({ function: 'issuance:IssueCredits', valid: true });
    expect(issuance.body.records).to.include(`programme:${externalId}`);
    // The chaincode's endorsement policy is MAJORITY of the three organisations.
    expect(issuance.body.endorsers.length).to.be.at.least(2);
    expect(['CertifierMSP', 'DeveloperMSP', 'GovernmentMSP']).to.include.members(issuance.body.endorsers);

    const blocks = await get<Page<{ number: number; txIds: string[] }>>('/ledger/blocks?limit=5');
    const numbers = blocks.body.items.map((b) => b.number);
    expect(numbers).to.deep.equal([...numbers].sort((a, b) => b - a));
    const one = await get<{ number: number; txIds: string[] }>(`/ledger/blocks/${String(issuance.body.block)}`);
    expect(one.body.txIds).to.include(issuanceTx);

    for (const n of [issuance.body.block, 0]) {
      const verification = await get<{ number: number; verified: boolean; dataHash: { matches: boolean }; previousHash: { matches: boolean }; replica: { matches: boolean | null } }>(
        `/ledger/blocks/${String(n)}/verification`,
      );
      expect(verification.status, verification.text).to.equal(200);
      expect(verification.body).to.deep.include({ number: n, verified: true, replica: { matches: true } });
      expect(verification.body.dataHash.matches && verification.body.previousHash.matches).to.equal(true);
    }
    await expectError(`/ledger/blocks/${String(10_000_000)}/verification`, 404, 'NOT_FOUND');
  });

  it('shows the network without private paths', async () => {
    const network = await get<{ channel: string; chaincode: { name: string; sequence: number | null }; organisations: { peer: { height: number | null } }[]; orderers: unknown[] }>('/network');
    expect(network.status).to.equal(200);
    expect(network.body.channel).to.equal('carbon-registry');
    expect(network.body.chaincode.name).to.equal('carbon');
    expect(network.body.chaincode.sequence).to.be.a('number');
    expect(network.body.organisations).to.have.length(3);
    expect(network.body.organisations.every((o) => typeof o.peer.height === 'number')).to.equal(true);
    expect(network.body.orderers).to.have.length.greaterThan(0);
    expect(network.text).to.not.match(/\/msp|keystore|\.pem|\/organizations\//);
  });

  it('exports every list as CSV', async () => {
    const lists = [
      ['/programmes?q=' + run, 'externalId,programmeId,title'],
      [`/programmes/${externalId}/monitoring-rounds`, 'externalId,programmeId,round'],
      [`/programmes/${externalId}/issuances`, 'txId,block,timestamp'],
      [`/programmes/${externalId}/history`, 'txId,block,index'],
      [`/programmes/${externalId}/blocks`, 'serial,programmeId'],
      [`/credit-blocks?holder=${devBId}`, 'serial,programmeId'],
      [`/retirements?holder=${devBId}`, 'retirementId,holder,beneficiary'],
      ['/organisations?companyRole=Certifier', 'companyId,name'],
      ['/transactions?limit=3', 'txId,block,index'],
      ['/ledger/blocks?limit=3', 'number,dataHash'],
    ] as const;
    for (const [path, header] of lists) {
      const json = await get<Page<unknown>>(path);
      const csv = await get(`${path}${path.includes('?') ? '&' : '?'}format=csv`);
      expect(csv.status, path).to.equal(200);
      expect(csv.contentType, path).to.match(/^text\/csv/);
      const lines = csv.text.split('\r\n').filter((l) => l !== '');
      expect(lines[0]?.startsWith(header), `${path}: ${lines[0] ?? ''}`).to.equal(true);
      expect(lines.length - 1, path).to.equal(json.body.items.length);
      expect(json.body.items.length, path).to.be.greaterThan(0);
    }
  });

  it('answers 400 to bad queries and 404 to unknown ids', async () => {
    const transactions = await get<Page<unknown>>('/transactions?limit=1');
    const foreignCursor = transactions.body.next ?? '';
    for (const path of [
      '/programmes?sort=bogus',
      '/programmes?order=up',
      '/programmes?limit=0',
      '/programmes?limit=1000',
      '/programmes?cursor=!!',
      `/programmes?cursor=${foreignCursor}`,
      '/programmes?state=Unknown',
      '/programmes?colour=green',
      '/credit-blocks?programmeId=abc',
      '/retirements?category=Gift',
      '/organisations?companyRole=King',
      '/transactions/not-a-tx-id',
      '/ledger/blocks/-1',
      '/statistics?format=csv',
      '/programmes?format=xml',
      '/credit-blocks/lookup?serial=nope',
    ]) {
      await expectError(path, 400, 'INVALID_ARGUMENT');
    }
    for (const path of [
      '/programmes/NO-SUCH-PROGRAMME',
      '/programmes/NO-SUCH-PROGRAMME/monitoring-rounds',
      '/programmes/NO-SUCH-PROGRAMME/issuances',
      '/programmes/NO-SUCH-PROGRAMME/history',
      '/programmes/NO-SUCH-PROGRAMME/blocks',
      '/organisations/NO-SUCH-ORG',
      '/retirements/no-such-retirement',
      `/transactions/${'0'.repeat(64)}`,
      '/ledger/blocks/99999999',
    ]) {
      await expectError(path, 404, 'NOT_FOUND');
    }
    // A known programme answers its sub-lists even when they are empty.
    const empty = await get<Page<unknown>>(`/programmes/${submittedId}/blocks`);
    expect(empty.status).to.equal(200);
    expect(empty.body.items).to.deep.equal([]);
  });
});
