import { describeGatewayError } from '@carbon-registry/fabric-client';

// A closed-loop load generator: exactly `inFlight` transactions outstanding at any time for a
// fixed duration, recording each one's latency from proposal to commit. Throughput figures are
// only comparable when concurrency is held like this (Caliper's fixed-load does not hold it).

export interface LoopResult {
  readonly inFlight: number;
  readonly sent: number;
  readonly committed: number;
  readonly failed: number;
  readonly seconds: number;
  readonly latenciesMs: readonly number[];
  readonly errors: ReadonlyMap<string, number>;
}

/** One unit of work by worker `worker` (0 … inFlight − 1); resolves true when it committed valid. */
export type Operation = (sequence: number, worker: number) => Promise<boolean>;

export async function closedLoop(inFlight: number, seconds: number, operation: Operation): Promise<LoopResult> {
  const deadline = Date.now() + seconds * 1000;
  const latenciesMs: number[] = [];
  const errors = new Map<string, number>();
  let sequence = 0;
  let sent = 0;
  let committed = 0;
  let failed = 0;
  const started = Date.now();

  const worker = async (_: unknown, index: number): Promise<void> => {
    while (Date.now() < deadline) {
      const n = sequence++;
      sent++;
      const t0 = performance.now();
      try {
        if (await operation(n, index)) {
          committed++;
          latenciesMs.push(performance.now() - t0);
        } else {
          failed++;
          errors.set('invalid at commit', (errors.get('invalid at commit') ?? 0) + 1);
        }
      } catch (err) {
        failed++;
        const key = describeGatewayError(err).slice(0, 300);
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return { inFlight, sent, committed, failed, seconds: (Date.now() - started) / 1000, latenciesMs, errors };
}

export function percentile(sortedMs: readonly number[], p: number): number {
  if (sortedMs.length === 0) return Number.NaN;
  const index = Math.min(sortedMs.length - 1, Math.ceil((p / 100) * sortedMs.length) - 1);
  return sortedMs[Math.max(0, index)] ?? Number.NaN;
}

export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function summarise(samplesMs: readonly number[]): { p50: string; p95: string; mean: string } {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { p50: percentile(sorted, 50).toFixed(1), p95: percentile(sorted, 95).toFixed(1), mean: mean.toFixed(1) };
}
