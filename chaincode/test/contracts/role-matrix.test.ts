// The role × operation matrix: for every organisation role, user role and write operation, the
// expected outcome, written out as a table. Allowed callers succeed; every other caller is
// refused with FORBIDDEN and leaves world state byte-identical.
import { expect } from 'chai';
import type { Context } from 'fabric-contract-api';
import { COMPANY_ROLES, type CompanyRole } from '../../src/domain/organisation';
import { OPERATIONS, type Operation } from '../../src/domain/permissions';
import { USER_ROLES, type UserRole } from '../../src/domain/user';
import type { FakeLedger } from '../support/fake-ledger';
import { organisationInput, person, programmeInput, sha } from '../support/inputs';
import { rejection } from '../support/rejection';
import {
  company,
  contracts,
  newIdentity,
  registryFixture,
  type Company,
  type CreditFixture,
  type RegistryFixture,
} from '../support/registry-fixture';

// A = Admin, M = Manager, V = ViewOnly may call; '-' nobody of that organisation role.
//                                  Government  Certifier  Developer  Partner  MRV
const MATRIX: Record<Operation, [string, string, string, string, string]> = {
  'organisation.register': /*    */ ['A', '-', '-', '-', '-'],
  'organisation.approve': /*     */ ['A', '-', '-', '-', '-'],
  'organisation.reject': /*      */ ['A', '-', '-', '-', '-'],
  'organisation.suspend': /*     */ ['A', '-', '-', '-', '-'],
  'organisation.reactivate': /*  */ ['A', '-', '-', '-', '-'],
  'organisation.updateContact': /**/ ['A', 'A', 'A', 'A', 'A'],
  'user.register': /*            */ ['A', 'A', 'A', 'A', 'A'],
  'user.changeRole': /*          */ ['A', 'A', 'A', 'A', 'A'],
  'user.suspend': /*             */ ['A', 'A', 'A', 'A', 'A'],
  'user.reactivate': /*          */ ['A', 'A', 'A', 'A', 'A'],
  'programme.submit': /*         */ ['-', '-', 'AM', '-', '-'],
  'programme.validate': /*       */ ['-', 'AM', '-', '-', '-'],
  'programme.reject': /*         */ ['AM', 'AM', '-', '-', '-'],
  'programme.authorise': /*      */ ['AM', '-', '-', '-', '-'],
  'programme.suspend': /*        */ ['AM', '-', '-', '-', '-'],
  'programme.reinstate': /*      */ ['AM', '-', '-', '-', '-'],
  'programme.close': /*          */ ['AM', '-', '-', '-', '-'],
  'programme.addDocument': /*    */ ['AM', 'AM', 'AM', '-', '-'],
  'monitoring.submit': /*        */ ['-', '-', 'AM', '-', '-'],
  'monitoring.verify': /*        */ ['-', 'AM', '-', '-', '-'],
  'monitoring.reject': /*        */ ['-', 'AM', '-', '-', '-'],
  'credits.issue': /*            */ ['AM', '-', '-', '-', '-'],
  'credits.send': /*             */ ['AM', '-', 'AM', '-', '-'],
  'credits.request': /*          */ ['AM', '-', 'AM', '-', '-'],
  'credits.decideRequest': /*    */ ['AM', '-', 'AM', '-', '-'],
  'credits.cancelRequest': /*    */ ['AM', '-', 'AM', '-', '-'],
  'credits.retire': /*           */ ['AM', '-', 'AM', '-', '-'],
  'credits.decideRetirement': /* */ ['AM', '-', '-', '-', '-'],
  'credits.cancel': /*           */ ['AM', '-', '-', '-', '-'],
  'credits.freeze': /*           */ ['AM', '-', '-', '-', '-'],
};

const COMPANY_OF_ROLE: Record<CompanyRole, string> = {
  Government: 'GOV',
  Certifier: 'CERT',
  ProgrammeDeveloper: 'DEV',
  PartnerRegistry: 'PARTNER',
  MRV: 'MRV',
};

const LETTER: Record<UserRole, string> = { Admin: 'A', Manager: 'M', ViewOnly: 'V' };

function expectedAllowed(operation: Operation, companyRole: CompanyRole, userRole: UserRole): boolean {
  const cell = MATRIX[operation][COMPANY_ROLES.indexOf(companyRole)] ?? '-';
  return cell.includes(LETTER[userRole]);
}

type Call = (ctx: Context) => Promise<string>;

let counter = 0;
const documentTypeFor: Record<CompanyRole, string> = {
  Government: 'IssuanceForm',
  Certifier: 'VerificationReport',
  ProgrammeDeveloper: 'MonitoringReport',
  PartnerRegistry: 'MonitoringReport',
  MRV: 'MonitoringReport',
};

const { organisation: o, user: u, programme: p } = contracts;
const json = (value: unknown) => JSON.stringify(value);
const reason = 'as decided by the registry';
const next = () => String(++counter);

/** For each operation, a valid request aimed at what the caller's own organisation may act on. */
const { monitoring: m, issuance: i, transfer: t, retirement: r, custody: c } = contracts;
const isGov = (own: Company) => own.companyId === 'GOV';
let credits: CreditFixture;
const now = (call: Call) => Promise.resolve(call);

const REQUESTS: Record<Operation, (own: Company) => Promise<Call>> = {
  'organisation.register': async () => {
    const admin = await newIdentity('DeveloperMSP');
    const organisation = organisationInput(`NEW-${next()}`, 'ProgrammeDeveloper', 'DeveloperMSP');
    const firstAdmin = { certificate: admin.certificate, ...person('New Admin') };
    return (ctx) => o.RegisterOrganisation(ctx, json({ organisation, firstAdmin }));
  },
  'organisation.approve': () =>
    Promise.resolve((ctx) => o.ApproveOrganisation(ctx, json({ companyId: 'DEV-PENDING' }))),
  'organisation.reject': () =>
    Promise.resolve((ctx) => o.RejectOrganisation(ctx, json({ companyId: 'DEV-PENDING', reason }))),
  'organisation.suspend': () =>
    Promise.resolve((ctx) => o.SuspendOrganisation(ctx, json({ companyId: 'DEV-ACTIVE', reason }))),
  'organisation.reactivate': () =>
    Promise.resolve((ctx) => o.ReactivateOrganisation(ctx, json({ companyId: 'DEV-SUSPENDED', reason }))),
  'organisation.updateContact': (own) => {
    const contact = { email: 'new@example.org', address: '2 New Road' };
    return Promise.resolve((ctx) => o.UpdateOrganisationContact(ctx, json({ companyId: own.companyId, contact })));
  },
  'user.register': async (own) => {
    const { certificate } = await newIdentity(own.mspId);
    const request = { certificate, mspId: own.mspId, companyId: own.companyId, role: 'ViewOnly', ...person('New') };
    return (ctx) => u.RegisterUser(ctx, json(request));
  },
  'user.changeRole': (own) =>
    Promise.resolve((ctx) => u.ChangeUserRole(ctx, json({ userId: own.target.userId, role: 'Manager' }))),
  'user.suspend': (own) => Promise.resolve((ctx) => u.SuspendUser(ctx, json({ userId: own.target.userId, reason }))),
  'user.reactivate': (own) =>
    Promise.resolve((ctx) => u.ReactivateUser(ctx, json({ userId: own.suspended.userId, reason }))),
  'programme.submit': () => Promise.resolve((ctx) => p.SubmitProgramme(ctx, json(programmeInput(`P-NEW-${next()}`)))),
  'programme.validate': () => {
    const validationReport = { sha256: sha(3), uri: 'https://docs.example.org/v.pdf' };
    return Promise.resolve((ctx) => p.ValidateProgramme(ctx, json({ externalId: 'P-SUBMITTED', validationReport })));
  },
  'programme.reject': () =>
    Promise.resolve((ctx) => p.RejectProgramme(ctx, json({ externalId: 'P-SUBMITTED', reason }))),
  'programme.authorise': () =>
    Promise.resolve((ctx) =>
      p.AuthoriseProgramme(ctx, json({ externalId: 'P-VALIDATED', creditIdentifier: 'CA0004' })),
    ),
  'programme.suspend': () =>
    Promise.resolve((ctx) => p.SuspendProgramme(ctx, json({ externalId: 'P-AUTHORISED', reason }))),
  'programme.reinstate': () =>
    Promise.resolve((ctx) => p.ReinstateProgramme(ctx, json({ externalId: 'P-SUSPENDED', reason }))),
  'programme.close': () =>
    Promise.resolve((ctx) => p.CloseProgramme(ctx, json({ externalId: 'P-AUTHORISED', reason }))),
  'programme.addDocument': (own) => {
    const request = {
      externalId: 'P-SUBMITTED',
      type: documentTypeFor[own.companyRole],
      document: { sha256: sha(4), uri: 'https://docs.example.org/d.pdf' },
    };
    return Promise.resolve((ctx) => p.AddProgrammeDocument(ctx, json(request)));
  },
  'monitoring.submit': () => {
    const report = { sha256: sha(5), uri: 'https://docs.example.org/m.pdf' };
    const period = { periodStart: '2025-07-01', periodEnd: '2025-12-31', claimedReductions: 100 };
    return now((ctx) => m.SubmitMonitoringReport(ctx, json({ externalId: 'P-AUTHORISED', ...period, report })));
  },
  'monitoring.verify': () => {
    const verificationReport = { sha256: sha(6), uri: 'https://docs.example.org/v.pdf' };
    const request = { externalId: 'P-AUTHORISED', round: 3, verifiedReductions: 400, verificationReport };
    return now((ctx) => m.VerifyMonitoringReport(ctx, json(request)));
  },
  'monitoring.reject': () =>
    now((ctx) => m.RejectMonitoringReport(ctx, json({ externalId: 'P-AUTHORISED', round: 3, reason }))),
  'credits.issue': () =>
    now((ctx) => i.IssueCredits(ctx, json({ externalId: 'P-AUTHORISED', round: 2, quantity: 1000 }))),
  'credits.send': (own) => now((ctx) => t.SendCredits(ctx, json({ to: isGov(own) ? 'DEV' : 'GOV', quantity: 10 }))),
  'credits.request': (own) =>
    now((ctx) => t.RequestCredits(ctx, json({ from: isGov(own) ? 'DEV' : 'GOV', quantity: 10 }))),
  'credits.decideRequest': (own) => {
    const requestId = isGov(own) ? credits.requestFromGov : credits.requestFromDev;
    return now((ctx) => t.ApproveTransferRequest(ctx, json({ requestId })));
  },
  'credits.cancelRequest': (own) => {
    const requestId = isGov(own) ? credits.requestFromDev : credits.requestFromGov;
    return now((ctx) => t.CancelTransferRequest(ctx, json({ requestId, reason })));
  },
  'credits.retire': () =>
    now((ctx) =>
      r.RetireCredits(ctx, json({ quantity: 10, beneficiary: 'A school', category: 'VoluntaryCancellation' })),
    ),
  'credits.decideRetirement': () =>
    now((ctx) => r.ApproveRetirement(ctx, json({ retirementId: credits.pendingRetirement }))),
  'credits.cancel': () =>
    now((ctx) => c.CancelCredits(ctx, json({ holder: 'DEV', quantity: 10, reason: 'Reversal', note: reason }))),
  'credits.freeze': () => now((ctx) => c.FreezeCredits(ctx, json({ serial: credits.devSerial, reason }))),
};

describe('role × operation matrix', function () {
  this.timeout(60_000);
  let fixture: RegistryFixture;
  before(async () => {
    fixture = await registryFixture();
    credits = fixture.credits;
  });

  it('covers every operation of the permission table', () => {
    expect(Object.keys(MATRIX).sort()).to.deep.equal([...OPERATIONS].sort());
  });

  for (const operation of OPERATIONS) {
    describe(operation, () => {
      for (const companyRole of COMPANY_ROLES) {
        for (const userRole of USER_ROLES) {
          const allowed = expectedAllowed(operation, companyRole, userRole);
          it(`${allowed ? 'allows' : 'forbids'} a ${userRole} of a ${companyRole}`, async () => {
            const own = company(fixture, COMPANY_OF_ROLE[companyRole]);
            const caller = own.users[userRole];
            const call = await REQUESTS[operation](own);
            const ledger: FakeLedger = fixture.ledger.clone();
            const before = ledger.snapshot();
            if (allowed) {
              await ledger.invoke(caller, call);
              expect(ledger.snapshot()).to.not.equal(before);
            } else {
              const body = await rejection(ledger.invoke(caller, call));
              expect(body.code, body.message).to.equal('FORBIDDEN');
              expect(ledger.snapshot()).to.equal(before);
            }
          });
        }
      }
    });
  }
});
