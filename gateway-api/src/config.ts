// The gateway's whole configuration, read from the environment once and validated at start:
// a bad value stops the process with one line per problem instead of failing on first use.
import { join } from 'node:path';
import { z } from 'zod';
import { defaultNetworkHome, REPO_ROOT } from '@carbon-registry/fabric-client';

const port = z.coerce.number().int().min(1).max(65535);
const positive = z.coerce.number().int().min(1);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const size = z.string().regex(/^\d+(b|kb|mb)$/, 'a size such as 256kb or 25mb');

// Built when the configuration is read, not when this module loads: CARBON_PORT_OFFSET may be set
// by then (the test suite sets it before starting its gateway).
const environmentSchema = (portOffset: number) =>
  z.object({
    GATEWAY_HOST: z.string().default('127.0.0.1'),
    GATEWAY_PORT: port.default(3000 + portOffset),
    CARBON_NETWORK_HOME: z.string().default(defaultNetworkHome()),
    COUCHDB_URL: z.url({ protocol: /^https?$/ }).default(`http://127.0.0.1:${String(5984 + portOffset)}`),
    /** Prefix of every database the gateway creates, so several gateways can share one CouchDB. */
    COUCHDB_DATABASE_PREFIX: z
      .string()
      .regex(/^[a-z][a-z0-9_-]*$/, 'lower-case letters, digits, _ and -, starting with a letter')
      .default('carbon'),
    /**
     * Where people and other registries reach the gateway (scheme, host, port, any path prefix of a proxy): the
     * address of an uploaded document, recorded on the ledger, starts with it. http://GATEWAY_HOST:GATEWAY_PORT when unset.
     */
    GATEWAY_PUBLIC_URL: z
      .url({ protocol: /^https?$/ })
      .transform((v) => v.replace(/\/+$/, ''))
      .optional(),
    GATEWAY_DATA_DIR: z.string().default(join(REPO_ROOT, 'gateway-api', '.data')),
    /** 32 bytes, base64: encrypts users' private keys. Read from GATEWAY_DATA_DIR/key-encryption.key when unset. */
    GATEWAY_KEY_ENCRYPTION_KEY: z
      .string()
      .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded')
      .optional(),
    /** Secret for signing access tokens (at least 32 characters). Read from GATEWAY_DATA_DIR/token-signing.key when unset. */
    GATEWAY_TOKEN_SECRET: z.string().min(32, 'at least 32 characters').optional(),
    /** Must be sent as X-Bootstrap-Token to bootstrap the registry. Read from GATEWAY_DATA_DIR/bootstrap.token when unset. */
    GATEWAY_BOOTSTRAP_TOKEN: z.string().min(24, 'at least 24 characters').optional(),
    ACCESS_TOKEN_TTL_SECONDS: positive.default(900),
    REFRESH_TOKEN_TTL_SECONDS: positive.default(7 * 24 * 3600),
    LOGIN_MAX_FAILURES: positive.default(5),
    LOGIN_LOCKOUT_SECONDS: positive.default(900),
    RATE_LIMIT_LOGIN_PER_MINUTE: positive.default(30),
    RATE_LIMIT_PUBLIC_PER_MINUTE: positive.default(1200),
    REQUEST_BODY_LIMIT: size.default('256kb'),
    /** The largest document file accepted by POST /documents (stored under GATEWAY_DATA_DIR/documents). */
    DOCUMENT_SIZE_LIMIT: size.default('25mb'),
    SUBMIT_ATTEMPTS: positive.max(10).default(4),
    REPLICATOR_ENABLED: flag.default(true),
    /** Whose peer the replicator follows (an MSP id of network.json); the first organisation's by default. */
    REPLICATOR_MSP_ID: z.string().min(1).optional(),
    /** Longest wait between the replicator's attempts to resume after an error. */
    REPLICATOR_RETRY_MAX_MS: positive.default(15_000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  });

export type GatewayConfig = z.infer<ReturnType<typeof environmentSchema>>;

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`invalid gateway configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Reads and validates the configuration; `overrides` (tests) take precedence over the environment. */
export function loadConfig(overrides: Readonly<Record<string, string>> = {}): GatewayConfig {
  const environment = { ...process.env, ...overrides };
  const parsed = environmentSchema(Number(environment.CARBON_PORT_OFFSET ?? '0')).safeParse(environment);
  if (!parsed.success) {
    throw new ConfigurationError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}
