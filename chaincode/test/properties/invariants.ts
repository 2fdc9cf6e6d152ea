// What must hold of the stored world state at every moment, whatever sequence of operations led
// to it, and how any single transaction may change it. Each check returns the problems it found,
// so a failure names every broken invariant at once.
import { KeyEndorsementPolicy } from 'fabric-shim';
import { ORGANISATION_TRANSITIONS } from '../../src/domain/organisation';
import { PROGRAMME_TRANSITIONS } from '../../src/domain/programme';
import { USER_TRANSITIONS } from '../../src/domain/user';
import { indexEntries, type World } from './world';

type Table = Readonly<Record<string, { readonly from: readonly string[]; readonly to: string }>>;

interface Lifecycle {
  readonly table: Table;
  /** The action that creates a record → the state it creates it in. */
  readonly starts: Readonly<Record<string, string>>;
}

interface Tracked {
  readonly state: string;
  readonly stateHistory: readonly { readonly state: string; readonly action: string }[];
}

const PROGRAMME: Lifecycle = { table: PROGRAMME_TRANSITIONS, starts: { submit: 'Submitted' } };
const ORGANISATION: Lifecycle = {
  table: ORGANISATION_TRANSITIONS,
  starts: { bootstrap: 'Active', register: 'Active', apply: 'Pending' },
};
const USER: Lifecycle = { table: USER_TRANSITIONS, starts: { register: 'Active' } };

const TERMINAL_PROGRAMME_STATES: readonly string[] = ['Rejected', 'Closed'];
const PROGRAMME_ENDORSERS = JSON.stringify(['CertifierMSP', 'GovernmentMSP']);

const own = <T>(table: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(table, key) ? table[key] : undefined;

/** The history must start with a creating action, follow the transition table, and end in the current state. */
export function pathProblems(what: string, record: Tracked, lifecycle: Lifecycle): string[] {
  const [first, ...rest] = record.stateHistory;
  if (!first) return [`${what}: empty state history`];
  const problems: string[] = [];
  if (own(lifecycle.starts, first.action) !== first.state) {
    problems.push(`${what}: history starts with ${first.action} → ${first.state}`);
  }
  let previous = first.state;
  for (const entry of rest) {
    const rule = own(lifecycle.table, entry.action);
    if (!rule?.from.includes(previous) || rule.to !== entry.state) {
      problems.push(`${what}: ${entry.action} from ${previous} to ${entry.state} is not a transition`);
    }
    previous = entry.state;
  }
  if (previous !== record.state) problems.push(`${what}: history ends in ${previous}, record is ${record.state}`);
  return problems;
}

function lifecycleProblems(world: World): string[] {
  return [
    ...[...world.programmes].flatMap(([id, x]) => pathProblems(`programme ${id}`, x, PROGRAMME)),
    ...[...world.organisations].flatMap(([id, x]) => pathProblems(`organisation ${id}`, x, ORGANISATION)),
    ...[...world.users].flatMap(([id, x]) => pathProblems(`user ${id.slice(0, 8)}`, x, USER)),
  ];
}

function endorsersOf(policy: Buffer | undefined): string {
  return JSON.stringify(policy ? new KeyEndorsementPolicy(policy).listOrgs().sort() : []);
}

/** Authorised programmes carry an id and need both the government's and a certifier's peers; others neither. */
function authorisationProblems(world: World): string[] {
  const problems: string[] = [];
  for (const [id, x] of world.programmes) {
    const endorsers = endorsersOf(world.programmePolicies.get(id));
    if (!x.stateHistory.some((e) => e.action === 'authorise')) {
      if (x.authorisation !== undefined || endorsers !== '[]')
        problems.push(`programme ${id}: authorised without authorise`);
      continue;
    }
    if (typeof x.authorisation?.programmeId !== 'number') problems.push(`programme ${id}: authorised but has no id`);
    if (endorsers !== PROGRAMME_ENDORSERS) problems.push(`programme ${id}: key-level endorsers are ${endorsers}`);
  }
  if (world.otherPolicyKeys.length > 0) problems.push(`unexpected key-level policies: ${world.otherPolicyKeys.join()}`);
  return problems;
}

/** Programme ids are 1..n without gaps or repeats, each found through the number index, the counter at n + 1. */
function programmeIdProblems(world: World): string[] {
  const numbered = [...world.programmes.values()].flatMap((x) =>
    x.authorisation ? [[x.authorisation.programmeId, x.externalId] as const] : [],
  );
  const ids = numbered.map(([n]) => n).sort((a, b) => a - b);
  const problems: string[] = [];
  if (ids.some((n, i) => n !== i + 1)) problems.push(`programme ids are ${ids.join()}, not 1..${String(ids.length)}`);
  const pointers = [...world.programmeNumbers].sort(([a], [b]) => a - b);
  if (JSON.stringify(pointers) !== JSON.stringify([...numbered].sort(([a], [b]) => a - b))) {
    problems.push(`the programme~number index ${JSON.stringify(pointers)} disagrees with the records`);
  }
  const counter = world.programmeIdCounter.value;
  if (ids.length > 0 && counter !== ids.length + 1) problems.push(`the id counter is ${String(counter)}`);
  return problems;
}

/** An index holds exactly the entries its records call for: none missing, none extra, none stale. */
function indexProblems<T>(
  world: World,
  prefix: string,
  records: ReadonlyMap<string, T>,
  expected: (id: string, record: T) => string[][],
): string[] {
  const sortKey = (entries: readonly (readonly string[])[]) => JSON.stringify(entries.map((e) => e.join('|')).sort());
  const want = [...records].flatMap(([id, record]) => expected(id, record));
  const have = indexEntries(world, prefix);
  if (sortKey(have) === sortKey(want)) return [];
  const wanted = new Set(want.map((e) => e.join('|')));
  const held = new Set(have.map((e) => e.join('|')));
  const missing = [...wanted].filter((e) => !held.has(e));
  const extra = [...held].filter((e) => !wanted.has(e));
  return [`index ${prefix}: missing [${missing.join(', ')}], unexpected [${extra.join(', ')}]`];
}

function allIndexProblems(world: World): string[] {
  return [
    ...indexProblems(world, 'programme~state', world.programmes, (id, x) => [[x.state, id]]),
    ...indexProblems(world, 'programme~proponent', world.programmes, (id, x) =>
      x.proponents.map((p) => [p.companyId, id]),
    ),
    ...indexProblems(world, 'programme~certifier', world.programmes, (id, x) => x.certifierIds.map((c) => [c, id])),
    ...indexProblems(world, 'organisation~state', world.organisations, (id, x) => [[x.state, id]]),
    ...indexProblems(world, 'organisation~role', world.organisations, (id, x) => [[x.companyRole, id]]),
    // Users are indexed by company and state, so a company's Active users are one range read.
    ...indexProblems(world, 'user~company', world.users, (id, x) => [[x.companyId, x.state, id]]),
  ];
}

/**
 * There is one government, every user belongs to an existing organisation, and every organisation
 * with users keeps an Active Admin.
 */
function membershipProblems(world: World): string[] {
  const problems: string[] = [];
  const governments = [...world.organisations.values()].filter((x) => x.companyRole === 'Government');
  if (governments.length !== 1) problems.push(`${String(governments.length)} government organisations`);
  const companies = new Set([...world.users.values()].map((x) => x.companyId));
  for (const companyId of companies) {
    if (!world.organisations.has(companyId)) problems.push(`users of ${companyId}, which does not exist`);
    const admins = [...world.users.values()].filter(
      (x) => x.companyId === companyId && x.role === 'Admin' && x.state === 'Active',
    );
    if (admins.length === 0) problems.push(`organisation ${companyId} has users but no Active Admin`);
  }
  return problems;
}

export function invariantProblems(world: World): string[] {
  return [
    ...lifecycleProblems(world),
    ...authorisationProblems(world),
    ...programmeIdProblems(world),
    ...allIndexProblems(world),
    ...membershipProblems(world),
  ];
}

const json = (value: unknown) => JSON.stringify(value);

/** Records are never deleted, histories only grow, and one transaction changes at most one state. */
function historyProblems(kind: string, before: ReadonlyMap<string, Tracked>, after: ReadonlyMap<string, Tracked>) {
  const problems: string[] = [];
  let appended = 0;
  for (const [id, old] of before) {
    const now = after.get(id);
    if (!now) {
      problems.push(`${kind} ${id} disappeared`);
      continue;
    }
    if (json(now.stateHistory.slice(0, old.stateHistory.length)) !== json(old.stateHistory)) {
      problems.push(`${kind} ${id}: its state history was rewritten`);
    }
    appended += now.stateHistory.length - old.stateHistory.length;
  }
  return { problems, appended };
}

/** What no single transaction may do, judged from the world before and after it. */
export function transitionProblems(before: World, after: World): string[] {
  const histories = [
    historyProblems('programme', before.programmes, after.programmes),
    historyProblems('organisation', before.organisations, after.organisations),
    historyProblems('user', before.users, after.users),
  ];
  const problems = histories.flatMap((h) => h.problems);
  const appended = histories.reduce((sum, h) => sum + h.appended, 0);
  if (appended > 1) problems.push(`one transaction appended ${String(appended)} state changes`);
  for (const [id, old] of before.programmes) {
    const now = after.programmes.get(id);
    if (
      TERMINAL_PROGRAMME_STATES.includes(old.state) &&
      before.programmeBytes.get(id) !== after.programmeBytes.get(id)
    ) {
      problems.push(`programme ${id} changed after it was ${old.state}`);
    }
    if (old.authorisation && json(now?.authorisation) !== json(old.authorisation)) {
      problems.push(`programme ${id}: its authorisation changed`);
    }
  }
  return problems;
}
