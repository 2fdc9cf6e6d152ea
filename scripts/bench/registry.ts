// npm run bench:registry — on the running network, in one run:
//  1. committed throughput of the one-key-put baseline, of issuance and of a transfer that splits
//     a block, each with N in flight, and their ratio to the baseline;
//  2. the cost of looking up a unit and of splitting a block when one programme has 10³, 10⁴ and
//     10⁵ blocks.
// It prints figures; nothing here asserts a timing.
//   options: --in-flight 20  --seconds 20  --sizes 1000,10000,100000  --proponents 100
import { parseArgs } from 'node:util';
import { loadNetworkProfile } from '@carbon-registry/fabric-client';
import { closeSharedGateway } from '../../tests/network/src/api-gateway.ts';
import { RegistryScenario, verifiedRound } from '../../tests/network/src/registry-setup.ts';
import { evaluateOnOwnPeer, submitRequest, type OrgSession } from '../../tests/network/src/registry-client.ts';
import { closedLoop, formatTable, summarise, type LoopResult } from './closed-loop.ts';
import { blockCutting } from './network-settings.ts';
import { processMemory } from './process-memory.ts';
import { recordProbe, submitAndConfirm } from './workloads.ts';

const { values } = parseArgs({
  options: {
    'in-flight': { type: 'string', default: '20' },
    seconds: { type: 'string', default: '20' },
    sizes: { type: 'string', default: '1000,10000,100000' },
    proponents: { type: 'string', default: '100' },
  },
});
const inFlight = Number(values['in-flight']);
const seconds = Number(values.seconds);
const sizes = values.sizes.split(',').map(Number);
const proponentCount = Number(values.proponents);
const run = Date.now().toString(36).toUpperCase();
const json = JSON.stringify;
const say = (text: string) => process.stdout.write(`${text}\n`);

const scenario = new RegistryScenario(run);
const government = scenario.government;
const network = government.connection.gateway.getNetwork(loadNetworkProfile().channel);

/** `count` items made `batch` at a time (enrolment runs one CLI per person). */
async function inBatches<T>(count: number, batch: number, make: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i += batch) {
    out.push(...(await Promise.all(Array.from({ length: Math.min(batch, count - i) }, (_, j) => make(i + j)))));
    say(`    ${String(out.length)}/${String(count)}`);
  }
  return out;
}

async function setUp() {
  await scenario.ensureBootstrapped();
  const governmentId = await scenario.governmentCompanyId();
  const certifierId = `BC-${run}`;
  const certifier = await scenario.certifier(certifierId);
  // Issuance and transfer programmes have separate proponents, so each transfer holder holds
  // exactly the one large block it sells from.
  const developerCount = Math.max(2 * inFlight, proponentCount);
  say(`  registering ${String(developerCount)} developer companies`);
  const developerIds = Array.from({ length: developerCount }, (_, i) => `BD${String(i)}-${run}`);
  const developers = await inBatches(developerCount, 10, (i) => scenario.developerAdmin(developerIds[i] ?? ''));
  say(`  authorising ${String(2 * inFlight)} programmes with verified monitoring rounds`);
  const programme = async (prefix: string, i: number) => {
    const externalId = `${prefix}${String(i)}-${run}`;
    const d = prefix === 'BX' ? inFlight + i : i;
    const developer = developers[d] as OrgSession;
    const programmeId = await scenario.authorisedProgramme(
      externalId,
      developer,
      developerIds[d] ?? '',
      certifier,
      certifierId,
    );
    await verifiedRound(developer, certifier, externalId, 100_000_000_000);
    return { externalId, programmeId };
  };
  const issuanceProgrammes = await inBatches(inFlight, inFlight, (i) => programme('BI', i));
  const transferProgrammes = await inBatches(inFlight, inFlight, (i) => programme('BX', i));
  // Each transfer programme starts as one large block that every transfer splits.
  for (const p of transferProgrammes) {
    await submitRequest(government, 'issuance:IssueCredits', {
      externalId: p.externalId,
      round: 1,
      quantity: 10_000_000,
    });
  }
  return { governmentId, certifier, certifierId, developers, developerIds, issuanceProgrammes, transferProgrammes };
}

function throughputRow(name: string, r: LoopResult, baselineTps: number): string[] {
  const tps = r.committed / r.seconds;
  const s = summarise(r.latenciesMs);
  return [
    name,
    String(r.inFlight),
    String(r.sent),
    String(r.committed),
    String(r.failed),
    tps.toFixed(1),
    s.p50,
    s.p95,
    (tps / baselineTps).toFixed(2),
  ];
}

async function throughput(setup: Awaited<ReturnType<typeof setUp>>) {
  say(`\nThroughput, ${String(inFlight)} in flight, ${String(seconds)} s each`);
  const baseline = await closedLoop(inFlight, seconds, (n) => recordProbe(government.contract, network, run, n));
  const issuance = await closedLoop(inFlight, seconds, (_, w) =>
    submitAndConfirm(government.contract, network, 'issuance:IssueCredits', [
      json({ externalId: setup.issuanceProgrammes[w]?.externalId, round: 1, quantity: 1 }),
    ]),
  );
  const transfer = await closedLoop(inFlight, seconds, (_, w) => {
    const holder = setup.developers[inFlight + w] as OrgSession;
    const programmeId = setup.transferProgrammes[w]?.programmeId;
    return submitAndConfirm(holder.contract, network, 'transfer:SendCredits', [
      json({ to: setup.governmentId, quantity: 1, select: { programmeId } }),
    ]);
  });
  const baseTps = baseline.committed / baseline.seconds;
  for (const r of [baseline, issuance, transfer]) for (const [m, c] of r.errors) say(`    ${String(c)} × ${m}`);
  say(
    formatTable(
      ['workload', 'in flight', 'sent', 'committed', 'failed', 'TPS', 'p50 ms', 'p95 ms', '× baseline'],
      [
        throughputRow('one-key put (baseline)', baseline, baseTps),
        throughputRow('issuance (1 block)', issuance, baseTps),
        throughputRow('transfer with a split', transfer, baseTps),
      ],
    ),
  );
}

interface IssuedBlock {
  serial: string;
  holder: string;
  quantity: number;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const value = await work();
  return [value, performance.now() - t0];
}

/** Lookup and split cost as one programme grows to each of `sizes` blocks. */
async function scale(setup: Awaited<ReturnType<typeof setUp>>) {
  const externalId = `BS-${run}`;
  const share = Math.floor(10_000 / proponentCount);
  const proponents = setup.developerIds.slice(0, proponentCount).map((companyId, i) => ({
    companyId,
    shareBps: i === 0 ? 10_000 - share * (proponentCount - 1) : share,
  }));
  const first = setup.developers[0] as OrgSession;
  const programmeId = await scenario.authorisedProgramme(
    externalId,
    first,
    setup.developerIds[0] ?? '',
    setup.certifier,
    setup.certifierId,
    proponents,
  );
  await verifiedRound(first, setup.certifier, externalId, 100_000_000_000);
  say(
    `\nLookup and split in programme ${String(programmeId)} (${String(proponentCount)} proponents, one block each per issuance)`,
  );
  const rows: string[][] = [];
  let blocks = 0;
  let units = 0;
  let latest: IssuedBlock[] = [];
  for (const size of sizes) {
    while (blocks < size) {
      const out = JSON.parse(
        new TextDecoder().decode(
          await government.contract.submit('issuance:IssueCredits', {
            arguments: [json({ externalId, round: 1, quantity: 2 * proponentCount })],
          }),
        ),
      ) as { blocks: IssuedBlock[] };
      // Split samples each need a block of their own: keep the most recent ones.
      latest = [...out.blocks, ...latest].slice(0, 100);
      blocks += out.blocks.length;
      units += 2 * proponentCount;
      if (blocks % 10_000 < proponentCount) say(`    ${String(blocks)} blocks`);
    }
    const lookups: number[] = [];
    for (let i = 0; i < 100; i++) {
      const unit = 1 + Math.floor(Math.random() * units);
      lookups.push(
        (await timed(() => evaluateOnOwnPeer(government, 'credit:FindUnit', json({ programmeId, unit }))))[1],
      );
    }
    const endorse: number[] = [];
    const commit: number[] = [];
    const samples = latest.splice(0, Math.min(20, latest.length));
    for (const block of samples) {
      const holder = setup.developers[setup.developerIds.indexOf(block.holder)] as OrgSession;
      const proposal = holder.contract.newProposal('transfer:SendCredits', {
        arguments: [json({ to: setup.governmentId, quantity: 1, select: { serial: block.serial } })],
      });
      const [transaction, endorseMs] = await timed(() => proposal.endorse());
      const [, commitMs] = await timed(async () => (await transaction.submit()).getStatus());
      endorse.push(endorseMs);
      commit.push(endorseMs + commitMs);
      blocks += 1;
    }
    const l = summarise(lookups);
    const e = summarise(endorse);
    const c = summarise(commit);
    rows.push([String(size), String(blocks), l.p50, l.p95, e.p50, e.p95, c.p50, c.p95]);
  }
  say(
    formatTable(
      [
        'target',
        'blocks',
        'lookup p50 ms',
        'lookup p95 ms',
        'split endorse p50',
        'split endorse p95',
        'split commit p50',
        'split commit p95',
      ],
      rows,
    ),
  );
}

say(`Registry benchmark on ${loadNetworkProfile().channel} — ${blockCutting(loadNetworkProfile().networkHome)}`);
try {
  say('Setting up (run id ' + run + ')');
  const setup = await setUp();
  await throughput(setup);
  if (sizes.length > 0 && sizes[0] !== 0) await scale(setup);
  say('\nMemory (RSS) of the network processes after the run:');
  say(processMemory(loadNetworkProfile().networkHome));
} finally {
  scenario.close();
  // On a registry bootstrapped through the API, the scenario admitted the network's government
  // Admin through an in-process gateway: it must stop too, or this process never ends.
  await closeSharedGateway();
}
