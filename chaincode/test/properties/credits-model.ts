// An independent model of the credits: units by holder and tally (a block state, Frozen split by
// why), programmes' issued totals, monitoring rounds, organisations' states, and pending requests
// and retirements. It starts from the fixture's stored state and from then on changes only as each
// successful operation says it should, so comparing it with the stored state after every step
// proves each operation moved exactly the units it claims, from and to whom it claims.
import type { CompanyRole } from '../../src/domain/organisation';
import { roundId, storedTotals, type CreditWorld } from './credits-world';

export interface ModelProgramme {
  readonly externalId: string;
  state: string;
  readonly proponents: readonly { readonly companyId: string; readonly shareBps: number }[];
  issued: number;
}

export interface ModelRound {
  readonly externalId: string;
  readonly round: number;
  readonly state: string;
  readonly verified: number;
  issued: number;
}

export interface ModelRequest {
  readonly from: string;
  readonly to: string;
  readonly requestedBy: string;
  readonly quantity: number;
  state: string;
}

export interface ModelRetirement {
  readonly holder: string;
  readonly quantity: number;
  state: string;
}

export interface ModelOrganisation {
  readonly companyRole: CompanyRole;
  state: string;
}

export const ACTIVE = 'Active';
export const FROZEN_BY_ORDER = 'Frozen:GovernmentOrder';
export const FROZEN_BY_SUSPENSION = 'Frozen:OrganisationSuspended';

export class CreditModel {
  /** `${holder} ${tally}` → units; never holds zeros. */
  readonly totals = new Map<string, number>();
  readonly programmes = new Map<string, ModelProgramme>();
  readonly rounds = new Map<string, ModelRound>();
  readonly organisations = new Map<string, ModelOrganisation>();
  readonly requests = new Map<string, ModelRequest>();
  readonly retirements = new Map<string, ModelRetirement>();

  units(holder: string, tally: string): number {
    return this.totals.get(`${holder} ${tally}`) ?? 0;
  }

  add(holder: string, tally: string, quantity: number): void {
    const key = `${holder} ${tally}`;
    const next = (this.totals.get(key) ?? 0) + quantity;
    if (next === 0) this.totals.delete(key);
    else this.totals.set(key, next);
  }

  move(holder: string, from: string, to: string, quantity: number, receiver = holder): void {
    this.add(holder, from, -quantity);
    this.add(receiver, to, quantity);
  }

  /** Every unit of one tally of a holder changes tally, as freezes and thaws of holdings do. */
  moveAll(holder: string, from: string, to: string): void {
    this.move(holder, from, to, this.units(holder, from));
  }

  /** Where unlocked units go: back to the holder's account, frozen with the rest if it is suspended. */
  releasedTally(holder: string): string {
    return this.organisations.get(holder)?.state === 'Suspended' ? FROZEN_BY_SUSPENSION : ACTIVE;
  }

  isActive(companyId: string): boolean {
    return this.organisations.get(companyId)?.state === 'Active';
  }
}

/** The model of the state an operation sequence starts from (already checked against the invariants). */
export function modelOf(world: CreditWorld): CreditModel {
  const model = new CreditModel();
  for (const [key, units] of storedTotals(world)) model.totals.set(key, units);
  for (const [id, p] of world.programmes) {
    model.programmes.set(id, {
      externalId: id,
      state: p.state,
      proponents: p.proponents,
      issued: p.credits?.issued ?? 0,
    });
  }
  for (const [id, r] of world.rounds) {
    const verified = r.verifiedReductions ?? 0;
    model.rounds.set(id, { externalId: r.externalId, round: r.round, state: r.state, verified, issued: r.issued });
  }
  for (const [id, o] of world.organisations) {
    model.organisations.set(id, { companyRole: o.companyRole, state: o.state });
  }
  for (const [id, r] of world.requests) {
    model.requests.set(id, {
      from: r.from,
      to: r.to,
      requestedBy: r.requestedBy,
      quantity: r.quantity,
      state: r.state,
    });
  }
  for (const [id, r] of world.retirements) {
    model.retirements.set(id, { holder: r.holder, quantity: r.quantity, state: r.state });
  }
  return model;
}

function totalsProblems(model: CreditModel, world: CreditWorld): string[] {
  const stored = storedTotals(world);
  const keys = new Set([...stored.keys(), ...model.totals.keys()]);
  return [...keys]
    .filter((k) => (stored.get(k) ?? 0) !== model.units(...(k.split(' ') as [string, string])))
    .map((k) => `${k}: stored ${String(stored.get(k) ?? 0)}, model ${String(model.totals.get(k) ?? 0)}`);
}

/** Records the model knows must be stored with the same state (and the stored ones must be known). */
function recordProblems(
  what: string,
  model: ReadonlyMap<string, { state: string }>,
  stored: ReadonlyMap<string, { state: string }>,
): string[] {
  const problems: string[] = [];
  for (const [id, expected] of model) {
    const actual = stored.get(id)?.state;
    if (actual !== expected.state) problems.push(`${what} ${id} is ${String(actual)}, model ${expected.state}`);
  }
  for (const id of stored.keys()) if (!model.has(id)) problems.push(`${what} ${id} appeared unexplained`);
  return problems;
}

function issuedProblems(model: CreditModel, world: CreditWorld): string[] {
  const problems: string[] = [];
  for (const [id, p] of model.programmes) {
    const issued = world.programmes.get(id)?.credits?.issued ?? 0;
    if (issued !== p.issued) problems.push(`programme ${id} issued ${String(issued)}, model ${String(p.issued)}`);
  }
  for (const [id, r] of model.rounds) {
    const stored = world.rounds.get(roundId(r.externalId, r.round));
    if (stored?.issued !== r.issued)
      problems.push(`round ${id} issued ${String(stored?.issued)}, model ${String(r.issued)}`);
  }
  return problems;
}

export function modelProblems(model: CreditModel, world: CreditWorld): string[] {
  return [
    ...totalsProblems(model, world),
    ...issuedProblems(model, world),
    ...recordProblems('programme', model.programmes, world.programmes),
    ...recordProblems('organisation', model.organisations, world.organisations),
    ...recordProblems('transfer request', model.requests, world.requests),
    ...recordProblems('retirement', model.retirements, world.retirements),
  ];
}
