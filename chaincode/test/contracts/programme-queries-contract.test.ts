// ProgrammeContract queries: Get, GetByNumber, GetEndorsers, ListProgrammes (filters, paging) and history.
import { expect } from 'chai';
import type { Programme } from '../../src/domain/programme';
import type { FakeCaller } from '../support/fake-ledger';
import { programmeInput, sha } from '../support/inputs';
import { company, contracts, registryFixture, type RegistryFixture } from '../support/registry-fixture';
import {
  json,
  key,
  pageThrough,
  query,
  REASON,
  refused,
  signers,
  stored,
  subjectOf,
  write,
  type Call,
  type Version,
} from './contract-kit';

const { programme: p } = contracts;

const listProgrammes =
  (request: object): Call =>
  (ctx) =>
    p.ListProgrammes(ctx, json(request));

interface Page {
  records: Programme[];
  bookmark: string;
}

const ALL = ['P-SUBMITTED', 'P-VALIDATED', 'P-AUTHORISED', 'P-SUSPENDED'];

describe('ProgrammeContract queries', () => {
  let fixture: RegistryFixture;
  let viewer: FakeCaller;
  before(async () => {
    fixture = await registryFixture();
    viewer = company(fixture, 'PARTNER').users.ViewOnly;
  });

  it('GetProgramme returns the stored record, NOT_FOUND for an unknown id', async () => {
    const ledger = fixture.ledger.clone();
    const programme = await query<Programme>(ledger, viewer, (ctx) => p.GetProgramme(ctx, 'P-AUTHORISED'));
    expect(programme).to.deep.equal(stored(ledger, key('programme', 'P-AUTHORISED')));
    expect(programme.authorisation?.serial.prefix).to.equal('CA0004-KE-XX-1');
    await refused(ledger, viewer, (ctx) => p.GetProgramme(ctx, 'P-NOBODY'), 'NOT_FOUND');
  });

  it('GetProgrammeByNumber finds authorised programmes by their id', async () => {
    const ledger = fixture.ledger.clone();
    for (const [programmeId, externalId] of [
      ['1', 'P-AUTHORISED'],
      ['2', 'P-SUSPENDED'],
    ] as const) {
      const programme = await query<Programme>(ledger, viewer, (ctx) => p.GetProgrammeByNumber(ctx, programmeId));
      expect(programme).to.deep.equal(stored(ledger, key('programme', externalId)));
    }
  });

  it('GetProgrammeByNumber answers NOT_FOUND for an unused id and INVALID_ARGUMENT for a non-number', async () => {
    const ledger = fixture.ledger.clone();
    await refused(ledger, viewer, (ctx) => p.GetProgrammeByNumber(ctx, '3'), 'NOT_FOUND');
    for (const bad of ['abc', '0', '-1', '1.5', '']) {
      await refused(ledger, viewer, (ctx) => p.GetProgrammeByNumber(ctx, bad), 'INVALID_ARGUMENT');
    }
  });

  it('GetProgrammeEndorsers is empty before authorisation and government plus certifier after', async () => {
    const ledger = fixture.ledger.clone();
    const endorsers = (externalId: string) =>
      query<string[]>(ledger, viewer, (ctx) => p.GetProgrammeEndorsers(ctx, externalId));
    expect(await endorsers('P-SUBMITTED')).to.deep.equal([]);
    expect(await endorsers('P-VALIDATED')).to.deep.equal([]);
    expect(await endorsers('P-AUTHORISED')).to.deep.equal(['GovernmentMSP', 'CertifierMSP']);
    expect(await endorsers('P-SUSPENDED')).to.deep.equal(['GovernmentMSP', 'CertifierMSP']);
    await refused(ledger, viewer, (ctx) => p.GetProgrammeEndorsers(ctx, 'P-NOBODY'), 'NOT_FOUND');
  });

  const filters: [object, string[]][] = [
    [{}, ALL],
    [{ state: 'Submitted' }, ['P-SUBMITTED']],
    [{ state: 'Validated' }, ['P-VALIDATED']],
    [{ state: 'Authorised' }, ['P-AUTHORISED']],
    [{ state: 'Suspended' }, ['P-SUSPENDED']],
    [{ state: 'Rejected' }, []],
    [{ proponent: 'DEV' }, ALL],
    [{ proponent: 'DEV-ACTIVE' }, []],
    [{ certifier: 'CERT' }, ALL],
    [{ certifier: 'NOBODY' }, []],
  ];
  for (const [filter, expected] of filters) {
    it(`ListProgrammes ${json(filter)} lists exactly ${expected.join(', ') || 'nothing'}`, async () => {
      const page = await query<Page>(fixture.ledger.clone(), viewer, listProgrammes(filter));
      expect(page.records.map((r) => r.externalId)).to.have.members(expected);
      expect(page.bookmark).to.equal('');
    });
  }

  it('ListProgrammes finds a programme under each of its proponents and certifiers', async () => {
    const ledger = fixture.ledger.clone();
    const proponents = [
      { companyId: 'DEV', shareBps: 5_000 },
      { companyId: 'DEV-ACTIVE', shareBps: 5_000 },
    ];
    await write(ledger, company(fixture, 'DEV').users.Manager, (ctx) =>
      p.SubmitProgramme(ctx, json(programmeInput('P-SHARED', { proponents }))),
    );
    const ids = async (filter: object) =>
      (await query<Page>(ledger, viewer, listProgrammes(filter))).records.map((r) => r.externalId);
    expect(await ids({ proponent: 'DEV-ACTIVE' })).to.deep.equal(['P-SHARED']);
    expect(await ids({ proponent: 'DEV' })).to.have.members([...ALL, 'P-SHARED']);
    expect(await ids({ state: 'Submitted' })).to.have.members(['P-SUBMITTED', 'P-SHARED']);
  });

  it('ListProgrammes refuses more than one filter, and unknown values (INVALID_ARGUMENT)', async () => {
    const ledger = fixture.ledger.clone();
    const bad = [
      { state: 'Submitted', proponent: 'DEV' },
      { state: 'Submitted', certifier: 'CERT' },
      { proponent: 'DEV', certifier: 'CERT' },
      { state: 'Submitted', proponent: 'DEV', certifier: 'CERT' },
      { state: 'Issued' },
      { pageSize: 500 },
    ];
    for (const request of bad) {
      await refused(ledger, viewer, listProgrammes(request), 'INVALID_ARGUMENT');
    }
  });

  const paged: object[] = [{}, { proponent: 'DEV' }, { certifier: 'CERT' }];
  for (const filter of paged) {
    it(`ListProgrammes ${json(filter)} pages by 2 through every programme exactly once`, async () => {
      const ledger = fixture.ledger.clone();
      await write(ledger, company(fixture, 'DEV').users.Manager, (ctx) =>
        p.SubmitProgramme(ctx, json(programmeInput('P-FIFTH'))),
      );
      const pages = await pageThrough(
        ledger,
        viewer,
        (bookmark) => listProgrammes({ ...filter, pageSize: 2, bookmark }),
        'externalId',
      );
      expect(pages).to.have.length(3);
      expect(pages.flat()).to.have.members([...ALL, 'P-FIFTH']);
    });
  }

  it('GetProgrammeHistory returns the lifecycle newest first, each version naming its signer', async () => {
    const ledger = fixture.ledger.clone();
    const versions = await query<Version<Programme>[]>(ledger, viewer, (ctx) =>
      p.GetProgrammeHistory(ctx, 'P-SUSPENDED'),
    );
    const gov = subjectOf(fixture.bootstrapAdmin);
    expect(signers(versions).map((v) => v.subject)).to.deep.equal([
      gov,
      gov,
      subjectOf(company(fixture, 'CERT').users.Manager),
      subjectOf(company(fixture, 'DEV').users.Manager),
    ]);
    expect(versions.map((v) => v.record?.state)).to.deep.equal(['Suspended', 'Authorised', 'Validated', 'Submitted']);
    const txIds = versions.map((v) => v.txId);
    expect(txIds).to.deep.equal([...txIds].sort().reverse());
  });

  it('GetProgrammeHistory names the transaction of each new change', async () => {
    const ledger = fixture.ledger.clone();
    const developer = company(fixture, 'DEV').users.Manager;
    const gov = company(fixture, 'GOV').users.Manager;
    const document = { sha256: sha(11), uri: 'https://docs.example.org/monitoring.pdf' };
    const added = await write(ledger, developer, (ctx) =>
      p.AddProgrammeDocument(ctx, json({ externalId: 'P-SUSPENDED', type: 'MonitoringReport', document })),
    );
    const reinstated = await write(ledger, gov, (ctx) =>
      p.ReinstateProgramme(ctx, json({ externalId: 'P-SUSPENDED', reason: REASON })),
    );
    const versions = await query<Version<Programme>[]>(ledger, viewer, (ctx) =>
      p.GetProgrammeHistory(ctx, 'P-SUSPENDED'),
    );
    expect(signers(versions).slice(0, 2)).to.deep.equal([
      { txId: reinstated.event.txId, subject: subjectOf(gov) },
      { txId: added.event.txId, subject: subjectOf(developer) },
    ]);
    expect(versions).to.have.length(6);
  });

  it('GetProgrammeHistory answers NOT_FOUND for an unknown programme', async () => {
    await refused(fixture.ledger.clone(), viewer, (ctx) => p.GetProgrammeHistory(ctx, 'P-NOBODY'), 'NOT_FOUND');
  });
});
