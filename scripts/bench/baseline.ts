// npm run bench:baseline — committed throughput and latency of a one-key put (system:RecordProbe)
// through the Fabric Gateway with 1, 10 and 50 transactions in flight, on the running network.
// This is the ceiling that registry transactions are compared with. It prints figures; nothing
// here asserts a timing.
//   options: --in-flight 1,10,50   --seconds 20   (env CARBON_NETWORK_HOME picks the network)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import {
  connectGateway,
  loadMspIdentity,
  loadNetworkProfile,
  lookUpTransaction,
  organisation,
} from '@carbon-registry/fabric-client';
import type { Contract, Network } from '@hyperledger/fabric-gateway';
import { closedLoop, formatTable, percentile, type LoopResult } from './closed-loop.ts';
import { processMemory } from './process-memory.ts';

const { values } = parseArgs({
  options: { 'in-flight': { type: 'string', default: '1,10,50' }, seconds: { type: 'string', default: '20' } },
});
const levels = values['in-flight'].split(',').map(Number);
const seconds = Number(values.seconds);

const profile = loadNetworkProfile();
const government = organisation(profile, 'GovernmentMSP');
const user = government.users.User1;
if (!user) throw new Error('GovernmentMSP has no User1');
const connection = connectGateway(government.peer, loadMspIdentity(government.mspId, user));
const network = connection.gateway.getNetwork(profile.channel);
const contract = network.getContract(profile.chaincode);
const runId = Date.now().toString(36);

/** One-key put; a submit error is checked against the ledger before it counts as a failure. */
async function recordProbe(contract: Contract, network: Network, n: number): Promise<boolean> {
  const transaction = await contract
    .newProposal('system:RecordProbe', {
      arguments: [JSON.stringify({ id: `bench-${runId}-${String(n)}`, value: 'x' })],
    })
    .endorse();
  try {
    const status = await (await transaction.submit()).getStatus();
    return status.successful;
  } catch (err) {
    const outcome = await lookUpTransaction(network, transaction.getTransactionId());
    if (outcome.found) return outcome.valid;
    throw err;
  }
}

function blockCutting(): string {
  const configtx = readFileSync(join(profile.networkHome, 'channel-artifacts', 'configtx.yaml'), 'utf8');
  const interval = /RequestBatchMaxInterval:\s*(\S+)/.exec(configtx)?.[1] ?? '?';
  const count = /MaxMessageCount:\s*(\S+)/.exec(configtx)?.[1] ?? '?';
  return `SmartBFT RequestBatchMaxInterval ${interval}, BatchSize.MaxMessageCount ${count} (BatchTimeout has no effect under BFT)`;
}

function row(r: LoopResult): string[] {
  const sorted = [...r.latenciesMs].sort((a, b) => a - b);
  return [
    String(r.inFlight),
    String(r.sent),
    String(r.committed),
    String(r.failed),
    (r.committed / r.seconds).toFixed(1),
    percentile(sorted, 50).toFixed(0),
    percentile(sorted, 95).toFixed(0),
  ];
}

console.log(
  `Baseline: one-key put through the Gateway (${profile.channel}/${profile.chaincode}, ${String(seconds)} s per level)`,
);
console.log(`Block cutting: ${blockCutting()}\n`);
const results: LoopResult[] = [];
try {
  for (const inFlight of levels) {
    process.stdout.write(`  running ${String(inFlight)} in flight …\n`);
    const result = await closedLoop(inFlight, seconds, (n) => recordProbe(contract, network, n));
    results.push(result);
    for (const [message, count] of result.errors) console.log(`    ${String(count)} × ${message}`);
  }
} finally {
  connection.close();
}
console.log(
  '\n' +
    formatTable(
      ['in flight', 'sent', 'committed', 'failed', 'TPS', 'p50 ms', 'p95 ms'],
      results.map((r) => row(r)),
    ),
);
console.log('\nMemory (RSS) of the network processes after the run:');
console.log(processMemory(profile.networkHome));
