// Document references: who may add each document type, how a reference is built, and the document input schema.
import { expect } from 'chai';
import {
  DOCUMENT_AUTHORS,
  DOCUMENT_TYPES,
  documentInputSchema,
  newDocumentReference,
  type DocumentType,
} from '../../src/domain/document';
import type { CompanyRole } from '../../src/domain/organisation';
import { validate } from '../../src/domain/validation';
import { sha } from '../support/inputs';
import { CHANGED, deepFreeze } from './domain-fixtures';

// Written out rather than derived from the code, so a changed rule shows up here.
const AUTHORS: Record<DocumentType, CompanyRole[]> = {
  ProjectDesignDocument: ['ProgrammeDeveloper'],
  ValidationReport: ['Certifier'],
  MonitoringReport: ['ProgrammeDeveloper'],
  VerificationReport: ['Certifier'],
  IssuanceForm: ['Government'],
  TransferAgreement: ['ProgrammeDeveloper', 'Government'],
  VerificationAgreement: ['ProgrammeDeveloper', 'Certifier'],
  AuthorisationLetter: ['Government'],
};

describe('document authors', () => {
  for (const type of DOCUMENT_TYPES) {
    it(`lets only ${AUTHORS[type].join(' and ')} add a ${type}`, () => {
      expect([...DOCUMENT_AUTHORS[type]]).to.have.members(AUTHORS[type]);
    });
  }

  it('has a rule for every document type and nothing else', () => {
    expect(Object.keys(DOCUMENT_AUTHORS)).to.have.members([...DOCUMENT_TYPES]);
    expect(Object.keys(AUTHORS)).to.have.members([...DOCUMENT_TYPES]);
  });

  it('never lets a partner registry or MRV body add a document', () => {
    for (const type of DOCUMENT_TYPES) {
      expect(DOCUMENT_AUTHORS[type]).to.not.include('PartnerRegistry');
      expect(DOCUMENT_AUTHORS[type]).to.not.include('MRV');
    }
  });
});

describe('newDocumentReference', () => {
  it('records type, digest, location, version and who added it, with no signatures yet', () => {
    const input = deepFreeze({ sha256: sha(5), uri: 'https://docs.example.org/report.pdf', version: 3 });
    expect(newDocumentReference('MonitoringReport', input, CHANGED)).to.deep.equal({
      type: 'MonitoringReport',
      sha256: sha(5),
      uri: 'https://docs.example.org/report.pdf',
      version: 3,
      added: CHANGED,
      signatures: [],
    });
  });
});

describe('document input', () => {
  const check = (input: unknown) => validate(documentInputSchema, input);
  const base = { sha256: sha(6), uri: 'https://docs.example.org/a.pdf' };

  it('defaults the version to 1 and trims the location', () => {
    expect(check({ ...base, uri: '  https://docs.example.org/a.pdf ' })).to.deep.equal({
      ok: true,
      value: { ...base, version: 1 },
    });
  });

  it('takes a SHA-256 digest as 64 lower-case hex characters only', () => {
    for (const sha256 of ['AB'.repeat(32), sha(6).slice(1), `${sha(6)}0`, 'g'.repeat(64)]) {
      expect(check({ ...base, sha256 })).to.deep.equal({
        ok: false,
        problems: ['sha256: a SHA-256 digest as 64 lower-case hex characters'],
      });
    }
  });

  it('takes versions from 1 to 10000 as whole numbers', () => {
    for (const version of [1, 10_000]) expect(check({ ...base, version }).ok).to.equal(true);
    for (const version of [0, 10_001, 1.5, -1]) {
      const result = check({ ...base, version });
      if (result.ok) expect.fail(`version ${String(version)} was accepted`);
      expect(result.problems[0]).to.match(/^version: /);
    }
  });

  it('refuses an empty location and unknown fields', () => {
    expect(check({ ...base, uri: '   ' }).ok).to.equal(false);
    expect(check({ ...base, signer: 'x' })).to.deep.equal({ ok: false, problems: ['Unrecognized key: "signer"'] });
  });
});
