// Query arguments are taken literally: one filter at a time, ids in plain decimal, and a state
// filter that pages through exactly the users in that state.
import { expect } from 'chai';
import { rejection } from '../support/rejection';
import { company, contracts, registryFixture, type RegistryFixture } from '../support/registry-fixture';

describe('query filters', () => {
  let fixture: RegistryFixture;
  before(async () => {
    fixture = await registryFixture();
  });

  it('ListOrganisations refuses two filters at once instead of ignoring one', async () => {
    const caller = fixture.bootstrapAdmin;
    const body = await rejection(
      fixture.ledger.invoke(caller, (ctx) =>
        contracts.organisation.ListOrganisations(
          ctx,
          JSON.stringify({ state: 'Pending', companyRole: 'ProgrammeDeveloper' }),
        ),
      ),
    );
    expect(body.code).to.equal('INVALID_ARGUMENT');
  });

  for (const id of ['0x1', ' 1 ', '1e0', '01', '-1', '1.0']) {
    it(`GetProgrammeByNumber refuses "${id}"`, async () => {
      const body = await rejection(
        fixture.ledger.invoke(fixture.bootstrapAdmin, (ctx) => contracts.programme.GetProgrammeByNumber(ctx, id)),
      );
      expect(body.code).to.equal('INVALID_ARGUMENT');
    });
  }

  it('ListUsers by state pages through exactly the users in that state', async () => {
    const dev = company(fixture, 'DEV');
    const seen: string[] = [];
    let bookmark = '';
    do {
      const page = JSON.parse(
        await fixture.ledger.invoke(dev.users.Admin, (ctx) =>
          contracts.user.ListUsers(ctx, JSON.stringify({ companyId: 'DEV', state: 'Active', pageSize: 2, bookmark })),
        ),
      ) as { records: { userId: string; state: string }[]; bookmark: string };
      expect(page.records.every((u) => u.state === 'Active')).to.equal(true);
      expect(page.records.length).to.be.greaterThan(0);
      seen.push(...page.records.map((u) => u.userId));
      bookmark = page.bookmark;
    } while (bookmark !== '');
    const active = [dev.users.Admin, dev.users.Manager, dev.users.ViewOnly, dev.target].map((m) => m.userId);
    expect(seen).to.have.members(active);
    expect(seen).to.not.include(dev.suspended.userId);
  });
});
