export interface LockoutPolicy {
  maxFailures: number;
  lockMinutes: number;
}

export interface LoginAttemptState {
  failedLoginCount: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LoginAttemptState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * After `maxFailures` wrong passwords in a row the account locks for `lockMinutes`; the count starts again
 * once a lock has run out, so a locked-out person gets a full set of tries afterwards.
 */
export function afterFailedLogin(
  state: LoginAttemptState,
  policy: LockoutPolicy,
  now: Date,
): LoginAttemptState {
  const expiredLock = state.lockedUntil !== null && !isLocked(state, now);
  const failedLoginCount = (expiredLock ? 0 : state.failedLoginCount) + 1;
  if (failedLoginCount >= policy.maxFailures) {
    return { failedLoginCount, lockedUntil: new Date(now.getTime() + policy.lockMinutes * 60_000) };
  }
  return { failedLoginCount, lockedUntil: expiredLock ? null : state.lockedUntil };
}
