import { QueryFailedError } from 'typeorm';
import { retryingLockConflicts } from './locking.js';

function driverFailure(code: string): QueryFailedError {
  return new QueryFailedError('UPDATE tickets …', [], Object.assign(new Error(code), { code }));
}

/** Work that fails with the given errors, in turn, and then returns how many times it ran. */
function failingFirst(...errors: Error[]) {
  let runs = 0;
  return {
    work: async () => {
      runs++;
      if (runs <= errors.length) throw errors[runs - 1];
      return runs;
    },
    runs: () => runs,
  };
}

describe('retryingLockConflicts', () => {
  it('runs the work again after a deadlock or a lock wait timeout', async () => {
    const work = failingFirst(driverFailure('ER_LOCK_DEADLOCK'), driverFailure('ER_LOCK_WAIT_TIMEOUT'));
    await expect(retryingLockConflicts(work.work)).resolves.toBe(3);
  });

  it('gives up after the attempts it was allowed, with the last conflict', async () => {
    const last = driverFailure('ER_LOCK_DEADLOCK');
    const work = failingFirst(driverFailure('ER_LOCK_DEADLOCK'), last, driverFailure('ER_LOCK_DEADLOCK'));
    await expect(retryingLockConflicts(work.work, 2)).rejects.toBe(last);
    expect(work.runs()).toBe(2);
  });

  it('does not repeat work that failed for another reason', async () => {
    const duplicate = driverFailure('ER_DUP_ENTRY');
    const work = failingFirst(duplicate);
    await expect(retryingLockConflicts(work.work)).rejects.toBe(duplicate);
    expect(work.runs()).toBe(1);
  });
});
