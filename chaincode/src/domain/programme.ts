// A mitigation programme and its lifecycle: Submitted → Validated → Authorised | Rejected, then
// Suspended ↔ Authorised and Closed. Authorisation gives it its sequential programme id and the
// serial-number prefix every credit block of the programme will carry.
import { ErrorCode, RegistryError } from '../errors';
import { newDocumentReference, type DocumentInput, type DocumentReference, type DocumentType } from './document';
import type { AuthorisationInput, ProgrammeInput } from './programme-schema';
import { stateChange, type Stamp, type StateChange } from './stamp';
import { nextState, type Transitions } from './state-machine';

export const PROGRAMME_STATES = ['Submitted', 'Validated', 'Authorised', 'Rejected', 'Suspended', 'Closed'] as const;
export type ProgrammeState = (typeof PROGRAMME_STATES)[number];

export type ProgrammeAction = 'validate' | 'reject' | 'authorise' | 'suspend' | 'reinstate' | 'close';

export const PROGRAMME_TRANSITIONS: Transitions<ProgrammeState, ProgrammeAction> = {
  validate: { from: ['Submitted'], to: 'Validated' },
  reject: { from: ['Submitted', 'Validated'], to: 'Rejected' },
  authorise: { from: ['Validated'], to: 'Authorised' },
  suspend: { from: ['Authorised'], to: 'Suspended' },
  reinstate: { from: ['Suspended'], to: 'Authorised' },
  close: { from: ['Authorised', 'Suspended'], to: 'Closed' },
};

export interface SerialPrefix {
  readonly creditIdentifier: string;
  readonly originatingParty: string;
  readonly firstTransferringParty: string;
  /** `{creditIdentifier}-{originatingParty}-{firstTransferringParty}-{programmeId}` */
  readonly prefix: string;
}

export interface Authorisation {
  readonly programmeId: number;
  readonly serial: SerialPrefix;
  readonly article6Authorised: boolean;
  readonly authorised: Stamp;
}

type ProgrammeFields = Omit<ProgrammeInput, 'designDocument'>;

export interface Programme extends ProgrammeFields {
  readonly docType: 'programme';
  readonly submittedBy: string;
  readonly state: ProgrammeState;
  readonly stateHistory: readonly StateChange<ProgrammeState>[];
  readonly documents: readonly DocumentReference[];
  readonly authorisation?: Authorisation;
  /** Unit numbering of issued credits: they run per programme across issuances. */
  readonly credits?: { readonly issued: number; readonly nextUnit: number };
  readonly created: Stamp;
  readonly updated: Stamp;
}

export function newProgramme(input: ProgrammeInput, submittedBy: string, stamp: Stamp): Programme {
  if (!input.proponents.some((p) => p.companyId === submittedBy)) {
    throw new RegistryError(ErrorCode.INVALID_ARGUMENT, 'proponents: the submitting company must be a proponent', {
      submittedBy,
    });
  }
  const { designDocument, ...fields } = input;
  return {
    docType: 'programme',
    ...fields,
    submittedBy,
    state: 'Submitted',
    stateHistory: [stateChange('Submitted', 'submit', stamp)],
    documents: [newDocumentReference('ProjectDesignDocument', designDocument, stamp)],
    created: stamp,
    updated: stamp,
  };
}

export function isProponent(programme: Programme, companyId: string): boolean {
  return programme.proponents.some((p) => p.companyId === companyId);
}

export function isAssignedCertifier(programme: Programme, companyId: string): boolean {
  return programme.certifierIds.includes(companyId);
}

function transition(
  programme: Programme,
  action: ProgrammeAction,
  stamp: Stamp,
  reason?: string,
  document?: DocumentReference,
): Programme {
  const state = nextState('programme', PROGRAMME_TRANSITIONS, programme.state, action);
  return {
    ...programme,
    state,
    stateHistory: [...programme.stateHistory, stateChange(state, action, stamp, reason)],
    documents: document ? appendDocument(programme.documents, document) : programme.documents,
    updated: stamp,
  };
}

/** A document of a type and version already on record is a CONFLICT, however it arrives. */
function appendDocument(documents: readonly DocumentReference[], document: DocumentReference): DocumentReference[] {
  if (documents.some((d) => d.type === document.type && d.version === document.version)) {
    throw new RegistryError(
      ErrorCode.CONFLICT,
      `a ${document.type} version ${String(document.version)} is already recorded`,
      { type: document.type, version: document.version },
    );
  }
  return [...documents, document];
}

export function validateProgramme(programme: Programme, report: DocumentInput, stamp: Stamp): Programme {
  return transition(programme, 'validate', stamp, undefined, newDocumentReference('ValidationReport', report, stamp));
}

/** A certifier may only reject what it has not validated yet; the government may reject until authorisation. */
export function rejectProgramme(programme: Programme, byCertifier: boolean, reason: string, stamp: Stamp): Programme {
  if (byCertifier && programme.state !== 'Submitted') {
    throw new RegistryError(
      ErrorCode.INVALID_STATE,
      `a certifier cannot reject a programme that is ${programme.state}`,
      {
        state: programme.state,
      },
    );
  }
  return transition(programme, 'reject', stamp, reason);
}

export function formatSerialPrefix(
  creditIdentifier: string,
  originatingParty: string,
  firstTransferringParty: string,
  programmeId: number,
): SerialPrefix {
  return {
    creditIdentifier,
    originatingParty,
    firstTransferringParty,
    prefix: `${creditIdentifier}-${originatingParty}-${firstTransferringParty}-${String(programmeId)}`,
  };
}

export function authoriseProgramme(
  programme: Programme,
  input: AuthorisationInput,
  programmeId: number,
  originatingParty: string,
  stamp: Stamp,
): Programme {
  const letter = input.authorisationLetter
    ? newDocumentReference('AuthorisationLetter', input.authorisationLetter, stamp)
    : undefined;
  const authorised = transition(programme, 'authorise', stamp, undefined, letter);
  return {
    ...authorised,
    authorisation: {
      programmeId,
      serial: formatSerialPrefix(input.creditIdentifier, originatingParty, input.firstTransferringParty, programmeId),
      article6Authorised: input.article6Authorised,
      authorised: stamp,
    },
  };
}

export function changeProgrammeState(
  programme: Programme,
  action: 'suspend' | 'reinstate' | 'close',
  reason: string,
  stamp: Stamp,
): Programme {
  return transition(programme, action, stamp, reason);
}

export function addDocument(programme: Programme, type: DocumentType, input: DocumentInput, stamp: Stamp): Programme {
  const documents = appendDocument(programme.documents, newDocumentReference(type, input, stamp));
  return { ...programme, documents, updated: stamp };
}

/**
 * How an organisation stands to a programme: a proponent (developer), an assigned certifier, or
 * the government; anyone else has no say in it.
 */
export function relationTo(
  programme: Programme,
  companyId: string,
  companyRole: string,
): 'proponent' | 'certifier' | 'government' | undefined {
  if (companyRole === 'Government') return 'government';
  if (companyRole === 'ProgrammeDeveloper' && isProponent(programme, companyId)) return 'proponent';
  if (companyRole === 'Certifier' && isAssignedCertifier(programme, companyId)) return 'certifier';
  return undefined;
}

export function assertOpen(programme: Programme): void {
  if (programme.state === 'Rejected' || programme.state === 'Closed') {
    throw new RegistryError(ErrorCode.INVALID_STATE, `programme ${programme.externalId} is ${programme.state}`, {
      state: programme.state,
    });
  }
}

/**
 * Records an issuance of `quantity` units on the programme: returns the updated record and the
 * first unit number of the issuance. Only an Authorised programme issues credits.
 */
export function recordIssuance(
  programme: Programme,
  quantity: number,
  stamp: Stamp,
): { programme: Programme; firstUnit: number } {
  if (programme.state !== 'Authorised' || !programme.authorisation) {
    throw new RegistryError(ErrorCode.INVALID_STATE, `programme ${programme.externalId} is ${programme.state}`, {
      state: programme.state,
    });
  }
  const credits = programme.credits ?? { issued: 0, nextUnit: 1 };
  const updated = { issued: credits.issued + quantity, nextUnit: credits.nextUnit + quantity };
  return { programme: { ...programme, credits: updated, updated: stamp }, firstUnit: credits.nextUnit };
}
