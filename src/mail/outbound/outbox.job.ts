import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { LeasedInterval, LeasedIntervals } from '../../common/leases/leased-intervals.service.js';
import { OutboxSenderService } from './outbox-sender.service.js';

/** Sends due mail every OUTBOX_POLL_SECONDS; one instance at a time (lease). */
@Injectable()
export class OutboxJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboxJob.name);
  private readonly interval: LeasedInterval;

  constructor(
    private readonly sender: OutboxSenderService,
    intervals: LeasedIntervals,
    private readonly config: AppConfig,
  ) {
    this.interval = intervals.define({
      name: 'mail.outbox',
      everyMs: config.mail.outboxPollSeconds * 1000,
      logger: this.logger,
      failure: 'outbox run failed',
      work: () => sender.sendDue(),
    });
  }

  onApplicationBootstrap(): void {
    if (this.sender.canSend) this.interval.start();
    else if (this.config.jobsEnabled)
      this.logger.warn('SMTP_URL is not set: outgoing mail waits in the outbox until it is');
  }

  run(): Promise<void> {
    return this.interval.run();
  }
}
