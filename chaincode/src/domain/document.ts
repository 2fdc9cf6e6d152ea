// References to documents kept off chain: the ledger holds what identifies a file (its SHA-256),
// where it is, its type and version, who added it and when; signatures are added later.
import { z } from 'zod';
import { sha256Schema } from './common-schemas';
import type { CompanyRole } from './organisation';
import type { Stamp } from './stamp';

export const DOCUMENT_TYPES = [
  'ProjectDesignDocument',
  'ValidationReport',
  'MonitoringReport',
  'VerificationReport',
  'IssuanceForm',
  'TransferAgreement',
  'VerificationAgreement',
  'AuthorisationLetter',
] as const;

export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export const documentInputSchema = z.strictObject({
  sha256: sha256Schema,
  uri: z.string().trim().min(1).max(2048),
  version: z.number().int().min(1).max(10_000).default(1),
});

export type DocumentInput = z.infer<typeof documentInputSchema>;

export interface DocumentSignature {
  readonly mspId: string;
  readonly subject: string;
  readonly signature: string;
  readonly at: string;
  readonly txId: string;
}

export interface DocumentReference {
  readonly type: DocumentType;
  readonly sha256: string;
  readonly uri: string;
  readonly version: number;
  readonly added: Stamp;
  readonly signatures: readonly DocumentSignature[];
}

export function newDocumentReference(type: DocumentType, input: DocumentInput, stamp: Stamp): DocumentReference {
  return { type, sha256: input.sha256, uri: input.uri, version: input.version, added: stamp, signatures: [] };
}

/** Which kind of organisation may add each type of document to a programme. */
export const DOCUMENT_AUTHORS: Readonly<Record<DocumentType, readonly CompanyRole[]>> = {
  ProjectDesignDocument: ['ProgrammeDeveloper'],
  MonitoringReport: ['ProgrammeDeveloper'],
  TransferAgreement: ['ProgrammeDeveloper', 'Government'],
  VerificationAgreement: ['ProgrammeDeveloper', 'Certifier'],
  ValidationReport: ['Certifier'],
  VerificationReport: ['Certifier'],
  IssuanceForm: ['Government'],
  AuthorisationLetter: ['Government'],
};
