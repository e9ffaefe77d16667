import { Clock } from '../../src/common/clock.js';
import { JobLeasesService } from '../../src/common/leases/job-leases.service.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

class FixedClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  override now(): Date {
    return this.at;
  }
}

describe('job leases (two instances on one database)', () => {
  let t: TestApp;
  const clock = new FixedClock(new Date('2026-11-25T03:00:00Z'));
  let first: JobLeasesService;
  let second: JobLeasesService;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' });
    first = new JobLeasesService(t.dataSource, clock);
    second = new JobLeasesService(t.dataSource, clock);
  });
  afterAll(() => t.close());

  it('lets only one holder take a lease, and the other after release', async () => {
    const token = await first.take('test.job', 30_000);
    expect(token).toBeTruthy();
    expect(await second.take('test.job', 30_000)).toBeNull();
    await first.release('test.job', token!);
    expect(await second.take('test.job', 30_000)).toBeTruthy();
  });

  it('hands an expired lease (its holder died) to another instance', async () => {
    expect(await first.take('test.crashed', 10_000)).toBeTruthy();
    clock.at = new Date(clock.at.getTime() + 9_999);
    expect(await second.take('test.crashed', 10_000)).toBeNull();
    clock.at = new Date(clock.at.getTime() + 2);
    expect(await second.take('test.crashed', 10_000)).toBeTruthy();
  });

  it('runs the work of exactly one of two instances starting together', async () => {
    let runs = 0;
    const work = async () => {
      runs += 1;
      await new Promise((tick) => setTimeout(tick, 50));
      return 'done';
    };
    const results = await Promise.all([
      first.runExclusive('test.together', 30_000, work),
      second.runExclusive('test.together', 30_000, work),
    ]);
    expect(runs).toBe(1);
    expect(results.filter((result) => result === 'done')).toHaveLength(1);
  });
});
