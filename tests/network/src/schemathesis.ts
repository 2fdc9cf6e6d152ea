// Runs schemathesis (installed by scripts/test.sh from PyPI) against the running gateway's own
// OpenAPI document and reads its JUnit report: the cases run and those that failed a check.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@carbon-registry/fabric-client';

export interface FuzzOutcome {
  readonly exitCode: number;
  readonly output: string;
  /** Test cases (one per operation and phase) in the JUnit report. */
  readonly operations: number;
  /** Cases where a check failed: here, an answer with a 5xx status. */
  readonly failures: number;
  /** Cases schemathesis itself could not run (its own errors, not the API's). */
  readonly errors: number;
}

export function schemathesisCommand(): string {
  return process.env.SCHEMATHESIS ?? join(REPO_ROOT, '.tools', 'schemathesis', 'bin', 'st');
}

/** Fuzzes every operation of `openApiUrl` with at most `maxExamples` cases each, checking for 5xx answers. */
export async function fuzzApi(
  openApiUrl: string,
  name: string,
  options: { maxExamples: number; headers?: readonly string[]; excludePathRegex?: string },
): Promise<FuzzOutcome> {
  const reportDir = join(REPO_ROOT, 'reports', 'schemathesis', name);
  mkdirSync(reportDir, { recursive: true });
  const junit = join(reportDir, 'junit.xml');
  const args = [
    'run',
    openApiUrl,
    '--checks',
    'not_a_server_error',
    '--max-examples',
    String(options.maxExamples),
    '--seed',
    '20261125',
    '--workers',
    '4',
    '--no-shrink',
    '--generation-database',
    'none',
    '--report',
    'junit',
    '--report-junit-path',
    junit,
    '--no-color',
    ...(options.excludePathRegex ? ['--exclude-path-regex', options.excludePathRegex] : []),
    ...(options.headers ?? []).flatMap((h) => ['-H', h]),
  ];
  const { exitCode, output } = await new Promise<{ exitCode: number; output: string }>((resolve, reject) => {
    const child = spawn(schemathesisCommand(), args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => {
      resolve({ exitCode: code ?? 1, output: text });
    });
  });
  let report = '';
  try {
    report = readFileSync(junit, 'utf8');
  } catch {
    // No report: schemathesis failed before testing; the exit code and output say why.
  }
  const count = (attribute: string): number => Number(new RegExp(`<testsuite[^>]* ${attribute}="(\\d+)"`).exec(report)?.[1] ?? '0');
  return { exitCode, output, operations: count('tests'), failures: count('failures'), errors: count('errors') };
}
