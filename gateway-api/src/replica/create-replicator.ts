// Builds the gateway's replicator from its configuration: follows the configured organisation's
// peer into the `<prefix>_replica` database, creating the Mango indexes before the first block.
import type { GatewayConfig } from '../config.ts';
import type { Ledger } from '../fabric/ledger.ts';
import type { Logger } from '../logging.ts';
import type { Couch } from '../store/couch.ts';
import { ensureIndexes } from './indexes.ts';
import { CouchReplicaStore } from './replica-store.ts';
import { Replicator } from './replicator.ts';

export interface ReplicatorDependencies {
  readonly config: GatewayConfig;
  readonly ledger: Ledger;
  readonly couch: Couch;
  readonly logger: Logger;
}

export function createReplicator({ config, ledger, couch, logger }: ReplicatorDependencies): Replicator {
  return new Replicator({
    ledger,
    store: new CouchReplicaStore(couch.replica),
    logger: logger.child({ component: 'replicator' }),
    mspId: config.REPLICATOR_MSP_ID,
    prepare: () => ensureIndexes(couch.replica),
    retryMaxMs: config.REPLICATOR_RETRY_MAX_MS,
  });
}
