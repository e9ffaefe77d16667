import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, IsNull, Not, Repository, In } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { Clock } from '../common/clock.js';
import { pageNewestFirst } from '../common/http/cursor.js';
import { digestFields } from './audit-chain.rules.js';
import { AuditEvent, type AuditRecordType } from './audit-event.entity.js';
import { auditedRecordsOfCustomer, type AuditEventFilter, filterAuditEvents } from './audit.queries.js';

export interface AuditEntry {
  action: string;
  recordType: AuditRecordType;
  recordId: string;
  /** Names of the fields read, or before/after pairs of the fields changed. */
  fields?: string[] | Record<string, [unknown, unknown]>;
  reason?: string | null;
}

export interface AuditFilter extends AuditEventFilter {
  cursor?: string;
  limit: number;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>,
    private readonly clock: Clock,
  ) {}

  /**
   * Writes audit events with `em`, so they commit or roll back with the change they describe. They are
   * written unsealed (no seq, no hash) and take no lock: AuditSealer chains them within a second or so.
   * Chaining here would make every audited request, reads included, wait on the one chain-head row.
   */
  async record(em: EntityManager, actor: Actor, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const occurredAt = this.clock.now();
    const rows = entries.map((entry) => {
      const fields = entry.fields ? JSON.stringify(entry.fields) : null;
      const fieldsSalt = fields === null ? null : randomBytes(16).toString('hex');
      return {
        id: randomUUID(),
        seq: null,
        occurredAt,
        actorType: actor.type,
        actorId: actor.id,
        action: entry.action,
        recordType: entry.recordType,
        recordId: entry.recordId,
        fields,
        fieldsSalt,
        fieldsDigest: digestFields(fields, fieldsSalt),
        redactedAt: null,
        reason: entry.reason ?? null,
        requestId: actor.requestId || null,
        hash: null,
      };
    });
    await em.insert(AuditEvent, rows);
  }

  /**
   * The one sanctioned change to audit events: removes the personal values in `fields` of the events on
   * these records (retention), keeping their digest and hash, so the chain still verifies. Returns how many
   * events it redacted.
   */
  async redactFields(em: EntityManager, recordType: AuditRecordType, recordIds: string[]): Promise<number> {
    if (recordIds.length === 0) return 0;
    const result = await em.update(
      AuditEvent,
      { recordType, recordId: In(recordIds), fields: Not(IsNull()) },
      { fields: null, fieldsSalt: null, redactedAt: this.clock.now() },
    );
    return result.affected ?? 0;
  }

  async list(filter: AuditFilter) {
    const query = await this.filtered(filter);
    return pageNewestFirst(query, 'occurredAt', filter);
  }

  /** Every event the filter matches, oldest first, a batch at a time: for exports of any size. */
  async *stream(filter: AuditEventFilter, batchSize = 500): AsyncGenerator<AuditEvent[]> {
    let after: { at: Date; id: string } | null = null;
    for (;;) {
      const query = await this.filtered(filter);
      if (after) {
        const { at, id } = after;
        query.andWhere(
          new Brackets((later) =>
            later
              .where('event.occurredAt > :afterAt', { afterAt: at })
              .orWhere('event.occurredAt = :afterAt AND event.id > :afterId', { afterId: id }),
          ),
        );
      }
      const batch = await query
        .orderBy('event.occurredAt', 'ASC')
        .addOrderBy('event.id', 'ASC')
        .take(batchSize)
        .getMany();
      if (batch.length > 0) yield batch;
      if (batch.length < batchSize) return;
      const last = batch[batch.length - 1];
      after = { at: last.occurredAt, id: last.id };
    }
  }

  private async filtered(filter: AuditEventFilter) {
    const records = filter.customerId
      ? await auditedRecordsOfCustomer(this.events.manager, filter.customerId)
      : null;
    return filterAuditEvents(this.events.createQueryBuilder('event'), filter, records);
  }
}
