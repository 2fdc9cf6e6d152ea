// Uploading the file behind a document reference: the browser computes the file's SHA-256 first (the person sees
// it before anything is sent), the gateway stores the file under the SHA-256 it computes itself, and the reference
// is used only when both agree, so the ledger never records a hash of bytes other than the person's file.
import { api, unwrap } from '../../api/client';
import type { Posted } from '../../api/types';

export type StoredDocument = Posted<'/documents'>;

/** What a request refers to a document by: {sha256, uri}; the version is the request's own. */
export interface DocumentReference {
  sha256: string;
  uri: string;
}

export class DocumentHashMismatch extends Error {
  override readonly name = 'DocumentHashMismatch';

  constructor(
    readonly computed: string,
    readonly stored: string,
  ) {
    super(`the registry stored SHA-256 ${stored}, not ${computed}`);
  }
}

const MAX_NAME = 255;

export async function uploadDocument(file: File, sha256: string): Promise<StoredDocument> {
  const filename = file.name.slice(0, MAX_NAME);
  const stored = await unwrap(
    api.POST('/documents', {
      // The gateway refuses the file too if what it received has another hash.
      params: { query: { sha256, ...(filename ? { filename } : {}) } },
      body: file,
      // The file goes as it is, with its own media type: not as JSON.
      bodySerializer: (body) => body,
      headers: { 'Content-Type': file.type || 'application/octet-stream' },
    }),
  );
  if (stored.sha256 !== sha256) throw new DocumentHashMismatch(sha256, stored.sha256);
  return stored;
}
