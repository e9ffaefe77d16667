import { afterFailedLogin, isLocked } from './login-lockout.rules.js';

const policy = { maxFailures: 3, lockMinutes: 15 };
const now = new Date('2026-11-25T02:00:00Z');

describe('login lockout', () => {
  it('counts failures without locking below the limit', () => {
    const state = afterFailedLogin({ failedLoginCount: 0, lockedUntil: null }, policy, now);
    expect(state).toEqual({ failedLoginCount: 1, lockedUntil: null });
  });

  it('locks for the configured minutes at the limit', () => {
    const state = afterFailedLogin({ failedLoginCount: 2, lockedUntil: null }, policy, now);
    expect(state.lockedUntil).toEqual(new Date('2026-11-25T02:15:00Z'));
    expect(isLocked(state, new Date('2026-11-25T02:14:59Z'))).toBe(true);
    expect(isLocked(state, new Date('2026-11-25T02:15:00Z'))).toBe(false);
  });

  it('starts counting again once a lock has expired', () => {
    const expired = { failedLoginCount: 3, lockedUntil: new Date('2026-11-25T01:00:00Z') };
    expect(afterFailedLogin(expired, policy, now)).toEqual({ failedLoginCount: 1, lockedUntil: null });
  });
});
