// npm run bench:api — the gateway API's public reads and the query replica, in one run:
//  1. p50 / p95 latency of the main public endpoints on a replica of 10⁴ programmes and 10⁵ credit
//     blocks (seeded once into its own database prefix, by the replicator's own block applier);
//  2. the replica's lag in blocks behind the peer while the registry benchmark's write load runs
//     against the running stack (npm start), sampled from the running gateway's /health.
// It prints figures; nothing here asserts a timing.
//   options: --programmes 10000 --blocks 100000 --requests 200 --lag-seconds 20 --in-flight 20 --no-lag
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '@carbon-registry/fabric-client';
import { loadConfig } from '../../gateway-api/src/config.ts';
import { startGateway } from '../../gateway-api/src/gateway.ts';
import { CouchReplicaStore } from '../../gateway-api/src/replica/replica-store.ts';
import { ensureDatabases, openCouch } from '../../gateway-api/src/store/couch.ts';
import { formatTable, summarise } from './closed-loop.ts';
import { seedReplica } from './replica-fixture.ts';

const { values } = parseArgs({
  options: {
    programmes: { type: 'string', default: '10000' },
    blocks: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '200' },
    'lag-seconds': { type: 'string', default: '20' },
    'in-flight': { type: 'string', default: '20' },
    'no-lag': { type: 'boolean', default: false },
  },
});
const programmes = Number(values.programmes);
const blocks = Number(values.blocks);
const requests = Number(values.requests);
const offset = Number(process.env.CARBON_PORT_OFFSET ?? '0');
const couchUrl = process.env.COUCHDB_URL ?? `http://127.0.0.1:${String(5984 + offset)}`;
const runningGateway = process.env.GATEWAY_URL ?? `http://127.0.0.1:${String(3000 + offset)}`;
// The layout version in the name: a replica seeded by an older layout is not reused.
const prefix = `benchapi2_${String(programmes)}_${String(blocks)}`;
const say = (text: string) => process.stdout.write(`${text}\n`);

async function seededStore(): Promise<void> {
  const couch = openCouch(couchUrl, prefix);
  await ensureDatabases(couch);
  const store = new CouchReplicaStore(couch.replica);
  const expectedBlocks = Math.ceil(programmes / 500) + Math.ceil(blocks / 500);
  const { blockNumber } = await store.readCheckpoint();
  if (blockNumber + 1 >= expectedBlocks) {
    say(`  replica ${prefix} already seeded (${String(blockNumber + 1)} blocks)`);
    return;
  }
  say(`  seeding replica ${prefix}: ${String(programmes)} programmes, ${String(blocks)} credit blocks`);
  const started = Date.now();
  await seedReplica(store, programmes, blocks, say);
  say(`  seeded in ${String(Math.round((Date.now() - started) / 1000))} s`);
}

interface Probe {
  readonly name: string;
  readonly path: (i: number) => string;
}

const pick = (i: number, n: number) => (i * 7919) % n;
const PROBES: readonly Probe[] = [
  { name: 'programmes, first page', path: () => '/programmes?limit=25' },
  { name: 'programmes by state', path: () => '/programmes?state=Authorised&limit=25' },
  {
    name: 'programmes by sector, by title',
    path: (i) => `/programmes?sector=${['Energy', 'Forestry', 'Waste'][i % 3] ?? ''}&sort=title&limit=25`,
  },
  {
    name: 'programmes of an organisation',
    path: (i) => `/programmes?organisation=DEV-${String(i % 200).padStart(3, '0')}&limit=25`,
  },
  { name: 'programmes, text search', path: (i) => `/programmes?q=programme%20${String(pick(i, programmes))}&limit=25` },
  { name: 'one programme', path: (i) => `/programmes/BENCH-${String(pick(i, programmes)).padStart(6, '0')}` },
  {
    name: 'blocks of a programme',
    path: (i) => `/credit-blocks?programmeId=${String(1 + pick(i, blocks / 10))}&limit=25`,
  },
  { name: 'blocks of a holder', path: (i) => `/credit-blocks?holder=DEV-${String(i % 200).padStart(3, '0')}&limit=25` },
  {
    name: 'unit lookup',
    path: (i) =>
      `/credit-blocks/lookup?programmeId=${String(1 + pick(i, blocks / 10))}&unit=${String(1 + (i % 10_000))}`,
  },
  { name: 'statistics', path: () => '/statistics' },
  { name: 'latest transactions', path: () => '/transactions?limit=25' },
  { name: 'latest ledger blocks', path: () => '/ledger/blocks?limit=25' },
  { name: 'programmes CSV (200 rows)', path: () => '/programmes?limit=200&format=csv' },
];

async function measureReads(): Promise<void> {
  const dataDir = join(REPO_ROOT, 'reports', 'bench-api', 'gateway-data');
  mkdirSync(dataDir, { recursive: true });
  const gateway = await startGateway(
    loadConfig({
      COUCHDB_URL: couchUrl,
      COUCHDB_DATABASE_PREFIX: prefix,
      REPLICATOR_ENABLED: 'false',
      GATEWAY_PORT: String(3077 + offset),
      GATEWAY_DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '1000000',
    }),
  );
  try {
    const base = `${gateway.url}/api/v1`;
    const rows: string[][] = [];
    for (const probe of PROBES) {
      // The first query of an index makes the embedded server bring that index up to date: timed apart.
      const w0 = performance.now();
      await (await fetch(`${base}${probe.path(requests)}`)).arrayBuffer();
      const warmUp = performance.now() - w0;
      const latencies: number[] = [];
      let failures = 0;
      for (let i = 0; i < requests; i++) {
        const t0 = performance.now();
        const response = await fetch(`${base}${probe.path(i)}`);
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (!response.ok) failures += 1;
      }
      const s = summarise(latencies);
      rows.push([probe.name, warmUp.toFixed(0), String(requests), String(failures), s.p50, s.p95]);
    }
    say(`\nPublic reads, one at a time, ${String(requests)} requests each (replica ${prefix})`);
    say(formatTable(['endpoint', 'first ms', 'requests', 'non-2xx', 'p50 ms', 'p95 ms'], rows));
  } finally {
    await gateway.close();
  }
}

interface Health {
  peerHeight: number | null;
  replicatedHeight: number | null;
  lag: number | null;
}

async function measureLag(): Promise<void> {
  const health = async (): Promise<Health> => (await (await fetch(`${runningGateway}/health`)).json()) as Health;
  await health().catch(() => {
    throw new Error(`no gateway at ${runningGateway}: start the stack with npm start first`);
  });
  say(
    `\nReplica lag behind the peer while bench:registry writes (${values['in-flight']} in flight, ${values['lag-seconds']} s per workload)`,
  );
  const samples: number[] = [];
  const sampling = { on: true };
  const sampler = (async () => {
    while (sampling.on) {
      const h = await health().catch(() => undefined);
      if (typeof h?.lag === 'number') samples.push(h.lag);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(REPO_ROOT, 'scripts', 'bench', 'registry.ts'),
      '--in-flight',
      values['in-flight'],
      '--seconds',
      values['lag-seconds'],
      '--sizes',
      '0',
    ],
    {
      cwd: REPO_ROOT,
      // The registry benchmark may need the government's first Admin: it finds it in the running
      // gateway's accounts (prefix "carbon"), through an in-process gateway that replicates nothing.
      env: {
        ...process.env,
        CARBON_NETWORK_REUSE: '1',
        COUCHDB_DATABASE_PREFIX: 'carbon',
        REPLICATOR_ENABLED: 'false',
        GATEWAY_PORT: String(3078 + offset),
        COUCHDB_URL: couchUrl,
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  sampling.on = false;
  await sampler;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const withinOne = samples.filter((l) => l <= 1).length;
  say(
    formatTable(
      ['samples (every 100 ms)', 'lag p50', 'lag p95', 'lag max', 'samples with lag ≤ 1 block'],
      [
        [
          String(samples.length),
          String(at(0.5)),
          String(at(0.95)),
          String(sorted.at(-1) ?? 0),
          `${((100 * withinOne) / Math.max(1, samples.length)).toFixed(1)} %`,
        ],
      ],
    ),
  );
  if (code !== 0) say(`  (bench:registry exited with ${String(code)})`);
}

say(`API benchmark — CouchDB ${couchUrl}`);
await seededStore();
await measureReads();
if (!values['no-lag']) await measureLag();
