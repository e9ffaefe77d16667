import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { LeasedInterval, LeasedIntervals } from '../common/leases/leased-intervals.service.js';
import { NewslettersService } from './newsletters.service.js';

/** A new send starts within this long of being asked for. */
const CHECK_EVERY_MS = 15_000;

/** Writes newsletter mails to the outbox; one instance at a time (lease), resuming where the last run stopped. */
@Injectable()
export class NewsletterSendJob implements OnApplicationBootstrap {
  private readonly interval: LeasedInterval;

  constructor(newsletters: NewslettersService, intervals: LeasedIntervals) {
    this.interval = intervals.define({
      name: 'newsletters.send',
      everyMs: CHECK_EVERY_MS,
      logger: new Logger(NewsletterSendJob.name),
      failure: 'newsletter send failed',
      work: () => newsletters.continueSends(),
    });
  }

  onApplicationBootstrap(): void {
    this.interval.start();
  }

  run(): Promise<void> {
    return this.interval.run();
  }
}
