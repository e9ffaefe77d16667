import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../../config/app-config.js';
import { JobLeasesService } from '../../common/leases/job-leases.service.js';
import { OutboxSenderService } from './outbox-sender.service.js';

/** Sends due mail every OUTBOX_POLL_SECONDS; one instance at a time (lease). */
@Injectable()
export class OutboxJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboxJob.name);

  constructor(
    private readonly sender: OutboxSenderService,
    private readonly leases: JobLeasesService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    if (!this.sender.canSend) {
      this.logger.warn('SMTP_URL is not set: outgoing mail waits in the outbox until it is');
      return;
    }
    const everyMs = this.config.mail.outboxPollSeconds * 1000;
    this.scheduler.addInterval(
      'mail.outbox',
      setInterval(() => void this.run(), everyMs),
    );
  }

  async run(): Promise<void> {
    try {
      await this.leases.runExclusive('mail.outbox', this.config.jobLeaseMs, () => this.sender.sendDue());
    } catch (error) {
      this.logger.error({ err: error }, 'outbox run failed');
    }
  }
}
