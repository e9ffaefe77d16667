import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { LeasedInterval, LeasedIntervals } from '../common/leases/leased-intervals.service.js';
import { IncidentRemindersService } from './incident-reminders.service.js';

/** Reminders fall on the hour marks of a 24- or 72-hour clock: a check every minute is on time. */
const CHECK_EVERY_MS = 60_000;

/** Sends incident deadline reminders every minute; one instance at a time (lease). */
@Injectable()
export class IncidentReminderJob implements OnApplicationBootstrap {
  private readonly interval: LeasedInterval;

  constructor(reminders: IncidentRemindersService, intervals: LeasedIntervals, clock: Clock) {
    this.interval = intervals.define({
      name: 'incidents.deadline-reminders',
      everyMs: CHECK_EVERY_MS,
      logger: new Logger(IncidentReminderJob.name),
      failure: 'incident reminders failed',
      work: () => reminders.remind(clock.now()),
    });
  }

  onApplicationBootstrap(): void {
    this.interval.start();
  }

  run(): Promise<void> {
    return this.interval.run();
  }
}
