// Root hooks: bring a real network up (CAs, 4 BFT orderers, 3 peers, chaincode) and the embedded
// CouchDB for the query replica before the suite, and take it all down after it, even when tests
// fail. The API suites share one in-process gateway, and the browser tests one Chromium and one
// explorer server (vite preview, a child process): all closed here before the network goes, the
// browser and the explorer first, since they talk to the gateway.
import { closeSharedGateway } from '../src/api-gateway.ts';
import { closeSharedBrowser } from '../src/browser.ts';
import { stopSharedExplorer } from '../src/explorer-server.ts';
import { isListening, networkHome, networkScript, reuseRunningNetwork } from '../src/network-control.ts';

let started = false;

/** Runs every step even when one fails; returns the first failure. */
async function firstFailureOf(steps: (() => Promise<void>)[]): Promise<Error | undefined> {
  let failure: Error | undefined;
  for (const step of steps) {
    await step().catch((err: unknown) => {
      failure ??= err instanceof Error ? err : new Error(String(err));
    });
  }
  return failure;
}

async function tearDown(): Promise<void> {
  // A process that failed to close must not keep the network up: it goes down all the same.
  const failure = await firstFailureOf([closeSharedBrowser, stopSharedExplorer, closeSharedGateway]);
  if (started) await networkDown();
  if (failure) throw failure;
}

async function networkDown(): Promise<void> {
  started = false;
  process.stdout.write(`    (stopping the test network in ${networkHome()})\n`);
  const ports = (await networkScript('ports')).trim().split('\n');
  await networkScript('down');
  // "down" must leave nothing behind: no port of the network may still be listening.
  const stillOpen: string[] = [];
  for (const line of ports) {
    const [port = '', name = ''] = line.split(' ');
    if (await isListening(`127.0.0.1:${port}`)) stillOpen.push(`${port} (${name})`);
  }
  if (stillOpen.length > 0) throw new Error(`after down, still listening: ${stillOpen.join(', ')}`);
}

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(15 * 60_000);
    if (reuseRunningNetwork) {
      process.stdout.write(`    (reusing the running network in ${networkHome()})\n`);
      return;
    }
    process.stdout.write(`    (starting a test network in ${networkHome()}, ports +${process.env.CARBON_PORT_OFFSET ?? '0'})\n`);
    // Whatever a killed earlier run left behind in the suite's own folder is cleared first.
    await networkScript('down');
    started = true;
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        void tearDown().finally(() => process.exit(130));
      });
    }
    await networkScript('up');
    await networkScript('deployCC');
    await networkScript('replicaStore');
    process.env.COUCHDB_URL ??= `http://127.0.0.1:${String(5984 + Number(process.env.CARBON_PORT_OFFSET ?? '0'))}`;
  },
  async afterAll(this: Mocha.Context): Promise<void> {
    this.timeout(120_000);
    await tearDown();
  },
};
