// Resident memory of each process the network scripts recorded (run/*.pid), read from /proc.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatTable } from './closed-loop.ts';

export function processMemory(networkHome: string): string {
  const runDir = join(networkHome, 'run');
  const rows: string[][] = [];
  let totalKiB = 0;
  for (const file of readdirSync(runDir)
    .filter((f) => f.endsWith('.pid'))
    .sort()) {
    const pid = readFileSync(join(runDir, file), 'utf8').trim();
    let rssKiB: number;
    try {
      rssKiB = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      continue;
    }
    totalKiB += rssKiB;
    rows.push([file.replace(/\.pid$/, ''), pid, (rssKiB / 1024).toFixed(0)]);
  }
  rows.push(['total', '', (totalKiB / 1024).toFixed(0)]);
  return formatTable(['process', 'pid', 'RSS MiB'], rows);
}
