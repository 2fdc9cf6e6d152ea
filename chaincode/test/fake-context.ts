// An in-memory stand-in for Fabric's transaction context, for unit tests of contracts: world
// state in a sorted Map, composite keys encoded exactly as fabric-shim encodes them, the
// transaction's id and timestamp, events, and a configurable caller.
import type { Context } from 'fabric-contract-api';

export interface FakeCaller {
  mspId: string;
  subject: string;
  issuer?: string;
  attributes?: Record<string, string>;
}

const MIN_UNICODE_RUNE = '\u0000';

export class FakeLedger {
  readonly state = new Map<string, Buffer>();
  readonly events: { name: string; payload: unknown }[] = [];
  private txCounter = 0;
  private clockSeconds = 1_700_000_000;

  /** A context for one transaction by the given caller; writes land in this ledger at once. */
  context(caller: FakeCaller): Context {
    this.txCounter += 1;
    this.clockSeconds += 1;
    const txId = `tx${String(this.txCounter).padStart(6, '0')}`;
    const seconds = this.clockSeconds;
    const { state, events } = this;
    const stub = {
      getTxID: () => txId,
      getDateTimestamp: () => new Date(seconds * 1000),
      getState: (key: string) => Promise.resolve(new Uint8Array(state.get(key) ?? Buffer.alloc(0))),
      putState: (key: string, value: Uint8Array) => {
        state.set(key, Buffer.from(value));
        return Promise.resolve();
      },
      deleteState: (key: string) => {
        state.delete(key);
        return Promise.resolve();
      },
      createCompositeKey: (objectType: string, attributes: string[]) =>
        MIN_UNICODE_RUNE + objectType + MIN_UNICODE_RUNE + attributes.map((a) => a + MIN_UNICODE_RUNE).join(''),
      setEvent: (name: string, payload: Uint8Array) => {
        events.push({ name, payload: JSON.parse(Buffer.from(payload).toString('utf8')) as unknown });
      },
      getMspID: () => caller.mspId,
    };
    const issuer = caller.issuer ?? `/C=XX/O=${caller.mspId.replace(/MSP$/, '')}/CN=ca`;
    const clientIdentity = {
      getMSPID: () => caller.mspId,
      getID: () => `x509::${caller.subject}::${issuer}`,
      getAttributeValue: (name: string) => caller.attributes?.[name] ?? null,
      assertAttributeValue: (name: string, value: string) => caller.attributes?.[name] === value,
    };
    return { stub, clientIdentity } as unknown as Context;
  }

  /** A stable copy of world state, to prove that a rejected transaction changed nothing. */
  snapshot(): string {
    return JSON.stringify(
      [...this.state.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.toString('base64')]),
    );
  }
}
