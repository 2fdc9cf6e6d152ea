// The registry's statistics as a pure function of the replica's documents: each document
// contributes counters (credits issued/transferred/retired/cancelled by year, sector and vintage;
// units by block state; programmes by state and sector; organisations by role and state), and the
// statistics are their sum. The replicator keeps the sum by deltas — per block, the contributions
// of the new versions minus those of the versions they replaced — instead of recounting.
import type { CreditFlow, CreditPart, ReplicaStatistics, StatisticsFacts } from './documents.ts';

/** A counter's path in the statistics object, and the amount it adds. */
export type Counter = readonly [path: readonly string[], amount: number];

const FLOW_OF = {
  issuance: 'issued',
  transfer: 'transferred',
  retirement: 'retired',
  cancellation: 'cancelled',
} as const;

/** The fields of the counted document types (each type has its own subset). */
interface CountedFields {
  readonly type: string;
  readonly state: string;
  readonly quantity: number;
  readonly sector: string;
  readonly companyRole: string;
  readonly timestamp: string;
  readonly retiredAt: string | null;
  readonly createdAt: string;
  readonly parts: readonly CreditPart[];
}

/** What of a document the statistics count; null for documents they do not count. */
export function factsOf(doc: Readonly<Record<string, unknown>> | null | undefined): StatisticsFacts | null {
  if (!doc) return null;
  const d = doc as unknown as CountedFields;
  switch (d.type) {
    case 'creditBlock':
      return { type: 'creditBlock', state: d.state, quantity: d.quantity };
    case 'programme':
      return { type: 'programme', state: d.state, sector: d.sector };
    case 'organisation':
      return { type: 'organisation', companyRole: d.companyRole, state: d.state };
    case 'issuance':
    case 'transfer':
      return { type: d.type, year: yearOf(d.timestamp), parts: d.parts };
    case 'retirement':
      return { type: 'retirement', year: yearOf(d.retiredAt), parts: d.parts };
    case 'cancellation':
      return { type: 'cancellation', year: yearOf(d.createdAt), parts: d.parts };
    default:
      return null;
  }
}

const yearOf = (timestamp: string | null | undefined): string | null =>
  typeof timestamp === 'string' && timestamp.length >= 4 ? timestamp.slice(0, 4) : null;

/** The counters one document's facts add to the statistics. */
export function contribution(facts: StatisticsFacts | null): Counter[] {
  if (!facts) return [];
  switch (facts.type) {
    case 'creditBlock':
      return [[['unitsByBlockState', facts.state], facts.quantity]];
    case 'programme':
      return [
        [['programmes', 'total'], 1],
        [['programmes', 'byState', facts.state], 1],
        [['programmes', 'bySector', facts.sector], 1],
      ];
    case 'organisation':
      return [
        [['organisations', 'total'], 1],
        [['organisations', 'byRole', facts.companyRole], 1],
        [['organisations', 'byState', facts.state], 1],
      ];
    default: {
      // An act counts once it took effect (a pending retirement does not).
      if (facts.year === null) return [];
      const flow = ['credits', FLOW_OF[facts.type]];
      const total = facts.parts.reduce((sum, p) => sum + p.quantity, 0);
      return [
        [[...flow, 'count'], 1],
        [[...flow, 'total'], total],
        [[...flow, 'byYear', facts.year], total],
        ...facts.parts.flatMap((p): Counter[] => [
          [[...flow, 'bySector', p.sector], p.quantity],
          [[...flow, 'byVintage', String(p.vintage)], p.quantity],
        ]),
      ];
    }
  }
}

const emptyFlow = (): CreditFlow => ({ count: 0, total: 0, byYear: {}, bySector: {}, byVintage: {} });

export function emptyStatistics(): ReplicaStatistics {
  return {
    credits: { issued: emptyFlow(), transferred: emptyFlow(), retired: emptyFlow(), cancelled: emptyFlow() },
    unitsByBlockState: {},
    programmes: { total: 0, byState: {}, bySector: {} },
    organisations: { total: 0, byRole: {}, byState: {} },
  };
}

/** Counters added up by path, so a block's delta is one small map whatever its size. */
export class StatisticsDelta {
  readonly #amounts = new Map<string, { path: readonly string[]; amount: number }>();

  add(counters: readonly Counter[], sign: 1 | -1 = 1): void {
    for (const [path, amount] of counters) {
      const key = path.join('\u0000');
      const entry = this.#amounts.get(key) ?? { path, amount: 0 };
      entry.amount += sign * amount;
      this.#amounts.set(key, entry);
    }
  }

  /** Adds the contribution of `next` and takes away that of `previous`. */
  replace(previous: StatisticsFacts | null, next: StatisticsFacts | null): void {
    this.add(contribution(previous), -1);
    this.add(contribution(next), 1);
  }

  get counters(): Counter[] {
    return [...this.#amounts.values()].filter((e) => e.amount !== 0).map((e) => [e.path, e.amount] as const);
  }
}

type Mutable = Record<string, unknown>;

const BREAKDOWNS = new Set(['unitsByBlockState', 'byYear', 'bySector', 'byVintage', 'byState', 'byRole']);
const isBreakdown = (parents: readonly string[]): boolean => BREAKDOWNS.has(parents[parents.length - 1] ?? '');

/** The statistics plus the counters; counts that fall to 0 in a by-key breakdown are left out. */
export function applyCounters(statistics: ReplicaStatistics, counters: readonly Counter[]): ReplicaStatistics {
  const result = structuredClone(statistics) as unknown as Mutable;
  for (const [path, amount] of counters) {
    const parents = path.slice(0, -1);
    const leaf = path[path.length - 1] ?? '';
    let node = result;
    for (const step of parents) {
      node[step] ??= {};
      node = node[step] as Mutable;
    }
    const value = ((node[leaf] as number | undefined) ?? 0) + amount;
    // Breakdown maps keep only keys that count something; totals stay even at 0.
    if (value === 0 && isBreakdown(parents)) Reflect.deleteProperty(node, leaf);
    else node[leaf] = value;
  }
  return result as unknown as ReplicaStatistics;
}

/** The statistics of a set of documents, counted from scratch (what the deltas must always equal). */
export function statisticsOf(docs: Iterable<Readonly<Record<string, unknown>>>): ReplicaStatistics {
  const delta = new StatisticsDelta();
  for (const doc of docs) delta.add(contribution(factsOf(doc)));
  return applyCounters(emptyStatistics(), delta.counters);
}
