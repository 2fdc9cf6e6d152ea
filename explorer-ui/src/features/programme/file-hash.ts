// A file is checked against the ledger by its SHA-256, computed in the browser: the file itself never leaves it.
import type { LedgerDocument } from '../../api/types';

export class HashUnavailableError extends Error {
  override readonly name = 'HashUnavailableError';
}

export async function sha256Hex(file: Blob): Promise<string> {
  // Web Crypto exists only in secure contexts (https, localhost).
  const subtle = globalThis.crypto.subtle as SubtleCrypto | undefined;
  if (!subtle) throw new HashUnavailableError('Web Crypto is not available on this connection');
  const digest = await subtle.digest('SHA-256', await file.arrayBuffer());
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function documentsWithHash<D extends Pick<LedgerDocument, 'sha256'>>(
  hash: string,
  documents: readonly D[],
): D[] {
  const wanted = hash.toLowerCase();
  return documents.filter((document) => document.sha256.toLowerCase() === wanted);
}
