// The gateway's accounts (database <prefix>_accounts, never public): one per person who logs in
// here, with their password hash, their Fabric certificate and sealed private key, and their
// log-in guard. An e-mail address belongs to one account: a claim document per address, whose
// unique id makes two people racing for the same address impossible.
import type { DocumentScope } from 'nano';
import { ApiError } from '../http/api-error.ts';
import { getOptional, isConflict } from '../store/couch.ts';
import type { UserRole } from './actor.ts';
import type { SealedSecret } from './key-vault.ts';
import type { LoginGuard } from './lockout.ts';

export type AccountState = 'Active' | 'Suspended';

/** What anyone allowed to see a person may see. */
export interface AccountProfile {
  readonly userId: string;
  readonly email: string;
  readonly name: string;
  readonly companyId: string;
  readonly mspId: string;
  readonly role: UserRole;
  readonly state: AccountState;
}

export interface Account extends AccountProfile, LoginGuard {
  readonly docType: 'account';
  readonly passwordHash: string;
  /** The person's enrolment id at their organisation's Fabric CA. */
  readonly enrollmentId: string;
  readonly certificate: string;
  readonly sealedKey: SealedSecret;
  /** Set when the ledger's role changed but a certificate with the new role could not be enrolled yet. */
  readonly reenrolmentDue?: true;
  readonly created: string;
  readonly updated: string;
}

interface EmailClaim {
  readonly docType: 'emailClaim';
  readonly email: string;
  readonly userId?: string;
  readonly reservedAt: string;
}

/** An e-mail address held for an account being created. */
export interface EmailReservation {
  readonly email: string;
  readonly rev: string;
}

/** A reservation left by a request that died half-way is given up after this long. */
const RESERVATION_MS = 10 * 60_000;
const UPDATE_ATTEMPTS = 5;

export const normaliseEmail = (email: string): string => email.trim().toLowerCase();
const accountId = (userId: string): string => `account:${userId}`;
const claimId = (email: string): string => `email:${normaliseEmail(email)}`;

export function profileOf(account: AccountProfile): AccountProfile {
  const { userId, email, name, companyId, mspId, role, state } = account;
  return { userId, email, name, companyId, mspId, role, state };
}

type Db = DocumentScope<Record<string, unknown>>;

/** A reservation whose request died half-way, which the address's next claimant may take over. */
function isAbandoned(claim: EmailClaim, now: Date): boolean {
  return claim.userId === undefined && Date.parse(claim.reservedAt) + RESERVATION_MS < now.getTime();
}

const emailTaken = (email: string): ApiError =>
  new ApiError(409, 'EMAIL_TAKEN', 'an account with this e-mail address exists already', { email });

export class AccountStore {
  constructor(private readonly db: Db) {}

  /** Holds the address for an account about to be created; 409 EMAIL_TAKEN when it is someone's. */
  async reserveEmail(email: string, now: Date = new Date()): Promise<EmailReservation> {
    const normalised = normaliseEmail(email);
    const claim: EmailClaim = { docType: 'emailClaim', email: normalised, reservedAt: now.toISOString() };
    try {
      const { rev } = await this.db.insert({ _id: claimId(normalised), ...claim });
      return { email: normalised, rev };
    } catch (err) {
      if (!isConflict(err)) throw err;
    }
    const existing = await getOptional<EmailClaim>(this.db, claimId(normalised));
    if (!existing || !isAbandoned(existing, now)) throw emailTaken(normalised);
    try {
      const { rev } = await this.db.insert({ _id: claimId(normalised), _rev: existing._rev, ...claim });
      return { email: normalised, rev };
    } catch (err) {
      if (isConflict(err)) throw emailTaken(normalised);
      throw err;
    }
  }

  /** Gives the address back after a failed creation. */
  async releaseEmail(reservation: EmailReservation): Promise<void> {
    try {
      await this.db.destroy(claimId(reservation.email), reservation.rev);
    } catch (err) {
      if (!isConflict(err) && (err as { statusCode?: number }).statusCode !== 404) throw err;
    }
  }

  /** Stores a new account under its reserved address. */
  async create(account: Account, reservation: EmailReservation): Promise<void> {
    if (normaliseEmail(account.email) !== reservation.email) throw new Error('the account is not the reservation’s');
    await this.db.insert({ _id: accountId(account.userId), ...account });
    const claim: EmailClaim = {
      docType: 'emailClaim',
      email: reservation.email,
      userId: account.userId,
      reservedAt: account.created,
    };
    await this.db.insert({ _id: claimId(reservation.email), _rev: reservation.rev, ...claim });
  }

  async byUserId(userId: string): Promise<Account | undefined> {
    const doc = await getOptional<Account>(this.db, accountId(userId));
    return doc ? withoutCouchFields(doc) : undefined;
  }

  async byEmail(email: string): Promise<Account | undefined> {
    const claim = await getOptional<EmailClaim>(this.db, claimId(email));
    return claim?.userId === undefined ? undefined : this.byUserId(claim.userId);
  }

  /**
   * Applies `change` to the stored account, again on a concurrent update; `change` answers
   * undefined to leave it as it is. Returns the account as stored afterwards.
   */
  async update(
    userId: string,
    change: (account: Account) => Account | undefined,
    now: Date = new Date(),
  ): Promise<Account | undefined> {
    for (let attempt = 1; ; attempt++) {
      const doc = await getOptional<Account>(this.db, accountId(userId));
      if (!doc) return undefined;
      const current = withoutCouchFields(doc);
      const next = change(current);
      if (next === undefined) return current;
      const updated: Account = { ...next, updated: now.toISOString() };
      try {
        await this.db.insert({ _id: accountId(userId), _rev: doc._rev, ...updated });
        return updated;
      } catch (err) {
        if (!isConflict(err) || attempt >= UPDATE_ATTEMPTS) throw err;
      }
    }
  }
}

function withoutCouchFields<T extends object>(doc: T & { _id?: string; _rev?: string }): T {
  const { _id, _rev, ...rest } = doc;
  return rest as T;
}
