// Shared builders for the domain unit tests: stamps, records in a chosen state, and error capture.
import { expect } from 'chai';
import { newOrganisation, type Organisation, type OrganisationState } from '../../src/domain/organisation';
import { newProgramme, type Programme, type ProgrammeState } from '../../src/domain/programme';
import type { Stamp } from '../../src/domain/stamp';
import { newUser, type User, type UserRole, type UserState } from '../../src/domain/user';
import { RegistryError } from '../../src/errors';
import { organisationInput, programmeInput } from '../support/inputs';
import type { ErrorBody } from '../support/rejection';

export function stampOf(txId: string, companyId = 'GOV'): Stamp {
  return {
    at: `2026-03-01T10:00:${txId.slice(-2).padStart(2, '0')}.000Z`,
    txId,
    by: { mspId: 'GovernmentMSP', subject: `/C=XX/O=Government/OU=client/CN=${txId}`, companyId },
  };
}

export const CREATED = stampOf('tx01');
export const CHANGED = stampOf('tx02');

/** The error a synchronous call throws, after checking it is a RegistryError whose JSON message agrees with it. */
export function registryErrorOf(call: () => unknown): ErrorBody {
  let thrown: unknown;
  try {
    call();
  } catch (err) {
    thrown = err;
  }
  expect(thrown, 'expected a RegistryError').to.be.instanceOf(RegistryError);
  const error = thrown as RegistryError;
  const body = JSON.parse(error.message) as ErrorBody;
  expect(body.code).to.equal(error.code);
  expect(body.details).to.deep.equal(error.details);
  return body;
}

/** Freezes a record all the way down, so any in-place change by the code under test throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export function organisationIn(state: OrganisationState): Organisation {
  const org = newOrganisation(
    organisationInput('DEV', 'ProgrammeDeveloper', 'DeveloperMSP'),
    'Pending',
    'apply',
    CREATED,
  );
  return { ...org, state };
}

export function userIn(state: UserState, role: UserRole = 'Manager'): User {
  const user = newUser(
    {
      userId: 'a'.repeat(64),
      mspId: 'DeveloperMSP',
      subject: '/C=XX/O=Developer/OU=client/CN=wanjiru',
      issuer: '/C=XX/O=Developer/CN=ca.developer.carbon.example',
      companyId: 'DEV',
      role,
      name: 'Wanjiru Kamau',
      email: 'wanjiru@dev.example',
    },
    CREATED,
  );
  return { ...user, state };
}

export function programmeIn(state: ProgrammeState): Programme {
  return { ...newProgramme(programmeInput('P-1'), 'DEV', CREATED), state };
}
