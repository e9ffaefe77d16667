import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../common/clock.js';
import { JobLeasesService } from '../common/leases/job-leases.service.js';
import { AppConfig } from '../config/app-config.js';
import { IncidentRemindersService } from './incident-reminders.service.js';

/** Reminders fall on the hour marks of a 24- or 72-hour clock: a check every minute is on time. */
const CHECK_EVERY_MS = 60_000;

/** Sends incident deadline reminders every minute; one instance at a time (lease). */
@Injectable()
export class IncidentReminderJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(IncidentReminderJob.name);

  constructor(
    private readonly reminders: IncidentRemindersService,
    private readonly leases: JobLeasesService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.scheduler.addInterval(
      'incidents.deadline-reminders',
      setInterval(() => void this.run(), CHECK_EVERY_MS),
    );
  }

  async run(): Promise<void> {
    try {
      await this.leases.runExclusive('incidents.deadline-reminders', this.config.jobLeaseMs, () =>
        this.reminders.remind(this.clock.now()),
      );
    } catch (error) {
      this.logger.error({ err: error }, 'incident reminders failed');
    }
  }
}
