// Reads and writes credit blocks. A block's record and its entry in the holder index
// ([holder, state, vintage, programmeId, endUnit] — oldest vintage and lowest serial first) always
// change together, through a BlockChanges set committed once per transaction: Fabric does not
// let a transaction read its own writes, so the set remembers what it replaced.
import type { Context } from 'fabric-contract-api';
import type { BlockState, CreditBlock } from '../domain/credit-block';
import { parseSerial } from '../domain/serial-number';
import { ErrorCode, RegistryError } from '../errors';
import { deleteIndex, putIndex } from './indexes';
import { blockKey, KeyPrefix, pad, programmeBlockRange } from './keys';
import { readAllRecords, readRecord, writeRecord } from './transaction';

const holdingIndex = (b: CreditBlock): string[] => [
  b.holder,
  b.state,
  String(b.vintage),
  pad(b.programmeId, 12),
  pad(b.end, 16),
];

export function readBlock(ctx: Context, programmeId: number, endUnit: number): Promise<CreditBlock | undefined> {
  return readRecord<CreditBlock>(ctx, blockKey(programmeId, endUnit));
}

/** The block a current serial names; a serial made stale by a later split is NOT_FOUND. */
export async function blockBySerial(ctx: Context, serial: string): Promise<CreditBlock> {
  const s = parseSerial(serial);
  const block = await readBlock(ctx, s.programmeId, s.blockEnd);
  if (block?.serial !== serial) {
    throw new RegistryError(ErrorCode.NOT_FOUND, `no current block has serial ${serial}`, {
      serial,
      ...(block ? { currentSerialAtThatEnd: block.serial } : {}),
    });
  }
  return block;
}

/** The block holding unit `unit` of a programme: the first block whose end unit is ≥ `unit`. */
export async function blockHoldingUnit(
  ctx: Context,
  programmeId: number,
  unit: number,
): Promise<CreditBlock | undefined> {
  const { end } = programmeBlockRange(programmeId);
  const iterator = await ctx.stub.getStateByRange(blockKey(programmeId, unit), end);
  try {
    const first = await iterator.next();
    if (first.done) return undefined;
    const block = JSON.parse(Buffer.from(first.value.value).toString('utf8')) as CreditBlock;
    return block.start <= unit ? block : undefined;
  } finally {
    await iterator.close();
  }
}

/** Every block of a programme in unit order (reconciliation; read-only queries only). */
export async function programmeBlocks(ctx: Context, programmeId: number): Promise<CreditBlock[]> {
  const { start, end } = programmeBlockRange(programmeId);
  return readAllRecords<CreditBlock>(await ctx.stub.getStateByRange(start, end));
}

export interface HoldingFilter {
  readonly programmeId?: number | undefined;
  readonly vintage?: number | undefined;
}

/**
 * A holder's blocks in one state, oldest vintage and lowest serial first, read only until
 * `enough` units are found (so the range read stays as small as the request).
 */
export async function holderBlocks(
  ctx: Context,
  holder: string,
  state: BlockState,
  filter: HoldingFilter,
  enough = Number.POSITIVE_INFINITY,
): Promise<CreditBlock[]> {
  const partial = filter.vintage === undefined ? [holder, state] : [holder, state, String(filter.vintage)];
  const iterator = await ctx.stub.getStateByPartialCompositeKey(KeyPrefix.BLOCK_BY_HOLDER, partial);
  const blocks: CreditBlock[] = [];
  let units = 0;
  try {
    for (let next = await iterator.next(); !next.done && units < enough; next = await iterator.next()) {
      const [, , , programmeId, end] = ctx.stub.splitCompositeKey(next.value.key).attributes;
      if (filter.programmeId !== undefined && Number(programmeId) !== filter.programmeId) continue;
      const block = await readBlock(ctx, Number(programmeId), Number(end));
      if (!block) continue;
      blocks.push(block);
      units += block.quantity;
    }
  } finally {
    await iterator.close();
  }
  return blocks;
}

/** The blocks a transaction replaces and the blocks it leaves, written together at the end. */
export class BlockChanges {
  readonly #replaced = new Map<string, CreditBlock>();
  readonly #written = new Map<string, CreditBlock>();

  /** `original` (as read) gives way to `results` (its own key may be among them). */
  replace(original: CreditBlock, ...results: CreditBlock[]): void {
    const key = blockKey(original.programmeId, original.end);
    if (!this.#replaced.has(key) && !this.#written.has(key)) this.#replaced.set(key, original);
    for (const block of results) this.#written.set(blockKey(block.programmeId, block.end), block);
  }

  /** Adds a block that replaces nothing (an issuance). */
  add(block: CreditBlock): void {
    this.#written.set(blockKey(block.programmeId, block.end), block);
  }

  get written(): CreditBlock[] {
    return [...this.#written.values()];
  }

  async commit(ctx: Context): Promise<void> {
    for (const original of this.#replaced.values()) {
      await deleteIndex(ctx, KeyPrefix.BLOCK_BY_HOLDER, holdingIndex(original));
    }
    for (const [key, block] of this.#written) {
      await writeRecord(ctx, key, block);
      await putIndex(ctx, KeyPrefix.BLOCK_BY_HOLDER, holdingIndex(block));
    }
  }
}
