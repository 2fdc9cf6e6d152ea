// npm run bench:baseline — committed throughput and latency of a one-key put (system:RecordProbe)
// through the Fabric Gateway with 1, 10 and 50 transactions in flight, on the running network.
// This is the ceiling that registry transactions are compared with. It prints figures; nothing
// here asserts a timing.
//   options: --in-flight 1,10,50   --seconds 20   (env CARBON_NETWORK_HOME picks the network)
import { parseArgs } from 'node:util';
import { connectGateway, loadMspIdentity, loadNetworkProfile, organisation } from '@carbon-registry/fabric-client';
import { closedLoop, formatTable, percentile, type LoopResult } from './closed-loop.ts';
import { blockCutting } from './network-settings.ts';
import { processMemory } from './process-memory.ts';
import { recordProbe } from './workloads.ts';

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
console.log(`Block cutting: ${blockCutting(profile.networkHome)}\n`);
const results: LoopResult[] = [];
try {
  for (const inFlight of levels) {
    process.stdout.write(`  running ${String(inFlight)} in flight …\n`);
    const result = await closedLoop(inFlight, seconds, (n) => recordProbe(contract, network, runId, n));
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
