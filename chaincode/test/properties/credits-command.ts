// Random credit operations as plain data: a kind and its choices as numbers (caller, target,
// amount, secondary choice), resolved against the current model and stored state when the command
// runs, so sequences stay meaningful as blocks split and requests come and go, and shrink cleanly.
// Resolving a command also says how the chaincode must answer it: the code it must refuse with, or
// what success must do to the model.
import type { Context } from 'fabric-contract-api';
import fc from 'fast-check';
import type { CreditBlock } from '../../src/domain/credit-block';
import type { CreditCaller, Permission } from './credits-callers';
import { HOLDER_ROLES } from './credits-callers';
import { ACTIVE, type CreditModel } from './credits-model';
import { tallyOf, type CreditWorld } from './credits-world';

export const KINDS = [
  'issue',
  'send',
  'sendSerial',
  'sendFiltered',
  'request',
  'approveRequest',
  'rejectRequest',
  'cancelRequest',
  'retire',
  'retireAbroad',
  'approveRetirement',
  'rejectRetirement',
  'cancelCredits',
  'freezeBlock',
  'unfreezeBlock',
  'freezeHoldings',
  'unfreezeHoldings',
  'suspend',
  'reactivate',
] as const;
export type Kind = (typeof KINDS)[number];

/** Deliberately broken inputs; each must be refused before anything is written. */
export const VARIANTS = ['valid', 'notJson', 'badField'] as const;
export type Variant = (typeof VARIANTS)[number];

export interface CreditCommand {
  readonly kind: Kind;
  /** Prefer a caller who may perform the operation. */
  readonly fitCaller: boolean;
  readonly caller: number;
  /** Prefer a target the operation can apply to (own blocks, a pending request…); otherwise anything. */
  readonly fitTarget: boolean;
  readonly target: number;
  readonly amount: number;
  /** Secondary choices: how units are selected, a receiver, a reason. */
  readonly choice: number;
  readonly variant: Variant;
}

const mostly = (value: boolean) =>
  fc.oneof({ weight: 5, arbitrary: fc.constant(value) }, { weight: 1, arbitrary: fc.constant(!value) });

// Mostly-valid input keeps enough operations succeeding for the sequences to reach deep states.
const variantArb: fc.Arbitrary<Variant> = fc.oneof(
  { weight: 24, arbitrary: fc.constant('valid' as const) },
  { weight: 1, arbitrary: fc.constantFrom('notJson' as const, 'badField' as const) },
);

export const commandArb: fc.Arbitrary<CreditCommand> = fc.record({
  kind: fc.constantFrom(...KINDS),
  fitCaller: mostly(true),
  caller: fc.nat(1_000),
  fitTarget: mostly(true),
  target: fc.nat(1_000),
  amount: fc.nat(0xffff),
  choice: fc.nat(0xffff),
  variant: variantArb,
});

export interface Env {
  readonly model: CreditModel;
  readonly world: CreditWorld;
  readonly caller: CreditCaller;
  readonly cmd: CreditCommand;
  /** Serials of the blocks the sequence started with: once split, they name no block. */
  readonly staleSerials: readonly string[];
}

export interface Plan {
  readonly request: object;
  /** The same request with one field made invalid. */
  readonly invalid: object;
  readonly send: (ctx: Context, json: string) => Promise<string>;
  /** The code a valid request from a permitted caller must be refused with; undefined: it must succeed. */
  readonly refusal: string | undefined;
  /** What the success does to the model, given the transaction's answer. */
  readonly apply: (model: CreditModel, answer: Record<string, unknown>) => void;
  readonly event: string;
}

export type Builder = (env: Env) => Plan;

/** The permission each kind needs, from the registry's permission matrix. */
export const PERMISSION_OF: Readonly<Record<Kind, Permission>> = {
  issue: 'credits.issue',
  send: 'credits.send',
  sendSerial: 'credits.send',
  sendFiltered: 'credits.send',
  request: 'credits.request',
  approveRequest: 'credits.decideRequest',
  rejectRequest: 'credits.decideRequest',
  cancelRequest: 'credits.cancelRequest',
  retire: 'credits.retire',
  retireAbroad: 'credits.retire',
  approveRetirement: 'credits.decideRetirement',
  rejectRetirement: 'credits.decideRetirement',
  cancelCredits: 'credits.cancel',
  freezeBlock: 'credits.freeze',
  unfreezeBlock: 'credits.freeze',
  freezeHoldings: 'credits.freeze',
  unfreezeHoldings: 'credits.freeze',
  suspend: 'organisation.suspend',
  reactivate: 'organisation.reactivate',
};

export const REASON = 'as ordered by the registry';
export const MISSING = 'NOBODY';
export const MISSING_ID = 'tx-missing';
/** Every organisation of the fixture, and one that does not exist. */
export const COMPANY_IDS = [
  'GOV',
  'DEV',
  'DEV-ACTIVE',
  'DEV-SUSPENDED',
  'DEV-PENDING',
  'CERT',
  'PARTNER',
  'MRV',
  MISSING,
];

export function pick<T>(list: readonly T[], n: number): T | undefined {
  return list.length === 0 ? undefined : list[n % list.length];
}

/** A fitting choice when asked for and one exists, otherwise any of `all`. */
export function choose<T>(env: Env, all: readonly T[], fitting: readonly T[], n = env.cmd.target): T | undefined {
  return env.cmd.fitTarget && fitting.length > 0 ? pick(fitting, n) : pick(all, n);
}

/** Why the organisation cannot receive credits, as the code the chaincode must say it with. */
export function receiverRefusal(model: CreditModel, companyId: string): string | undefined {
  const org = model.organisations.get(companyId);
  if (!org) return 'NOT_FOUND';
  return org.state === 'Active' && HOLDER_ROLES.includes(org.companyRole) ? undefined : 'INVALID_STATE';
}

export interface Selection {
  readonly serial?: string;
  readonly programmeId?: number;
  readonly vintage?: number;
}

export type SelectMode = 'none' | 'serial' | 'filter';

function stateCode(block: CreditBlock): string {
  if (block.state === 'Frozen') return 'FROZEN';
  return ['Retired', 'Cancelled', 'TransferredOut'].includes(block.state) ? 'ALREADY_RETIRED' : 'INVALID_STATE';
}

function movable(block: CreditBlock, allowFrozen: boolean): boolean {
  return block.state === 'Active' || (allowFrozen && block.state === 'Frozen');
}

function filteredActive(world: CreditWorld, holder: string, s: Selection): number {
  let units = 0;
  for (const { block: b } of world.blocks.values()) {
    const matches = (s.programmeId ?? b.programmeId) === b.programmeId && (s.vintage ?? b.vintage) === b.vintage;
    if (b.holder === holder && b.state === 'Active' && matches) units += b.quantity;
  }
  return units;
}

/** Units `holder` could give for a selection without a serial: the model's count when unfiltered. */
function availableUnits(env: Env, holder: string, s: Selection): number {
  const unfiltered = s.programmeId === undefined && s.vintage === undefined;
  return unfiltered ? env.model.units(holder, ACTIVE) : filteredActive(env.world, holder, s);
}

export function chooseSelection(env: Env, holder: string, mode: SelectMode, allowFrozen = false): Selection {
  const n = env.cmd.choice >> 2;
  if (mode === 'filter') {
    const programmeId = pick([1, 2, 3, 4], n) ?? 1;
    const vintage = pick([2024, 2025, 2023], n >> 2) ?? 2024;
    return [{ programmeId }, { vintage }, { programmeId, vintage }][n % 3] ?? {};
  }
  if (mode === 'none') return {};
  const blocks = [...env.world.bySerial.values()];
  // Mostly blocks that can move; sometimes the holder's own blocks in any state (frozen, locked, final).
  const own = blocks
    .filter((b) => b.holder === holder && (movable(b, allowFrozen) || n % 3 === 0))
    .map((b) => b.serial);
  const all = [...blocks.map((b) => b.serial), ...env.staleSerials];
  const serial = choose(env, all, own);
  return serial === undefined ? {} : { serial };
}

/** Up to and beyond what is there: a whole block, part of it, or more than it holds. */
export function quantityFor(env: Env, holder: string, s: Selection): number {
  const a = env.cmd.amount;
  const block = s.serial === undefined ? undefined : env.world.bySerial.get(s.serial);
  if (block) return [block.quantity + 1 + (a % 10), block.quantity][a % 4] ?? 1 + (a % block.quantity);
  const available = s.serial === undefined ? availableUnits(env, holder, s) : 0;
  return env.cmd.fitTarget && available > 0 ? 1 + (a % available) : 1 + (a % (available + 1_000));
}

/** Why taking `quantity` units of `holder` must fail, as the chaincode's code; undefined if it must not. */
export function takeRefusal(env: Env, holder: string, quantity: number, s: Selection, allowFrozen = false) {
  if (s.serial === undefined) return quantity <= availableUnits(env, holder, s) ? undefined : 'INSUFFICIENT_CREDITS';
  const block = env.world.bySerial.get(s.serial);
  if (!block) return 'NOT_FOUND';
  if (block.holder !== holder) return 'FORBIDDEN';
  if (!movable(block, allowFrozen)) return stateCode(block);
  return quantity <= block.quantity ? undefined : 'INSUFFICIENT_CREDITS';
}

/** The tally the taken units leave: Active, unless an explicitly selected block is frozen. */
export function takenTally(env: Env, s: Selection): string {
  const block = s.serial === undefined ? undefined : env.world.bySerial.get(s.serial);
  return block ? tallyOf(block) : ACTIVE;
}

export function selectMode(choice: number): SelectMode {
  return pick(['none', 'none', 'serial', 'filter'] as const, choice) ?? 'none';
}
