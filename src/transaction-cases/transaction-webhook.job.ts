import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { LeasedInterval, LeasedIntervals } from '../common/leases/leased-intervals.service.js';
import { AppConfig } from '../config/app-config.js';
import { WebhookSenderService } from './webhook-sender.service.js';

/** Sends due transaction webhooks every OUTBOX_POLL_SECONDS; one instance at a time (lease). */
@Injectable()
export class TransactionWebhookJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(TransactionWebhookJob.name);
  private readonly interval: LeasedInterval;

  constructor(
    private readonly sender: WebhookSenderService,
    intervals: LeasedIntervals,
    private readonly config: AppConfig,
  ) {
    this.interval = intervals.define({
      name: 'transaction.webhooks',
      everyMs: config.mail.outboxPollSeconds * 1000,
      logger: this.logger,
      failure: 'transaction webhook run failed',
      work: () => sender.sendDue(),
    });
  }

  onApplicationBootstrap(): void {
    if (this.sender.canSend) this.interval.start();
    else if (this.config.jobsEnabled)
      this.logger.warn('TRANSACTION_WEBHOOK_URL is not set: suspensions are recorded but not sent');
  }

  run(): Promise<void> {
    return this.interval.run();
  }
}
