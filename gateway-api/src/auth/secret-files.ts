// Secrets the gateway creates for itself at first start (the key-encryption key, the token signing
// key, the bootstrap token) live in files only their owner can read. A file that others can read is
// refused rather than used: its secret may already be known.
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

export class InsecureSecretFileError extends Error {
  constructor(
    readonly path: string,
    mode: number,
  ) {
    super(`${path} is readable or writable by others (mode ${(mode & 0o777).toString(8)}); run chmod 600 ${path}`);
    this.name = 'InsecureSecretFileError';
  }
}

/** Throws when group or others have any permission on the file. */
export function assertOwnerOnly(path: string): void {
  const { mode } = statSync(path);
  if ((mode & 0o077) !== 0) throw new InsecureSecretFileError(path, mode);
}

/**
 * The secret stored in `path`, created with `create()` and mode 0600 if the file does not exist.
 * The file appears complete or not at all (written aside, then hard-linked into place), so two
 * gateways starting together on one data directory read the same secret.
 */
export function readOrCreateSecretFile(path: string, create: () => string): string {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const aside = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(aside, 'wx', 0o600);
  try {
    writeSync(fd, create());
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(aside, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    unlinkSync(aside);
  }
  assertOwnerOnly(path);
  return readFileSync(path, 'utf8').trim();
}
