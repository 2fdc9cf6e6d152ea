// OrganisationContract queries: GetOrganisation, GetRegistry, ListOrganisations (filters, paging) and history.
import { expect } from 'chai';
import type { Organisation } from '../../src/domain/organisation';
import type { FakeCaller } from '../support/fake-ledger';
import { organisationInput, person } from '../support/inputs';
import { company, contracts, newIdentity, registryFixture, type RegistryFixture } from '../support/registry-fixture';
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

const { organisation: o } = contracts;

const decide =
  (decision: 'ApproveOrganisation' | 'RejectOrganisation', companyId: string): Call =>
  (ctx) =>
    o[decision](ctx, json({ companyId, reason: REASON }));
const updateContact =
  (companyId: string): Call =>
  (ctx) =>
    o.UpdateOrganisationContact(ctx, json({ companyId, contact: { email: 'desk@hist.example', address: '3 Road' } }));
const listOrganisations =
  (request: object): Call =>
  (ctx) =>
    o.ListOrganisations(ctx, json(request));

interface Page {
  records: Organisation[];
  bookmark: string;
}

describe('OrganisationContract queries', () => {
  let fixture: RegistryFixture;
  let viewer: FakeCaller;
  before(async () => {
    fixture = await registryFixture();
    viewer = company(fixture, 'PARTNER').users.ViewOnly;
  });

  const ALL = ['GOV', 'CERT', 'DEV', 'PARTNER', 'MRV', 'DEV-PENDING', 'DEV-ACTIVE', 'DEV-SUSPENDED'];
  const ACTIVE = ['GOV', 'CERT', 'DEV', 'PARTNER', 'MRV', 'DEV-ACTIVE'];
  const DEVELOPERS = ['DEV', 'DEV-PENDING', 'DEV-ACTIVE', 'DEV-SUSPENDED'];

  it('GetOrganisation returns the stored record, NOT_FOUND for an unknown id', async () => {
    const ledger = fixture.ledger.clone();
    const dev = await query<Organisation>(ledger, viewer, (ctx) => o.GetOrganisation(ctx, 'DEV'));
    expect(dev).to.deep.equal(stored(ledger, key('organisation', 'DEV')));
    expect(dev).to.deep.include({ companyId: 'DEV', companyRole: 'ProgrammeDeveloper', state: 'Active' });
    await refused(ledger, viewer, (ctx) => o.GetOrganisation(ctx, 'NOBODY'), 'NOT_FOUND');
  });

  it('GetRegistry names the government and the country', async () => {
    const registry = await query(fixture.ledger.clone(), viewer, (ctx) => o.GetRegistry(ctx));
    expect(registry).to.deep.include({ docType: 'registry', governmentCompanyId: 'GOV', country: 'KE' });
  });

  const filters: [object, string[]][] = [
    [{}, ALL],
    [{ state: 'Active' }, ACTIVE],
    [{ state: 'Pending' }, ['DEV-PENDING']],
    [{ state: 'Suspended' }, ['DEV-SUSPENDED']],
    [{ state: 'Rejected' }, []],
    [{ companyRole: 'ProgrammeDeveloper' }, DEVELOPERS],
    [{ companyRole: 'Government' }, ['GOV']],
    [{ companyRole: 'Certifier' }, ['CERT']],
    [{ companyRole: 'PartnerRegistry' }, ['PARTNER']],
    [{ companyRole: 'MRV' }, ['MRV']],
  ];
  for (const [filter, expected] of filters) {
    it(`ListOrganisations ${json(filter)} lists exactly ${expected.join(', ') || 'nothing'}`, async () => {
      const page = await query<Page>(fixture.ledger.clone(), viewer, listOrganisations(filter));
      expect(page.records.map((r) => r.companyId)).to.have.members(expected);
      expect(page.bookmark).to.equal('');
    });
  }

  it('ListOrganisations follows a state change to the new state index', async () => {
    const ledger = fixture.ledger.clone();
    await write(ledger, fixture.bootstrapAdmin, decide('RejectOrganisation', 'DEV-PENDING'));
    const rejected = await query<Page>(ledger, viewer, listOrganisations({ state: 'Rejected' }));
    expect(rejected.records.map((r) => r.companyId)).to.deep.equal(['DEV-PENDING']);
    expect((await query<Page>(ledger, viewer, listOrganisations({ state: 'Pending' }))).records).to.deep.equal([]);
  });

  const paged: [object, string[]][] = [
    [{}, ALL],
    [{ state: 'Active' }, ACTIVE],
    [{ companyRole: 'ProgrammeDeveloper' }, DEVELOPERS],
  ];
  for (const [filter, expected] of paged) {
    it(`ListOrganisations ${json(filter)} pages by 2 through every record exactly once`, async () => {
      const pages = await pageThrough(
        fixture.ledger.clone(),
        viewer,
        (bookmark) => listOrganisations({ ...filter, pageSize: 2, bookmark }),
        'companyId',
      );
      expect(pages).to.have.length(Math.ceil(expected.length / 2));
      expect(pages.flat()).to.have.members(expected);
    });
  }

  it('ListOrganisations rejects unknown filters and page sizes (INVALID_ARGUMENT)', async () => {
    const ledger = fixture.ledger.clone();
    for (const bad of [
      { state: 'Closed' },
      { companyRole: 'Bank' },
      { pageSize: 0 },
      { pageSize: 201 },
      { owner: 'x' },
    ]) {
      await refused(ledger, viewer, listOrganisations(bad), 'INVALID_ARGUMENT');
    }
    await refused(ledger, viewer, (ctx) => o.ListOrganisations(ctx, '{state:'), 'INVALID_ARGUMENT');
  });

  it('GetOrganisationHistory returns every version newest first, each naming who changed it', async () => {
    const ledger = fixture.ledger.clone();
    const applicant = await newIdentity('DeveloperMSP');
    const organisation = organisationInput('HISTDEV', 'ProgrammeDeveloper', 'DeveloperMSP');
    const applied = await write(ledger, applicant, (ctx) =>
      o.ApplyForRegistration(ctx, json({ organisation, admin: person('Hist Admin') })),
    );
    const approved = await write(ledger, fixture.bootstrapAdmin, decide('ApproveOrganisation', 'HISTDEV'));
    const updated = await write<Organisation>(ledger, applicant, updateContact('HISTDEV'));

    const versions = await query<Version<Organisation>[]>(ledger, viewer, (ctx) =>
      o.GetOrganisationHistory(ctx, 'HISTDEV'),
    );
    expect(signers(versions)).to.deep.equal([
      { txId: updated.event.txId, subject: subjectOf(applicant) },
      { txId: approved.event.txId, subject: subjectOf(fixture.bootstrapAdmin) },
      { txId: applied.event.txId, subject: subjectOf(applicant) },
    ]);
    expect(versions.map((v) => v.record?.state)).to.deep.equal(['Active', 'Active', 'Pending']);
    expect(versions[0]?.timestamp).to.equal(updated.result.updated.at);
  });

  it('GetOrganisationHistory answers NOT_FOUND for an unknown organisation', async () => {
    await refused(fixture.ledger.clone(), viewer, (ctx) => o.GetOrganisationHistory(ctx, 'NOBODY'), 'NOT_FOUND');
  });
});
