import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import {
  type AuditLogReport,
  ChainCheck,
  SEAL_GRACE_MS,
  type StoredEvent,
  withUnsealed,
} from './audit-chain.rules.js';
import { AuditChainHead, AuditEvent, CHAIN_HEAD_ID } from './audit-event.entity.js';

const VERIFY_BATCH = 2000;

/**
 * Checks that no sealed audit event was changed, removed, inserted or reordered since it was sealed, and
 * that no event waits unsealed past the grace period. Read-only: it never seals.
 */
@Injectable()
export class AuditChainService {
  private readonly logger = new Logger(AuditChainService.name);

  constructor(
    @InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>,
    @InjectRepository(AuditChainHead) private readonly heads: Repository<AuditChainHead>,
    private readonly clock: Clock,
  ) {}

  /**
   * Walks the sealed chain in seq order a batch at a time, up to the head as it was when the walk began:
   * events sealed meanwhile are left for the next run. Starts below 1 so that a row slipped in with seq 0
   * shows as a break. Then counts the events still unsealed.
   */
  async verify(): Promise<AuditLogReport> {
    const head = await this.heads.findOneByOrFail({ id: CHAIN_HEAD_ID });
    const check = new ChainCheck();
    let after = -1;
    for (;;) {
      const batch = (await this.events
        .createQueryBuilder('event')
        .where('event.seq > :after AND event.seq <= :last', { after, last: head.lastSeq })
        .orderBy('event.seq', 'ASC')
        .take(VERIFY_BATCH)
        .getMany()) as StoredEvent[];
      if (!check.accept(batch) || batch.length < VERIFY_BATCH) break;
      after = batch[batch.length - 1].seq;
    }
    const report = withUnsealed(check.finish(head), await this.unsealed());
    this.logger.log(report, report.ok ? 'audit log intact' : 'audit log check failed');
    return report;
  }

  private async unsealed() {
    const overdueBefore = new Date(this.clock.now().getTime() - SEAL_GRACE_MS);
    const [all, overdue] = await Promise.all([
      this.events.createQueryBuilder('event').where('event.seq IS NULL').getCount(),
      this.events
        .createQueryBuilder('event')
        .select('COUNT(*)', 'count')
        .addSelect('MIN(event.occurredAt)', 'oldest')
        .where('event.seq IS NULL AND event.occurredAt < :overdueBefore', { overdueBefore })
        .getRawOne<{ count: string | number; oldest: string | Date | null }>(),
    ]);
    const count = Number(overdue?.count ?? 0);
    return {
      pending: all,
      overdue: count,
      oldestOverdueAt: count > 0 ? this.toDate(overdue!.oldest!) : null,
    };
  }

  /** MIN() comes back raw: SQLite keeps UTC times as text, MySQL hands back a Date. */
  private toDate(value: string | Date): Date {
    return typeof value === 'string' ? new Date(`${value.replace(' ', 'T')}Z`) : value;
  }
}
