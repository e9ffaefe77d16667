import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { JobLeasesService } from '../common/leases/job-leases.service.js';
import { AppConfig } from '../config/app-config.js';
import { NewslettersService } from './newsletters.service.js';

/** A new send starts within this long of being asked for. */
const CHECK_EVERY_MS = 15_000;

/** Writes newsletter mails to the outbox; one instance at a time (lease), resuming where the last run stopped. */
@Injectable()
export class NewsletterSendJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(NewsletterSendJob.name);

  constructor(
    private readonly newsletters: NewslettersService,
    private readonly leases: JobLeasesService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.scheduler.addInterval(
      'newsletters.send',
      setInterval(() => void this.run(), CHECK_EVERY_MS),
    );
  }

  async run(): Promise<void> {
    try {
      await this.leases.runExclusive('newsletters.send', this.config.jobLeaseMs, () =>
        this.newsletters.continueSends(),
      );
    } catch (error) {
      this.logger.error({ err: error }, 'newsletter send failed');
    }
  }
}
