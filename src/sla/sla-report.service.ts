import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Agent } from '../auth/agent.entity.js';
import { Clock } from '../common/clock.js';
import { InvalidInput } from '../common/errors/domain-error.js';
import { Queue } from '../queues/queue.entity.js';
import { OPEN_STATES } from '../tickets/ticket-state.rules.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { businessMinutesBetween } from './business-calendar.js';
import type { SlaReportQuery, SlaReportView } from './dto/sla-report.dto.js';
import { SlaPoliciesService } from './sla-policies.service.js';
import { ageBands, type ReportedClock, summarizeTarget } from './sla-report.rules.js';
import { TicketSlaClock } from './ticket-sla-clock.entity.js';

/** How the desk kept its SLAs over a period, per queue or per agent, in business time. */
@Injectable()
export class SlaReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: SlaPoliciesService,
    private readonly clock: Clock,
  ) {}

  async report(query: SlaReportQuery): Promise<SlaReportView> {
    const em = this.dataSource.manager;
    const now = this.clock.now();
    const from = new Date(query.from);
    const to = new Date(query.to);
    if (to <= from) throw new InvalidInput([{ field: 'to', reason: 'must be later than from' }]);
    const groupColumn = query.groupBy === 'agent' ? 'ticket.assignee_id' : 'ticket.queue_id';
    const narrow = <T extends { andWhere: (where: string, params?: object) => T }>(builder: T) => {
      if (query.queueId) builder.andWhere('ticket.queue_id = :queueId', { queueId: query.queueId });
      if (query.agentId) builder.andWhere('ticket.assignee_id = :agentId', { agentId: query.agentId });
      return builder;
    };

    const clockRows = await narrow(
      em
        .createQueryBuilder(TicketSlaClock, 'clock')
        .innerJoin(Ticket, 'ticket', 'ticket.id = clock.ticket_id')
        .select(`${groupColumn}`, 'groupKey')
        .addSelect('clock.ticket_id', 'ticketId')
        .addSelect('clock.target', 'target')
        .addSelect('clock.policy_id', 'policyId')
        .addSelect('clock.started_at', 'startedAt')
        .addSelect('clock.paused_minutes', 'pausedMinutes')
        .addSelect('clock.due_at', 'dueAt')
        .addSelect('clock.met_at', 'metAt')
        .addSelect('clock.breached_at', 'breachedAt')
        .where('ticket.created_at >= :from AND ticket.created_at < :to', { from, to }),
    ).getRawMany<Record<string, string | number | Date | null>>();
    const openRows = await narrow(
      em
        .createQueryBuilder(Ticket, 'ticket')
        .select(`${groupColumn}`, 'groupKey')
        .addSelect('ticket.created_at', 'createdAt')
        .where('ticket.state IN (:...open)', { open: OPEN_STATES }),
    ).getRawMany<Record<string, string | Date | null>>();

    const settings = await this.policies.settings(em);
    const time = (value: unknown) => (value === null || value === undefined ? null : asDate(value));
    const clocks: (ReportedClock & { ticketId: string })[] = clockRows.map((row) => {
      const policy = settings.policies.find((candidate) => candidate.id === row.policyId);
      const calendar = (policy && settings.calendars.get(policy.calendarId)) || settings.defaultCalendar;
      const [startedAt, metAt, dueAt] = [time(row.startedAt)!, time(row.metAt), time(row.dueAt)];
      return {
        group: String(row.groupKey ?? 'unassigned'),
        ticketId: String(row.ticketId),
        target: String(row.target),
        tookMinutes: metAt
          ? Math.max(0, businessMinutesBetween(calendar, startedAt, metAt) - Number(row.pausedMinutes))
          : null,
        withinTarget: metAt && dueAt ? metAt <= dueAt : null,
        breached: row.breachedAt !== null,
      };
    });
    const ages = new Map<string, number[]>();
    for (const row of openRows) {
      const group = String(row.groupKey ?? 'unassigned');
      const age = businessMinutesBetween(settings.defaultCalendar, time(row.createdAt)!, now);
      if (!ages.has(group)) ages.set(group, []);
      ages.get(group)!.push(age);
    }

    const keys = [...new Set([...clocks.map((clock) => clock.group), ...ages.keys()])].sort();
    const names = await this.namesOf(query.groupBy ?? 'queue', keys);
    return {
      from: from.toISOString(),
      to: to.toISOString(),
      groupBy: query.groupBy ?? 'queue',
      groups: keys.map((key) => {
        const own = clocks.filter((clock) => clock.group === key);
        const of = (target: string) => summarizeTarget(own.filter((clock) => clock.target === target));
        return {
          key,
          name: names.get(key) ?? key,
          tickets: new Set(own.map((clock) => clock.ticketId)).size,
          firstResponse: of('first_response'),
          nextResponse: of('next_response'),
          resolution: of('resolution'),
          openByAge: ageBands(ages.get(key) ?? []),
        };
      }),
    };
  }

  private async namesOf(groupBy: 'queue' | 'agent', keys: string[]): Promise<Map<string, string>> {
    const rows =
      groupBy === 'agent'
        ? (await this.dataSource.getRepository(Agent).find({ select: { id: true, displayName: true } })).map(
            (agent) => [agent.id, agent.displayName] as const,
          )
        : (await this.dataSource.getRepository(Queue).find({ select: { id: true, name: true } })).map(
            (queue) => [queue.id, queue.name] as const,
          );
    return new Map(rows.filter(([id]) => keys.includes(id)));
  }
}

/** Raw rows give times as Date (mysql2) or as 'YYYY-MM-DD HH:MM:SS.mmm' UTC text (SQLite). */
function asDate(value: unknown): Date {
  if (value instanceof Date) return value;
  return new Date(`${String(value).replace(' ', 'T')}Z`);
}
