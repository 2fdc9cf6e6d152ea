// The files behind the ledger's document references. The ledger keeps a document's SHA-256 and address; the file
// itself is kept here under its own SHA-256, computed by the gateway from the bytes it received, so an address can
// only ever serve the bytes the ledger's hash names, and storing the same file twice changes nothing.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export interface StoredDocument {
  readonly sha256: string;
  readonly size: number;
  readonly mediaType: string;
  /** The name it was uploaded with, offered again when it is downloaded. */
  readonly filename?: string;
  /** Where its bytes are, absolute. */
  readonly path: string;
}

const metadataSchema = z.object({
  size: z.number().int().min(0),
  mediaType: z.string(),
  filename: z.string().optional(),
  storedAt: z.string(),
});

const SHA256 = /^[a-f0-9]{64}$/;

export const sha256Of = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

export class DocumentStore {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  /** The stored document with this hash, or nothing. */
  async find(sha256: string): Promise<StoredDocument | undefined> {
    // The hash becomes a file name: anything but 64 hex characters never reaches the file system.
    if (!SHA256.test(sha256)) return undefined;
    const path = join(this.dir, sha256);
    try {
      // The bytes are written last, so where they exist their description does too.
      await stat(path);
      const metadata = metadataSchema.parse(JSON.parse(await readFile(`${path}.json`, 'utf8')));
      return {
        sha256,
        size: metadata.size,
        mediaType: metadata.mediaType,
        path,
        ...(metadata.filename === undefined ? {} : { filename: metadata.filename }),
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /**
   * Stores a file under its SHA-256. A file already stored is left as it was first stored (its media type and
   * name included): its address is cached as immutable, so what it serves must never change.
   */
  async put(content: Buffer, mediaType: string, filename?: string): Promise<StoredDocument> {
    const sha256 = sha256Of(content);
    const existing = await this.find(sha256);
    if (existing) return existing;
    await mkdir(this.dir, { recursive: true });
    const path = join(this.dir, sha256);
    const metadata = {
      size: content.length,
      mediaType,
      storedAt: new Date().toISOString(),
      ...(filename === undefined ? {} : { filename }),
    };
    // Each file is written beside its final name and renamed into place, so a reader never sees half a file, and
    // two uploads of the same file at once both end with the same complete one.
    await this.writeWhole(`${path}.json`, JSON.stringify(metadata));
    await this.writeWhole(path, content);
    return { sha256, size: content.length, mediaType, path, ...(filename === undefined ? {} : { filename }) };
  }

  private async writeWhole(path: string, content: string | Buffer): Promise<void> {
    const temporary = `${path}.${randomBytes(6).toString('hex')}.partial`;
    await writeFile(temporary, content, { flag: 'wx' });
    await rename(temporary, path);
  }
}
