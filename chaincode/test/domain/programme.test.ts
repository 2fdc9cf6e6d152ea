// Programmes: submission, every (state × action) pair of the lifecycle, authorisation, documents and parties.
import { expect } from 'chai';
import type { DocumentReference } from '../../src/domain/document';
import {
  addDocument,
  assertOpen,
  authoriseProgramme,
  changeProgrammeState,
  formatSerialPrefix,
  newProgramme,
  PROGRAMME_STATES,
  PROGRAMME_TRANSITIONS,
  rejectProgramme,
  relationTo,
  validateProgramme,
  type Programme,
  type ProgrammeAction,
  type ProgrammeState,
} from '../../src/domain/programme';
import type { AuthorisationInput } from '../../src/domain/programme-schema';
import type { Stamp } from '../../src/domain/stamp';
import { programmeInput, sha } from '../support/inputs';
import { CHANGED, CREATED, deepFreeze, programmeIn, registryErrorOf } from './domain-fixtures';

const ACTIONS: readonly ProgrammeAction[] = ['validate', 'reject', 'authorise', 'suspend', 'reinstate', 'close'];

// Written out rather than derived from the code, so a changed rule shows up here.
const EXPECTED: Record<ProgrammeAction, Partial<Record<ProgrammeState, ProgrammeState>>> = {
  validate: { Submitted: 'Validated' },
  reject: { Submitted: 'Rejected', Validated: 'Rejected' },
  authorise: { Validated: 'Authorised' },
  suspend: { Authorised: 'Suspended' },
  reinstate: { Suspended: 'Authorised' },
  close: { Authorised: 'Closed', Suspended: 'Closed' },
};

const REASON = 'as decided by the registry';
const REPORT = { sha256: sha(2), uri: 'https://docs.example.org/validation.pdf', version: 1 };
const LETTER = { sha256: sha(3), uri: 'https://docs.example.org/letter.pdf', version: 1 };
const AUTHORISATION: AuthorisationInput = {
  externalId: 'P-1',
  creditIdentifier: 'CA0004',
  firstTransferringParty: 'XX',
  article6Authorised: false,
};

function reference(type: DocumentReference['type'], input: typeof REPORT, stamp: Stamp): DocumentReference {
  return { type, sha256: input.sha256, uri: input.uri, version: input.version, added: stamp, signatures: [] };
}

/** Each action as the government would take it (a certifier's rejection has its own rule, below). */
const APPLY: Record<ProgrammeAction, (p: Programme) => Programme> = {
  validate: (p) => validateProgramme(p, REPORT, CHANGED),
  reject: (p) => rejectProgramme(p, false, REASON, CHANGED),
  authorise: (p) => authoriseProgramme(p, AUTHORISATION, 7, 'KE', CHANGED),
  suspend: (p) => changeProgrammeState(p, 'suspend', REASON, CHANGED),
  reinstate: (p) => changeProgrammeState(p, 'reinstate', REASON, CHANGED),
  close: (p) => changeProgrammeState(p, 'close', REASON, CHANGED),
};

/** What an allowed action changes besides state, history and the update stamp. */
const EFFECT: Record<ProgrammeAction, (p: Programme) => Partial<Programme>> = {
  validate: (p) => ({ documents: [...p.documents, reference('ValidationReport', REPORT, CHANGED)] }),
  reject: () => ({}),
  authorise: () => ({
    authorisation: {
      programmeId: 7,
      serial: {
        creditIdentifier: 'CA0004',
        originatingParty: 'KE',
        firstTransferringParty: 'XX',
        prefix: 'CA0004-KE-XX-7',
      },
      article6Authorised: false,
      authorised: CHANGED,
    },
  }),
  suspend: () => ({}),
  reinstate: () => ({}),
  close: () => ({}),
};

// Validation and authorisation are justified by their documents, the other decisions by a reason.
const WITH_REASON: readonly ProgrammeAction[] = ['reject', 'suspend', 'reinstate', 'close'];

function historyEntry(state: ProgrammeState, action: ProgrammeAction) {
  const entry = { state, action, at: CHANGED.at, txId: CHANGED.txId, by: CHANGED.by };
  return WITH_REASON.includes(action) ? { ...entry, reason: REASON } : entry;
}

describe('newProgramme', () => {
  it('starts Submitted, with the design document as its first document', () => {
    const input = deepFreeze(programmeInput('P-1'));
    const before = JSON.stringify(input);
    const { designDocument, ...fields } = input;
    expect(newProgramme(input, 'DEV', CREATED)).to.deep.equal({
      docType: 'programme',
      ...fields,
      submittedBy: 'DEV',
      state: 'Submitted',
      stateHistory: [{ state: 'Submitted', action: 'submit', at: CREATED.at, txId: CREATED.txId, by: CREATED.by }],
      documents: [reference('ProjectDesignDocument', designDocument, CREATED)],
      created: CREATED,
      updated: CREATED,
    });
    expect(JSON.stringify(input)).to.equal(before);
  });

  it('accepts any of several proponents as the submitter', () => {
    const input = programmeInput('P-2', {
      proponents: [
        { companyId: 'DEV', shareBps: 6000 },
        { companyId: 'DEV2', shareBps: 4000 },
      ],
    });
    expect(newProgramme(input, 'DEV2', CREATED).submittedBy).to.equal('DEV2');
  });

  it('refuses a submitter that is not a proponent', () => {
    const error = registryErrorOf(() => newProgramme(programmeInput('P-3'), 'OTHER', CREATED));
    expect(error.code).to.equal('INVALID_ARGUMENT');
    expect(error.message).to.match(/^proponents: /);
    expect(error.details).to.deep.equal({ submittedBy: 'OTHER' });
  });
});

describe('programme lifecycle', () => {
  it('has exactly the states and actions of the table', () => {
    expect([...PROGRAMME_STATES]).to.deep.equal([
      'Submitted',
      'Validated',
      'Authorised',
      'Rejected',
      'Suspended',
      'Closed',
    ]);
    expect(Object.keys(PROGRAMME_TRANSITIONS)).to.have.members([...ACTIONS]);
  });

  for (const state of PROGRAMME_STATES) {
    for (const action of ACTIONS) {
      const next = EXPECTED[action][state];
      if (next) {
        it(`${action} turns a ${state} programme ${next}, recording who and when`, () => {
          const programme = deepFreeze(programmeIn(state));
          const before = JSON.stringify(programme);
          expect(APPLY[action](programme)).to.deep.equal({
            ...programme,
            state: next,
            stateHistory: [...programme.stateHistory, historyEntry(next, action)],
            updated: CHANGED,
            ...EFFECT[action](programme),
          });
          expect(JSON.stringify(programme)).to.equal(before);
        });
      } else {
        it(`refuses to ${action} a ${state} programme`, () => {
          const programme = deepFreeze(programmeIn(state));
          const error = registryErrorOf(() => APPLY[action](programme));
          expect(error.code).to.equal('INVALID_STATE');
          expect(error.message).to.equal(`cannot ${action} a programme that is ${state}`);
          expect(error.details).to.deep.equal({ action, state, allowedFrom: Object.keys(EXPECTED[action]) });
        });
      }
    }
  }

  it('keeps the whole path from submission to closure in its history', () => {
    let programme = newProgramme(programmeInput('P-1'), 'DEV', CREATED);
    for (const action of ['validate', 'authorise', 'suspend', 'reinstate', 'close'] as const) {
      programme = APPLY[action](programme);
    }
    expect(programme.stateHistory.map((h) => [h.action, h.state])).to.deep.equal([
      ['submit', 'Submitted'],
      ['validate', 'Validated'],
      ['authorise', 'Authorised'],
      ['suspend', 'Suspended'],
      ['reinstate', 'Authorised'],
      ['close', 'Closed'],
    ]);
    expect(programme.documents.map((d) => d.type)).to.deep.equal(['ProjectDesignDocument', 'ValidationReport']);
  });
});

describe('rejectProgramme by a certifier', () => {
  it('rejects a Submitted programme, recording the reason', () => {
    const after = rejectProgramme(deepFreeze(programmeIn('Submitted')), true, REASON, CHANGED);
    expect(after.state).to.equal('Rejected');
    expect(after.stateHistory.at(-1)).to.deep.equal(historyEntry('Rejected', 'reject'));
  });

  // Once validated, only the government may still reject it.
  for (const state of PROGRAMME_STATES.filter((s) => s !== 'Submitted')) {
    it(`refuses to reject a ${state} programme`, () => {
      const error = registryErrorOf(() => rejectProgramme(deepFreeze(programmeIn(state)), true, REASON, CHANGED));
      expect(error.code).to.equal('INVALID_STATE');
      expect(error.message).to.equal(`a certifier cannot reject a programme that is ${state}`);
      expect(error.details).to.deep.equal({ state });
    });
  }
});

describe('serial prefix and authorisation', () => {
  it('formats the serial prefix from credit identifier, parties and programme id', () => {
    expect(formatSerialPrefix('CA0004', 'VU', 'CH', 356)).to.deep.equal({
      creditIdentifier: 'CA0004',
      originatingParty: 'VU',
      firstTransferringParty: 'CH',
      prefix: 'CA0004-VU-CH-356',
    });
  });

  it('records the programme id, serial prefix, Article 6 status and stamp, without a letter', () => {
    const programme = deepFreeze(programmeIn('Validated'));
    const input = { ...AUTHORISATION, firstTransferringParty: 'CH', article6Authorised: true };
    const after = authoriseProgramme(programme, input, 356, 'VU', CHANGED);
    expect(after.authorisation).to.deep.equal({
      programmeId: 356,
      serial: formatSerialPrefix('CA0004', 'VU', 'CH', 356),
      article6Authorised: true,
      authorised: CHANGED,
    });
    expect(after.authorisation?.serial.prefix).to.equal('CA0004-VU-CH-356');
    expect(after.documents).to.deep.equal(programme.documents);
  });

  it('adds the authorisation letter as a document when one is given', () => {
    const programme = deepFreeze(programmeIn('Validated'));
    const after = authoriseProgramme(programme, { ...AUTHORISATION, authorisationLetter: LETTER }, 8, 'KE', CHANGED);
    expect(after.documents).to.deep.equal([...programme.documents, reference('AuthorisationLetter', LETTER, CHANGED)]);
    expect(after.authorisation?.serial.prefix).to.equal('CA0004-KE-XX-8');
  });
});

describe('addDocument', () => {
  const monitoring = { sha256: sha(4), uri: 'https://docs.example.org/monitoring-1.pdf', version: 1 };

  it('appends a document and the update stamp, leaving state and history alone', () => {
    const programme = deepFreeze(programmeIn('Authorised'));
    const before = JSON.stringify(programme);
    expect(addDocument(programme, 'MonitoringReport', monitoring, CHANGED)).to.deep.equal({
      ...programme,
      documents: [...programme.documents, reference('MonitoringReport', monitoring, CHANGED)],
      updated: CHANGED,
    });
    expect(JSON.stringify(programme)).to.equal(before);
  });

  it('accepts a new version of a type, and the same version of another type', () => {
    const once = addDocument(programmeIn('Authorised'), 'MonitoringReport', monitoring, CHANGED);
    const twice = addDocument(once, 'MonitoringReport', { ...monitoring, version: 2 }, CHANGED);
    const thrice = addDocument(twice, 'VerificationReport', monitoring, CHANGED);
    expect(thrice.documents.map((d) => [d.type, d.version])).to.deep.equal([
      ['ProjectDesignDocument', 1],
      ['MonitoringReport', 1],
      ['MonitoringReport', 2],
      ['VerificationReport', 1],
    ]);
  });

  it('refuses a second document of the same type and version', () => {
    const programme = deepFreeze(programmeIn('Submitted'));
    const pdd = { sha256: sha(9), uri: 'https://docs.example.org/pdd-again.pdf', version: 1 };
    const error = registryErrorOf(() => addDocument(programme, 'ProjectDesignDocument', pdd, CHANGED));
    expect(error.code).to.equal('CONFLICT');
    expect(error.details).to.deep.equal({ type: 'ProjectDesignDocument', version: 1 });
  });
});

describe('relationTo', () => {
  // The fixture programme names DEV as proponent and CERT as certifier.
  const programme = deepFreeze(programmeIn('Submitted'));
  const cases: [string, string, ReturnType<typeof relationTo>][] = [
    ['GOV', 'Government', 'government'],
    ['ANY-GOV', 'Government', 'government'],
    ['DEV', 'ProgrammeDeveloper', 'proponent'],
    ['DEV2', 'ProgrammeDeveloper', undefined],
    ['CERT', 'Certifier', 'certifier'],
    ['CERT2', 'Certifier', undefined],
    ['DEV', 'Certifier', undefined],
    ['CERT', 'ProgrammeDeveloper', undefined],
    ['DEV', 'MRV', undefined],
    ['CERT', 'PartnerRegistry', undefined],
  ];
  for (const [companyId, companyRole, relation] of cases) {
    it(`sees ${companyId} as a ${companyRole} to be ${relation ?? 'no party'}`, () => {
      expect(relationTo(programme, companyId, companyRole)).to.equal(relation);
    });
  }
});

describe('assertOpen', () => {
  for (const state of PROGRAMME_STATES) {
    const closed = state === 'Rejected' || state === 'Closed';
    it(`${closed ? 'refuses' : 'accepts'} a ${state} programme`, () => {
      const programme = programmeIn(state);
      if (closed) {
        const error = registryErrorOf(() => {
          assertOpen(programme);
        });
        expect(error.code).to.equal('INVALID_STATE');
        expect(error.message).to.equal(`programme P-1 is ${state}`);
        expect(error.details).to.deep.equal({ state });
      } else {
        expect(() => {
          assertOpen(programme);
        }).to.not.throw();
      }
    });
  }
});
