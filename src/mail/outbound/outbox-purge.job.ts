import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '../../common/clock.js';
import { LeasedInterval, LeasedIntervals } from '../../common/leases/leased-intervals.service.js';
import { AppConfig } from '../../config/app-config.js';
import { OutboxService } from './outbox.service.js';

const HOUR_MS = 60 * 60 * 1000;
/** Each batch is its own short statement, so a large backlog never holds one long transaction. */
const BATCH_SIZE = 500;

/** Deletes sent mail older than OUTBOX_SENT_KEEP_DAYS every hour; one instance at a time (lease). */
@Injectable()
export class OutboxPurgeJob implements OnApplicationBootstrap {
  private readonly logger = new Logger(OutboxPurgeJob.name);
  private readonly interval: LeasedInterval;

  constructor(
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    intervals: LeasedIntervals,
  ) {
    this.interval = intervals.define({
      name: 'mail.outbox-purge',
      everyMs: HOUR_MS,
      logger: this.logger,
      failure: 'outbox purge failed',
      work: () => this.purge(),
    });
  }

  onApplicationBootstrap(): void {
    this.interval.start();
  }

  /** Deletes batch after batch until none is left; returns how many mails were deleted. */
  async purge(): Promise<number> {
    const sentBefore = new Date(
      this.clock.now().getTime() - this.config.mail.outboxSentKeepDays * 24 * HOUR_MS,
    );
    let deleted = 0;
    for (;;) {
      const batch = await this.outbox.purgeSentBatch(sentBefore, BATCH_SIZE);
      deleted += batch;
      if (batch < BATCH_SIZE) break;
    }
    if (deleted > 0) this.logger.log({ deleted, sentBefore: sentBefore.toISOString() }, 'sent mail purged');
    return deleted;
  }
}
