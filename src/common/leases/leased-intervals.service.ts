import { Injectable } from '@nestjs/common';
import type { BeforeApplicationShutdown, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../../config/app-config.js';
import { JobLeasesService } from './job-leases.service.js';

export interface LeasedIntervalJob {
  /** Names both the interval in the SchedulerRegistry and the lease row. */
  name: string;
  everyMs: number;
  /** The job's own logger, so a failure is logged under the job's name. */
  logger: Logger;
  /** What the log says when a run fails, e.g. 'escalation sweep failed'. */
  failure: string;
  work: () => Promise<unknown>;
}

/**
 * A job run every `everyMs` under its lease. A run still going when the next tick comes is not overtaken by
 * it, and stopping waits for that run, so it can finish before the database connection closes.
 */
export class LeasedInterval {
  private running: Promise<void> | null = null;
  private timer?: NodeJS.Timeout;
  private isStopping = false;

  constructor(
    private readonly job: LeasedIntervalJob,
    private readonly leases: Pick<JobLeasesService, 'runExclusive'>,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: Pick<AppConfig, 'jobsEnabled' | 'jobLeaseMs'>,
  ) {}

  /** Starts the ticks, on instances where jobs run (JOBS_ENABLED). */
  start(): void {
    if (!this.config.jobsEnabled) return;
    this.timer = setInterval(() => void this.run(), this.job.everyMs);
    this.scheduler.addInterval(this.job.name, this.timer);
  }

  /** One run now; while one is going, waits for that one instead. Logs failures rather than throwing them. */
  run(): Promise<void> {
    if (this.isStopping || this.running) return this.running ?? Promise.resolve();
    this.running = this.runUnderLease().finally(() => (this.running = null));
    return this.running;
  }

  async stop(): Promise<void> {
    this.isStopping = true;
    // The schedule module clears its intervals on shutdown too, but in no set order with this.
    clearInterval(this.timer);
    await this.running;
  }

  private async runUnderLease(): Promise<void> {
    try {
      await this.leases.runExclusive(this.job.name, this.config.jobLeaseMs, this.job.work);
    } catch (error) {
      this.job.logger.error({ err: error }, this.job.failure);
    }
  }
}

/** Makes the LeasedIntervals of the jobs, and stops them all when the app shuts down. */
@Injectable()
export class LeasedIntervals implements BeforeApplicationShutdown {
  private readonly intervals: LeasedInterval[] = [];

  constructor(
    private readonly leases: JobLeasesService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  define(job: LeasedIntervalJob): LeasedInterval {
    const interval = new LeasedInterval(job, this.leases, this.scheduler, this.config);
    this.intervals.push(interval);
    return interval;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.intervals.map((interval) => interval.stop()));
  }
}
