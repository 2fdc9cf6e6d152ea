// The permission table: spot checks of who may do what, and the rules that hold across the whole table.
import { expect } from 'chai';
import { COMPANY_ROLES, type CompanyRole } from '../../src/domain/organisation';
import { isAllowed, OPERATIONS, PERMISSIONS, type Operation } from '../../src/domain/permissions';
import { USER_ROLES, type UserRole } from '../../src/domain/user';

const SPOT_CHECKS: [CompanyRole, UserRole, Operation, boolean][] = [
  ['Government', 'Admin', 'organisation.register', true],
  ['Government', 'Manager', 'organisation.register', false],
  ['Certifier', 'Admin', 'organisation.approve', false],
  ['ProgrammeDeveloper', 'Manager', 'programme.submit', true],
  ['ProgrammeDeveloper', 'Admin', 'programme.submit', true],
  ['Government', 'Admin', 'programme.submit', false],
  ['Certifier', 'Manager', 'programme.validate', true],
  ['Government', 'Manager', 'programme.validate', false],
  ['Certifier', 'Admin', 'programme.authorise', false],
  ['Government', 'Manager', 'programme.authorise', true],
  ['Government', 'Manager', 'programme.reject', true],
  ['Certifier', 'Manager', 'programme.reject', true],
  ['ProgrammeDeveloper', 'Admin', 'programme.reject', false],
  ['Government', 'Manager', 'programme.close', true],
  ['ProgrammeDeveloper', 'Manager', 'programme.addDocument', true],
  ['Certifier', 'Admin', 'user.register', true],
  ['Certifier', 'Manager', 'user.register', false],
  ['ProgrammeDeveloper', 'Admin', 'organisation.updateContact', true],
];

// A partner registry or MRV body only looks after itself: its contact details and its people.
const SELF_ADMINISTRATION: readonly Operation[] = [
  'organisation.updateContact',
  'user.register',
  'user.changeRole',
  'user.suspend',
  'user.reactivate',
];

describe('isAllowed', () => {
  it('has a rule for every operation and nothing else', () => {
    expect(Object.keys(PERMISSIONS)).to.have.members([...OPERATIONS]);
  });

  for (const [companyRole, userRole, operation, allowed] of SPOT_CHECKS) {
    it(`${allowed ? 'lets' : 'does not let'} a ${userRole} of a ${companyRole} ${operation}`, () => {
      expect(isAllowed(companyRole, userRole, operation)).to.equal(allowed);
    });
  }

  it('never lets a ViewOnly user do anything', () => {
    for (const companyRole of COMPANY_ROLES) {
      for (const operation of OPERATIONS) {
        expect(isAllowed(companyRole, 'ViewOnly', operation), `${companyRole} ${operation}`).to.equal(false);
      }
    }
  });

  for (const companyRole of ['PartnerRegistry', 'MRV'] as const) {
    it(`lets a ${companyRole} only administer itself, and only as Admin`, () => {
      for (const operation of OPERATIONS) {
        for (const userRole of USER_ROLES) {
          const expected = userRole === 'Admin' && SELF_ADMINISTRATION.includes(operation);
          expect(isAllowed(companyRole, userRole, operation), `${userRole} ${operation}`).to.equal(expected);
        }
      }
    });
  }

  it('leaves every user.* operation to Admins of every kind of organisation', () => {
    for (const operation of OPERATIONS.filter((o) => o.startsWith('user.'))) {
      for (const companyRole of COMPANY_ROLES) {
        expect(isAllowed(companyRole, 'Admin', operation), `${companyRole} ${operation}`).to.equal(true);
        expect(isAllowed(companyRole, 'Manager', operation), `${companyRole} ${operation}`).to.equal(false);
      }
    }
  });

  it('leaves every organisation decision to the government Admin alone', () => {
    for (const operation of OPERATIONS.filter(
      (o) => o.startsWith('organisation.') && o !== 'organisation.updateContact',
    )) {
      for (const companyRole of COMPANY_ROLES) {
        for (const userRole of USER_ROLES) {
          const expected = companyRole === 'Government' && userRole === 'Admin';
          expect(isAllowed(companyRole, userRole, operation), `${companyRole} ${userRole} ${operation}`).to.equal(
            expected,
          );
        }
      }
    }
  });
});
