// Who did what, when, in which transaction: every record carries the stamp of its creation and
// of its last change, and a state history, so the ledger's history names each signer.

export interface Actor {
  readonly mspId: string;
  readonly subject: string;
  /** The company the acting user belongs to; absent for the bootstrap before any company exists. */
  readonly companyId?: string;
}

export interface Stamp {
  readonly at: string;
  readonly txId: string;
  readonly by: Actor;
}

export interface StateChange<S extends string> {
  readonly state: S;
  readonly action: string;
  readonly at: string;
  readonly txId: string;
  readonly by: Actor;
  readonly reason?: string;
}

export function stateChange<S extends string>(state: S, action: string, stamp: Stamp, reason?: string): StateChange<S> {
  return reason === undefined
    ? { state, action, at: stamp.at, txId: stamp.txId, by: stamp.by }
    : { state, action, at: stamp.at, txId: stamp.txId, by: stamp.by, reason };
}
