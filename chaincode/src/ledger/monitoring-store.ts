// Reads and writes monitoring rounds, keyed [externalId, round] so a programme's rounds read in order.
import type { Context } from 'fabric-contract-api';
import type { MonitoringRound } from '../domain/monitoring';
import { KeyPrefix, pad } from './keys';
import { readAllRecords, readExisting, stateKey, writeRecord } from './transaction';

export const roundKey = (ctx: Context, externalId: string, round: number): string =>
  stateKey(ctx, KeyPrefix.MONITORING_ROUND, externalId, pad(round, 6));

export function loadRound(ctx: Context, externalId: string, round: number): Promise<MonitoringRound> {
  return readExisting<MonitoringRound>(
    ctx,
    roundKey(ctx, externalId, round),
    'monitoring round',
    `${externalId}#${String(round)}`,
  );
}

export function saveRound(ctx: Context, round: MonitoringRound): Promise<void> {
  return writeRecord(ctx, roundKey(ctx, round.externalId, round.round), round);
}

/** Every round of a programme, in order (a programme has tens of rounds, not thousands). */
export async function programmeRounds(ctx: Context, externalId: string): Promise<MonitoringRound[]> {
  return readAllRecords<MonitoringRound>(
    await ctx.stub.getStateByPartialCompositeKey(KeyPrefix.MONITORING_ROUND, [externalId]),
  );
}
