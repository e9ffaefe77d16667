import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../common/clock.js';
import { JobLeasesService } from '../common/leases/job-leases.service.js';
import { AppConfig } from '../config/app-config.js';
import { DataRequestRemindersService } from './data-request-reminders.service.js';

/** Reminders come a day before a deadline and once it has passed: a check every five minutes is on time. */
const CHECK_EVERY_MS = 5 * 60_000;

/** Sends data-subject request deadline reminders every five minutes; one instance at a time (lease). */
@Injectable()
export class DataRequestReminderJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(DataRequestReminderJob.name);

  constructor(
    private readonly reminders: DataRequestRemindersService,
    private readonly leases: JobLeasesService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.scheduler.addInterval(
      'data-requests.deadline-reminders',
      setInterval(() => void this.run(), CHECK_EVERY_MS),
    );
  }

  async run(): Promise<void> {
    try {
      await this.leases.runExclusive('data-requests.deadline-reminders', this.config.jobLeaseMs, () =>
        this.reminders.remind(this.clock.now()),
      );
    } catch (error) {
      this.logger.error({ err: error }, 'data-subject request reminders failed');
    }
  }
}
