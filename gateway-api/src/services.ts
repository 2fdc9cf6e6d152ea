// Everything a route handler may use, built once by the composition root (gateway.ts).
import type { Authenticator } from './auth/actor.ts';
import type { ApiKeys } from './auth/api-keys.ts';
import type { People } from './auth/people.ts';
import type { GatewayConfig } from './config.ts';
import type { Ledger } from './fabric/ledger.ts';
import type { Logger } from './logging.ts';
import type { Replicator } from './replica/replicator.ts';
import type { Couch } from './store/couch.ts';

export interface Services {
  readonly config: GatewayConfig;
  readonly logger: Logger;
  readonly ledger: Ledger;
  readonly couch: Couch;
  readonly auth: Authenticator;
  /** People's accounts: creation with their Fabric identity, log-in, sessions (absent in route-only test rigs). */
  readonly people?: People;
  /** API keys of MRV systems and integrations (absent in route-only test rigs). */
  readonly apiKeys?: ApiKeys;
  /** Follows committed blocks into the replica (started only when REPLICATOR_ENABLED). */
  readonly replicator?: Replicator;
}
