// The replica's documents have a layout: the fields the replicator writes and the read routes query. When a new
// version of the gateway changes it, a replica written by an older version would answer wrongly (missing fields,
// indexes over fields nobody writes), so it is dropped and replayed from block 0: the ledger holds everything.
import type { Logger } from '../logging.ts';
import { getOptional, type Couch } from '../store/couch.ts';
import { CHECKPOINT_ID, type CheckpointDocument } from './documents.ts';

/**
 * Raise by one whenever replica documents change shape. 2: transactions carry `position` and `endorsers`.
 */
export const REPLICA_LAYOUT = 2;

/** Drops the replica database when its checkpoint names another layout; answers whether it did. */
export async function ensureReplicaLayout(couch: Couch, logger: Logger): Promise<boolean> {
  const checkpoint = await getOptional<CheckpointDocument>(couch.replica, CHECKPOINT_ID);
  if (checkpoint === undefined || checkpoint.layout === REPLICA_LAYOUT) return false;
  logger.warn(
    { found: checkpoint.layout ?? 1, expected: REPLICA_LAYOUT, database: couch.names.replica },
    'the replica was written with another layout: dropping it to replay the ledger from block 0',
  );
  await couch.server.db.destroy(couch.names.replica);
  await couch.server.db.create(couch.names.replica);
  return true;
}
