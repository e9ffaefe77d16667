import { jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { LeasedInterval } from './leased-intervals.service.js';

const EVERY_MS = 1000;
const LEASE_MS = 30_000;

/** Runs every work it is given, as the one holder, and remembers the lease asked for. */
class FakeLeases {
  readonly taken: { name: string; ttlMs: number }[] = [];
  runExclusive<T>(name: string, ttlMs: number, work: () => Promise<T>): Promise<T | undefined> {
    this.taken.push({ name, ttlMs });
    return work();
  }
}

/** Work that finishes when the test says so. */
function controlledWork() {
  const finishes: (() => void)[] = [];
  const work = jest.fn(() => new Promise<void>((done) => finishes.push(done)));
  return { work, finishNext: () => finishes.shift()!() };
}

describe('LeasedInterval', () => {
  let leases: FakeLeases;
  let scheduler: SchedulerRegistry;
  let logger: Logger;
  let logged: jest.SpiedFunction<Logger['error']>;

  beforeEach(() => {
    jest.useFakeTimers();
    leases = new FakeLeases();
    scheduler = new SchedulerRegistry();
    logger = new Logger('TestJob');
    logged = jest.spyOn(logger, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.useRealTimers());

  const interval = (work: () => Promise<unknown>, jobsEnabled = true) =>
    new LeasedInterval(
      { name: 'test.job', everyMs: EVERY_MS, logger, failure: 'test job failed', work },
      leases,
      scheduler,
      { jobsEnabled, jobLeaseMs: LEASE_MS },
    );

  it('runs the work under the job’s lease on every tick once started', async () => {
    const work = jest.fn(async () => undefined);
    interval(work).start();
    expect(work).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(3 * EVERY_MS);
    expect(work).toHaveBeenCalledTimes(3);
    expect(leases.taken).toEqual(Array(3).fill({ name: 'test.job', ttlMs: LEASE_MS }));
    expect(scheduler.getIntervals()).toEqual(['test.job']);
  });

  it('starts no ticks where jobs are disabled, but still runs when asked', async () => {
    const work = jest.fn(async () => undefined);
    const job = interval(work, false);
    job.start();
    await jest.advanceTimersByTimeAsync(3 * EVERY_MS);
    expect(work).not.toHaveBeenCalled();
    expect(scheduler.getIntervals()).toEqual([]);
    await job.run();
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('skips the ticks that come while a run is still going', async () => {
    const { work, finishNext } = controlledWork();
    interval(work).start();
    await jest.advanceTimersByTimeAsync(5 * EVERY_MS);
    expect(work).toHaveBeenCalledTimes(1);
    finishNext();
    await jest.advanceTimersByTimeAsync(EVERY_MS);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('lets a caller of run() wait for the run under way instead of starting another', async () => {
    const { work, finishNext } = controlledWork();
    const job = interval(work);
    const first = job.run();
    let isSecondDone = false;
    const second = job.run().then(() => (isSecondDone = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(isSecondDone).toBe(false);
    finishNext();
    await Promise.all([first, second]);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('logs a failed run under the job’s name and runs again on the next tick', async () => {
    const error = new Error('database gone');
    const work = jest.fn<() => Promise<void>>().mockRejectedValueOnce(error).mockResolvedValue(undefined);
    interval(work).start();
    await jest.advanceTimersByTimeAsync(EVERY_MS);
    expect(logged).toHaveBeenCalledWith({ err: error }, 'test job failed');
    await jest.advanceTimersByTimeAsync(EVERY_MS);
    expect(work).toHaveBeenCalledTimes(2);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('stops only once the run under way has finished, and ticks no more', async () => {
    const { work, finishNext } = controlledWork();
    const job = interval(work);
    job.start();
    await jest.advanceTimersByTimeAsync(EVERY_MS);
    let isStopped = false;
    const stopped = job.stop().then(() => (isStopped = true));
    await jest.advanceTimersByTimeAsync(3 * EVERY_MS);
    expect(isStopped).toBe(false);
    finishNext();
    await stopped;
    await jest.advanceTimersByTimeAsync(3 * EVERY_MS);
    await job.run();
    expect(work).toHaveBeenCalledTimes(1);
  });
});
