// Contract "credit": reading credits — a block by serial with its provenance, the block holding
// any unit number, a holder's or a programme's blocks, and the reconciliation that proves no
// credit was created or lost.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import type { CreditBlock } from '../domain/credit-block';
import type { Programme } from '../domain/programme';
import { reconcile } from '../domain/reconciliation';
import { ErrorCode, RegistryError } from '../errors';
import { blockBySerial, blockHoldingUnit, programmeBlocks } from '../ledger/block-store';
import { pageByIndex, pageMetadata } from '../ledger/indexes';
import { blockKey, KeyPrefix, programmeBlockRange } from '../ledger/keys';
import { loadProgrammeByNumber } from '../ledger/programme-store';
import { unitRequest, listBlocksRequest, reconcileRequest } from '../domain/requests';
import { parseInput, readAllRecords, readRecord, stateKey } from '../ledger/transaction';

@Info({ title: 'Credits', description: 'Credit blocks, unit lookup with provenance, reconciliation' })
export class CreditContract extends Contract {
  constructor() {
    super('credit');
  }

  /** The current block of that serial, with its lineage back to issuance. */
  @Transaction(false)
  @Returns('string')
  async GetBlock(ctx: Context, serial: string): Promise<string> {
    return JSON.stringify(await blockBySerial(ctx, serial));
  }

  /** {programmeId, unit}: the block holding that unit now, its state, holder and lineage. */
  @Transaction(false)
  @Returns('string')
  async FindUnit(ctx: Context, requestJson: string): Promise<string> {
    const { programmeId, unit } = parseInput(unitRequest, requestJson, 'request');
    const block = await blockHoldingUnit(ctx, programmeId, unit);
    if (!block) {
      throw new RegistryError(
        ErrorCode.NOT_FOUND,
        `unit ${String(unit)} of programme ${String(programmeId)} was never issued`,
        {
          programmeId,
          unit,
        },
      );
    }
    return JSON.stringify(block);
  }

  /** {holder, state?} or {programmeId}, with pageSize and bookmark. */
  @Transaction(false)
  @Returns('string')
  async ListBlocks(ctx: Context, requestJson: string): Promise<string> {
    const r = parseInput(listBlocksRequest, requestJson, 'request');
    if (r.programmeId !== undefined) {
      const { start, end } = programmeBlockRange(r.programmeId);
      const response = await ctx.stub.getStateByRangeWithPagination(start, end, r.pageSize, r.bookmark);
      const records = await readAllRecords<CreditBlock>(response.iterator);
      return JSON.stringify({ records, ...pageMetadata(response, records.length, r.pageSize) });
    }
    const partial = r.state === undefined ? [r.holder ?? ''] : [r.holder ?? '', r.state];
    // Holder index entries are [holder, state, vintage, programmeId, endUnit].
    const page = await pageByIndex<CreditBlock>(
      ctx,
      KeyPrefix.BLOCK_BY_HOLDER,
      partial,
      r.pageSize,
      r.bookmark,
      (_id, a) => blockKey(Number(a[3]), Number(a[4])),
    );
    return JSON.stringify(page);
  }

  /** {programmeId?}: issued vs. units by state and any gap or overlap, for one programme or all. */
  @Transaction(false)
  @Returns('string')
  async Reconcile(ctx: Context, requestJson: string): Promise<string> {
    const { programmeId } = parseInput(reconcileRequest, requestJson, 'request');
    const programmes =
      programmeId !== undefined
        ? [await loadProgrammeByNumber(ctx, programmeId)]
        : await this.#authorisedProgrammes(ctx);
    const reports = [];
    for (const programme of programmes) {
      const id = programme.authorisation?.programmeId;
      if (id === undefined) continue;
      reports.push(reconcile(id, programme.credits?.issued ?? 0, await programmeBlocks(ctx, id)));
    }
    const discrepancies = reports.reduce((sum, r) => sum + r.discrepancies, 0);
    return JSON.stringify({ programmes: reports, discrepancies });
  }

  async #authorisedProgrammes(ctx: Context): Promise<Programme[]> {
    const pointers = await readAllRecords<{ externalId: string }>(
      await ctx.stub.getStateByPartialCompositeKey(KeyPrefix.PROGRAMME_BY_NUMBER, []),
    );
    const programmes: Programme[] = [];
    for (const { externalId } of pointers) {
      const programme = await readRecord<Programme>(ctx, stateKey(ctx, KeyPrefix.PROGRAMME, externalId));
      if (programme) programmes.push(programme);
    }
    return programmes;
  }
}
