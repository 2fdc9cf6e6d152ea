// Random registry commands as plain data. A command names an operation and makes its choices as
// numbers (caller, target, secondary choice) that are resolved against the world state when the
// command runs, so sequences stay meaningful as records are created, and shrink cleanly.
import fc from 'fast-check';
import type { Context } from 'fabric-contract-api';
import type { Organisation } from '../../src/domain/organisation';
import { OPS, type Op } from './access-oracle';
import type { PoolMember } from './caller-pool';
import type { World } from './world';

/** Deliberately broken inputs; each must be refused before anything is written. */
export const VARIANTS = ['valid', 'notJson', 'extraField', 'badField'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface Command {
  readonly op: Op;
  /** Prefer a caller whose roles the permission matrix allows (their states may still forbid it). */
  readonly fitCaller: boolean;
  readonly caller: number;
  /** Prefer a target the operation can apply to (right state, own company…); otherwise any record. */
  readonly fitTarget: boolean;
  readonly target: number;
  /** Secondary choices: new ids, roles, certificates, document types and versions. */
  readonly choice: number;
  readonly variant: Variant;
}

const mostly = (value: boolean) =>
  fc.oneof({ weight: 4, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: fc.constant(!value) });

// Mostly-valid input keeps enough operations succeeding for the sequences to reach deep states.
const variantArb: fc.Arbitrary<Variant> = fc.oneof(
  { weight: 15, arbitrary: fc.constant('valid' as const) },
  { weight: 1, arbitrary: fc.constantFrom(...VARIANTS.filter((v) => v !== 'valid')) },
);

export const commandArb: fc.Arbitrary<Command> = fc.record({
  op: fc.constantFrom(...OPS),
  fitCaller: mostly(true),
  caller: fc.nat(1_000),
  fitTarget: mostly(true),
  target: fc.nat(1_000),
  choice: fc.nat(0xffff),
  variant: variantArb,
});

/** What an operation's builder sees when the command runs. */
export interface Env {
  readonly world: World;
  readonly pool: readonly PoolMember[];
  readonly caller: PoolMember;
  /** The caller's organisation, if the caller is a registered user. */
  readonly own: Organisation | undefined;
  readonly cmd: Command;
}

export interface Plan {
  readonly request: object;
  /** The same request with one field made invalid. */
  readonly invalid: object;
  readonly send: (ctx: Context, json: string) => Promise<string>;
  /** The operation loads a record the command deliberately named but which does not exist. */
  readonly targetMissing: boolean;
}

export type Builder = (env: Env) => Plan;

export const REASON = 'as decided by the registry';
/** Shorter than three characters once trimmed. */
export const BAD_REASON = ' x ';
export const MISSING = 'MISSING-RECORD';

export function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/**
 * A fitting target when asked for and one exists, otherwise any record (which may well be refused);
 * one in eight unfitting choices is no record at all, to be named by an id that does not exist.
 */
export function chooseTarget<T>(env: Env, all: readonly T[], fitting: readonly T[]): T | undefined {
  if (!env.cmd.fitTarget && env.cmd.target % 8 === 0) return undefined;
  return env.cmd.fitTarget && fitting.length > 0 ? pick(fitting, env.cmd.target) : pick(all, env.cmd.target);
}

/** Three in four choices are fresh ids; the rest collide with records that exist (CONFLICT). */
export function newId(fresh: readonly string[], existing: Iterable<string>, choice: number): string {
  const pool = choice % 4 === 3 ? [...existing] : fresh;
  return pick(pool, choice >> 2) ?? MISSING;
}

export function encode(plan: Plan, variant: Variant): string {
  switch (variant) {
    case 'valid':
      return JSON.stringify(plan.request);
    case 'notJson':
      return '{"truncated": ';
    case 'extraField':
      return JSON.stringify({ ...plan.request, unexpected: true });
    case 'badField':
      return JSON.stringify(plan.invalid);
  }
}
