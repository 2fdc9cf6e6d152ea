// Property: random sequences of credit operations by random callers — issue; send by quantity, by
// an explicit serial (up to and beyond the block's size) or by programme or vintage; request and
// approve, reject or cancel; retire at home or for use abroad, and approve or reject the latter;
// cancel; freeze and unfreeze a block or an organisation's holdings; suspend and reactivate
// DEV-ACTIVE — never create or lose a credit. After every step Reconcile, called through the
// contract, finds no discrepancy and agrees with the stored blocks, which are checked directly:
// they tile each programme's units 1…issued, are well formed, are indexed by holder and state
// exactly once, are locked by exactly one pending request or retirement while pending, and never
// change once final. An independent model of units by holder and state predicts every answer: the
// code of each refusal (which must change nothing and emit nothing) and the exact movement of
// units of each success (which must emit exactly one event).
import { expect } from 'chai';
import fc from 'fast-check';
import { ErrorCode, RegistryError } from '../../src/errors';
import type { FakeLedger } from '../support/fake-ledger';
import { registryFixture } from '../support/registry-fixture';
import { creditCallers, mayAct, type CreditCaller } from './credits-callers';
import {
  commandArb,
  KINDS,
  PERMISSION_OF,
  pick,
  type Builder,
  type CreditCommand,
  type Kind,
  type Plan,
  type Variant,
} from './credits-command';
import { finalBlockProblems, invariantProblems } from './credits-invariants';
import { modelOf, modelProblems, type CreditModel } from './credits-model';
import { CUSTODY_PLANS } from './credits-plans-custody';
import { MOVE_PLANS } from './credits-plans-moves';
import { RETIREMENT_PLANS } from './credits-plans-retirement';
import { reconcileProblems } from './credits-reconcile';
import { creditStart } from './credits-setup';
import { readCreditWorld, type CreditWorld } from './credits-world';

// Sequences are short so that the stored state, which every step's snapshot and Reconcile read in
// full, stays small and a counterexample stays readable; batches of sequences run until the
// operation count is reached.
const TARGET_OPERATIONS = 10_000;
const RUNS_PER_BATCH = 25;
const MAX_BATCHES = 60;
const MAX_COMMANDS = 40;
const MIN_SUCCESS_SHARE = 0.3;

const PLANS: Readonly<Record<Kind, Builder>> = { ...MOVE_PLANS, ...RETIREMENT_PLANS, ...CUSTODY_PLANS };
const CODES: readonly string[] = Object.values(ErrorCode);

interface Stats {
  readonly attempts: Map<Kind, number>;
  readonly successes: Map<Kind, number>;
  readonly codes: Map<string, number>;
}

const count = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
const sum = (map: Map<unknown, number>) => [...map.values()].reduce((a, b) => a + b, 0);

interface Sequence {
  readonly ledger: FakeLedger;
  readonly model: CreditModel;
  readonly callers: readonly CreditCaller[];
  readonly reader: CreditCaller;
  readonly staleSerials: readonly string[];
  readonly stats: Stats;
}

/** What the previous step left: the decoded world and its snapshot, so neither is computed twice. */
interface Seen {
  readonly world: CreditWorld;
  readonly snapshot: string;
}

function chooseCaller(c: Sequence, cmd: CreditCommand): CreditCaller {
  const fitting = cmd.fitCaller ? c.callers.filter((m) => mayAct(c.model, m, PERMISSION_OF[cmd.kind])) : [];
  const caller = pick(fitting.length > 0 ? fitting : c.callers, cmd.caller);
  if (!caller) throw new Error('no callers');
  return caller;
}

function encode(plan: Plan, variant: Variant): string {
  if (variant === 'notJson') return '{"quantity": ';
  return JSON.stringify(variant === 'valid' ? plan.request : plan.invalid);
}

/** Every write authorises first, then parses its input, then checks what the plan knows. */
function expectedRefusal(c: Sequence, caller: CreditCaller, cmd: CreditCommand, plan: Plan): string | undefined {
  if (!mayAct(c.model, caller, PERMISSION_OF[cmd.kind])) return ErrorCode.FORBIDDEN;
  return cmd.variant === 'valid' ? plan.refusal : ErrorCode.INVALID_ARGUMENT;
}

interface Outcome {
  readonly expected: string | undefined;
  readonly error: unknown;
  readonly snapshotBefore: string;
  readonly snapshotAfter: string;
  readonly events: readonly { readonly name: string }[];
}

function rejectionProblems(o: Outcome): string[] {
  if (!(o.error instanceof RegistryError)) return [`threw a non-RegistryError: ${String(o.error)}`];
  const problems: string[] = [];
  const body = JSON.parse(o.error.message) as { code?: unknown; message?: unknown; details?: unknown };
  if (body.code !== o.error.code || !CODES.includes(o.error.code)) problems.push('unstable error code');
  if (typeof body.message !== 'string' || typeof body.details !== 'object') problems.push('malformed error');
  if (o.error.code !== o.expected) problems.push(`refused with ${o.error.code}, expected ${o.expected ?? 'success'}`);
  if (o.snapshotAfter !== o.snapshotBefore) problems.push('a refused transaction changed world state');
  if (o.events.length > 0) problems.push('a refused transaction emitted an event');
  return problems;
}

function successProblems(o: Outcome, plan: Plan): string[] {
  const problems: string[] = [];
  if (o.expected !== undefined) problems.push(`succeeded, expected ${o.expected}`);
  const names = o.events.map((e) => e.name).join();
  if (names !== plan.event) problems.push(`emitted [${names}], expected one ${plan.event}`);
  return problems;
}

async function attempt(c: Sequence, caller: CreditCaller, plan: Plan, json: string) {
  try {
    const answer = JSON.parse(await c.ledger.invoke(caller, (ctx) => plan.send(ctx, json))) as Record<string, unknown>;
    return { failed: false, answer, error: undefined };
  } catch (error) {
    return { failed: true, answer: {}, error };
  }
}

async function runStep(c: Sequence, cmd: CreditCommand, seen: Seen): Promise<Seen> {
  const caller = chooseCaller(c, cmd);
  const env = { model: c.model, world: seen.world, caller, cmd, staleSerials: c.staleSerials };
  const plan = PLANS[cmd.kind](env);
  const json = encode(plan, cmd.variant);
  const expected = expectedRefusal(c, caller, cmd, plan);
  const eventsBefore = c.ledger.events.length;
  const { failed, answer, error } = await attempt(c, caller, plan, json);
  const snapshotAfter = c.ledger.snapshot();
  const events = c.ledger.events.slice(eventsBefore);
  const o: Outcome = { expected, error, snapshotBefore: seen.snapshot, snapshotAfter, events };
  let world = seen.world;
  let problems: string[];
  if (failed) {
    problems = rejectionProblems(o);
  } else {
    plan.apply(c.model, answer);
    world = readCreditWorld(c.ledger);
    problems = [
      ...successProblems(o, plan),
      ...invariantProblems(world),
      ...finalBlockProblems(seen.world, world),
      ...modelProblems(c.model, world),
    ];
  }
  problems.push(...(await reconcileProblems(c.ledger, c.reader, world)));
  if (problems.length > 0) {
    const outcome = failed ? String(error) : 'ok';
    expect.fail(
      [`${cmd.kind} (${cmd.variant}) by ${caller.label}: ${json}\n    → ${outcome}`, ...problems].join('\n    - '),
    );
  }
  count(c.stats.attempts, cmd.kind);
  if (failed) count(c.stats.codes, (error as RegistryError).code);
  else count(c.stats.successes, cmd.kind);
  return { world, snapshot: snapshotAfter };
}

function report(stats: Stats): string {
  const total = sum(stats.attempts);
  const succeeded = sum(stats.successes);
  const kinds = KINDS.map((k) => `${k} ${String(stats.successes.get(k) ?? 0)}/${String(stats.attempts.get(k) ?? 0)}`);
  const codes = [...stats.codes].map(([code, n]) => `${code} ${String(n)}`);
  const share = Math.round((100 * succeeded) / total);
  return `      ${String(total)} credit operations, ${String(succeeded)} succeeded (${String(share)} %)\n        by kind (succeeded/attempted): ${kinds.join(', ')}\n        refusals: ${codes.join(', ')}`;
}

describe('credits under random operations (property)', function () {
  this.timeout(120_000);
  let start: FakeLedger;
  let startWorld: CreditWorld;
  let callers: CreditCaller[];
  let reader: CreditCaller;

  before(async () => {
    const fixture = await registryFixture();
    start = await creditStart(fixture);
    startWorld = readCreditWorld(start);
    callers = creditCallers(fixture);
    const viewer = callers.find((m) => m.label === 'GOV ViewOnly');
    if (!viewer) throw new Error('no GOV ViewOnly caller');
    reader = viewer;
  });

  it('starts from credits that satisfy every invariant, with work pending for every decision', async () => {
    expect(invariantProblems(startWorld)).to.deep.equal([]);
    expect(await reconcileProblems(start.clone(), reader, startWorld)).to.deep.equal([]);
    const model = modelOf(startWorld);
    expect(modelProblems(model, startWorld)).to.deep.equal([]);
    expect([...model.requests.values()].filter((r) => r.state === 'Pending')).to.have.length(2);
    expect([...model.retirements.values()].filter((r) => r.state === 'Pending')).to.have.length(1);
    expect(model.units('DEV-ACTIVE', 'Active')).to.equal(6_000);
  });

  it('never creates or loses a credit, and every answer is the one the model predicts', async () => {
    const stats: Stats = { attempts: new Map(), successes: new Map(), codes: new Map() };
    const staleSerials = [...startWorld.bySerial.keys()];
    const startSnapshot = start.snapshot();
    const property = fc.asyncProperty(
      fc.array(commandArb, { minLength: 1, maxLength: MAX_COMMANDS, size: 'max' }),
      async (commands) => {
        const ledger = start.clone();
        const c: Sequence = { ledger, model: modelOf(startWorld), callers, reader, staleSerials, stats };
        let seen: Seen = { world: startWorld, snapshot: startSnapshot };
        for (const cmd of commands) seen = await runStep(c, cmd, seen);
      },
    );
    for (let batch = 0; batch < MAX_BATCHES && sum(stats.attempts) < TARGET_OPERATIONS; batch++) {
      await fc.assert(property, { numRuns: RUNS_PER_BATCH });
    }
    console.log(report(stats));
    const total = sum(stats.attempts);
    expect(total).to.be.at.least(TARGET_OPERATIONS);
    expect(sum(stats.successes) / total).to.be.at.least(MIN_SUCCESS_SHARE);
    expect(
      KINDS.filter((k) => !stats.successes.has(k)),
      'operation kinds that never succeeded',
    ).to.deep.equal([]);
  });
});
