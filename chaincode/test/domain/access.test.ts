// The access decision: each reason a caller is refused, certificate attributes, and the allowed case.
import { expect } from 'chai';
import { decideAccess, type CallerFacts } from '../../src/domain/access';
import type { Organisation } from '../../src/domain/organisation';
import type { Operation } from '../../src/domain/permissions';
import type { User } from '../../src/domain/user';
import { organisationIn, userIn } from './domain-fixtures';

const NO_ATTRIBUTES = { companyId: null, role: null };

/** A Manager of the Active developer DEV, calling through DeveloperMSP without certificate attributes. */
function facts(overrides: Partial<CallerFacts> = {}): CallerFacts {
  return {
    mspId: 'DeveloperMSP',
    attributes: NO_ATTRIBUTES,
    user: userIn('Active', 'Manager'),
    organisation: organisationIn('Active'),
    ...overrides,
  };
}

function reasonOf(callerFacts: CallerFacts, operation: Operation = 'programme.submit'): string {
  const decision = decideAccess(callerFacts, operation);
  if (decision.allowed) expect.fail('expected the caller to be refused');
  return decision.reason;
}

function expectAllowed(callerFacts: CallerFacts, operation: Operation = 'programme.submit'): void {
  const decision = decideAccess(callerFacts, operation);
  if (!decision.allowed) expect.fail(`refused: ${decision.reason}`);
  expect(decision.user).to.equal(callerFacts.user);
  expect(decision.organisation).to.equal(callerFacts.organisation);
}

describe('decideAccess', () => {
  it('allows an active user of an active organisation on its host MSP whose roles may act', () => {
    const callerFacts = facts();
    expect(decideAccess(callerFacts, 'programme.submit')).to.deep.equal({
      allowed: true,
      user: callerFacts.user,
      organisation: callerFacts.organisation,
    });
  });

  it('refuses a caller who is not a registered user', () => {
    expect(reasonOf(facts({ user: undefined, organisation: undefined }))).to.equal(
      'the caller is not a registered user of the registry',
    );
  });

  it('refuses a suspended user, naming them', () => {
    expect(reasonOf(facts({ user: userIn('Suspended') }))).to.equal('user Wanjiru Kamau is Suspended');
  });

  it('refuses a user whose organisation does not exist', () => {
    expect(reasonOf(facts({ organisation: undefined }))).to.equal('organisation DEV does not exist');
  });

  for (const state of ['Pending', 'Suspended', 'Rejected'] as const) {
    it(`refuses a user of a ${state} organisation`, () => {
      expect(reasonOf(facts({ organisation: organisationIn(state) }))).to.equal(`organisation DEV is ${state}`);
    });
  }

  it('refuses a caller coming through another MSP than the one hosting the organisation', () => {
    expect(reasonOf(facts({ mspId: 'GovernmentMSP' }))).to.equal(
      'organisation DEV is hosted by DeveloperMSP, not GovernmentMSP',
    );
  });

  it('refuses a certificate naming another company', () => {
    const attributes = { companyId: 'CERT', role: null };
    expect(reasonOf(facts({ attributes }))).to.equal('the certificate names company CERT, the registry DEV');
  });

  it('refuses a certificate naming another role', () => {
    const attributes = { companyId: null, role: 'Admin' };
    expect(reasonOf(facts({ attributes }))).to.equal('the certificate names role Admin, the registry Manager');
  });

  it('ignores absent attributes and accepts attributes that agree with the registry', () => {
    expectAllowed(facts({ attributes: NO_ATTRIBUTES }));
    expectAllowed(facts({ attributes: { companyId: 'DEV', role: null } }));
    expectAllowed(facts({ attributes: { companyId: null, role: 'Manager' } }));
    expectAllowed(facts({ attributes: { companyId: 'DEV', role: 'Manager' } }));
  });

  it('refuses roles the permission table does not allow', () => {
    expect(reasonOf(facts({ user: userIn('Active', 'ViewOnly') }))).to.equal(
      'a ViewOnly of a ProgrammeDeveloper organisation may not programme.submit',
    );
    expect(reasonOf(facts(), 'programme.authorise')).to.equal(
      'a Manager of a ProgrammeDeveloper organisation may not programme.authorise',
    );
    expect(reasonOf(facts(), 'user.register')).to.equal(
      'a Manager of a ProgrammeDeveloper organisation may not user.register',
    );
    expectAllowed(facts({ user: userIn('Active', 'Admin') }), 'user.register');
  });

  it('applies the permission table to the organisation role, not the company id', () => {
    const certifier: Organisation = { ...organisationIn('Active'), companyRole: 'Certifier' };
    expect(reasonOf(facts({ organisation: certifier }))).to.equal(
      'a Manager of a Certifier organisation may not programme.submit',
    );
    expectAllowed(facts({ organisation: certifier }), 'programme.validate');
  });

  it('names the membership problem before any attribute mismatch', () => {
    const user: User = userIn('Suspended');
    const attributes = { companyId: 'CERT', role: 'Admin' };
    expect(reasonOf(facts({ user, attributes }))).to.equal('user Wanjiru Kamau is Suspended');
  });
});
