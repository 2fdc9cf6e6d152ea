// Short-lived access tokens: JWTs signed with HS256 by this gateway and checked only by it. The
// signing secret comes from GATEWAY_TOKEN_SECRET or from <dataDir>/token-signing.key (created
// 0600 at first start), so tokens survive a restart of the gateway.
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { UserRole } from './actor.ts';
import { readOrCreateSecretFile } from './secret-files.ts';

const ISSUER = 'carbon-registry-gateway';
const AUDIENCE = 'carbon-registry-api';
const ROLES: readonly string[] = ['Admin', 'Manager', 'ViewOnly'];

export interface AccessClaims {
  /** The on-chain user id. */
  readonly sub: string;
  readonly companyId: string;
  readonly mspId: string;
  readonly role: UserRole;
  readonly email: string;
}

export class InvalidTokenError extends Error {
  constructor(readonly reason: 'expired' | 'invalid') {
    super(reason === 'expired' ? 'the access token has expired' : 'the access token is not valid');
    this.name = 'InvalidTokenError';
  }
}

export function loadTokenSecret(dataDir: string, secretFromEnvironment?: string): Uint8Array {
  const secret =
    secretFromEnvironment ??
    readOrCreateSecretFile(join(dataDir, 'token-signing.key'), () => randomBytes(48).toString('base64url'));
  if (secret.length < 32) throw new Error('the token signing secret must have at least 32 characters');
  return new TextEncoder().encode(secret);
}

function claimsOf(payload: Record<string, unknown>): AccessClaims {
  const { sub, companyId, mspId, role, email } = payload;
  if (
    typeof sub !== 'string' ||
    typeof companyId !== 'string' ||
    typeof mspId !== 'string' ||
    typeof email !== 'string' ||
    typeof role !== 'string' ||
    !ROLES.includes(role)
  ) {
    throw new InvalidTokenError('invalid');
  }
  return { sub, companyId, mspId, role: role as UserRole, email };
}

export class AccessTokens {
  constructor(
    private readonly secret: Uint8Array,
    readonly ttlSeconds: number,
  ) {}

  issue(claims: AccessClaims, now: Date = new Date()): Promise<string> {
    const { sub, ...rest } = claims;
    const issuedAt = Math.floor(now.getTime() / 1000);
    return new SignJWT({ ...rest })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setJti(randomUUID())
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + this.ttlSeconds)
      .sign(this.secret);
  }

  async verify(token: string, now: Date = new Date()): Promise<AccessClaims> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: now,
      });
      return claimsOf(payload);
    } catch (err) {
      if (err instanceof InvalidTokenError) throw err;
      throw new InvalidTokenError(err instanceof errors.JWTExpired ? 'expired' : 'invalid');
    }
  }
}
