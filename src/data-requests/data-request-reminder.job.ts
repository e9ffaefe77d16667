import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { LeasedInterval, LeasedIntervals } from '../common/leases/leased-intervals.service.js';
import { DataRequestRemindersService } from './data-request-reminders.service.js';

/** Reminders come a day before a deadline and once it has passed: a check every five minutes is on time. */
const CHECK_EVERY_MS = 5 * 60_000;

/** Sends data-subject request deadline reminders every five minutes; one instance at a time (lease). */
@Injectable()
export class DataRequestReminderJob implements OnApplicationBootstrap {
  private readonly interval: LeasedInterval;

  constructor(reminders: DataRequestRemindersService, intervals: LeasedIntervals, clock: Clock) {
    this.interval = intervals.define({
      name: 'data-requests.deadline-reminders',
      everyMs: CHECK_EVERY_MS,
      logger: new Logger(DataRequestReminderJob.name),
      failure: 'data-subject request reminders failed',
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
