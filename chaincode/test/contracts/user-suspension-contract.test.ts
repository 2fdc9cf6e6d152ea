// UserContract.SuspendUser and ReactivateUser: who may decide, the last Admin, suspension taking effect at once.
import { expect } from 'chai';
import type { User } from '../../src/domain/user';
import { programmeInput } from '../support/inputs';
import { company, contracts, registryFixture, type RegistryFixture } from '../support/registry-fixture';
import { actorOf, json, REASON, refused, stored, key, write, type Call } from './contract-kit';

const { user: u, programme: p } = contracts;

const changeRole =
  (userId: string, role: string): Call =>
  (ctx) =>
    u.ChangeUserRole(ctx, json({ userId, role }));
const suspend =
  (userId: string, reason?: string): Call =>
  (ctx) =>
    u.SuspendUser(ctx, json(reason === undefined ? { userId } : { userId, reason }));
const reactivate =
  (userId: string, reason?: string): Call =>
  (ctx) =>
    u.ReactivateUser(ctx, json(reason === undefined ? { userId } : { userId, reason }));

let submissions = 0;
/** A programme submission by DEV: a Manager's everyday act, to see whether a caller is let in. */
const submit: () => Call = () => (ctx) =>
  p.SubmitProgramme(ctx, json(programmeInput(`P-SUSPENSION-${String(++submissions)}`)));

describe('UserContract.SuspendUser and ReactivateUser', () => {
  let fixture: RegistryFixture;
  before(async () => {
    fixture = await registryFixture();
  });

  it('suspends a user of the own company with the reason recorded', async () => {
    const ledger = fixture.ledger.clone();
    const dev = company(fixture, 'DEV');
    const { result, event } = await write<User>(ledger, dev.users.Admin, suspend(dev.target.userId, REASON));
    const stamp = { at: result.updated.at, txId: event.txId, by: actorOf(dev.users.Admin, 'DEV') };
    expect(result.state).to.equal('Suspended');
    expect(result.stateHistory.at(-1)).to.deep.equal({
      state: 'Suspended',
      action: 'suspend',
      ...stamp,
      reason: REASON,
    });
    expect(result.updated).to.deep.equal(stamp);
    expect(stored(ledger, key('user', dev.target.userId))).to.deep.equal(result);
    expect(event).to.deep.include({
      name: 'UserStateChanged',
      payload: { action: 'suspend', companyId: 'DEV', userId: dev.target.userId, state: 'Suspended' },
    });
  });

  it('reactivates a suspended user of the own company', async () => {
    const ledger = fixture.ledger.clone();
    const dev = company(fixture, 'DEV');
    const { result, event } = await write<User>(ledger, dev.users.Admin, reactivate(dev.suspended.userId, REASON));
    expect(result.state).to.equal('Active');
    expect(result.stateHistory.map((c) => c.action)).to.deep.equal(['register', 'suspend', 'reactivate']);
    expect(stored(ledger, key('user', dev.suspended.userId))).to.deep.equal(result);
    expect(event).to.deep.include({
      name: 'UserStateChanged',
      payload: { action: 'reactivate', companyId: 'DEV', userId: dev.suspended.userId, state: 'Active' },
    });
  });

  it('refuses a suspended user at their very next transaction and lets them in again after reactivation', async () => {
    const ledger = fixture.ledger.clone();
    const dev = company(fixture, 'DEV');
    await write(ledger, dev.users.Admin, suspend(dev.users.Manager.userId, REASON));
    const body = await refused(ledger, dev.users.Manager, submit(), 'FORBIDDEN');
    expect(body.message).to.contain('Suspended');
    await write(ledger, dev.users.Admin, reactivate(dev.users.Manager.userId, REASON));
    await write(ledger, dev.users.Manager, submit());
  });

  it("lets the government's Admin suspend and reactivate users of any company", async () => {
    const ledger = fixture.ledger.clone();
    const cert = company(fixture, 'CERT');
    const gov = fixture.bootstrapAdmin;
    const { result: suspended } = await write<User>(ledger, gov, suspend(cert.target.userId, REASON));
    expect(suspended).to.deep.include({ companyId: 'CERT', state: 'Suspended' });
    expect(suspended.updated.by).to.deep.equal(actorOf(gov, 'GOV'));
    const { result: back } = await write<User>(ledger, gov, reactivate(cert.suspended.userId, REASON));
    expect(back).to.deep.include({ companyId: 'CERT', state: 'Active' });
  });

  it("refuses another company's Admin (FORBIDDEN)", async () => {
    const ledger = fixture.ledger.clone();
    const dev = company(fixture, 'DEV');
    const certAdmin = company(fixture, 'CERT').users.Admin;
    await refused(ledger, certAdmin, suspend(dev.target.userId, REASON), 'FORBIDDEN');
    await refused(ledger, certAdmin, reactivate(dev.suspended.userId, REASON), 'FORBIDDEN');
  });

  it('never suspends the last Active Admin, not even by the government (INVALID_STATE)', async () => {
    const ledger = fixture.ledger.clone();
    const dev = company(fixture, 'DEV');
    const admin = dev.users.Admin;
    await refused(ledger, admin, suspend(admin.userId, REASON), 'INVALID_STATE');
    await refused(ledger, fixture.bootstrapAdmin, suspend(admin.userId, REASON), 'INVALID_STATE');

    await write(ledger, admin, changeRole(dev.target.userId, 'Admin'));
    await write(ledger, fixture.bootstrapAdmin, suspend(admin.userId, REASON));
    await refused(ledger, admin, changeRole(dev.users.ViewOnly.userId, 'Manager'), 'FORBIDDEN');
  });

  it('requires a reason (INVALID_ARGUMENT naming reason)', async () => {
    const ledger = fixture.ledger.clone();
    const dev = company(fixture, 'DEV');
    for (const call of [
      suspend(dev.target.userId),
      reactivate(dev.suspended.userId),
      suspend(dev.target.userId, ' '),
    ]) {
      const body = await refused(ledger, dev.users.Admin, call, 'INVALID_ARGUMENT');
      expect(body.details.problems).to.satisfy((problems: string[]) => problems.some((x) => x.startsWith('reason:')));
    }
  });

  it('refuses to suspend a Suspended user or reactivate an Active one (INVALID_STATE)', async () => {
    const ledger = fixture.ledger.clone();
    const dev = company(fixture, 'DEV');
    await refused(ledger, dev.users.Admin, suspend(dev.suspended.userId, REASON), 'INVALID_STATE');
    await refused(ledger, dev.users.Admin, reactivate(dev.target.userId, REASON), 'INVALID_STATE');
  });

  it('answers NOT_FOUND for an unknown user', async () => {
    const ledger = fixture.ledger.clone();
    await refused(ledger, fixture.bootstrapAdmin, suspend('b'.repeat(64), REASON), 'NOT_FOUND');
  });
});
