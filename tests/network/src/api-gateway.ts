// One gateway API per test run, shared by every API suite: started in-process on first use against
// the suite's network and CouchDB, closed by the root hooks. Its data (key files, bootstrap token)
// live in the network's folder, so they go with the network they belong to.
import { join } from 'node:path';
import { loadConfig } from '../../../gateway-api/src/config.ts';
import { startGateway, type RunningGateway } from '../../../gateway-api/src/gateway.ts';
import { networkHome } from './network-control.ts';

export const couchUrl = (): string => process.env.COUCHDB_URL ?? 'http://127.0.0.1:5984';

// Kept on globalThis: mocha's root hooks and the test files can load this module as two
// instances, and there must still be exactly one gateway, the one the hooks close.
const SHARED = Symbol.for('carbon-registry.shared-test-gateway');
const holder = globalThis as { [SHARED]?: Promise<RunningGateway> | undefined };

/** Settings from the environment win, so a developer can point the tests at their own gateway port or prefix. */
function testSettings(): Record<string, string> {
  const defaults: Record<string, string> = {
    CARBON_NETWORK_HOME: networkHome(),
    COUCHDB_URL: couchUrl(),
    COUCHDB_DATABASE_PREFIX: 'api',
    GATEWAY_DATA_DIR: join(networkHome(), 'gateway'),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_LOGIN_PER_MINUTE: '10000',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
  };
  return Object.fromEntries(Object.entries(defaults).filter(([key]) => process.env[key] === undefined));
}

export function sharedGateway(): Promise<RunningGateway> {
  holder[SHARED] ??= startGateway(loadConfig(testSettings()));
  return holder[SHARED];
}

/** The API's base URL (…/api/v1) of the shared gateway. */
export async function apiBase(): Promise<string> {
  return `${(await sharedGateway()).url}/api/v1`;
}

export async function closeSharedGateway(): Promise<void> {
  const running = holder[SHARED];
  if (!running) return;
  holder[SHARED] = undefined;
  const gateway = await running.catch(() => undefined);
  await gateway?.close();
}
