// Root hooks: bring a real network up (CAs, 4 BFT orderers, 3 peers, chaincode) and the embedded
// CouchDB for the query replica before the suite, and take it all down after it, even when tests
// fail. The API suites share one in-process gateway, closed here before the network goes.
import { closeSharedGateway } from '../src/api-gateway.ts';
import { isListening, networkHome, networkScript, reuseRunningNetwork } from '../src/network-control.ts';

let started = false;

async function tearDown(): Promise<void> {
  await closeSharedGateway();
  if (!started) return;
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
