import { expect } from 'chai';
import { afterFailedLogin, afterSuccessfulLogin, lockedUntil, type LoginGuard } from '../../src/auth/lockout.ts';

const POLICY = { maxFailures: 3, lockoutSeconds: 600 };
const T0 = new Date('2030-01-01T00:00:00Z');
const later = (seconds: number): Date => new Date(T0.getTime() + seconds * 1000);

describe('log-in lockout', () => {
  it('counts failures and locks at the maximum for the lockout time', () => {
    let guard: LoginGuard = { failedLogins: 0 };
    guard = afterFailedLogin(guard, T0, POLICY);
    expect(guard).to.deep.equal({ failedLogins: 1 });
    guard = afterFailedLogin(guard, T0, POLICY);
    expect(lockedUntil(guard, T0)).to.equal(undefined);
    guard = afterFailedLogin(guard, T0, POLICY);
    expect(guard.failedLogins).to.equal(0);
    expect(lockedUntil(guard, later(1))?.toISOString()).to.equal(later(600).toISOString());
    expect(lockedUntil(guard, later(599))).to.not.equal(undefined);
    expect(lockedUntil(guard, later(600))).to.equal(undefined);
  });

  it('starts counting again once a lock has expired', () => {
    const locked: LoginGuard = { failedLogins: 0, lockedUntil: later(600).toISOString() };
    const next = afterFailedLogin(locked, later(601), POLICY);
    expect(next).to.deep.equal({ failedLogins: 1 });
  });

  it('clears the count after a successful log-in', () => {
    expect(afterSuccessfulLogin()).to.deep.equal({ failedLogins: 0 });
  });

  it('locks after a single failure when the maximum is 1', () => {
    const guard = afterFailedLogin({ failedLogins: 0 }, T0, { maxFailures: 1, lockoutSeconds: 60 });
    expect(lockedUntil(guard, T0)?.toISOString()).to.equal(later(60).toISOString());
  });
});
