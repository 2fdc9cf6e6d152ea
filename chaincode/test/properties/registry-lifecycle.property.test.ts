// Property: random sequences of registry writes (every write of the organisation, user and
// programme contracts) by random callers (every fixture member, suspended ones included, and
// unregistered identities of each MSP), on a clone of the bootstrapped fixture, never reach a state
// the lifecycle forbids, and a rejected write changes nothing. After every step the world state is
// read straight from the fake ledger and checked: state histories are paths of the transition
// tables, terminal programmes are frozen, authorised programmes have ids 1..n and a key-level
// policy naming the government's and the certifiers' MSPs, every index agrees with its records,
// there is one government, and every company with users keeps an Active Admin.
import { expect } from 'chai';
import fc from 'fast-check';
import { ErrorCode, RegistryError } from '../../src/errors';
import type { FakeLedger } from '../support/fake-ledger';
import { registryFixture, type RegistryFixture } from '../support/registry-fixture';
import { APPLY, mayAct, OPS, standingOf } from './access-oracle';
import { callerPool, type PoolMember } from './caller-pool';
import { commandArb, type Command } from './command';
import { invariantProblems, transitionProblems } from './invariants';
import { resolveStep, type Step } from './step';
import { readWorld, type World } from './world';

// 130 sequences of 1–50 commands (fast-check favours some short ones): about 2,700–3,200 operations
// per run of the suite, measured and asserted below; a failing sequence may shrink to one command.
const RUNS = 130;
const MAX_COMMANDS = 50;

const CODES: readonly string[] = Object.values(ErrorCode);

interface Stats {
  succeeded: number;
  rejected: number;
  byCode: Map<string, number>;
  succeededOps: Set<string>;
}

interface Observation {
  readonly cmd: Command;
  readonly step: Step;
  readonly before: World;
  readonly after: World;
  readonly snapshotBefore: string;
  readonly snapshotAfter: string;
  readonly eventsAdded: number;
}

/** A success must come from a caller the access rule admits, with valid input, and emit one event. */
function successProblems(o: Observation): string[] {
  const problems: string[] = [];
  if (o.eventsAdded !== 1) problems.push(`succeeded with ${String(o.eventsAdded)} events`);
  if (o.cmd.variant !== 'valid') problems.push(`accepted a ${o.cmd.variant} request`);
  if (o.snapshotAfter === o.snapshotBefore) problems.push('succeeded without writing anything');
  if (!mayAct(o.before, o.step.caller, o.cmd.op)) problems.push('succeeded for a caller the access rule refuses');
  return problems;
}

/** The code a refusal must carry when the test can tell it in advance. */
function expectedCode(o: Observation): string | undefined {
  // Applying parses its input before looking at the caller; every other write authorises first.
  if (o.cmd.op !== APPLY && !mayAct(o.before, o.step.caller, o.cmd.op)) return ErrorCode.FORBIDDEN;
  if (o.cmd.variant !== 'valid') return ErrorCode.INVALID_ARGUMENT;
  return o.step.targetMissing ? ErrorCode.NOT_FOUND : undefined;
}

/** A refusal is a RegistryError with a stable code, as JSON, and leaves world state and events untouched. */
function rejectionProblems(o: Observation, error: unknown): string[] {
  if (!(error instanceof RegistryError)) return [`threw a non-RegistryError: ${String(error)}`];
  const problems: string[] = [];
  const body = JSON.parse(error.message) as { code?: unknown; message?: unknown; details?: unknown };
  if (body.code !== error.code || !CODES.includes(error.code)) problems.push(`unstable code in ${error.message}`);
  if (typeof body.message !== 'string' || typeof body.details !== 'object') problems.push(`malformed ${error.message}`);
  if (o.snapshotAfter !== o.snapshotBefore) problems.push('a refused transaction changed world state');
  if (o.eventsAdded !== 0) problems.push('a refused transaction emitted an event');
  const expected = expectedCode(o);
  if (expected !== undefined && error.code !== expected)
    problems.push(`refused with ${error.message}, not ${expected}`);
  return problems;
}

/** What the previous step left: the world state decoded and its snapshot, so neither is computed twice. */
interface Seen {
  readonly world: World;
  readonly snapshot: string;
}

async function runStep(ledger: FakeLedger, pool: readonly PoolMember[], cmd: Command, seen: Seen, stats: Stats) {
  const before = seen.world;
  const eventsBefore = ledger.events.length;
  const step = resolveStep(before, pool, cmd);
  let error: unknown;
  let failed = false;
  try {
    await ledger.invoke(step.caller, step.call);
  } catch (e) {
    failed = true;
    error = e;
  }
  const snapshotAfter = ledger.snapshot();
  // An unchanged snapshot means an unchanged world, whose invariants were already checked.
  const changed = snapshotAfter !== seen.snapshot;
  const after = changed ? readWorld(ledger) : before;
  const eventsAdded = ledger.events.length - eventsBefore;
  const o = { cmd, step, before, after, snapshotBefore: seen.snapshot, snapshotAfter, eventsAdded };
  const problems = [
    ...(failed ? rejectionProblems(o, error) : successProblems(o)),
    ...(changed ? [...transitionProblems(before, after), ...invariantProblems(after)] : []),
  ];
  if (problems.length > 0) {
    const outcome = failed ? String(error) : 'ok';
    expect.fail([`${step.description}\n    → ${outcome}`, ...problems].join('\n    - '));
  }
  record(stats, cmd, failed ? error : undefined);
  return { world: after, snapshot: snapshotAfter };
}

function record(stats: Stats, cmd: Command, error: unknown): void {
  if (error instanceof RegistryError) {
    stats.rejected++;
    stats.byCode.set(error.code, (stats.byCode.get(error.code) ?? 0) + 1);
  } else {
    stats.succeeded++;
    stats.succeededOps.add(cmd.op);
  }
}

describe('registry lifecycle under random operations (property)', function () {
  this.timeout(120_000);
  let fixture: RegistryFixture;
  let pool: PoolMember[];

  before(async () => {
    fixture = await registryFixture();
    pool = await callerPool(fixture);
  });

  it('starts from a fixture that satisfies every invariant, with callers in every standing', () => {
    const world = readWorld(fixture.ledger);
    expect(invariantProblems(world)).to.deep.equal([]);
    const standings = new Set(pool.map((m) => standingOf(world, m).user?.state ?? 'unregistered'));
    expect([...standings].sort()).to.deep.equal(['Active', 'Suspended', 'unregistered']);
  });

  it('never reaches a state the lifecycle forbids, and rejected operations change nothing', async () => {
    const stats: Stats = { succeeded: 0, rejected: 0, byCode: new Map(), succeededOps: new Set() };
    await fc.assert(
      fc.asyncProperty(
        fc.array(commandArb, { minLength: 1, maxLength: MAX_COMMANDS, size: 'max' }),
        async (commands) => {
          const ledger = fixture.ledger.clone();
          let seen: Seen = { world: readWorld(ledger), snapshot: ledger.snapshot() };
          for (const cmd of commands) seen = await runStep(ledger, pool, cmd, seen, stats);
        },
      ),
      { numRuns: RUNS },
    );
    const total = stats.succeeded + stats.rejected;
    const share = Math.round((100 * stats.succeeded) / total);
    const codes = [...stats.byCode].map(([code, n]) => `${code} ${String(n)}`).join(', ');
    console.log(
      `      ${String(total)} operations: ${String(stats.succeeded)} succeeded (${String(share)} %), ${String(stats.rejected)} rejected (${codes})`,
    );
    expect(total).to.be.at.least(2_000);
    // Below this the sequences rarely get past the fixture's states and the property proves little.
    expect(stats.succeeded / total).to.be.at.least(0.25);
    expect(
      OPS.filter((op) => !stats.succeededOps.has(op)),
      'operations that never succeeded',
    ).to.deep.equal([]);
  });
});
