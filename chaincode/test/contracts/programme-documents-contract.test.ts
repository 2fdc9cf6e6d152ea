// ProgrammeContract.AddProgrammeDocument: which party may add which document type, versions, and closed programmes.
import { expect } from 'chai';
import type { DocumentType } from '../../src/domain/document';
import type { Programme } from '../../src/domain/programme';
import type { FakeCaller } from '../support/fake-ledger';
import { sha } from '../support/inputs';
import { company, contracts, registryFixture, type RegistryFixture } from '../support/registry-fixture';
import {
  actorOf,
  hasKey,
  json,
  key,
  REASON,
  refused,
  registerCompany,
  stored,
  storedProgramme,
  write,
  type Call,
} from './contract-kit';

const { programme: p } = contracts;

const addDocument =
  (externalId: string, type: string, version?: number): Call =>
  (ctx) => {
    const document = { sha256: sha(42), uri: `https://docs.example.org/${type}.pdf` };
    return p.AddProgrammeDocument(
      ctx,
      json({ externalId, type, document: version === undefined ? document : { ...document, version } }),
    );
  };

describe('ProgrammeContract.AddProgrammeDocument', () => {
  let fixture: RegistryFixture;
  const party = (companyId: string): FakeCaller => company(fixture, companyId).users.Manager;
  before(async () => {
    fixture = await registryFixture();
  });

  const allowed: [string, string, DocumentType, number | null][] = [
    ['DEV', 'P-AUTHORISED', 'MonitoringReport', 1],
    ['DEV', 'P-SUBMITTED', 'TransferAgreement', null],
    ['DEV', 'P-SUSPENDED', 'VerificationAgreement', 2],
    ['CERT', 'P-AUTHORISED', 'VerificationReport', 1],
    ['CERT', 'P-VALIDATED', 'VerificationAgreement', null],
    ['GOV', 'P-AUTHORISED', 'IssuanceForm', 1],
    ['GOV', 'P-SUBMITTED', 'TransferAgreement', null],
    ['GOV', 'P-VALIDATED', 'AuthorisationLetter', null],
  ];
  for (const [companyId, externalId, type, programmeId] of allowed) {
    it(`lets ${companyId} add a ${type} to ${externalId}`, async () => {
      const ledger = fixture.ledger.clone();
      const caller = party(companyId);
      const before = storedProgramme(ledger, externalId);
      const policy = ledger.validationParameters.get(key('programme', externalId));

      const { result, event } = await write<Programme>(ledger, caller, addDocument(externalId, type));
      const added = { at: result.updated.at, txId: event.txId, by: actorOf(caller, companyId) };
      const document = { type, sha256: sha(42), uri: `https://docs.example.org/${type}.pdf`, version: 1 };
      expect(result).to.deep.equal({
        ...before,
        documents: [...before.documents, { ...document, added, signatures: [] }],
        updated: added,
      });
      expect(stored(ledger, key('programme', externalId))).to.deep.equal(result);
      expect(hasKey(ledger, 'programme~state', before.state, externalId)).to.equal(true);
      expect(ledger.validationParameters.get(key('programme', externalId))).to.deep.equal(policy);
      expect(event).to.deep.include({
        name: 'ProgrammeDocumentAdded',
        payload: { externalId, programmeId, state: before.state },
      });
    });
  }

  it('refuses a developer that is not a proponent of the programme (FORBIDDEN)', async () => {
    const ledger = fixture.ledger.clone();
    const stranger = await registerCompany(
      ledger,
      fixture.bootstrapAdmin,
      'NEWDEV',
      'ProgrammeDeveloper',
      'DeveloperMSP',
    );
    const body = await refused(ledger, stranger, addDocument('P-SUBMITTED', 'MonitoringReport'), 'FORBIDDEN');
    expect(body.message).to.equal('NEWDEV is not a party to programme P-SUBMITTED');
  });

  it('refuses a certifier that is not assigned to the programme (FORBIDDEN)', async () => {
    const ledger = fixture.ledger.clone();
    const stranger = await registerCompany(ledger, fixture.bootstrapAdmin, 'CERT2', 'Certifier', 'CertifierMSP');
    await refused(ledger, stranger, addDocument('P-AUTHORISED', 'VerificationReport'), 'FORBIDDEN');
  });

  it('refuses a party whose role may not add that type of document (FORBIDDEN)', async () => {
    const ledger = fixture.ledger.clone();
    const refusedTypes: [string, DocumentType][] = [
      ['DEV', 'ValidationReport'],
      ['DEV', 'VerificationReport'],
      ['DEV', 'IssuanceForm'],
      ['DEV', 'AuthorisationLetter'],
      ['CERT', 'MonitoringReport'],
      ['CERT', 'TransferAgreement'],
      ['CERT', 'IssuanceForm'],
      ['GOV', 'ProjectDesignDocument'],
      ['GOV', 'ValidationReport'],
      ['GOV', 'VerificationAgreement'],
    ];
    for (const [companyId, type] of refusedTypes) {
      const body = await refused(ledger, party(companyId), addDocument('P-AUTHORISED', type), 'FORBIDDEN');
      expect(body.details, `${companyId} ${type}`).to.deep.equal({ type });
    }
  });

  it('refuses a type and version already recorded (CONFLICT) but takes the next version', async () => {
    const ledger = fixture.ledger.clone();
    await refused(ledger, party('DEV'), addDocument('P-SUBMITTED', 'ProjectDesignDocument'), 'CONFLICT');
    await refused(ledger, party('DEV'), addDocument('P-SUBMITTED', 'ProjectDesignDocument', 1), 'CONFLICT');
    await refused(ledger, party('CERT'), addDocument('P-VALIDATED', 'ValidationReport'), 'CONFLICT');
    const { result } = await write<Programme>(
      ledger,
      party('DEV'),
      addDocument('P-SUBMITTED', 'ProjectDesignDocument', 2),
    );
    expect(result.documents.map((d) => [d.type, d.version])).to.deep.equal([
      ['ProjectDesignDocument', 1],
      ['ProjectDesignDocument', 2],
    ]);
    await refused(ledger, party('DEV'), addDocument('P-SUBMITTED', 'ProjectDesignDocument', 2), 'CONFLICT');
  });

  it('refuses documents for a Rejected or Closed programme (INVALID_STATE)', async () => {
    const ledger = fixture.ledger.clone();
    const gov = party('GOV');
    await write(ledger, gov, (ctx) => p.RejectProgramme(ctx, json({ externalId: 'P-SUBMITTED', reason: REASON })));
    await write(ledger, gov, (ctx) => p.CloseProgramme(ctx, json({ externalId: 'P-AUTHORISED', reason: REASON })));
    for (const externalId of ['P-SUBMITTED', 'P-AUTHORISED']) {
      await refused(ledger, party('DEV'), addDocument(externalId, 'MonitoringReport'), 'INVALID_STATE');
      await refused(ledger, gov, addDocument(externalId, 'IssuanceForm'), 'INVALID_STATE');
    }
  });

  it('answers NOT_FOUND for an unknown programme and INVALID_ARGUMENT for an unknown type or bad document', async () => {
    const ledger = fixture.ledger.clone();
    await refused(ledger, party('DEV'), addDocument('P-NOBODY', 'MonitoringReport'), 'NOT_FOUND');
    await refused(ledger, party('DEV'), addDocument('P-SUBMITTED', 'Brochure'), 'INVALID_ARGUMENT');
    await refused(ledger, party('DEV'), addDocument('P-SUBMITTED', 'MonitoringReport', 0), 'INVALID_ARGUMENT');
  });
});
