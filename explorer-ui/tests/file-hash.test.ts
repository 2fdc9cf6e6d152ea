// Web Crypto and Blob.arrayBuffer as browsers have them (jsdom lacks Blob.arrayBuffer); Node implements both.
// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { documentsWithHash, sha256Hex } from '../src/features/programme/file-hash';

// FIPS 180-2's example: SHA-256("abc").
const ABC = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';

describe('file hash check', () => {
  it('computes a file’s SHA-256 in the browser', async () => {
    await expect(sha256Hex(new Blob(['abc']))).resolves.toBe(ABC);
  });

  it('finds the ledger documents with that hash, whatever the case of the hex', () => {
    const documents = [
      { sha256: ABC.toUpperCase(), type: 'ProjectDesignDocument' },
      { sha256: '0'.repeat(64), type: 'ValidationReport' },
    ];
    expect(documentsWithHash(ABC, documents).map((d) => d.type)).toEqual(['ProjectDesignDocument']);
    expect(documentsWithHash('1'.repeat(64), documents)).toEqual([]);
  });
});
