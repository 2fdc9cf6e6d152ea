// The composition root: builds every service from the configuration, the Express app on top,
// and starts listening (127.0.0.1 by default). `close()` stops everything it started.
import type { Server } from 'node:http';
import { loadNetworkProfile } from '@carbon-registry/fabric-client';
import { createApp } from './app.ts';
import type { GatewayConfig } from './config.ts';
import { Ledger } from './fabric/ledger.ts';
import { createLogger, type Logger } from './logging.ts';
import { allRoutes } from './routes/index.ts';
import type { Services } from './services.ts';
import { ensureDatabases, openCouch } from './store/couch.ts';
import { createAuthenticator } from './auth/authenticator.ts';
import { createReplicator } from './replica/create-replicator.ts';
import { ensureReplicaLayout } from './replica/replica-layout.ts';
import { ensureIndexes } from './replica/indexes.ts';

export interface RunningGateway {
  readonly url: string;
  readonly services: Services;
  close(): Promise<void>;
}

export async function startGateway(
  config: GatewayConfig,
  logger: Logger = createLogger(config.LOG_LEVEL),
): Promise<RunningGateway> {
  const profile = loadNetworkProfile(config.CARBON_NETWORK_HOME);
  const ledger = new Ledger(profile, config.SUBMIT_ATTEMPTS);
  const couch = openCouch(config.COUCHDB_URL, config.COUCHDB_DATABASE_PREFIX);
  await ensureDatabases(couch);
  await ensureReplicaLayout(couch, logger);
  // The public reads need the replica's indexes even when this gateway does not replicate itself.
  await ensureIndexes(couch.replica);
  const auth = await createAuthenticator({ config, couch, ledger, logger });
  const replicator = createReplicator({ config, ledger, couch, logger });
  const services: Services = {
    config,
    logger,
    ledger,
    couch,
    auth,
    people: auth.people,
    apiKeys: auth.apiKeys,
    replicator,
  };

  const app = createApp(services, allRoutes);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.GATEWAY_PORT, config.GATEWAY_HOST, () => {
      resolve(s);
    });
    s.once('error', reject);
  });
  const url = `http://${config.GATEWAY_HOST}:${String(config.GATEWAY_PORT)}`;
  logger.info({ url }, 'gateway API listening');
  if (config.REPLICATOR_ENABLED) replicator.start();

  return {
    url,
    services,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      });
      await replicator.stop();
      ledger.close();
    },
  };
}
