// Organisations: the host-MSP rule for every role, creation, contact updates and every (state × action) pair.
import { expect } from 'chai';
import {
  COMPANY_ROLES,
  changeOrganisationState,
  hostMspAllowed,
  newOrganisation,
  ORGANISATION_STATES,
  ORGANISATION_TRANSITIONS,
  updateContact,
  type CompanyRole,
  type OrganisationAction,
  type OrganisationState,
} from '../../src/domain/organisation';
import { organisationInput } from '../support/inputs';
import { CHANGED, CREATED, deepFreeze, organisationIn, registryErrorOf } from './domain-fixtures';

const MSPS = ['GovernmentMSP', 'CertifierMSP', 'DeveloperMSP', 'PartnerMSP'] as const;

// Written out rather than derived from the code, so a changed rule shows up here.
// Columns: GovernmentMSP, CertifierMSP, DeveloperMSP, PartnerMSP.
const HOSTS: Record<CompanyRole, [boolean, boolean, boolean, boolean]> = {
  Government: /*         */ [true, false, false, false],
  Certifier: /*          */ [false, true, false, false],
  ProgrammeDeveloper: /* */ [false, false, true, false],
  PartnerRegistry: /*    */ [false, false, false, true],
  MRV: /*                */ [true, false, true, false],
};

const ACTIONS: readonly OrganisationAction[] = ['approve', 'reject', 'suspend', 'reactivate'];

/** For each action, the states it may start from and the state it leads to. */
const EXPECTED: Record<OrganisationAction, Partial<Record<OrganisationState, OrganisationState>>> = {
  approve: { Pending: 'Active' },
  reject: { Pending: 'Rejected' },
  suspend: { Active: 'Suspended' },
  reactivate: { Suspended: 'Active' },
};

describe('organisation host MSP', () => {
  it('knows every role and MSP of the table', () => {
    expect([...COMPANY_ROLES]).to.have.members(Object.keys(HOSTS));
  });

  for (const role of COMPANY_ROLES) {
    MSPS.forEach((mspId, column) => {
      const allowed = HOSTS[role][column] ?? false;
      it(`${allowed ? 'lets' : 'does not let'} ${mspId} host a ${role}`, () => {
        expect(hostMspAllowed(role, mspId)).to.equal(allowed);
        const input = organisationInput('ORG-1', role, mspId);
        // The government comes into being only through the bootstrap; every other role by registration.
        const action = role === 'Government' ? 'bootstrap' : 'apply';
        if (allowed) {
          expect(newOrganisation(input, 'Pending', action, CREATED).hostMspId).to.equal(mspId);
        } else {
          const error = registryErrorOf(() => newOrganisation(input, 'Pending', action, CREATED));
          expect(error.code).to.equal('INVALID_ARGUMENT');
          expect(error.message).to.match(/^hostMspId: /);
          expect(error.details).to.deep.equal({ companyRole: role, hostMspId: mspId });
        }
      });
    });
  }

  it('refuses a Government organisation made any other way than by the bootstrap', () => {
    for (const action of ['apply', 'register']) {
      const error = registryErrorOf(() =>
        newOrganisation(organisationInput('GOV2', 'Government', 'GovernmentMSP'), 'Active', action, CREATED),
      );
      expect(error.code).to.equal('INVALID_ARGUMENT');
      expect(error.message).to.match(/^companyRole: /);
    }
  });

  it('lets a partner registry be hosted by any MSP of another country', () => {
    expect(hostMspAllowed('PartnerRegistry', 'VanuatuRegistryMSP')).to.equal(true);
    expect(hostMspAllowed('Government', 'VanuatuRegistryMSP')).to.equal(false);
  });
});

describe('newOrganisation', () => {
  for (const state of ['Pending', 'Active'] as const) {
    it(`creates a ${state} organisation whose history starts with the creating action`, () => {
      const input = deepFreeze(organisationInput('GOV', 'Government', 'GovernmentMSP'));
      const before = JSON.stringify(input);
      expect(newOrganisation(input, state, 'bootstrap', CREATED)).to.deep.equal({
        docType: 'organisation',
        ...input,
        state,
        stateHistory: [{ state, action: 'bootstrap', at: CREATED.at, txId: CREATED.txId, by: CREATED.by }],
        created: CREATED,
        updated: CREATED,
      });
      expect(JSON.stringify(input)).to.equal(before);
    });
  }
});

describe('updateContact', () => {
  it('replaces the contact and the update stamp, and nothing else', () => {
    const org = deepFreeze(organisationIn('Active'));
    const before = JSON.stringify(org);
    const contact = { email: 'new@dev.example', website: 'https://dev.example', address: '2 Other Road' };
    expect(updateContact(org, contact, CHANGED)).to.deep.equal({ ...org, contact, updated: CHANGED });
    expect(JSON.stringify(org)).to.equal(before);
  });
});

describe('organisation state machine', () => {
  it('has exactly the states and actions of the table', () => {
    expect([...ORGANISATION_STATES]).to.deep.equal(['Pending', 'Active', 'Suspended', 'Rejected']);
    expect(Object.keys(ORGANISATION_TRANSITIONS)).to.have.members([...ACTIONS]);
  });

  for (const state of ORGANISATION_STATES) {
    for (const action of ACTIONS) {
      const next = EXPECTED[action][state];
      if (next) {
        it(`${action} turns a ${state} organisation ${next}, recording who, when and why`, () => {
          const org = deepFreeze(organisationIn(state));
          const before = JSON.stringify(org);
          const after = changeOrganisationState(org, action, CHANGED, 'as decided by the registry');
          expect(after).to.deep.equal({
            ...org,
            state: next,
            stateHistory: [
              ...org.stateHistory,
              {
                state: next,
                action,
                at: CHANGED.at,
                txId: CHANGED.txId,
                by: CHANGED.by,
                reason: 'as decided by the registry',
              },
            ],
            updated: CHANGED,
          });
          expect(JSON.stringify(org)).to.equal(before);
        });
      } else {
        it(`refuses to ${action} a ${state} organisation`, () => {
          const org = deepFreeze(organisationIn(state));
          const error = registryErrorOf(() => changeOrganisationState(org, action, CHANGED, 'no'));
          expect(error.code).to.equal('INVALID_STATE');
          expect(error.message).to.equal(`cannot ${action} a organisation that is ${state}`);
          expect(error.details).to.deep.equal({
            action,
            state,
            allowedFrom: Object.keys(EXPECTED[action]),
          });
        });
      }
    }
  }

  it('records no reason when none is given', () => {
    const after = changeOrganisationState(organisationIn('Pending'), 'approve', CHANGED);
    expect(after.stateHistory).to.have.length(2);
    expect(after.stateHistory[1]).to.deep.equal({
      state: 'Active',
      action: 'approve',
      at: CHANGED.at,
      txId: CHANGED.txId,
      by: CHANGED.by,
    });
    expect(after.stateHistory[1]).to.not.have.property('reason');
  });
});
