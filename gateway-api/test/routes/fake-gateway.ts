// The gateway's Express app over fakes of the ledger and the authenticator, for testing routes
// without a network: the fake ledger records what each route would sign and submit.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SigningIdentity } from '@carbon-registry/fabric-client';
import type { Request } from 'express';
import { createApp } from '../../src/app.ts';
import type { Actor, Authenticator } from '../../src/auth/actor.ts';
import { loadConfig } from '../../src/config.ts';
import type { Ledger } from '../../src/fabric/ledger.ts';
import { ApiError } from '../../src/http/api-error.ts';
import type { Access, RouteSpec } from '../../src/http/route.ts';
import { createLogger } from '../../src/logging.ts';
import type { Services } from '../../src/services.ts';
import type { Couch } from '../../src/store/couch.ts';

export const GOVERNMENT_ID = 'GOV-XX';

const person = (userId: string, companyId: string, mspId: string, role: Actor['role']): Actor => ({
  userId: userId.padEnd(64, '0'),
  companyId,
  mspId,
  role,
  email: `${userId}@example.org`,
  name: userId,
});

const developer = person('b2', 'DEV-1', 'DeveloperMSP', 'Manager');

/** Callers by the bearer token the tests send: the token is simply the name. */
export const ACTORS: Readonly<Record<string, Actor>> = {
  government: person('a1', GOVERNMENT_ID, 'GovernmentMSP', 'Manager'),
  developer,
  otherDeveloper: person('c3', 'DEV-2', 'DeveloperMSP', 'Admin'),
  certifier: person('d4', 'CERT-1', 'CertifierMSP', 'Manager'),
};

/** API keys by their header value: acting as the developer, one limited to programme P-1. */
export const API_KEYS: Readonly<Record<string, Actor>> = {
  'key-any': { ...developer, apiKey: { keyId: 'k1' } },
  'key-p1': { ...developer, apiKey: { keyId: 'k2', programmeId: 'P-1' } },
};

export interface LedgerCall {
  readonly kind: 'submit' | 'evaluate';
  /** The user id of whoever signed it. */
  readonly signer: string;
  readonly transaction: string;
  readonly request?: unknown;
  readonly args?: readonly string[];
}

export class FakeLedger {
  readonly calls: LedgerCall[] = [];
  /** What submit answers; throwing from it stands for the ledger refusing. */
  onSubmit: (transaction: string, request: unknown) => unknown = () => ({ ok: true });
  onEvaluate: (transaction: string, args: readonly string[]) => unknown = (transaction) =>
    transaction === 'organisation:GetRegistry' ? { governmentCompanyId: GOVERNMENT_ID } : {};

  // eslint-disable-next-line @typescript-eslint/require-await
  async submit(
    who: SigningIdentity,
    transaction: string,
    request?: unknown,
  ): Promise<{ transactionId: string; result: unknown }> {
    this.calls.push({ kind: 'submit', signer: signerOf(who), transaction, request });
    return { transactionId: `tx-${String(this.calls.length)}`, result: this.onSubmit(transaction, request) };
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async evaluate(who: SigningIdentity, transaction: string, ...args: string[]): Promise<unknown> {
    this.calls.push({ kind: 'evaluate', signer: signerOf(who), transaction, args });
    return this.onEvaluate(transaction, args);
  }

  submits(): LedgerCall[] {
    return this.calls.filter((c) => c.kind === 'submit');
  }
}

const signerOf = (who: SigningIdentity): string => Buffer.from(who.identity.credentials).toString('utf8');

function bearer(req: Request): Actor | undefined {
  const token = /^Bearer (\w+)$/.exec(req.headers.authorization ?? '')?.[1];
  return token === undefined ? undefined : ACTORS[token];
}

const fakeAuthenticator: Authenticator = {
  // eslint-disable-next-line @typescript-eslint/require-await
  authenticate: async (req: Request, access: Access) => {
    const key = req.headers['x-api-key'];
    const keyActor = typeof key === 'string' ? API_KEYS[key] : undefined;
    const actor = bearer(req) ?? keyActor;
    if (access === 'public') return actor;
    if (!actor) throw new ApiError(401, 'UNAUTHENTICATED', 'sign in first');
    if (actor.apiKey && access === 'user') throw new ApiError(403, 'FORBIDDEN', 'API keys may not call this route');
    return actor;
  },
  // eslint-disable-next-line @typescript-eslint/require-await
  signingIdentity: async (actor: Actor): Promise<SigningIdentity> => ({
    identity: { mspId: actor.mspId, credentials: Buffer.from(actor.userId) },
    signer: () => Promise.resolve(new Uint8Array()),
  }),
};

export interface FakeGateway {
  readonly base: string;
  readonly ledger: FakeLedger;
  close(): Promise<void>;
}

/** `settings` override the configuration, as environment variables would (e.g. a data folder of the test's own). */
export async function startFakeGateway(
  routes: readonly RouteSpec[],
  settings: Readonly<Record<string, string>> = {},
): Promise<FakeGateway> {
  const config = loadConfig({ GATEWAY_PORT: '1', LOG_LEVEL: 'silent', REQUEST_BODY_LIMIT: '16kb', ...settings });
  const ledger = new FakeLedger();
  const services: Services = {
    config,
    logger: createLogger('silent'),
    ledger: ledger as unknown as Ledger,
    couch: {} as Couch,
    auth: fakeAuthenticator,
  };
  const app = createApp(services, routes);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => {
      resolve(s);
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${String(port)}/api/v1`,
    ledger,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}

/**
 * A fake gateway for the enclosing `describe`: started before its tests, closed after them, with the
 * ledger's record of calls emptied before each test. Its `base` and `ledger` are read inside tests.
 */
export function fakeGatewayForSuite(
  routes: readonly RouteSpec[],
  settings: Readonly<Record<string, string>> = {},
): Pick<FakeGateway, 'base' | 'ledger'> {
  let started: FakeGateway | undefined;
  const current = (): FakeGateway => {
    if (!started) throw new Error('the fake gateway starts in the suite’s before hook');
    return started;
  };
  before(async () => {
    started = await startFakeGateway(routes, settings);
  });
  after(async () => {
    await current().close();
  });
  beforeEach(() => {
    current().ledger.calls.length = 0;
  });
  return {
    get base() {
      return current().base;
    },
    get ledger() {
      return current().ledger;
    },
  };
}

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** A JSON request as `as` (a bearer name, or `key:<api key>`); `body` given as a string is sent verbatim. */
export async function call(
  base: string,
  method: string,
  path: string,
  options: { as?: string; body?: unknown } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.as?.startsWith('key:')) headers['x-api-key'] = options.as.slice(4);
  else if (options.as !== undefined) headers.authorization = `Bearer ${options.as}`;
  const body =
    options.body === undefined
      ? undefined
      : typeof options.body === 'string'
        ? options.body
        : JSON.stringify(options.body);
  const response = await fetch(`${base}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}
