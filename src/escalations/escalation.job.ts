import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../common/clock.js';
import { JobLeasesService } from '../common/leases/job-leases.service.js';
import { AppConfig } from '../config/app-config.js';
import { EscalationSweepService } from './escalation-sweep.service.js';

/** Runs the escalation sweep every SLA_SCAN_SECONDS; one instance at a time (lease). */
@Injectable()
export class EscalationJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(EscalationJob.name);

  constructor(
    private readonly sweep: EscalationSweepService,
    private readonly leases: JobLeasesService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.scheduler.addInterval(
      'sla.escalation-sweep',
      setInterval(() => void this.run(), this.config.slaScanMs),
    );
  }

  async run(): Promise<void> {
    try {
      await this.leases.runExclusive('sla.escalation-sweep', this.config.jobLeaseMs, () =>
        this.sweep.sweep(this.clock.now()),
      );
    } catch (error) {
      this.logger.error({ err: error }, 'escalation sweep failed');
    }
  }
}
