// Loads an enrolled identity (certificate and private key) from an MSP folder as the Gateway's
// Identity and Signer.
import { createPrivateKey } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { signers, type Identity, type Signer } from '@hyperledger/fabric-gateway';

export interface SigningIdentity {
  readonly identity: Identity;
  readonly signer: Signer;
}

export function loadMspIdentity(mspId: string, mspDir: string): SigningIdentity {
  const credentials = readFileSync(join(mspDir, 'signcerts', onlyFile(join(mspDir, 'signcerts'))));
  const keyPem = readFileSync(join(mspDir, 'keystore', onlyFile(join(mspDir, 'keystore'))));
  return {
    identity: { mspId, credentials },
    signer: signers.newPrivateKeySigner(createPrivateKey(keyPem)),
  };
}

function onlyFile(dir: string): string {
  const files = readdirSync(dir);
  const [first] = files;
  if (files.length !== 1 || first === undefined)
    throw new Error(`expected exactly one file in ${dir}, found ${String(files.length)}`);
  return first;
}
