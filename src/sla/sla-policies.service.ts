import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { InvalidInput, NotFound, StaleVersion } from '../common/errors/domain-error.js';
import { Queue } from '../queues/queue.entity.js';
import {
  type BusinessCalendar,
  DEFAULT_BUSINESS_CALENDAR,
  validateBusinessCalendar,
} from './business-calendar.js';
import type { SavePolicyDto, UpdateCalendarDto } from './dto/sla-admin.dto.js';
import { SlaCalendar, toBusinessCalendar } from './sla-calendar.entity.js';
import { type ActivePolicy, SlaPolicy, toPolicySpec } from './sla-policy.entity.js';
import { policyProblems } from './sla.rules.js';

const CACHE_MS = 10_000;

export interface SlaSettings {
  policies: ActivePolicy[];
  calendars: Map<string, BusinessCalendar>;
  /** The calendar marked default, for times no policy owns (ticket ages). */
  defaultCalendar: BusinessCalendar;
}

/** SLA policies and business calendars: admins edit them (checked and audited); every clock reads them. */
@Injectable()
export class SlaPoliciesService {
  private cached: { settings: SlaSettings; until: number } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Active policies in order, and the calendars they use. Cached briefly: every ticket change reads them. */
  async settings(em: EntityManager = this.dataSource.manager): Promise<SlaSettings> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.settings;
    const [policies, calendars] = await Promise.all([
      em.find(SlaPolicy, { where: { isActive: true }, order: { position: 'ASC', createdAt: 'ASC' } }),
      em.find(SlaCalendar),
    ]);
    const fallback = calendars.find((row) => row.isDefault);
    const settings = {
      policies: policies.map(toPolicySpec),
      calendars: new Map(calendars.map((row) => [row.id, toBusinessCalendar(row)])),
      defaultCalendar: fallback ? toBusinessCalendar(fallback) : DEFAULT_BUSINESS_CALENDAR,
    };
    this.cached = { settings, until: Date.now() + CACHE_MS };
    return settings;
  }

  listPolicies(): Promise<SlaPolicy[]> {
    return this.dataSource.getRepository(SlaPolicy).find({ order: { position: 'ASC', createdAt: 'ASC' } });
  }

  listCalendars(): Promise<SlaCalendar[]> {
    return this.dataSource.getRepository(SlaCalendar).find({ order: { name: 'ASC' } });
  }

  createPolicy(dto: SavePolicyDto, actor: Actor): Promise<SlaPolicy> {
    return this.changing(async (em) => {
      await this.validate(em, dto);
      const now = this.clock.now();
      const last = await em.find(SlaPolicy, { order: { position: 'DESC' }, take: 1 });
      const calendarId =
        dto.calendarId ?? (await em.findOneOrFail(SlaCalendar, { where: { isDefault: true } })).id;
      const policy = em.create(SlaPolicy, {
        position: dto.position ?? (last[0]?.position ?? 0) + 10,
        name: dto.name.trim(),
        isActive: dto.isActive ?? true,
        calendarId,
        conditions: JSON.stringify(dto.conditions ?? {}),
        targets: JSON.stringify(dto.targets),
        pauseStates: JSON.stringify(dto.pauseStates ?? ['pending_customer']),
        escalationLadder: JSON.stringify(dto.escalationLadder ?? []),
        urgentNotifications: dto.urgentNotifications ?? false,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(SlaPolicy, policy);
      await this.audit.record(em, actor, [
        { action: 'sla_policy.create', recordType: 'sla_policy', recordId: policy.id },
      ]);
      return policy;
    });
  }

  updatePolicy(id: string, dto: SavePolicyDto & { version: number }, actor: Actor): Promise<SlaPolicy> {
    return this.changing(async (em) => {
      const policy = await em.findOne(SlaPolicy, { where: { id } });
      if (!policy) throw new NotFound('SLA policy', id);
      if (policy.version !== dto.version)
        throw new StaleVersion('The SLA policy', dto.version, { version: policy.version, changed: {} });
      await this.validate(em, dto);
      const changes: Partial<SlaPolicy> = {
        name: dto.name.trim(),
        position: dto.position ?? policy.position,
        isActive: dto.isActive ?? policy.isActive,
        calendarId: dto.calendarId ?? policy.calendarId,
        conditions: JSON.stringify(dto.conditions ?? {}),
        targets: JSON.stringify(dto.targets),
        pauseStates: JSON.stringify(dto.pauseStates ?? ['pending_customer']),
        escalationLadder: JSON.stringify(dto.escalationLadder ?? []),
        urgentNotifications: dto.urgentNotifications ?? policy.urgentNotifications,
        version: policy.version + 1,
        updatedAt: this.clock.now(),
      };
      await em.update(SlaPolicy, { id, version: policy.version }, changes);
      await this.audit.record(em, actor, [
        { action: 'sla_policy.update', recordType: 'sla_policy', recordId: id },
      ]);
      return Object.assign(policy, changes);
    });
  }

  updateCalendar(id: string, dto: UpdateCalendarDto, actor: Actor): Promise<SlaCalendar> {
    return this.changing(async (em) => {
      const row = await em.findOne(SlaCalendar, { where: { id } });
      if (!row) throw new NotFound('business calendar', id);
      if (row.version !== dto.version)
        throw new StaleVersion('The business calendar', dto.version, { version: row.version, changed: {} });
      const calendar = {
        timeZone: dto.timeZone,
        workingHours: dto.workingHours,
        holidays: dto.holidays.map((holiday) => holiday.date),
        extraWorkingDays: dto.extraWorkingDays ?? [],
      };
      const problems = validateBusinessCalendar(calendar);
      if (problems.length > 0) {
        throw new InvalidInput(
          problems.map((problem) => ({ field: problem.split(':')[0], reason: problem })),
        );
      }
      const changes: Partial<SlaCalendar> = {
        name: dto.name?.trim() ?? row.name,
        timeZone: dto.timeZone,
        workingHours: JSON.stringify(dto.workingHours),
        holidays: JSON.stringify([...dto.holidays].sort((a, b) => a.date.localeCompare(b.date))),
        extraWorkingDays: JSON.stringify(calendar.extraWorkingDays),
        version: row.version + 1,
        updatedAt: this.clock.now(),
      };
      await em.update(SlaCalendar, { id, version: row.version }, changes);
      await this.audit.record(em, actor, [
        { action: 'business_calendar.update', recordType: 'business_calendar', recordId: id },
      ]);
      return Object.assign(row, changes);
    });
  }

  private async validate(em: EntityManager, dto: SavePolicyDto): Promise<void> {
    const queueIds = new Set((await em.find(Queue, { select: { id: true } })).map((queue) => queue.id));
    const calendarOk = !dto.calendarId || (await em.exists(SlaCalendar, { where: { id: dto.calendarId } }));
    const problems = [
      ...policyProblems(dto, (queueId) => queueIds.has(queueId)),
      ...(calendarOk ? [] : [{ field: 'calendarId', reason: 'no such business calendar' }]),
    ];
    if (problems.length > 0) throw new InvalidInput(problems);
  }

  private async changing<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.cached = null;
    return result;
  }
}
