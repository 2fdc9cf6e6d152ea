// People and the authenticator over an in-memory accounts database, a ledger that answers
// user:WhoAmI from a table and an enroller that hands out generated keys: the account logic
// without a network.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Ledger } from '../../src/fabric/ledger.ts';
import { AccountStore, type Account } from '../../src/auth/accounts.ts';
import type { UserRole } from '../../src/auth/actor.ts';
import { ApiKeys } from '../../src/auth/api-keys.ts';
import { CredentialAuthenticator } from '../../src/auth/authenticator.ts';
import type { EnrolledIdentity, Enroller, Membership } from '../../src/auth/enrolment.ts';
import { KeyVault } from '../../src/auth/key-vault.ts';
import { hashPassword } from '../../src/auth/passwords.ts';
import { People } from '../../src/auth/people.ts';
import { RefreshTokens } from '../../src/auth/refresh-tokens.ts';
import { AccessTokens } from '../../src/auth/tokens.ts';
import { createLogger } from '../../src/logging.ts';
import { MemoryDb } from './memory-db.ts';

export const PASSWORD = 'a long enough password';

export interface LedgerUser {
  role: UserRole;
  state: 'Active' | 'Suspended';
}

export class FakeLedger {
  readonly users = new Map<string, LedgerUser>();
  readonly calls: string[] = [];
  unavailable = false;

  evaluate(who: { identity: { credentials: Uint8Array } }, transaction: string): Promise<unknown> {
    this.calls.push(transaction);
    if (this.unavailable) return Promise.reject(new Error('peer unavailable'));
    // The fake certificate is the user id: whoever signs is who WhoAmI answers for.
    const user = this.users.get(Buffer.from(who.identity.credentials).toString('utf8'));
    return user ? Promise.resolve({ ...user }) : Promise.reject(new Error('no such user'));
  }

  serviceIdentity(): unknown {
    return { identity: { credentials: Buffer.from('service') } };
  }
}

export class FakeEnroller {
  readonly reenrolments: Membership[] = [];

  enrol(membership: Membership): Promise<EnrolledIdentity> {
    const userId = randomBytes(32).toString('hex');
    return Promise.resolve({
      enrollmentId: `${membership.companyId}-x`,
      certificate: userId,
      privateKeyPem: newKeyPem(),
      userId,
    });
  }

  reenrol(enrollmentId: string, membership: Membership): Promise<EnrolledIdentity> {
    this.reenrolments.push(membership);
    const userId = enrollmentId.split(':')[1] ?? '';
    return Promise.resolve({ enrollmentId, certificate: userId, privateKeyPem: newKeyPem(), userId });
  }
}

export function newKeyPem(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({
    format: 'pem',
    type: 'pkcs8',
  }) as string;
}

export interface Fixture {
  readonly db: MemoryDb;
  readonly ledger: FakeLedger;
  readonly enroller: FakeEnroller;
  readonly accounts: AccountStore;
  readonly refreshTokens: RefreshTokens;
  readonly apiKeys: ApiKeys;
  readonly accessTokens: AccessTokens;
  readonly people: People;
  readonly authenticator: CredentialAuthenticator;
  readonly vault: KeyVault;
  /** Stores an account directly (as if created earlier) and puts the user on the fake ledger. */
  addAccount(email: string, fields?: Partial<Account>): Promise<Account>;
}

export function fixture(maxFailures = 3): Fixture {
  const db = new MemoryDb();
  const ledger = new FakeLedger();
  const enroller = new FakeEnroller();
  const vault = new KeyVault(randomBytes(32));
  const accounts = new AccountStore(db.asScope());
  const refreshTokens = new RefreshTokens(db.asScope(), 3600);
  const apiKeys = new ApiKeys(db.asScope());
  const accessTokens = new AccessTokens(randomBytes(32), 900);
  const people = new People({
    ledger: ledger as unknown as Ledger,
    enroller: enroller as unknown as Enroller,
    vault,
    accounts,
    refreshTokens,
    accessTokens,
    lockout: { maxFailures, lockoutSeconds: 600 },
    bootstrapToken: 'bootstrap-token-of-this-registry',
    logger: createLogger('silent'),
  });
  const authenticator = new CredentialAuthenticator(people, apiKeys, accessTokens);
  const passwordHash = hashPassword(PASSWORD);
  const addAccount = async (email: string, fields: Partial<Account> = {}): Promise<Account> => {
    const userId = fields.userId ?? randomBytes(32).toString('hex');
    const now = new Date().toISOString();
    const account: Account = {
      docType: 'account',
      userId,
      email,
      name: 'Pat',
      companyId: 'DEV-1',
      mspId: 'DeveloperMSP',
      role: 'Admin',
      state: 'Active',
      passwordHash: await passwordHash,
      enrollmentId: `enrolment:${userId}`,
      certificate: userId,
      sealedKey: vault.seal(newKeyPem(), userId),
      failedLogins: 0,
      created: now,
      updated: now,
      ...fields,
    };
    await accounts.create(account, await accounts.reserveEmail(email));
    ledger.users.set(userId, { role: account.role, state: account.state });
    return account;
  };
  return {
    db,
    ledger,
    enroller,
    accounts,
    refreshTokens,
    apiKeys,
    accessTokens,
    people,
    authenticator,
    vault,
    addAccount,
  };
}

/** The ApiError-like status and code of a rejection. */
export async function refusal(
  promise: Promise<unknown>,
): Promise<{ status: number; code: string; details: Record<string, unknown> }> {
  try {
    await promise;
  } catch (err) {
    return err as { status: number; code: string; details: Record<string, unknown> };
  }
  throw new Error('expected a refusal');
}
