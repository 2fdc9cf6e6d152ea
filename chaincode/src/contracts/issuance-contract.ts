// Contract "issuance": the government issues credits against a verified monitoring round. The
// issuance is split among the proponents by their shares, each receiving one contiguous block of
// unit numbers continuing the programme's numbering. It updates the programme record, so it is
// only valid when endorsed by both the government's and a certifier's peers.
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { issueBlock, type CreditBlock } from '../domain/credit-block';
import { allocateUnits } from '../domain/issuance-split';
import { issuanceRequest, issueFromRound } from '../domain/monitoring';
import type { Organisation } from '../domain/organisation';
import { recordIssuance } from '../domain/programme';
import { authorise, organisationKey } from '../ledger/access';
import { BlockChanges } from '../ledger/block-store';
import { loadRound, saveRound } from '../ledger/monitoring-store';
import { loadProgramme, saveProgramme } from '../ledger/programme-store';
import { emitEvent, parseInput, readRecord } from '../ledger/transaction';
import { applyToBlock } from '../domain/credit-block';

@Info({ title: 'Issuance', description: 'Issuance of credits as serial-numbered blocks' })
export class IssuanceContract extends Contract {
  constructor() {
    super('issuance');
  }

  /** {externalId, round, quantity}: at most the round's verified reductions not yet issued. */
  @Transaction()
  @Returns('string')
  async IssueCredits(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'credits.issue');
    const request = parseInput(issuanceRequest, requestJson, 'request');
    const before = await loadProgramme(ctx, request.externalId);
    const round = issueFromRound(
      await loadRound(ctx, request.externalId, request.round),
      request.quantity,
      caller.stamp,
    );
    const { programme, firstUnit } = recordIssuance(before, request.quantity, caller.stamp);
    const serial = programme.authorisation?.serial;
    if (!serial) throw new Error('an authorised programme always has a serial prefix');
    const changes = new BlockChanges();
    const reference = `issuance:${caller.stamp.txId}`;
    for (const range of allocateUnits(request.quantity, programme.proponents, firstUnit)) {
      const issued = issueBlock(
        {
          ...serial,
          programmeId: round.programmeId,
          blockStart: range.start,
          blockEnd: range.end,
          vintage: round.vintage,
        },
        programme.externalId,
        range.companyId,
        caller.stamp,
        reference,
      );
      changes.add(await this.#frozenIfSuspended(ctx, issued, caller.stamp));
    }
    await changes.commit(ctx);
    await saveProgramme(ctx, programme, before);
    await saveRound(ctx, round);
    const serials = changes.written.map((b) => b.serial);
    emitEvent(ctx, 'CreditsIssued', {
      externalId: programme.externalId,
      programmeId: round.programmeId,
      round: round.round,
      quantity: request.quantity,
      serials,
    });
    return JSON.stringify({
      externalId: programme.externalId,
      round: round.round,
      quantity: request.quantity,
      blocks: changes.written,
    });
  }

  /** A suspended proponent's share is issued frozen, as the rest of its holdings are. */
  async #frozenIfSuspended(ctx: Context, block: CreditBlock, stamp: CreditBlock['updated']): Promise<CreditBlock> {
    const holder = await readRecord<Organisation>(ctx, organisationKey(ctx, block.holder));
    if (holder?.state !== 'Suspended') return block;
    return applyToBlock(block, 'freeze', { state: 'Frozen', frozenBecause: 'OrganisationSuspended' }, stamp);
  }
}
