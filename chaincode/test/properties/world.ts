// The registry's world state decoded straight from a FakeLedger's key-value map, bypassing the
// contracts, so that invariants are checked against what is really stored rather than against
// what the code under test chooses to report.
import type { Organisation } from '../../src/domain/organisation';
import type { Programme } from '../../src/domain/programme';
import type { User } from '../../src/domain/user';
import type { FakeLedger } from '../support/fake-ledger';

const SEP = '\u0000';

export interface World {
  /** In creation order (the ledger map keeps insertion order), so index-based choices are reproducible. */
  readonly organisations: Map<string, Organisation>;
  readonly users: Map<string, User>;
  readonly programmes: Map<string, Programme>;
  /** Raw bytes of each programme record, to prove a terminal programme is never rewritten. */
  readonly programmeBytes: Map<string, string>;
  /** Attribute lists of every marker index entry, by index prefix (e.g. "programme~state"). */
  readonly indexes: Map<string, string[][]>;
  /** programme~number entries: programme id → external id they point to. */
  readonly programmeNumbers: Map<number, string>;
  readonly programmeIdCounter: { value: number | undefined };
  /** Key-level endorsement policies of programme records, by external id. */
  readonly programmePolicies: Map<string, Buffer>;
  /** Keys other than programme records that carry a key-level policy (there should be none). */
  readonly otherPolicyKeys: string[];
}

export function splitKey(key: string): { prefix: string; attributes: string[] } | undefined {
  if (!key.startsWith(SEP) || !key.endsWith(SEP)) return undefined;
  const [prefix = '', ...attributes] = key.slice(1, -1).split(SEP);
  return { prefix, attributes };
}

const parse = (bytes: Buffer): unknown => JSON.parse(bytes.toString('utf8'));

type Decoder = (world: World, attributes: readonly string[], bytes: Buffer) => void;

const DECODERS: Readonly<Record<string, Decoder>> = {
  organisation: (w, [id = ''], bytes) => w.organisations.set(id, parse(bytes) as Organisation),
  user: (w, [id = ''], bytes) => w.users.set(id, parse(bytes) as User),
  programme: (w, [id = ''], bytes) => {
    w.programmes.set(id, parse(bytes) as Programme);
    w.programmeBytes.set(id, bytes.toString('utf8'));
  },
  'programme~number': (w, [padded = ''], bytes) =>
    w.programmeNumbers.set(Number(padded), (parse(bytes) as { externalId: string }).externalId),
  counter: (w, _attributes, bytes) => {
    w.programmeIdCounter.value = (parse(bytes) as { next: number }).next;
  },
};

function decodeIndex(world: World, prefix: string, attributes: string[]): void {
  if (!prefix.includes('~')) return;
  const entries = world.indexes.get(prefix) ?? [];
  entries.push(attributes);
  world.indexes.set(prefix, entries);
}

export function readWorld(ledger: FakeLedger): World {
  const world: World = {
    organisations: new Map(),
    users: new Map(),
    programmes: new Map(),
    programmeBytes: new Map(),
    indexes: new Map(),
    programmeNumbers: new Map(),
    programmeIdCounter: { value: undefined },
    programmePolicies: new Map(),
    otherPolicyKeys: [],
  };
  for (const [key, bytes] of ledger.state) {
    const split = splitKey(key);
    if (!split) continue;
    const decoder = Object.hasOwn(DECODERS, split.prefix) ? DECODERS[split.prefix] : undefined;
    if (decoder) decoder(world, split.attributes, bytes);
    else decodeIndex(world, split.prefix, split.attributes);
  }
  for (const [key, policy] of ledger.validationParameters) {
    const split = splitKey(key);
    const id = split?.prefix === 'programme' ? split.attributes[0] : undefined;
    if (id === undefined) world.otherPolicyKeys.push(key);
    else world.programmePolicies.set(id, policy);
  }
  return world;
}

export function indexEntries(world: World, prefix: string): readonly string[][] {
  return world.indexes.get(prefix) ?? [];
}
