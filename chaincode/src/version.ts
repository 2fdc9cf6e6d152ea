// The chaincode's version, read once from its package.json so GetInfo reports what is deployed.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

export function chaincodeVersion(): string {
  cached ??= readVersion();
  return cached;
}

// Compiled code sits in dist/ (deployed) or build/src/ (unit tests): walk up to package.json.
function readVersion(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
      return typeof pkg.version === 'string' ? pkg.version : 'unknown';
    }
  }
  return 'unknown';
}
