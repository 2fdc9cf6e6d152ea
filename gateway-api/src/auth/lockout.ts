// Log-in lockout: after `maxFailures` wrong passwords in a row an account is locked for
// `lockoutSeconds`; a successful log-in clears the count, and counting starts again once a lock
// has expired.
export interface LoginGuard {
  readonly failedLogins: number;
  /** ISO time until which log-in is refused. */
  readonly lockedUntil?: string;
}

export interface LockoutPolicy {
  readonly maxFailures: number;
  readonly lockoutSeconds: number;
}

/** The time the account is locked until, when it is locked at `now`. */
export function lockedUntil(guard: LoginGuard, now: Date): Date | undefined {
  if (guard.lockedUntil === undefined) return undefined;
  const until = new Date(guard.lockedUntil);
  return until.getTime() > now.getTime() ? until : undefined;
}

export function afterFailedLogin(guard: LoginGuard, now: Date, policy: LockoutPolicy): LoginGuard {
  const expiredLock = guard.lockedUntil !== undefined && lockedUntil(guard, now) === undefined;
  const failedLogins = (expiredLock ? 0 : guard.failedLogins) + 1;
  if (failedLogins < policy.maxFailures) return { failedLogins };
  return { failedLogins: 0, lockedUntil: new Date(now.getTime() + policy.lockoutSeconds * 1000).toISOString() };
}

export function afterSuccessfulLogin(): LoginGuard {
  return { failedLogins: 0 };
}
