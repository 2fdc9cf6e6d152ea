// UserContract queries: GetUser, WhoAmI, ListUsers with its filters and paging, GetUserHistory.
import { expect } from 'chai';
import type { User } from '../../src/domain/user';
import type { FakeCaller } from '../support/fake-ledger';
import { person } from '../support/inputs';
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

const { user: u } = contracts;

const listUsers =
  (request: object): Call =>
  (ctx) =>
    u.ListUsers(ctx, json(request));

interface Page {
  records: User[];
  bookmark: string;
}

describe('UserContract queries', () => {
  let fixture: RegistryFixture;
  let viewer: FakeCaller;
  let devUsers: { all: string[]; active: string[]; suspended: string[] };
  before(async () => {
    fixture = await registryFixture();
    viewer = company(fixture, 'PARTNER').users.ViewOnly;
    const dev = company(fixture, 'DEV');
    const active = [dev.users.Admin, dev.users.Manager, dev.users.ViewOnly, dev.target].map((m) => m.userId);
    devUsers = { all: [...active, dev.suspended.userId], active, suspended: [dev.suspended.userId] };
  });

  it('GetUser returns the stored record, NOT_FOUND for an unknown id', async () => {
    const ledger = fixture.ledger.clone();
    const manager = company(fixture, 'CERT').users.Manager;
    const user = await query<User>(ledger, viewer, (ctx) => u.GetUser(ctx, manager.userId));
    expect(user).to.deep.equal(stored(ledger, key('user', manager.userId)));
    expect(user).to.deep.include({ companyId: 'CERT', role: 'Manager', state: 'Active', subject: subjectOf(manager) });
    await refused(ledger, viewer, (ctx) => u.GetUser(ctx, 'c'.repeat(64)), 'NOT_FOUND');
  });

  it("WhoAmI answers with the caller's own record, even a suspended caller's", async () => {
    const ledger = fixture.ledger.clone();
    for (const member of [company(fixture, 'MRV').users.Manager, company(fixture, 'GOV').suspended]) {
      const me = await query<User>(ledger, member, (ctx) => u.WhoAmI(ctx));
      expect(me).to.deep.equal(stored(ledger, key('user', member.userId)));
    }
  });

  it('WhoAmI answers NOT_FOUND for an identity that is not registered', async () => {
    await refused(fixture.ledger.clone(), await newIdentity('DeveloperMSP'), (ctx) => u.WhoAmI(ctx), 'NOT_FOUND');
  });

  it('ListUsers lists the people of one company, filtered by state', async () => {
    const ledger = fixture.ledger.clone();
    const ids = async (request: object) =>
      (await query<Page>(ledger, viewer, listUsers(request))).records.map((r) => r.userId);
    expect(await ids({ companyId: 'DEV' })).to.have.members(devUsers.all);
    expect(await ids({ companyId: 'DEV', state: 'Active' })).to.have.members(devUsers.active);
    expect(await ids({ companyId: 'DEV', state: 'Suspended' })).to.have.members(devUsers.suspended);
    expect(await ids({ companyId: 'GOV' }))
      .to.include(fixture.bootstrapAdmin.userId)
      .and.have.length(5);
  });

  it('ListUsers of an applicant company shows its one Admin', async () => {
    const page = await query<Page>(fixture.ledger.clone(), viewer, listUsers({ companyId: 'DEV-PENDING' }));
    expect(page.records.map((r) => [r.role, r.state])).to.deep.equal([['Admin', 'Active']]);
  });

  it('ListUsers pages by 2 through every user exactly once', async () => {
    const pages = await pageThrough(
      fixture.ledger.clone(),
      viewer,
      (bookmark) => listUsers({ companyId: 'DEV', pageSize: 2, bookmark }),
      'userId',
    );
    expect(pages).to.have.length(3);
    expect(pages.flat()).to.have.members(devUsers.all);
  });

  it('ListUsers with a state filter pages through every matching user exactly once', async () => {
    const pages = await pageThrough(
      fixture.ledger.clone(),
      viewer,
      (bookmark) => listUsers({ companyId: 'DEV', state: 'Active', pageSize: 2, bookmark }),
      'userId',
    );
    expect(pages.flat()).to.have.members(devUsers.active);
  });

  it('ListUsers answers NOT_FOUND for an unknown company and INVALID_ARGUMENT for a bad request', async () => {
    const ledger = fixture.ledger.clone();
    await refused(ledger, viewer, listUsers({ companyId: 'NOBODY' }), 'NOT_FOUND');
    for (const bad of [{}, { companyId: 'DEV', state: 'Gone' }, { companyId: 'DEV', pageSize: 0 }]) {
      await refused(ledger, viewer, listUsers(bad), 'INVALID_ARGUMENT');
    }
  });

  it('GetUserHistory returns every version newest first, each naming who changed it', async () => {
    const ledger = fixture.ledger.clone();
    const admin = company(fixture, 'DEV').users.Admin;
    const gov = fixture.bootstrapAdmin;
    const newcomer = await newIdentity('DeveloperMSP');
    const request = { certificate: newcomer.certificate, mspId: 'DeveloperMSP', companyId: 'DEV', role: 'ViewOnly' };
    const registered = await write<User>(ledger, admin, (ctx) =>
      u.RegisterUser(ctx, json({ ...request, ...person('Otieno') })),
    );
    const userId = registered.result.userId;
    const suspended = await write(ledger, gov, (ctx) => u.SuspendUser(ctx, json({ userId, reason: REASON })));
    const reactivated = await write(ledger, admin, (ctx) => u.ReactivateUser(ctx, json({ userId, reason: REASON })));
    const promoted = await write(ledger, admin, (ctx) => u.ChangeUserRole(ctx, json({ userId, role: 'Manager' })));

    const versions = await query<Version<User>[]>(ledger, viewer, (ctx) => u.GetUserHistory(ctx, userId));
    expect(signers(versions)).to.deep.equal([
      { txId: promoted.event.txId, subject: subjectOf(admin) },
      { txId: reactivated.event.txId, subject: subjectOf(admin) },
      { txId: suspended.event.txId, subject: subjectOf(gov) },
      { txId: registered.event.txId, subject: subjectOf(admin) },
    ]);
    expect(versions.map((v) => [v.record?.state, v.record?.role])).to.deep.equal([
      ['Active', 'Manager'],
      ['Active', 'ViewOnly'],
      ['Suspended', 'ViewOnly'],
      ['Active', 'ViewOnly'],
    ]);
  });

  it('GetUserHistory answers NOT_FOUND for an unknown user', async () => {
    await refused(fixture.ledger.clone(), viewer, (ctx) => u.GetUserHistory(ctx, 'd'.repeat(64)), 'NOT_FOUND');
  });
});
