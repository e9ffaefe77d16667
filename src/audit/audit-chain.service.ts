import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ChainCheck, type ChainReport } from './audit-chain.rules.js';
import { AuditChainHead, AuditEvent, CHAIN_HEAD_ID } from './audit-event.entity.js';

const VERIFY_BATCH = 2000;

/** Checks that no audit event was changed, removed, inserted or reordered since it was written. */
@Injectable()
export class AuditChainService {
  private readonly logger = new Logger(AuditChainService.name);

  constructor(
    @InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>,
    @InjectRepository(AuditChainHead) private readonly heads: Repository<AuditChainHead>,
  ) {}

  /**
   * Walks the chain in seq order a batch at a time, up to the head as it was when the walk began: events
   * appended meanwhile are left for the next run. Starts below 1 so that a row slipped in with the
   * column's default seq (0) shows as a break.
   */
  async verify(): Promise<ChainReport> {
    const head = await this.heads.findOneByOrFail({ id: CHAIN_HEAD_ID });
    const check = new ChainCheck();
    let after = -1;
    for (;;) {
      const batch = await this.events
        .createQueryBuilder('event')
        .where('event.seq > :after AND event.seq <= :last', { after, last: head.lastSeq })
        .orderBy('event.seq', 'ASC')
        .take(VERIFY_BATCH)
        .getMany();
      if (!check.accept(batch) || batch.length < VERIFY_BATCH) break;
      after = batch[batch.length - 1].seq;
    }
    const report = check.finish(head);
    this.logger.log(report, report.ok ? 'audit chain intact' : 'audit chain broken');
    return report;
  }
}
