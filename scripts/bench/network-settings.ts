// The ordering settings a benchmark ran under, read from the channel configuration the network
// was created with: under SmartBFT they set the latency floor and the block size.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function blockCutting(networkHome: string): string {
  const configtx = readFileSync(join(networkHome, 'channel-artifacts', 'configtx.yaml'), 'utf8');
  const interval = /RequestBatchMaxInterval:\s*(\S+)/.exec(configtx)?.[1] ?? '?';
  const count = /MaxMessageCount:\s*(\S+)/.exec(configtx)?.[1] ?? '?';
  return `SmartBFT RequestBatchMaxInterval ${interval}, BatchSize.MaxMessageCount ${count} (BatchTimeout has no effect under BFT)`;
}
