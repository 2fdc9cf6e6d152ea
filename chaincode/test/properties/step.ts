// Turns a command into one concrete transaction against the current world state: who sends it,
// with which JSON argument, through which contract method.
import type { Context } from 'fabric-contract-api';
import { rolesFit, standingOf } from './access-oracle';
import type { PoolMember } from './caller-pool';
import { encode, pick, type Builder, type Command } from './command';
import { ORGANISATION_PLANS } from './plans-organisation';
import { PROGRAMME_PLANS } from './plans-programme';
import type { World } from './world';

const PLANS: Readonly<Record<Command['op'], Builder>> = { ...ORGANISATION_PLANS, ...PROGRAMME_PLANS };

export interface Step {
  readonly caller: PoolMember;
  readonly json: string;
  readonly call: (ctx: Context) => Promise<string>;
  readonly targetMissing: boolean;
  /** For failure messages: what was sent, by whom (certificates elided). */
  readonly description: string;
}

function chooseCaller(world: World, pool: readonly PoolMember[], cmd: Command): PoolMember {
  const fitting = cmd.fitCaller ? pool.filter((m) => rolesFit(cmd.op, standingOf(world, m))) : [];
  const caller = pick(fitting.length > 0 ? fitting : pool, cmd.caller);
  if (!caller) throw new Error('the caller pool is empty');
  return caller;
}

export function resolveStep(world: World, pool: readonly PoolMember[], cmd: Command): Step {
  const caller = chooseCaller(world, pool, cmd);
  const plan = PLANS[cmd.op]({ world, pool, caller, own: standingOf(world, caller).organisation, cmd });
  const json = encode(plan, cmd.variant);
  const shown = json.replace(/-----BEGIN CERTIFICATE-----[^"]*-----END CERTIFICATE-----(?:\\n)?/g, '<certificate>');
  return {
    caller,
    json,
    call: (ctx) => plan.send(ctx, json),
    targetMissing: plan.targetMissing,
    description: `${cmd.op} (${cmd.variant}) by ${caller.label}: ${shown}`,
  };
}
