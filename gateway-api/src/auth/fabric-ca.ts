// A small client for an organisation's Fabric CA REST API (what fabric-ca-client does, without the
// legacy SDK): register a person as the CA's registrar, enrol them with a key generated here, and
// change a registered person's attributes. Requests are authorised with Fabric CA's token: the
// registrar's certificate and a low-S ECDSA signature over method, path, body and certificate.

// @peculiar/x509 needs the Reflect metadata API loaded before it.
import 'reflect-metadata';
import { createHash, createPrivateKey, webcrypto, type KeyObject } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { signers } from '@hyperledger/fabric-gateway';
import * as x509 from '@peculiar/x509';
import type { OrganisationProfile } from '@carbon-registry/fabric-client';

const b64 = (data: string | Buffer): string => Buffer.from(data).toString('base64');

export interface CaAttribute {
  readonly name: string;
  readonly value: string;
}

export interface Registration {
  readonly id: string;
  readonly secret: string;
  /** 'admin' only for the government's first Admin (BootstrapGovernment checks OU=admin). */
  readonly type: 'client' | 'admin';
  readonly attributes: readonly CaAttribute[];
}

/** The CA's registrar: its certificate (PEM) and private key. */
export interface Registrar {
  readonly certificate: string;
  readonly key: KeyObject;
}

interface CaResponse<T> {
  readonly success: boolean;
  readonly result?: T;
  readonly errors?: readonly { code: number; message: string }[];
}

export class FabricCaError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'FabricCaError';
  }
}

/**
 * Fabric CA's authorisation token for a request: base64(cert) "." base64(signature), the
 * signature over method "." base64(path) "." base64(body) "." base64(cert), hashed with SHA-256.
 */
export async function authorisationToken(
  registrar: Registrar,
  method: string,
  path: string,
  body: string,
): Promise<string> {
  const certificate = b64(registrar.certificate);
  const payload = `${method}.${b64(path)}.${b64(body)}.${certificate}`;
  const digest = createHash('sha256').update(payload).digest();
  const signature = await signers.newPrivateKeySigner(registrar.key)(digest);
  return `${certificate}.${b64(Buffer.from(signature))}`;
}

/** The country and organisation of a CA's own subject, which its people's subjects repeat. */
export interface SubjectNames {
  readonly C?: string;
  readonly O?: string;
}

export function subjectNamesOf(caCertificatePem: string): SubjectNames {
  const subject = new x509.X509Certificate(caCertificatePem).subjectName;
  const [C] = subject.getField('C');
  const [O] = subject.getField('O');
  return { ...(C === undefined ? {} : { C }), ...(O === undefined ? {} : { O }) };
}

/**
 * A new P-256 key pair for a person, and a certificate request naming them by their enrolment id
 * (the CA adds the OU of their identity type), as "C=…, O=…, OU=client, CN=<id>" like the
 * network's own identities.
 */
export async function newKeyAndCsr(
  enrollmentId: string,
  names: SubjectNames = {},
): Promise<{ privateKeyPem: string; csrPem: string }> {
  const algorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
  const keys = await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify']);
  const name = [
    ...(names.C === undefined ? [] : [{ C: [names.C] }]),
    ...(names.O === undefined ? [] : [{ O: [names.O] }]),
    { CN: [enrollmentId] },
  ];
  // Node's WebCrypto is the provider @peculiar/x509 finds on globalThis.
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name, keys, signingAlgorithm: algorithm });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const privateKeyPem = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({
    format: 'pem',
    type: 'pkcs8',
  }) as string;
  return { privateKeyPem, csrPem: csr.toString('pem') };
}

function onlyFile(dir: string): string {
  const [first, ...rest] = readdirSync(dir);
  if (first === undefined || rest.length > 0) throw new Error(`expected exactly one file in ${dir}`);
  return join(dir, first);
}

/** Reads the registrar's certificate and key from its MSP folder (network.json's ca.registrarMsp). */
export function loadRegistrar(mspDir: string): Registrar {
  return {
    certificate: readFileSync(onlyFile(join(mspDir, 'signcerts')), 'utf8'),
    key: createPrivateKey(readFileSync(onlyFile(join(mspDir, 'keystore')))),
  };
}

export class FabricCaClient {
  readonly #url: URL;
  readonly #tlsRoot: string;

  /** C and O of the CA's subject, for its people's certificate requests. */
  readonly subjectNames: SubjectNames;

  constructor(
    readonly caName: string,
    url: string,
    tlsRootCert: string,
    private readonly registrar: Registrar,
  ) {
    this.#url = new URL(url);
    this.#tlsRoot = tlsRootCert;
    // Fabric CA serves TLS with a certificate its own root signed, so the TLS root is the CA's certificate.
    this.subjectNames = subjectNamesOf(tlsRootCert);
  }

  static forOrganisation(org: OrganisationProfile): FabricCaClient {
    return new FabricCaClient(
      org.ca.name,
      org.ca.url,
      readFileSync(org.ca.tlsRootCert, 'utf8'),
      loadRegistrar(org.ca.registrarMsp),
    );
  }

  /** Registers a person; their attributes go into every certificate enrolled for them. */
  async register(registration: Registration): Promise<void> {
    const body = JSON.stringify({
      id: registration.id,
      type: registration.type,
      secret: registration.secret,
      affiliation: '',
      attrs: registration.attributes.map((a) => ({ name: a.name, value: a.value, ecert: true })),
      caname: this.caName,
    });
    await this.#call('POST', '/api/v1/register', body, {
      authorization: await this.#token('POST', '/api/v1/register', body),
    });
  }

  /** Changes a registered person's attributes and enrolment secret (their next enrolment carries them). */
  async modifyIdentity(id: string, secret: string, attributes: readonly CaAttribute[]): Promise<void> {
    const path = `/api/v1/identities/${encodeURIComponent(id)}`;
    const body = JSON.stringify({
      secret,
      attrs: attributes.map((a) => ({ name: a.name, value: a.value, ecert: true })),
      caname: this.caName,
    });
    await this.#call('PUT', path, body, { authorization: await this.#token('PUT', path, body) });
  }

  /** Enrols a registered person with their certificate request; returns the PEM certificate. */
  async enroll(id: string, secret: string, csrPem: string): Promise<string> {
    const body = JSON.stringify({ certificate_request: csrPem, caname: this.caName });
    const result = await this.#call<{ Cert?: string }>('POST', '/api/v1/enroll', body, {
      authorization: `Basic ${b64(`${id}:${secret}`)}`,
    });
    if (!result?.Cert) throw new FabricCaError('the CA answered an enrolment without a certificate', 502);
    return Buffer.from(result.Cert, 'base64').toString('utf8');
  }

  #token(method: string, path: string, body: string): Promise<string> {
    return authorisationToken(this.registrar, method, path, body);
  }

  async #call<T>(method: string, path: string, body: string, headers: Record<string, string>): Promise<T | undefined> {
    const { status, text } = await this.#send(method, path, body, headers);
    let parsed: CaResponse<T>;
    try {
      parsed = JSON.parse(text) as CaResponse<T>;
    } catch {
      throw new FabricCaError(`${this.caName} answered ${method} ${path} with HTTP ${status} and no JSON`, status);
    }
    if (status >= 300 || !parsed.success) {
      const message = (parsed.errors ?? []).map((e) => `${e.code}: ${e.message}`).join('; ') || `HTTP ${status}`;
      throw new FabricCaError(`${this.caName} refused ${method} ${path}: ${message}`, status);
    }
    return parsed.result;
  }

  #send(
    method: string,
    path: string,
    body: string,
    headers: Record<string, string>,
  ): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      const req = httpsRequest(
        new URL(path, this.#url),
        {
          method,
          ca: this.#tlsRoot,
          headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          timeout: 30_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new FabricCaError(`${this.caName} did not answer ${method} ${path}`, 504)));
      req.on('error', reject);
      req.end(body);
    });
  }
}
