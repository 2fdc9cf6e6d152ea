// The explorer web app for the browser tests: built into a folder of the tests' own when its sources
// changed (./test-network.sh buildExplorer, once per run), so that nobody's `npm run build` can empty
// it while the tests read it, then served by `vite preview` as a child process on 127.0.0.1 at the
// suite's explorer port (8080 + CARBON_PORT_OFFSET), its /api proxied to the shared test gateway.
// One per run, kept on globalThis like the gateway and stopped by PID from the root hooks. Its PID is
// also recorded in the suite's network folder, so if this process is killed before it can stop vite,
// the next run's "./test-network.sh down" stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@carbon-registry/fabric-client';
import { sharedGateway } from './api-gateway.ts';
import { isListening, networkHome, networkScript, reuseRunningNetwork, waitFor } from './network-control.ts';

export interface RunningExplorer {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

const EXPLORER_DIR = join(REPO_ROOT, 'explorer-ui');
const VITE = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
// Kept between runs ("down" leaves it), so an unchanged explorer is not built again.
const BUILD = join(REPO_ROOT, 'tests', 'network', '.network', 'explorer-dist');
export const explorerLog = (): string => join(REPO_ROOT, 'reports', 'test', 'explorer-preview.log');

export function explorerPort(): number {
  const offset = Number(process.env.CARBON_PORT_OFFSET ?? '0');
  return Number(process.env.EXPLORER_PORT ?? String(8080 + offset));
}

// Only in the suite's own folder: with CARBON_NETWORK_REUSE=1 that record belongs to the developer's explorer.
const pidFile = (): string | undefined => (reuseRunningNetwork ? undefined : join(networkHome(), 'run', 'explorer.pid'));

const SHARED = Symbol.for('carbon-registry.shared-test-explorer');
const holder = globalThis as { [SHARED]?: Promise<RunningExplorer> | undefined };

export function sharedExplorer(): Promise<RunningExplorer> {
  holder[SHARED] ??= startExplorer();
  return holder[SHARED];
}

export async function stopSharedExplorer(): Promise<void> {
  const starting = holder[SHARED];
  if (!starting) return;
  holder[SHARED] = undefined;
  const explorer = await starting.catch(() => undefined);
  await explorer?.stop();
}

async function startExplorer(): Promise<RunningExplorer> {
  const port = explorerPort();
  const url = `http://127.0.0.1:${String(port)}`;
  // Something else answering there would pass the readiness check below in vite's place.
  if (await isListening(`127.0.0.1:${String(port)}`)) {
    throw new Error(`port ${String(port)} (explorer) is already in use; set EXPLORER_PORT or stop that process`);
  }
  await networkScript('buildExplorer', BUILD);
  const gateway = await sharedGateway();

  mkdirSync(join(REPO_ROOT, 'reports', 'test'), { recursive: true });
  const log = openSync(explorerLog(), 'w');
  let child: ChildProcess;
  try {
    const args = ['preview', '--outDir', BUILD, '--host', '127.0.0.1', '--port', String(port), '--strictPort'];
    child = spawn(process.execPath, [VITE, ...args], {
      cwd: EXPLORER_DIR,
      env: { ...process.env, GATEWAY_URL: gateway.url },
      stdio: ['ignore', log, log],
    });
  } finally {
    closeSync(log);
  }
  const { pid } = child;
  if (pid === undefined) throw new Error(`vite preview did not start; see ${explorerLog()}`);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
    // Without a listener, a failed spawn would be thrown as an uncaught 'error' event.
    child.once('error', () => {
      resolve();
    });
  });
  const record = pidFile();
  if (record) {
    mkdirSync(join(record, '..'), { recursive: true });
    writeFileSync(record, `${String(pid)}\n`);
  }

  const running: RunningExplorer = { url, pid, stop: () => stopChild(child, exited, record) };
  try {
    await waitFor(`the explorer at ${url}`, 60_000, async () => {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`vite preview exited: ${readFileSync(explorerLog(), 'utf8').slice(-2000)}`);
      }
      // A deep link, so the SPA fallback is checked too.
      const response = await fetch(`${url}/programmes`);
      return response.ok && (await response.text()).includes('<div id="app">') ? true : undefined;
    });
  } catch (err) {
    await running.stop();
    throw err;
  }
  return running;
}

/** TERM by PID, KILL after 10 s, then forget the PID record. */
async function stopChild(child: ChildProcess, exited: Promise<void>, record: string | undefined): Promise<void> {
  const { pid } = child;
  if (child.exitCode === null && child.signalCode === null && pid !== undefined) {
    signal(pid, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<'late'>((resolve) => {
      timer = setTimeout(() => {
        resolve('late');
      }, 10_000);
    });
    if ((await Promise.race([exited, late])) === 'late') {
      signal(pid, 'SIGKILL');
      await exited;
    }
    clearTimeout(timer);
  }
  if (record) rmSync(record, { force: true });
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (err) {
    // It exited on its own in the meantime: nothing left to stop.
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}
