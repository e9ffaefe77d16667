import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { forUpdate } from '../database/locking.js';
import { sealEvents } from './audit-chain.rules.js';
import { AuditChainHead, AuditEvent, CHAIN_HEAD_ID } from './audit-event.entity.js';

/** Events chained per transaction: a pass stays short, so the head is never locked for long. */
const SEAL_BATCH = 1000;
/** Rows per UPDATE: 4 parameters a row stays far below SQLite's and MySQL's placeholder limits. */
const UPDATE_CHUNK = 200;

/** Chains the events AuditService.record wrote unsealed: the only writer of `seq` and `hash`. */
@Injectable()
export class AuditSealer {
  private readonly logger = new Logger(AuditSealer.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Seals every event committed by now, a batch per transaction; returns how many it sealed. */
  async sealPending(): Promise<number> {
    let total = 0;
    for (;;) {
      const sealed = await this.dataSource.transaction((em) => this.sealBatch(em));
      total += sealed;
      if (sealed < SEAL_BATCH) break;
    }
    return total;
  }

  /**
   * One pass: with the head locked, takes the oldest unsealed events (by occurred_at, then id) and chains
   * them after it. The order only has to be the same for every reader of this pass, because seq is given
   * here: an event committed late by a long transaction, after later events were sealed, simply gets a
   * later seq. The unsealed events are read after the head lock is taken, so on MySQL/MariaDB the pass sees
   * everything the previous pass committed (SQLite runs one write transaction at a time).
   */
  private async sealBatch(em: EntityManager): Promise<number> {
    const head = await forUpdate(
      em.createQueryBuilder(AuditChainHead, 'head').where('head.id = :id', { id: CHAIN_HEAD_ID }),
    ).getOneOrFail();
    const pending = await em
      .createQueryBuilder(AuditEvent, 'event')
      .select([
        'event.id',
        'event.occurredAt',
        'event.actorType',
        'event.actorId',
        'event.action',
        'event.recordType',
        'event.recordId',
        'event.fieldsDigest',
        'event.reason',
        'event.requestId',
      ])
      .where('event.seq IS NULL')
      .orderBy('event.occurredAt', 'ASC')
      .addOrderBy('event.id', 'ASC')
      .take(SEAL_BATCH)
      .getMany();
    if (pending.length === 0) return 0;
    const { sealed, head: next } = sealEvents(head, pending);
    for (let start = 0; start < sealed.length; start += UPDATE_CHUNK) {
      await this.write(em, sealed.slice(start, start + UPDATE_CHUNK));
    }
    await em.update(AuditChainHead, { id: CHAIN_HEAD_ID }, next);
    this.logger.debug({ sealed: sealed.length, lastSeq: next.lastSeq }, 'audit events sealed');
    return sealed.length;
  }

  /**
   * Sets seq and hash on unsealed rows only, in one statement (CASE on the id). Should a row not be
   * unsealed any more, the pass rolls back rather than chain around it.
   */
  private async write(em: EntityManager, sealed: { id: string; seq: number; hash: string }[]) {
    const parameters: Record<string, string | number> = {};
    const seqCases: string[] = [];
    const hashCases: string[] = [];
    sealed.forEach(({ id, seq, hash }, index) => {
      Object.assign(parameters, { [`id${index}`]: id, [`seq${index}`]: seq, [`hash${index}`]: hash });
      seqCases.push(`WHEN :id${index} THEN :seq${index}`);
      hashCases.push(`WHEN :id${index} THEN :hash${index}`);
    });
    const result = await em
      .createQueryBuilder()
      .update(AuditEvent)
      .set({
        seq: () => `CASE id ${seqCases.join(' ')} END`,
        hash: () => `CASE id ${hashCases.join(' ')} END`,
      })
      .where('seq IS NULL AND id IN (:...ids)', { ids: sealed.map((event) => event.id) })
      .setParameters(parameters)
      .execute();
    if (result.affected !== sealed.length) {
      throw new Error(`sealing expected ${sealed.length} unsealed audit events, found ${result.affected}`);
    }
  }
}
