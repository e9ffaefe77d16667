import { Injectable, Logger } from '@nestjs/common';
import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { JobLeasesService } from '../common/leases/job-leases.service.js';
import { AppConfig } from '../config/app-config.js';
import { AuditSealer } from './audit-sealer.service.js';

/** Audit events wait unsealed (changeable without the chain showing it) about this long at most. */
const SEAL_EVERY_MS = 1000;

/** Seals new audit events every second; one instance at a time (lease). */
@Injectable()
export class AuditSealerJob implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(AuditSealerJob.name);
  private running: Promise<void> | null = null;
  private isStopping = false;

  constructor(
    private readonly sealer: AuditSealer,
    private readonly leases: JobLeasesService,
    private readonly scheduler: SchedulerRegistry,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobsEnabled) return;
    this.scheduler.addInterval(
      'audit.sealer',
      setInterval(() => void this.run(), SEAL_EVERY_MS),
    );
  }

  /** Lets a pass under way finish before the database connection closes. */
  async beforeApplicationShutdown(): Promise<void> {
    this.isStopping = true;
    await this.running;
  }

  run(): Promise<void> {
    // A pass longer than the interval is not overtaken by the next tick of this instance.
    if (this.isStopping || this.running) return this.running ?? Promise.resolve();
    this.running = this.sealUnderLease().finally(() => (this.running = null));
    return this.running;
  }

  private async sealUnderLease(): Promise<void> {
    try {
      await this.leases.runExclusive('audit.sealer', this.config.jobLeaseMs, () => this.sealer.sealPending());
    } catch (error) {
      this.logger.error({ err: error }, 'audit sealing failed');
    }
  }
}
