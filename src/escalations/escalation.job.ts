import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { LeasedInterval, LeasedIntervals } from '../common/leases/leased-intervals.service.js';
import { AppConfig } from '../config/app-config.js';
import { EscalationSweepService } from './escalation-sweep.service.js';

/** Runs the escalation sweep every SLA_SCAN_SECONDS; one instance at a time (lease). */
@Injectable()
export class EscalationJob implements OnApplicationBootstrap {
  private readonly interval: LeasedInterval;

  constructor(sweep: EscalationSweepService, intervals: LeasedIntervals, config: AppConfig, clock: Clock) {
    this.interval = intervals.define({
      name: 'sla.escalation-sweep',
      everyMs: config.slaScanMs,
      logger: new Logger(EscalationJob.name),
      failure: 'escalation sweep failed',
      work: () => sweep.sweep(clock.now()),
    });
  }

  onApplicationBootstrap(): void {
    this.interval.start();
  }

  run(): Promise<void> {
    return this.interval.run();
  }
}
