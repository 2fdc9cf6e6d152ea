// The people who use the registry through this gateway: creating them (a Fabric identity from
// their organisation's CA, their on-chain registration, then their account — in that order, so a
// refusal by the ledger leaves no account), logging them in and out, and keeping their account in
// step with the ledger, which is authoritative for their role and state.
import { timingSafeEqual } from 'node:crypto';
import type { SigningIdentity } from '@carbon-registry/fabric-client';
import type { Committed, Ledger } from '../fabric/ledger.ts';
import { ApiError } from '../http/api-error.ts';
import type { Logger } from '../logging.ts';
import type { Actor, UserRole } from './actor.ts';
import { profileOf, type Account, type AccountProfile, type AccountState, type AccountStore } from './accounts.ts';
import type { EnrolledIdentity, Enroller, Membership } from './enrolment.ts';
import type { KeyVault } from './key-vault.ts';
import { afterFailedLogin, afterSuccessfulLogin, lockedUntil, type LockoutPolicy, type LoginGuard } from './lockout.ts';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords.ts';
import { InvalidRefreshTokenError, type RefreshTokens } from './refresh-tokens.ts';
import { SigningIdentityCache, signingIdentityOf } from './signing-identities.ts';
import type { AccessTokens } from './tokens.ts';

export interface NewPerson {
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

export interface Session {
  readonly tokenType: 'Bearer';
  readonly accessToken: string;
  readonly refreshToken: string;
  /** Seconds until the access token expires. */
  readonly expiresIn: number;
  readonly user: AccountProfile;
}

export interface Onboarded<T> {
  readonly committed: Committed<T>;
  readonly user: AccountProfile;
}

export interface PeopleDependencies {
  readonly ledger: Ledger;
  readonly enroller: Enroller;
  readonly vault: KeyVault;
  readonly accounts: AccountStore;
  readonly refreshTokens: RefreshTokens;
  readonly accessTokens: AccessTokens;
  readonly lockout: LockoutPolicy;
  /** The secret that allows bootstrapping the registry. */
  readonly bootstrapToken: string;
  readonly logger: Logger;
}

/** The on-chain user record, as far as the account follows it. */
interface LedgerUser {
  readonly role: UserRole;
  readonly state: AccountState;
}

const invalidCredentials = (): ApiError => new ApiError(401, 'INVALID_CREDENTIALS', 'wrong e-mail address or password');
const accountLocked = (until: Date): ApiError =>
  new ApiError(423, 'ACCOUNT_LOCKED', 'too many wrong passwords; try again later', { until: until.toISOString() });
export const accountSuspended = (): ApiError => new ApiError(403, 'ACCOUNT_SUSPENDED', 'this account is suspended');

function withGuard(account: Account, guard: LoginGuard): Account {
  const { failedLogins: _failed, lockedUntil: _until, ...rest } = account;
  return { ...rest, ...guard };
}

export function actorOf(account: AccountProfile, apiKey?: Actor['apiKey']): Actor {
  const { userId, companyId, mspId, role, email, name } = account;
  return { userId, companyId, mspId, role, email, name, ...(apiKey ? { apiKey } : {}) };
}

export class People {
  readonly #signing = new SigningIdentityCache();
  #governmentCompanyId: string | undefined;

  constructor(private readonly deps: PeopleDependencies) {}

  /**
   * Creates a person: enrols them, lets `register` put them on the ledger (signed by them or by an
   * Admin), and only then stores their account. Anything refused leaves no account behind.
   */
  async onboard<T>(
    person: NewPerson,
    membership: Membership,
    type: 'client' | 'admin',
    register: (enrolled: EnrolledIdentity, email: string) => Promise<Committed<T>>,
  ): Promise<Onboarded<T>> {
    const { accounts, enroller, vault, logger } = this.deps;
    const reservation = await accounts.reserveEmail(person.email);
    let committed: Committed<T> | undefined;
    try {
      const passwordHash = await hashPassword(person.password);
      const enrolled = await enroller.enrol(membership, type);
      committed = await register(enrolled, reservation.email);
      const now = new Date().toISOString();
      const account: Account = {
        docType: 'account',
        userId: enrolled.userId,
        email: reservation.email,
        name: person.name,
        ...membership,
        state: 'Active',
        passwordHash,
        enrollmentId: enrolled.enrollmentId,
        certificate: enrolled.certificate,
        sealedKey: vault.seal(enrolled.privateKeyPem, enrolled.userId),
        failedLogins: 0,
        created: now,
        updated: now,
      };
      await accounts.create(account, reservation);
      return { committed, user: profileOf(account) };
    } catch (err) {
      if (committed === undefined) await accounts.releaseEmail(reservation);
      else
        logger.error(
          { err, transactionId: committed.transactionId },
          'registered on the ledger, but the account could not be stored',
        );
      throw err;
    }
  }

  /** The signing identity of a person just enrolled, for the transaction that registers them. */
  static signingOf(mspId: string, enrolled: EnrolledIdentity): SigningIdentity {
    return signingIdentityOf(mspId, enrolled.certificate, enrolled.privateKeyPem);
  }

  async login(email: string, password: string, now: Date = new Date()): Promise<Session> {
    const account = await this.#checkPassword(email, password, now);
    const current = await this.#followLedger(account);
    if (current.state !== 'Active') throw accountSuspended();
    const cleared = current.failedLogins === 0 && current.lockedUntil === undefined;
    const fresh = cleared
      ? current
      : await this.deps.accounts.update(current.userId, (a) => withGuard(a, afterSuccessfulLogin()), now);
    return this.#session(fresh ?? current);
  }

  /** The account whose password this is; counts a wrong one towards the lockout. */
  async #checkPassword(email: string, password: string, now: Date): Promise<Account> {
    const { accounts, lockout } = this.deps;
    const account = await accounts.byEmail(email);
    if (!account) {
      await verifyAgainstDecoy(password);
      throw invalidCredentials();
    }
    const locked = lockedUntil(account, now);
    if (locked) throw accountLocked(locked);
    if (await verifyPassword(account.passwordHash, password)) return account;
    const after = await accounts.update(account.userId, (a) => withGuard(a, afterFailedLogin(a, now, lockout)), now);
    const until = after && lockedUntil(after, now);
    throw until ? accountLocked(until) : invalidCredentials();
  }

  /** A new access token for a refresh token, which is used up and replaced. */
  async refresh(refreshToken: string): Promise<Session> {
    const { refreshTokens, accounts } = this.deps;
    let rotated: { userId: string; token: string };
    try {
      rotated = await refreshTokens.rotate(refreshToken);
    } catch (err) {
      if (err instanceof InvalidRefreshTokenError) throw new ApiError(401, 'INVALID_REFRESH_TOKEN', err.message);
      throw err;
    }
    const account = await accounts.byUserId(rotated.userId);
    if (account?.state !== 'Active') {
      await refreshTokens.revokeAllOf(rotated.userId);
      throw account ? accountSuspended() : new ApiError(401, 'INVALID_REFRESH_TOKEN', 'the account no longer exists');
    }
    return {
      tokenType: 'Bearer',
      accessToken: await this.#accessToken(account),
      refreshToken: rotated.token,
      expiresIn: this.deps.accessTokens.ttlSeconds,
      user: profileOf(account),
    };
  }

  logout(refreshToken: string): Promise<void> {
    return this.deps.refreshTokens.revoke(refreshToken);
  }

  account(userId: string): Promise<Account | undefined> {
    return this.deps.accounts.byUserId(userId);
  }

  /** The person's own Fabric identity; a certificate due for re-enrolment is renewed first. */
  async signingIdentity(userId: string): Promise<SigningIdentity> {
    let account = await this.deps.accounts.byUserId(userId);
    if (!account) throw new ApiError(401, 'UNAUTHENTICATED', 'this account no longer exists');
    if (account.reenrolmentDue) account = await this.#reenrol(account);
    const { mspId, certificate, sealedKey } = account;
    return this.#signing.get(userId, certificate, () =>
      signingIdentityOf(mspId, certificate, this.deps.vault.open(sealedKey, userId)),
    );
  }

  /**
   * After the ledger changed a person's role: the account follows, and the person gets a
   * certificate whose carbon.role says the new role (the chaincode refuses a disagreeing one). If
   * the CA cannot be reached now, the account remembers and the next signature retries.
   */
  async roleChanged(userId: string, role: UserRole): Promise<void> {
    const account = await this.deps.accounts.update(userId, (a) =>
      a.role === role && a.reenrolmentDue === undefined ? undefined : { ...a, role, reenrolmentDue: true },
    );
    if (!account?.reenrolmentDue) return;
    try {
      await this.#reenrol(account);
    } catch (err) {
      this.deps.logger.warn({ err, userId }, 're-enrolment after a role change failed; retried at the next signature');
    }
  }

  /** After the ledger suspended or reactivated a person; a suspension also ends their sessions. */
  async stateChanged(userId: string, state: AccountState): Promise<void> {
    await this.deps.accounts.update(userId, (a) => (a.state === state ? undefined : { ...a, state }));
    if (state === 'Suspended') {
      this.#signing.forget(userId);
      await this.deps.refreshTokens.revokeAllOf(userId);
    }
  }

  /** Whether `given` is this registry's bootstrap token (compared in constant time). */
  isBootstrapToken(given: string): boolean {
    const left = Buffer.from(given, 'utf8');
    const right = Buffer.from(this.deps.bootstrapToken, 'utf8');
    return left.length === right.length && timingSafeEqual(left, right);
  }

  /** Whether the actor belongs to the government organisation. */
  async isGovernment(actor: Actor): Promise<boolean> {
    return actor.companyId === (await this.governmentCompanyId());
  }

  /** The government organisation's company id (the registry's record), once it is bootstrapped. */
  async governmentCompanyId(): Promise<string> {
    if (this.#governmentCompanyId === undefined) {
      const { ledger } = this.deps;
      const registry = await ledger.evaluate<{ governmentCompanyId: string }>(
        ledger.serviceIdentity(),
        'organisation:GetRegistry',
      );
      this.#governmentCompanyId = registry.governmentCompanyId;
    }
    return this.#governmentCompanyId;
  }

  async #session(account: Account): Promise<Session> {
    return {
      tokenType: 'Bearer',
      accessToken: await this.#accessToken(account),
      refreshToken: await this.deps.refreshTokens.issue(account.userId),
      expiresIn: this.deps.accessTokens.ttlSeconds,
      user: profileOf(account),
    };
  }

  #accessToken(account: Account): Promise<string> {
    const { userId, companyId, mspId, role, email } = account;
    return this.deps.accessTokens.issue({ sub: userId, companyId, mspId, role, email });
  }

  /** Reads the person's record on the ledger as them, and brings the account's role and state in line. */
  async #followLedger(account: Account): Promise<Account> {
    let user: LedgerUser;
    try {
      user = await this.deps.ledger.evaluate<LedgerUser>(await this.signingIdentity(account.userId), 'user:WhoAmI');
    } catch (err) {
      this.deps.logger.warn(
        { err, userId: account.userId },
        'could not read the user record at log-in; using the account as stored',
      );
      return account;
    }
    if (user.state !== account.state) await this.stateChanged(account.userId, user.state);
    if (user.role !== account.role) await this.roleChanged(account.userId, user.role);
    return (await this.deps.accounts.byUserId(account.userId)) ?? account;
  }

  async #reenrol(account: Account): Promise<Account> {
    const { enroller, accounts, vault } = this.deps;
    const { userId, mspId, companyId, role } = account;
    const enrolled = await enroller.reenrol(account.enrollmentId, { mspId, companyId, role }, false);
    if (enrolled.userId !== userId) {
      throw new ApiError(502, 'ENROLMENT_FAILED', 'the CA issued a certificate for another subject', { userId });
    }
    const sealedKey = vault.seal(enrolled.privateKeyPem, userId);
    const updated = await accounts.update(userId, (a) => {
      const { reenrolmentDue: _due, ...rest } = a;
      // A role changed again meanwhile keeps the account due for another certificate.
      return a.role === role ? { ...rest, certificate: enrolled.certificate, sealedKey } : undefined;
    });
    this.#signing.forget(userId);
    return updated ?? account;
  }
}
