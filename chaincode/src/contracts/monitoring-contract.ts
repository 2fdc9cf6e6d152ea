// Contract "monitoring": monitoring rounds of an authorised programme. A proponent developer
// reports a period's reductions; an assigned certifier verifies them (at most what was claimed)
// or rejects the report. Issuance against verified rounds is in contract "issuance".
import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import {
  monitoringReportRequest,
  newRound,
  rejectRound,
  roundRejectionRequest,
  verificationRequest,
  verifyRound,
  type MonitoringRound,
} from '../domain/monitoring';
import { isAssignedCertifier, isProponent } from '../domain/programme';
import { ErrorCode, RegistryError } from '../errors';
import { authorise, forbid, type AuthorisedCaller } from '../ledger/access';
import { loadRound, programmeRounds, saveRound } from '../ledger/monitoring-store';
import { loadProgramme } from '../ledger/programme-store';
import { emitEvent, parseInput } from '../ledger/transaction';

@Info({ title: 'Monitoring', description: 'Monitoring reports, their verification or rejection' })
export class MonitoringContract extends Contract {
  constructor() {
    super('monitoring');
  }

  /** {externalId, periodStart, periodEnd, claimedReductions, report: {sha256, uri, version?}} by a proponent. */
  @Transaction()
  @Returns('string')
  async SubmitMonitoringReport(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'monitoring.submit');
    const request = parseInput(monitoringReportRequest, requestJson, 'request');
    const programme = await loadProgramme(ctx, request.externalId);
    if (!isProponent(programme, caller.organisation.companyId)) {
      forbid(`${caller.organisation.companyId} is not a proponent of programme ${programme.externalId}`);
    }
    const rounds = await programmeRounds(ctx, programme.externalId);
    // A rejected report claims nothing, so its period may be reported again (corrected).
    const previous = rounds.filter((r) => r.state !== 'Rejected').pop();
    const round = newRound(programme, request, rounds.length + 1, previous, caller.stamp);
    await saveRound(ctx, round);
    return done(ctx, 'MonitoringReportSubmitted', round);
  }

  /** {externalId, round, verifiedReductions, verificationReport} by an assigned certifier. */
  @Transaction()
  @Returns('string')
  async VerifyMonitoringReport(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'monitoring.verify');
    const request = parseInput(verificationRequest, requestJson, 'request');
    const before = await this.#roundForCertifier(ctx, caller, request.externalId, request.round);
    const after = verifyRound(before, request.verifiedReductions, request.verificationReport, caller.stamp);
    await saveRound(ctx, after);
    return done(ctx, 'MonitoringReportVerified', after);
  }

  /** {externalId, round, reason} by an assigned certifier. */
  @Transaction()
  @Returns('string')
  async RejectMonitoringReport(ctx: Context, requestJson: string): Promise<string> {
    const caller = await authorise(ctx, 'monitoring.reject');
    const request = parseInput(roundRejectionRequest, requestJson, 'request');
    const before = await this.#roundForCertifier(ctx, caller, request.externalId, request.round);
    const after = rejectRound(before, request.reason, caller.stamp);
    await saveRound(ctx, after);
    return done(ctx, 'MonitoringReportRejected', after);
  }

  @Transaction(false)
  @Returns('string')
  async GetMonitoringRound(ctx: Context, externalId: string, round: string): Promise<string> {
    if (!/^[1-9]\d{0,5}$/.test(round)) {
      throw new RegistryError(ErrorCode.INVALID_ARGUMENT, 'round: a positive whole number', { round });
    }
    return JSON.stringify(await loadRound(ctx, externalId, Number(round)));
  }

  @Transaction(false)
  @Returns('string')
  async ListMonitoringRounds(ctx: Context, externalId: string): Promise<string> {
    await loadProgramme(ctx, externalId);
    return JSON.stringify(await programmeRounds(ctx, externalId));
  }

  async #roundForCertifier(
    ctx: Context,
    caller: AuthorisedCaller,
    externalId: string,
    round: number,
  ): Promise<MonitoringRound> {
    const programme = await loadProgramme(ctx, externalId);
    if (!isAssignedCertifier(programme, caller.organisation.companyId)) {
      forbid(`${caller.organisation.companyId} is not a certifier of programme ${externalId}`);
    }
    return loadRound(ctx, externalId, round);
  }
}

function done(ctx: Context, event: string, round: MonitoringRound): string {
  emitEvent(ctx, event, { externalId: round.externalId, round: round.round, state: round.state });
  return JSON.stringify(round);
}
