import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { JobLeasesService } from '../common/leases/job-leases.service.js';
import { AppConfig } from '../config/app-config.js';
import { WebhookSenderService } from './webhook-sender.service.js';

/** Sends due transaction webhooks every OUTBOX_POLL_SECONDS; one instance at a time (lease). */
@Injectable()
export class TransactionWebhookJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(TransactionWebhookJob.name);

  constructor(
    private readonly sender: WebhookSenderService,
    private readonly leases: JobLeasesService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    if (!this.sender.canSend) {
      this.logger.warn('TRANSACTION_WEBHOOK_URL is not set: suspensions are recorded but not sent');
      return;
    }
    this.scheduler.addInterval(
      'transaction.webhooks',
      setInterval(() => void this.run(), this.config.mail.outboxPollSeconds * 1000),
    );
  }

  async run(): Promise<void> {
    try {
      await this.leases.runExclusive('transaction.webhooks', this.config.jobLeaseMs, () =>
        this.sender.sendDue(),
      );
    } catch (error) {
      this.logger.error({ err: error }, 'transaction webhook run failed');
    }
  }
}
