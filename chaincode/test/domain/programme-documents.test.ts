// A document type and version is recorded once, whether it arrives through AddProgrammeDocument
// or as part of validation or authorisation.
import { expect } from 'chai';
import {
  addDocument,
  authoriseProgramme,
  newProgramme,
  validateProgramme,
  type Programme,
} from '../../src/domain/programme';
import { RegistryError } from '../../src/errors';
import { programmeInput, sha } from '../support/inputs';

const stamp = { at: '2026-01-01T00:00:00.000Z', txId: 'tx1', by: { mspId: 'GovernmentMSP', subject: '/CN=a' } };
const doc = (n: number, version = 1) => ({ sha256: sha(n), uri: `https://docs.example.org/${String(n)}.pdf`, version });

function conflictOf(call: () => Programme): string | undefined {
  try {
    call();
  } catch (err) {
    expect(err).to.be.instanceOf(RegistryError);
    return (err as RegistryError).code;
  }
  return undefined;
}

describe('programme documents are recorded once per type and version', () => {
  const submitted = newProgramme(programmeInput('P-1'), 'DEV', stamp);

  it('refuses a validation report whose version is already recorded', () => {
    const withReport = addDocument(submitted, 'ValidationReport', doc(2), stamp);
    expect(conflictOf(() => validateProgramme(withReport, doc(3), stamp))).to.equal('CONFLICT');
    expect(validateProgramme(withReport, doc(3, 2), stamp).documents.map((d) => d.version)).to.deep.equal([1, 1, 2]);
  });

  it('refuses an authorisation letter whose version is already recorded', () => {
    const validated = addDocument(validateProgramme(submitted, doc(2), stamp), 'AuthorisationLetter', doc(4), stamp);
    const input = {
      externalId: 'P-1',
      creditIdentifier: 'CA0004',
      firstTransferringParty: 'XX',
      article6Authorised: false,
    };
    const authorise = (letter: ReturnType<typeof doc>) =>
      authoriseProgramme(validated, { ...input, authorisationLetter: letter }, 1, 'KE', stamp);
    expect(conflictOf(() => authorise(doc(5)))).to.equal('CONFLICT');
    expect(authorise(doc(5, 2)).state).to.equal('Authorised');
  });
});
