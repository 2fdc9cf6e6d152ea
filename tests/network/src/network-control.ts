// Drives ./test-network.sh for the suite: a private network (own state folder, every port
// shifted by 20000) so tests never touch a developer's running network, unless
// CARBON_NETWORK_REUSE=1 asks to use the one already running.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '@carbon-registry/fabric-client';

const run = promisify(execFile);

export const reuseRunningNetwork = process.env.CARBON_NETWORK_REUSE === '1';

if (!reuseRunningNetwork) {
  process.env.CARBON_NETWORK_HOME ??= join(REPO_ROOT, 'tests', 'network', '.network');
  process.env.CARBON_PORT_OFFSET ??= '20000';
}

export const networkHome = (): string => process.env.CARBON_NETWORK_HOME ?? join(REPO_ROOT, 'network');

/** Runs a verb of ./test-network.sh; its output is returned, or attached to the error. */
export async function networkScript(...args: string[]): Promise<string> {
  try {
    const { stdout } = await run(join(REPO_ROOT, 'test-network.sh'), args, {
      cwd: REPO_ROOT,
      env: process.env,
      maxBuffer: 16 * 1024 * 1024,
    });
    return stdout;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`./test-network.sh ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

/** The PID the network scripts recorded for a node or process, if that process is alive. */
export function recordedPid(name: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(join(networkHome(), 'run', `${name}.pid`), 'utf8').trim());
  } catch {
    return undefined;
  }
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

export async function channelHeight(node: string): Promise<number | undefined> {
  const out = (await networkScript('height', node)).trim();
  return out === '' ? undefined : Number(out);
}

export async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const until = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > until) {
      throw new Error(`timed out after ${String(timeoutMs)} ms waiting for ${what}`, { cause: lastError });
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Resolves true when something accepts TCP connections at host:port. */
export function isListening(address: string): Promise<boolean> {
  const [host = '127.0.0.1', port = '0'] = address.split(':');
  return new Promise((resolve) => {
    const socket = connect({ host, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => {
      resolve(false);
    });
  });
}

/** Registers and enrols a person with their organisation's CA; returns their MSP folder. */
export async function enrolPerson(org: string, name: string, attributes: Record<string, string> = {}): Promise<string> {
  const list = Object.entries(attributes).map(([k, v]) => `${k}=${v}`);
  const out = await networkScript('enroll', org, name, ...(list.length > 0 ? [list.join(',')] : []));
  return out.trim().split('\n').pop() ?? '';
}
