import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { Clock } from '../common/clock.js';
import { pageNewestFirst } from '../common/http/cursor.js';
import { AuditEvent, type AuditRecordType } from './audit-event.entity.js';

export interface AuditEntry {
  action: string;
  recordType: AuditRecordType;
  recordId: string;
  /** Names of the fields read, or before/after pairs of the fields changed. */
  fields?: string[] | Record<string, [unknown, unknown]>;
  reason?: string | null;
}

export interface AuditFilter {
  recordType?: AuditRecordType;
  recordId?: string;
  actorId?: string;
  cursor?: string;
  limit: number;
}

@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>,
    private readonly clock: Clock,
  ) {}

  /** Writes audit events with `em`, so they commit or roll back with the change they describe. */
  async record(em: EntityManager, actor: Actor, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const occurredAt = this.clock.now();
    await em.insert(
      AuditEvent,
      entries.map((entry) => ({
        occurredAt,
        actorType: actor.type,
        actorId: actor.id,
        action: entry.action,
        recordType: entry.recordType,
        recordId: entry.recordId,
        fields: entry.fields ? JSON.stringify(entry.fields) : null,
        reason: entry.reason ?? null,
        requestId: actor.requestId ?? null,
      })),
    );
  }

  async list(filter: AuditFilter) {
    const query = this.events.createQueryBuilder('event');
    if (filter.recordType)
      query.andWhere('event.recordType = :recordType', { recordType: filter.recordType });
    if (filter.recordId) query.andWhere('event.recordId = :recordId', { recordId: filter.recordId });
    if (filter.actorId) query.andWhere('event.actorId = :actorId', { actorId: filter.actorId });
    return pageNewestFirst(query, 'occurredAt', filter);
  }
}
