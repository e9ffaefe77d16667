import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { LeasedInterval, LeasedIntervals } from '../common/leases/leased-intervals.service.js';
import { AuditSealer } from './audit-sealer.service.js';

/** Audit events wait unsealed (changeable without the chain showing it) about this long at most. */
const SEAL_EVERY_MS = 1000;

/** Seals new audit events every second; one instance at a time (lease). */
@Injectable()
export class AuditSealerJob implements OnApplicationBootstrap {
  private readonly interval: LeasedInterval;

  constructor(sealer: AuditSealer, intervals: LeasedIntervals) {
    this.interval = intervals.define({
      name: 'audit.sealer',
      everyMs: SEAL_EVERY_MS,
      logger: new Logger(AuditSealerJob.name),
      failure: 'audit sealing failed',
      work: () => sealer.sealPending(),
    });
  }

  onApplicationBootstrap(): void {
    this.interval.start();
  }

  run(): Promise<void> {
    return this.interval.run();
  }
}
