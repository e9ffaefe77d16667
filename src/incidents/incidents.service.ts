import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { InvalidInput, NotFound, StaleVersion } from '../common/errors/domain-error.js';
import type { FieldReason } from '../common/errors/validation.js';
import type {
  CloseIncidentDto,
  IncidentContentDto,
  RecordNotificationDto,
  ReportIncidentDto,
  UpdateIncidentDto,
} from './dto/incident.dto.js';
import { Incident } from './incident.entity.js';
import { IncidentCannotMove, IncidentClosed } from './incident.errors.js';
import { canMove, deadlinesFor, type Deadline, type IncidentState, isLate } from './incident.rules.js';
import { notificationDraft } from './notification-draft.rules.js';

type AgentActor = Actor & { type: 'agent' };

const CONTENT_FIELDS = [
  'title',
  'description',
  'dataCategories',
  'subjectsAffected',
  'recordsAffected',
  'contactPerson',
  'consequences',
  'measuresTaken',
  'measuresProposed',
  'delayReason',
] as const;

/** The breach and incident register: report, complete the notification content, record it sent, close. */
@Injectable()
export class IncidentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The deadlines of the incident as they stand now. */
  deadlines(row: Incident): Deadline[] {
    return deadlinesFor(row.kind, row.discoveredAt, row.notifiedAt, this.clock.now());
  }

  report(dto: ReportIncidentDto, actor: AgentActor): Promise<Incident> {
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const discoveredAt = new Date(dto.discoveredAt);
      if (discoveredAt > now)
        throw new InvalidInput([{ field: 'discoveredAt', reason: 'discoveredAt must not be in the future' }]);
      const row = em.create(Incident, {
        kind: dto.kind,
        discoveredAt,
        reportedById: actor.id,
        state: 'open',
        dataCategories: null,
        subjectsAffected: null,
        recordsAffected: null,
        contactPerson: null,
        consequences: null,
        measuresTaken: null,
        measuresProposed: null,
        delayReason: null,
        ...contentOf(dto),
        notifiedAt: null,
        notifiedTo: null,
        notificationReference: null,
        notifiedById: null,
        closedAt: null,
        closedById: null,
        closingReason: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(Incident, row);
      await this.audit.record(em, actor, [
        {
          action: 'incident.report',
          recordType: 'incident',
          recordId: row.id,
          fields: { kind: [null, row.kind], discoveredAt: [null, row.discoveredAt.toISOString()] },
        },
      ]);
      return row;
    });
  }

  list(state?: IncidentState): Promise<Incident[]> {
    return this.dataSource.getRepository(Incident).find({
      where: state ? { state } : {},
      order: { discoveredAt: 'DESC', id: 'ASC' },
      take: 500,
    });
  }

  get(id: string): Promise<Incident> {
    return this.load(this.dataSource.manager, id);
  }

  /** Completes or corrects the notification content while the incident is not closed. */
  update(id: string, dto: UpdateIncidentDto, actor: AgentActor): Promise<Incident> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.load(em, id);
      if (row.state === 'closed') throw new IncidentClosed(id);
      const content = contentOf(dto);
      const changed = Object.fromEntries(
        Object.entries(content).filter(([field, value]) => row[field as keyof Incident] !== value),
      );
      const changes = { ...content, version: row.version + 1, updatedAt: this.clock.now() };
      await this.saveVersioned(em, row, dto.version, changes);
      await this.audit.record(em, actor, [
        {
          action: 'incident.update',
          recordType: 'incident',
          recordId: id,
          fields: Object.fromEntries(
            Object.keys(changed).map((field) => [field, [row[field as keyof Incident], changed[field]]]),
          ) as Record<string, [unknown, unknown]>,
        },
      ]);
      return Object.assign(row, changes);
    });
  }

  /** Records that the authority was told; a late notification must say why it is late (Decree 13/2023 art. 23). */
  recordNotification(id: string, dto: RecordNotificationDto, actor: AgentActor): Promise<Incident> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.load(em, id);
      this.checkMove(row, 'notified');
      const now = this.clock.now();
      const notifiedAt = dto.notifiedAt ? new Date(dto.notifiedAt) : now;
      const delayReason = dto.delayReason?.trim() || row.delayReason;
      const problems: FieldReason[] = [];
      if (notifiedAt > now)
        problems.push({ field: 'notifiedAt', reason: 'notifiedAt must not be in the future' });
      if (notifiedAt < row.discoveredAt)
        problems.push({ field: 'notifiedAt', reason: 'notifiedAt must not be before the discovery' });
      if (isLate(row.kind, row.discoveredAt, notifiedAt) && !delayReason)
        problems.push({ field: 'delayReason', reason: 'delayReason is required: the notification is late' });
      if (problems.length > 0) throw new InvalidInput(problems);
      const changes = {
        state: 'notified' as const,
        notifiedAt,
        notifiedTo: dto.notifiedTo.trim(),
        notificationReference: dto.reference?.trim() || null,
        notifiedById: actor.id,
        delayReason,
        version: row.version + 1,
        updatedAt: now,
      };
      await this.saveVersioned(em, row, dto.version, changes);
      await this.audit.record(em, actor, [
        {
          action: 'incident.notified',
          recordType: 'incident',
          recordId: id,
          fields: {
            state: [row.state, 'notified'],
            notifiedAt: [null, notifiedAt.toISOString()],
            notifiedTo: [null, changes.notifiedTo],
          },
          reason: delayReason,
        },
      ]);
      return Object.assign(row, changes);
    });
  }

  /** Closes a notified incident, or an open one found to need no notification (with the reason). */
  close(id: string, dto: CloseIncidentDto, actor: AgentActor): Promise<Incident> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.load(em, id);
      this.checkMove(row, 'closed');
      const reason = dto.reason?.trim() || null;
      if (row.state === 'open' && !reason)
        throw new InvalidInput([
          { field: 'reason', reason: 'reason is required to close an incident that was never notified' },
        ]);
      const now = this.clock.now();
      const changes = {
        state: 'closed' as const,
        closedAt: now,
        closedById: actor.id,
        closingReason: reason,
        version: row.version + 1,
        updatedAt: now,
      };
      await this.saveVersioned(em, row, dto.version, changes);
      await this.audit.record(em, actor, [
        {
          action: 'incident.close',
          recordType: 'incident',
          recordId: id,
          fields: { state: [row.state, 'closed'] },
          reason,
        },
      ]);
      return Object.assign(row, changes);
    });
  }

  /** The notification to the authority, assembled in Vietnamese; taking it out of the desk is audited. */
  draft(id: string, actor: AgentActor) {
    return this.dataSource.transaction(async (em) => {
      const row = await this.load(em, id);
      const now = this.clock.now();
      const draft = notificationDraft(
        row,
        deadlinesFor(row.kind, row.discoveredAt, row.notifiedAt, now),
        isLate(row.kind, row.discoveredAt, row.notifiedAt ?? now),
      );
      await this.audit.record(em, actor, [
        { action: 'incident.draft', recordType: 'incident', recordId: id, fields: ['notificationDraft'] },
      ]);
      return draft;
    });
  }

  private checkMove(row: Incident, to: IncidentState): void {
    const move = canMove(row.state, to);
    if (!move.allowed) throw new IncidentCannotMove(move.reason);
  }

  private async saveVersioned(
    em: EntityManager,
    row: Incident,
    sentVersion: number,
    changes: Partial<Incident>,
  ): Promise<void> {
    const stale = () => new StaleVersion('The incident', sentVersion, { version: row.version, changed: {} });
    if (row.version !== sentVersion) throw stale();
    const result = await em.update(Incident, { id: row.id, version: row.version }, changes);
    if (result.affected !== 1) throw stale();
  }

  private async load(em: EntityManager, id: string): Promise<Incident> {
    const row = await em.findOne(Incident, { where: { id } });
    if (!row) throw new NotFound('incident', id);
    return row;
  }
}

/** The content fields the DTO carries, trimmed; a field left out keeps its value, an empty one clears it. */
function contentOf(dto: IncidentContentDto): Partial<Pick<Incident, (typeof CONTENT_FIELDS)[number]>> {
  const content: Record<string, string | number | null> = {};
  for (const field of CONTENT_FIELDS) {
    const value = dto[field];
    if (value === undefined) continue;
    content[field] = typeof value === 'string' ? value.trim() || null : value;
  }
  return content;
}
