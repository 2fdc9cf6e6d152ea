// Who is calling, from the request's credential: a person's access token (Authorization: Bearer)
// or an API key (X-API-Key) acting for the Admin who created it. The account is read on every
// request, so a suspension or a role change applies to tokens already handed out.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { SigningIdentity } from '@carbon-registry/fabric-client';
import type { Request } from 'express';
import type { GatewayConfig } from '../config.ts';
import type { Ledger } from '../fabric/ledger.ts';
import { ApiError } from '../http/api-error.ts';
import type { Access } from '../http/route.ts';
import type { Logger } from '../logging.ts';
import type { Couch } from '../store/couch.ts';
import { AccountStore } from './accounts.ts';
import type { Actor, Authenticator } from './actor.ts';
import { ApiKeys } from './api-keys.ts';
import { Enroller } from './enrolment.ts';
import { KeyVault } from './key-vault.ts';
import { accountSuspended, actorOf, People } from './people.ts';
import { RefreshTokens } from './refresh-tokens.ts';
import { readOrCreateSecretFile } from './secret-files.ts';
import { AccessTokens, InvalidTokenError, loadTokenSecret } from './tokens.ts';

export interface AuthenticatorDependencies {
  readonly config: GatewayConfig;
  readonly couch: Couch;
  readonly ledger: Ledger;
  readonly logger: Logger;
}

/** The authenticator, and the account services the routes use. */
export interface GatewayAuth extends Authenticator {
  readonly people: People;
  readonly apiKeys: ApiKeys;
}

const unauthenticated = (message: string, details: Record<string, unknown> = {}): ApiError =>
  new ApiError(401, 'UNAUTHENTICATED', message, details);

function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('the Authorization header must be "Bearer <access token>"');
  return match[1];
}

function apiKeyHeader(req: Request): string | undefined {
  const header = req.headers['x-api-key'];
  return typeof header === 'string' && header !== '' ? header : undefined;
}

export class CredentialAuthenticator implements GatewayAuth {
  constructor(
    readonly people: People,
    readonly apiKeys: ApiKeys,
    private readonly accessTokens: AccessTokens,
  ) {}

  async authenticate(req: Request, access: Access): Promise<Actor | undefined> {
    try {
      return await this.#authenticate(req, access);
    } catch (err) {
      // A public route serves anyone: a bad credential there only means no actor.
      if (access === 'public' && err instanceof ApiError && (err.status === 401 || err.status === 403))
        return undefined;
      throw err;
    }
  }

  async signingIdentity(actor: Actor): Promise<SigningIdentity> {
    return this.people.signingIdentity(actor.userId);
  }

  async #authenticate(req: Request, access: Access): Promise<Actor | undefined> {
    const token = bearerToken(req);
    if (token !== undefined) return this.#byAccessToken(token);
    const apiKey = apiKeyHeader(req);
    if (apiKey !== undefined) {
      if (access === 'user')
        throw new ApiError(403, 'FORBIDDEN', 'this operation needs a signed-in person, not an API key');
      return this.#byApiKey(apiKey);
    }
    if (access === 'public') return undefined;
    throw unauthenticated(
      access === 'user'
        ? 'sign in and send "Authorization: Bearer <access token>"'
        : 'send an access token or an X-API-Key',
    );
  }

  async #byAccessToken(token: string): Promise<Actor> {
    let userId: string;
    try {
      userId = (await this.accessTokens.verify(token)).sub;
    } catch (err) {
      if (err instanceof InvalidTokenError) throw unauthenticated(err.message, { reason: err.reason });
      throw err;
    }
    const account = await this.people.account(userId);
    if (!account) throw unauthenticated('this account no longer exists');
    if (account.state !== 'Active') throw accountSuspended();
    return actorOf(account);
  }

  async #byApiKey(apiKey: string): Promise<Actor> {
    const key = await this.apiKeys.verify(apiKey);
    if (!key) throw unauthenticated('the API key is unknown or revoked');
    const owner = await this.people.account(key.ownerUserId);
    // The key acts as its owner only while they are an Active member of the key's organisation.
    if (owner?.state !== 'Active' || owner.companyId !== key.companyId) {
      throw new ApiError(403, 'FORBIDDEN', 'the person this API key acts for is no longer active in its organisation');
    }
    return actorOf(owner, {
      keyId: key.keyId,
      ...(key.programmeId === undefined ? {} : { programmeId: key.programmeId }),
    });
  }
}

export async function createAuthenticator({
  config,
  couch,
  ledger,
  logger,
}: AuthenticatorDependencies): Promise<GatewayAuth> {
  const dataDir = config.GATEWAY_DATA_DIR;
  const accessTokens = new AccessTokens(
    loadTokenSecret(dataDir, config.GATEWAY_TOKEN_SECRET),
    config.ACCESS_TOKEN_TTL_SECONDS,
  );
  const refreshTokens = new RefreshTokens(couch.accounts, config.REFRESH_TOKEN_TTL_SECONDS);
  const apiKeys = new ApiKeys(couch.accounts);
  await refreshTokens.ensureIndexes();
  await apiKeys.ensureIndexes();
  const bootstrapToken =
    config.GATEWAY_BOOTSTRAP_TOKEN ??
    readOrCreateSecretFile(join(dataDir, 'bootstrap.token'), () => randomBytes(24).toString('base64url'));
  const people = new People({
    ledger,
    enroller: new Enroller(ledger.profile),
    vault: KeyVault.open(dataDir, config.GATEWAY_KEY_ENCRYPTION_KEY),
    accounts: new AccountStore(couch.accounts),
    refreshTokens,
    accessTokens,
    lockout: { maxFailures: config.LOGIN_MAX_FAILURES, lockoutSeconds: config.LOGIN_LOCKOUT_SECONDS },
    bootstrapToken,
    logger,
  });
  return new CredentialAuthenticator(people, apiKeys, accessTokens);
}
