import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Cron, SchedulerRegistry } from '@nestjs/schedule';
import { AppConfig } from '../config/app-config.js';
import { RetentionService } from './retention.service.js';

const JOB_NAME = 'retention.nightly';

/**
 * Anonymises customers past the retention period every night at 02:30 Vietnam time, when the desk is quiet;
 * one instance at a time (the service takes the lease). Declared disabled, started only where jobs run.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionJob.name);

  constructor(
    private readonly retention: RetentionService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.jobsEnabled) this.scheduler.getCronJob(JOB_NAME).start();
  }

  @Cron('0 30 2 * * *', {
    name: JOB_NAME,
    timeZone: 'Asia/Ho_Chi_Minh',
    disabled: true,
    waitForCompletion: true,
  })
  async run(): Promise<void> {
    try {
      await this.retention.run('schedule');
    } catch (error) {
      this.logger.error({ err: error }, 'retention run failed');
    }
  }
}
