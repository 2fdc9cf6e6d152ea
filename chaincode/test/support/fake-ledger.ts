// An in-memory stand-in for a peer's world state and a transaction context, for unit tests of
// contracts. It keeps Fabric's semantics where the registry relies on them: writes are buffered
// and committed only if the transaction succeeds; reads see committed state, not the
// transaction's own writes; composite keys, partial-key pages, key history (newest first) and
// key-level endorsement policies behave like the peer's. The caller's identity is built by
// fabric-shim's own ClientIdentity from a real certificate.
import type { Context } from 'fabric-contract-api';
import { ClientIdentity } from 'fabric-shim';

export interface FakeCaller {
  readonly mspId: string;
  readonly certificate: string;
}

interface Version {
  readonly txId: string;
  readonly seconds: number;
  readonly isDelete: boolean;
  readonly value: Buffer;
}

const SEP = '\u0000';

function compositeKey(objectType: string, attributes: string[]): string {
  return SEP + objectType + SEP + attributes.map((a) => a + SEP).join('');
}

function splitCompositeKey(key: string): { objectType: string; attributes: string[] } {
  const parts = key.split(SEP).slice(1, -1);
  return { objectType: parts[0] ?? '', attributes: parts.slice(1) };
}

function assertSimpleKeys(...keys: string[]): void {
  for (const key of keys) {
    if (key.startsWith(SEP))
      throw new Error(`first character of the key [${key}] contains a null character which is not allowed`);
  }
}

function iteratorOver<T>(items: T[]) {
  let index = 0;
  return {
    next: () =>
      Promise.resolve(
        index < items.length ? { value: items[index++] as T, done: false } : { value: undefined as T, done: true },
      ),
    close: () => Promise.resolve(),
  };
}

export class FakeLedger {
  readonly state = new Map<string, Buffer>();
  readonly validationParameters = new Map<string, Buffer>();
  readonly history = new Map<string, Version[]>();
  readonly events: { txId: string; name: string; payload: unknown }[] = [];
  private txCounter = 0;
  private clockSeconds = 1_700_000_000;

  /** Runs one transaction; its writes and event land only if it resolves. */
  async invoke<T>(caller: FakeCaller, call: (ctx: Context) => Promise<T>): Promise<T> {
    const tx = this.#transaction(caller);
    const result = await call(tx.ctx);
    tx.commit();
    return result;
  }

  /** A deep copy, so each case of a table test starts from the same world state. */
  clone(): FakeLedger {
    const copy = new FakeLedger();
    for (const [k, v] of this.state) copy.state.set(k, Buffer.from(v));
    for (const [k, v] of this.validationParameters) copy.validationParameters.set(k, Buffer.from(v));
    for (const [k, v] of this.history) copy.history.set(k, [...v]);
    copy.events.push(...this.events);
    copy.txCounter = this.txCounter;
    copy.clockSeconds = this.clockSeconds;
    return copy;
  }

  /** World state and key-level policies as one string, to prove a rejected transaction changed nothing. */
  snapshot(): string {
    const dump = (m: Map<string, Buffer>) =>
      [...m.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, v.toString('base64')]);
    return JSON.stringify([dump(this.state), dump(this.validationParameters)]);
  }

  #transaction(caller: FakeCaller) {
    this.txCounter += 1;
    this.clockSeconds += 60;
    const txId = `tx${String(this.txCounter).padStart(6, '0')}`;
    const seconds = this.clockSeconds;
    const writes = new Map<string, Buffer | null>();
    const policyWrites = new Map<string, Buffer>();
    let event: { name: string; payload: unknown } | undefined;
    const { state, validationParameters, history } = this;

    // As on a peer: an empty page comes without metadata.
    const pageResponse = (page: string[], bookmark: string) => ({
      iterator: iteratorOver(page.map((key) => ({ namespace: 'carbon', key, value: state.get(key) }))),
      ...(page.length > 0 ? { metadata: { fetchedRecordsCount: page.length, bookmark } } : {}),
    });
    const sortedKeysWithPrefix = (prefix: string) => [...state.keys()].filter((k) => k.startsWith(prefix)).sort();
    // As on a peer: [startKey, endKey) over simple keys only (composite keys start with U+0000).
    const rangeOf = (startKey: string, endKey: string) =>
      [...state.keys()].filter((k) => !k.startsWith(SEP) && k >= startKey && k < endKey).sort();
    const stub = {
      getTxID: () => txId,
      getChannelID: () => 'carbon-registry',
      getCreator: () => ({ mspid: caller.mspId, idBytes: Buffer.from(caller.certificate, 'utf8') }),
      getDateTimestamp: () => new Date(seconds * 1000),
      getState: (key: string) => Promise.resolve(new Uint8Array(state.get(key) ?? Buffer.alloc(0))),
      putState: (key: string, value: Uint8Array) => {
        // As on a peer: writing an empty value deletes the key.
        writes.set(key, value.length === 0 ? null : Buffer.from(value));
        return Promise.resolve();
      },
      deleteState: (key: string) => {
        writes.set(key, null);
        return Promise.resolve();
      },
      createCompositeKey: compositeKey,
      splitCompositeKey,
      getStateByPartialCompositeKey: (objectType: string, attributes: string[]) => {
        const keys = sortedKeysWithPrefix(compositeKey(objectType, attributes));
        return Promise.resolve(iteratorOver(keys.map((key) => ({ namespace: 'carbon', key, value: state.get(key) }))));
      },
      getStateByPartialCompositeKeyWithPagination: (
        objectType: string,
        attributes: string[],
        pageSize: number,
        bookmark = '',
      ) => {
        const keys = sortedKeysWithPrefix(compositeKey(objectType, attributes)).filter(
          (k) => bookmark === '' || k >= bookmark,
        );
        const page = keys.slice(0, pageSize);
        return Promise.resolve(pageResponse(page, keys[pageSize] ?? ''));
      },
      getStateByRange: (startKey: string, endKey: string) => {
        assertSimpleKeys(startKey, endKey);
        return Promise.resolve(
          iteratorOver(rangeOf(startKey, endKey).map((key) => ({ namespace: 'carbon', key, value: state.get(key) }))),
        );
      },
      getStateByRangeWithPagination: (startKey: string, endKey: string, pageSize: number, bookmark = '') => {
        assertSimpleKeys(startKey, endKey);
        const keys = rangeOf(bookmark === '' ? startKey : bookmark, endKey);
        const page = keys.slice(0, pageSize);
        return Promise.resolve(pageResponse(page, keys[pageSize] ?? ''));
      },
      getHistoryForKey: (key: string) =>
        Promise.resolve(
          iteratorOver(
            [...(history.get(key) ?? [])].reverse().map((v) => ({
              txId: v.txId,
              isDelete: v.isDelete,
              value: new Uint8Array(v.value),
              timestamp: { seconds: v.seconds, nanos: 0 },
            })),
          ),
        ),
      setStateValidationParameter: (key: string, policy: Uint8Array) => {
        policyWrites.set(key, Buffer.from(policy));
        return Promise.resolve();
      },
      getStateValidationParameter: (key: string) =>
        Promise.resolve(new Uint8Array(validationParameters.get(key) ?? Buffer.alloc(0))),
      setEvent: (name: string, payload: Uint8Array) => {
        // Fabric keeps only the last event of a transaction; the registry promises exactly one.
        if (event) throw new Error(`a transaction emits one event: ${event.name} and then ${name}`);
        event = { name, payload: JSON.parse(Buffer.from(payload).toString('utf8')) as unknown };
      },
      getMspID: () => 'GovernmentMSP',
    };
    const clientIdentity = new ClientIdentity(stub as never);
    const ctx = { stub, clientIdentity } as unknown as Context;
    const commit = () => {
      for (const [key, value] of writes) {
        if (value === null) state.delete(key);
        else state.set(key, value);
        const versions = history.get(key) ?? [];
        versions.push({ txId, seconds, isDelete: value === null, value: value ?? Buffer.alloc(0) });
        history.set(key, versions);
      }
      for (const [key, policy] of policyWrites) validationParameters.set(key, policy);
      if (event) this.events.push({ txId, ...event });
    };
    return { ctx, commit };
  }
}
