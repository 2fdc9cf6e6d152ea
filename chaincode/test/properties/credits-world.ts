// The credit side of the world state, decoded straight from a FakeLedger's key-value map rather than
// through the contracts, so the invariants judge what is really stored. Records are decoded once
// per stored value: a commit replaces the Buffer of every key it writes and keeps the others, so a
// cache keyed by Buffer identity makes re-reading the state after each step cost only what changed.
import type { CreditBlock } from '../../src/domain/credit-block';
import type { Retirement, TransferRequest } from '../../src/domain/credit-movements';
import type { MonitoringRound } from '../../src/domain/monitoring';
import type { Organisation } from '../../src/domain/organisation';
import type { Programme } from '../../src/domain/programme';
import type { FakeLedger } from '../support/fake-ledger';

const SEP = '\u0000';
const BLOCK_PREFIX = 'block/';

export interface StoredBlock {
  readonly key: string;
  readonly block: CreditBlock;
  /** The stored bytes, to prove a final block is never rewritten. */
  readonly bytes: Buffer;
}

export interface CreditWorld {
  /** By key, in key order (programme, then end unit). */
  readonly blocks: Map<string, StoredBlock>;
  readonly bySerial: Map<string, CreditBlock>;
  /** Attributes of every block~holder index entry: [holder, state, vintage, programmeId, end]. */
  readonly holderIndex: string[][];
  readonly programmes: Map<string, Programme>;
  readonly rounds: Map<string, MonitoringRound>;
  readonly organisations: Map<string, Organisation>;
  readonly requests: Map<string, TransferRequest>;
  readonly retirements: Map<string, Retirement>;
}

const decoded = new WeakMap<Buffer, unknown>();

function decode(bytes: Buffer): unknown {
  if (!decoded.has(bytes)) decoded.set(bytes, JSON.parse(bytes.toString('utf8')));
  return decoded.get(bytes);
}

export const roundId = (externalId: string, round: number): string => `${externalId}#${String(round)}`;

type Decoder = (world: CreditWorld, attributes: readonly string[], bytes: Buffer) => void;

const RECORDS: Readonly<Record<string, Decoder>> = {
  'block~holder': (w, attributes) => w.holderIndex.push([...attributes]),
  programme: (w, [id = ''], bytes) => w.programmes.set(id, decode(bytes) as Programme),
  monitoringRound: (w, _attributes, bytes) => {
    const round = decode(bytes) as MonitoringRound;
    w.rounds.set(roundId(round.externalId, round.round), round);
  },
  organisation: (w, [id = ''], bytes) => w.organisations.set(id, decode(bytes) as Organisation),
  transferRequest: (w, [id = ''], bytes) => w.requests.set(id, decode(bytes) as TransferRequest),
  retirement: (w, [id = ''], bytes) => w.retirements.set(id, decode(bytes) as Retirement),
};

function decodeComposite(world: CreditWorld, key: string, bytes: Buffer): void {
  const [prefix = '', ...attributes] = key.slice(1, -1).split(SEP);
  const decoder = Object.hasOwn(RECORDS, prefix) ? RECORDS[prefix] : undefined;
  decoder?.(world, attributes, bytes);
}

export function readCreditWorld(ledger: FakeLedger): CreditWorld {
  const world: CreditWorld = {
    blocks: new Map(),
    bySerial: new Map(),
    holderIndex: [],
    programmes: new Map(),
    rounds: new Map(),
    organisations: new Map(),
    requests: new Map(),
    retirements: new Map(),
  };
  const blockKeys: string[] = [];
  for (const [key, bytes] of ledger.state) {
    if (key.startsWith(SEP)) decodeComposite(world, key, bytes);
    else if (key.startsWith(BLOCK_PREFIX)) blockKeys.push(key);
  }
  for (const key of blockKeys.sort()) {
    const bytes = ledger.state.get(key);
    if (!bytes) continue;
    const block = decode(bytes) as CreditBlock;
    world.blocks.set(key, { key, block, bytes });
    world.bySerial.set(block.serial, block);
  }
  return world;
}

/** What the model counts a block's units as: Frozen is split by why, since only one kind of thaw undoes each. */
export function tallyOf(block: CreditBlock): string {
  return block.state === 'Frozen' ? `Frozen:${block.frozenBecause ?? 'unknown'}` : block.state;
}

/** Units by holder and tally, as stored; zero totals are absent. */
export function storedTotals(world: CreditWorld): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { block } of world.blocks.values()) {
    const key = `${block.holder} ${tallyOf(block)}`;
    totals.set(key, (totals.get(key) ?? 0) + block.quantity);
  }
  return totals;
}

/** Authorised programmes by programme id. */
export function programmesById(world: CreditWorld): Map<number, Programme> {
  const byId = new Map<number, Programme>();
  for (const programme of world.programmes.values()) {
    const id = programme.authorisation?.programmeId;
    if (id !== undefined) byId.set(id, programme);
  }
  return byId;
}
