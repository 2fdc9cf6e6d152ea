// GET /health: whether the gateway can reach the peer and CouchDB, and how far the replica lags
// behind the peer's chain. 503 when either dependency is unreachable, so a load balancer or
// orchestrator takes the gateway out of service.
import type { Request, Response } from 'express';
import type { Services } from '../services.ts';
import { peerChainHeight } from './chain-height.ts';
import { CouchReplicaStore } from './replica-store.ts';

export interface HealthReport {
  readonly status: 'ok' | 'degraded';
  readonly peerHeight: number | null;
  readonly replicatedHeight: number | null;
  readonly lag: number | null;
  readonly couchdb: 'ok' | 'unreachable';
  readonly replicator: { readonly enabled: boolean; readonly running: boolean; readonly lastError?: string };
}

export interface HealthInputs {
  readonly peerHeight: number | null;
  readonly replicatedHeight: number | null;
  readonly couchdbReachable: boolean;
  readonly replicator: HealthReport['replicator'];
}

/** The report and its HTTP status from what was measured (null = could not be read). */
export function healthReport(inputs: HealthInputs): { httpStatus: number; report: HealthReport } {
  const { peerHeight, replicatedHeight } = inputs;
  const reachable = peerHeight !== null && inputs.couchdbReachable;
  const lag = peerHeight !== null && replicatedHeight !== null ? Math.max(0, peerHeight - replicatedHeight) : null;
  return {
    httpStatus: reachable ? 200 : 503,
    report: {
      status: reachable ? 'ok' : 'degraded',
      peerHeight,
      replicatedHeight,
      lag,
      couchdb: inputs.couchdbReachable ? 'ok' : 'unreachable',
      replicator: inputs.replicator,
    },
  };
}

async function probe<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch {
    return null;
  }
}

/** The replicated height: a running replicator knows it; otherwise the stored checkpoint says it. */
async function replicatedHeight(services: Services): Promise<number | null> {
  const status = services.replicator?.status();
  // 0 while running: it has not read its checkpoint yet (or the replica is new, which reads the same).
  if (status?.running && status.replicatedHeight > 0) return status.replicatedHeight;
  const checkpoint = await probe(() => new CouchReplicaStore(services.couch.replica).readCheckpoint());
  return checkpoint ? checkpoint.blockNumber + 1 : null;
}

function replicatorState(services: Services): HealthReport['replicator'] {
  const status = services.replicator?.status();
  return {
    enabled: services.config.REPLICATOR_ENABLED,
    running: status?.running ?? false,
    ...(status?.lastError === undefined ? {} : { lastError: status.lastError }),
  };
}

export async function measureHealth(services: Services): Promise<{ httpStatus: number; report: HealthReport }> {
  const [peerHeight, couchInfo, replicated] = await Promise.all([
    probe(() => peerChainHeight(services.ledger, services.config.REPLICATOR_MSP_ID)),
    probe(() => services.couch.replica.info()),
    replicatedHeight(services),
  ]);
  return healthReport({
    peerHeight,
    replicatedHeight: replicated,
    couchdbReachable: couchInfo !== null,
    replicator: replicatorState(services),
  });
}

export function healthHandler(services: Services) {
  return async (_req: Request, res: Response): Promise<void> => {
    const { httpStatus, report } = await measureHealth(services);
    res.status(httpStatus).json(report);
  };
}
