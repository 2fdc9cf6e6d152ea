// Users: registration, role changes and every (state × action) pair of the user state machine.
import { expect } from 'chai';
import {
  changeUserRole,
  changeUserState,
  newUser,
  USER_ROLES,
  USER_STATES,
  USER_TRANSITIONS,
  type UserAction,
  type UserState,
} from '../../src/domain/user';
import { CHANGED, CREATED, deepFreeze, registryErrorOf, userIn } from './domain-fixtures';

const ACTIONS: readonly UserAction[] = ['suspend', 'reactivate'];

// Written out rather than derived from the code, so a changed rule shows up here.
const EXPECTED: Record<UserAction, Partial<Record<UserState, UserState>>> = {
  suspend: { Active: 'Suspended' },
  reactivate: { Suspended: 'Active' },
};

describe('newUser', () => {
  it('registers an Active user whose history starts with the registration', () => {
    const fields = deepFreeze({
      userId: 'b'.repeat(64),
      mspId: 'CertifierMSP',
      subject: '/C=XX/O=Certifier/OU=client/CN=otieno',
      issuer: '/C=XX/O=Certifier/CN=ca.certifier.carbon.example',
      companyId: 'CERT',
      role: 'Admin' as const,
      name: 'Otieno Odhiambo',
      email: 'otieno@cert.example',
    });
    expect(newUser(fields, CREATED)).to.deep.equal({
      docType: 'user',
      ...fields,
      state: 'Active',
      stateHistory: [{ state: 'Active', action: 'register', at: CREATED.at, txId: CREATED.txId, by: CREATED.by }],
      created: CREATED,
      updated: CREATED,
    });
  });
});

describe('changeUserRole', () => {
  for (const role of USER_ROLES) {
    it(`gives a user the role ${role} without touching state or history`, () => {
      const user = deepFreeze(userIn('Active', 'Manager'));
      const before = JSON.stringify(user);
      expect(changeUserRole(user, role, CHANGED)).to.deep.equal({ ...user, role, updated: CHANGED });
      expect(JSON.stringify(user)).to.equal(before);
    });
  }
});

describe('user state machine', () => {
  it('has exactly the states and actions of the table', () => {
    expect([...USER_STATES]).to.deep.equal(['Active', 'Suspended']);
    expect(Object.keys(USER_TRANSITIONS)).to.have.members([...ACTIONS]);
  });

  for (const state of USER_STATES) {
    for (const action of ACTIONS) {
      const next = EXPECTED[action][state];
      if (next) {
        it(`${action} turns a ${state} user ${next}, recording who, when and why`, () => {
          const user = deepFreeze(userIn(state));
          const before = JSON.stringify(user);
          const after = changeUserState(user, action, CHANGED, 'left the company');
          expect(after).to.deep.equal({
            ...user,
            state: next,
            stateHistory: [
              ...user.stateHistory,
              { state: next, action, at: CHANGED.at, txId: CHANGED.txId, by: CHANGED.by, reason: 'left the company' },
            ],
            updated: CHANGED,
          });
          expect(JSON.stringify(user)).to.equal(before);
        });
      } else {
        it(`refuses to ${action} a ${state} user`, () => {
          const user = deepFreeze(userIn(state));
          const error = registryErrorOf(() => changeUserState(user, action, CHANGED, 'no'));
          expect(error.code).to.equal('INVALID_STATE');
          expect(error.message).to.equal(`cannot ${action} a user that is ${state}`);
          expect(error.details).to.deep.equal({ action, state, allowedFrom: Object.keys(EXPECTED[action]) });
        });
      }
    }
  }

  it('records no reason when none is given', () => {
    const after = changeUserState(userIn('Active'), 'suspend', CHANGED);
    expect(after.stateHistory).to.have.length(2);
    expect(after.stateHistory[1]).to.deep.equal({
      state: 'Suspended',
      action: 'suspend',
      at: CHANGED.at,
      txId: CHANGED.txId,
      by: CHANGED.by,
    });
  });
});
