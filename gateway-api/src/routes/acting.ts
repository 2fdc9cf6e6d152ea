// How a route acts on the ledger as its caller: every write, and every read that is not public,
// is signed with the caller's own enrolled identity and goes through their organisation's peer,
// so the ledger names the person who made each change and the chaincode decides what they may do.
import type { Actor } from '../auth/actor.ts';
import type { Committed } from '../fabric/ledger.ts';
import { ApiError } from '../http/api-error.ts';
import type { Services } from '../services.ts';

export interface Caller {
  readonly actor: Actor | undefined;
  readonly services: Services;
}

/** The authenticated caller; the route layer sets it on every non-public route, so its absence is a 401. */
export function actorOf(caller: Caller): Actor {
  if (!caller.actor) throw new ApiError(401, 'UNAUTHENTICATED', 'sign in or give an API key');
  return caller.actor;
}

/** Submits `transaction` with its one JSON request, signed by the caller; resolves once every peer committed it. */
export async function submitAs<T = Record<string, unknown>>(
  caller: Caller,
  transaction: string,
  request: unknown,
): Promise<Committed<T>> {
  const identity = await caller.services.auth.signingIdentity(actorOf(caller));
  return caller.services.ledger.submit<T>(identity, transaction, request);
}

/** Evaluates a query as the caller on their organisation's peer. */
export async function evaluateAs<T = Record<string, unknown>>(
  caller: Caller,
  transaction: string,
  ...args: string[]
): Promise<T> {
  const identity = await caller.services.auth.signingIdentity(actorOf(caller));
  return caller.services.ledger.evaluate<T>(identity, transaction, ...args);
}
