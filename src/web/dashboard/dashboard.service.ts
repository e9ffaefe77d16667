import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Agent } from '../../auth/agent.entity.js';
import { Clock } from '../../common/clock.js';
import { formatLocal } from '../../common/time.js';
import { NotificationsService } from '../../notifications/notifications.service.js';
import { type QueueWithMembers, QueuesService } from '../../queues/queues.service.js';
import { businessMinutesBetween } from '../../sla/business-calendar.js';
import { SlaClocksService } from '../../sla/sla-clocks.service.js';
import { SlaPoliciesService, type SlaSettings } from '../../sla/sla-policies.service.js';
import { remainingMinutes } from '../../sla/sla.rules.js';
import type { TicketSlaClock } from '../../sla/ticket-sla-clock.entity.js';
import { displayNumber } from '../../tickets/ticket.entity.js';
import type { MessageKey } from '../i18n.js';
import { agentLanguage } from '../page-responder.js';
import {
  backlogByQueueAndAge,
  breachedClocks,
  clocksDueBy,
  escalationsSince,
  metClocks,
  ticketHeadings,
} from './dashboard.queries.js';
import {
  AT_RISK_HOURS,
  ageBandCutoffs,
  BACKLOG_AGE_BANDS,
  type BacklogAgeBand,
  businessHours,
  type ChartBucket,
  chartBuckets,
  type DashboardPeriod,
  isWeekly,
  type MetClock,
  responseTimesByBucket,
} from './dashboard.rules.js';
import { responseTimeChart } from './response-time-chart.js';

/** Rows shown per list; the headings say how many there are in all. */
const LIST_LIMIT = 50;
const NOTIFICATIONS_SHOWN = 20;
const HOUR_MS = 3_600_000;

const TARGET_KEYS: Record<string, MessageKey> = {
  first_response: 'dashboard.target.firstResponse',
  next_response: 'dashboard.target.nextResponse',
  resolution: 'dashboard.target.resolution',
};
const ACTION_KEYS: Record<string, MessageKey> = {
  notify_assignee: 'dashboard.action.notifyAssignee',
  notify_supervisors: 'dashboard.action.notifySupervisors',
  raise_priority: 'dashboard.action.raisePriority',
  reassign: 'dashboard.action.reassign',
};

/**
 * What a supervisor watches: the backlog by queue and age, SLA targets breached or about to be, response
 * times over a period, escalation steps fired and their own notifications. Times shown in their zone.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueuesService,
    private readonly policies: SlaPoliciesService,
    private readonly clocks: SlaClocksService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async page(agent: Agent, period: DashboardPeriod) {
    const now = this.clock.now();
    const buckets = chartBuckets(now, agent.timeZone, period);
    const [settings, queues] = await Promise.all([this.policies.settings(), this.queues.list()]);
    const queueNames = new Map(queues.map(({ queue }) => [queue.id, queue.name]));
    const [backlog, sla, responseTimes, escalations, notifications] = await Promise.all([
      this.backlog(queues, now),
      this.slaAtRisk(agent, settings, queueNames, now),
      this.responseTimes(agent, settings, buckets, period),
      this.escalations(agent, buckets[0].start),
      this.notifications.list(agent.id, false),
    ]);
    return {
      period,
      bands: BACKLOG_AGE_BANDS,
      backlog,
      sla,
      atRiskHours: AT_RISK_HOURS,
      responseTimes,
      escalations,
      notifications: notifications.slice(0, NOTIFICATIONS_SHOWN).map((notice) => ({
        ...notice,
        shownAt: formatLocal(new Date(notice.deliverAt), agent.timeZone),
      })),
    };
  }

  markNotificationRead(agent: Agent, id: string) {
    return this.notifications.markRead(agent.id, id);
  }

  /** Every active queue (and any inactive one still holding open tickets) with its open tickets by age. */
  private async backlog(queues: QueueWithMembers[], now: Date) {
    const rows = await backlogByQueueAndAge(this.dataSource.manager, ageBandCutoffs(now));
    const counted = new Map(rows.map((row) => [row.queueId, row]));
    const empty = Object.fromEntries(BACKLOG_AGE_BANDS.map((band) => [band, 0])) as Record<
      BacklogAgeBand,
      number
    >;
    const lines = queues
      .filter(({ queue }) => queue.isActive || counted.has(queue.id))
      .map(({ queue }) => {
        const bands = { ...empty, ...counted.get(queue.id) };
        return {
          queueId: queue.id,
          name: queue.name,
          bands,
          total: sum(BACKLOG_AGE_BANDS.map((band) => bands[band])),
        };
      });
    const totals = Object.fromEntries(
      BACKLOG_AGE_BANDS.map((band) => [band, sum(lines.map((line) => line.bands[band]))]),
    ) as Record<BacklogAgeBand, number>;
    return { queues: lines, totals, total: sum(lines.map((line) => line.total)) };
  }

  /** Targets already past their due time, and those due within the next AT_RISK_HOURS. */
  private async slaAtRisk(agent: Agent, settings: SlaSettings, queueNames: Map<string, string>, now: Date) {
    const em = this.dataSource.manager;
    const horizon = new Date(now.getTime() + AT_RISK_HOURS * HOUR_MS);
    const [[breached, breachedCount], [atRisk, atRiskCount]] = await Promise.all([
      breachedClocks(em, now, LIST_LIMIT),
      clocksDueBy(em, now, horizon, LIST_LIMIT),
    ]);
    const tickets = await ticketHeadings(
      em,
      [...breached, ...atRisk].map((clock) => clock.ticketId),
    );
    const language = agentLanguage(agent);
    const shown = (clock: TicketSlaClock) => {
      const ticket = tickets.get(clock.ticketId)!;
      const policy = settings.policies.find((candidate) => candidate.id === clock.policyId);
      const left = remainingMinutes(this.clocks.calendarOf(policy, settings.calendars), clock, now) ?? 0;
      return {
        ticketId: ticket.id,
        number: displayNumber(ticket.number),
        subject: ticket.subject,
        queueName: queueNames.get(ticket.queueId) ?? '',
        targetKey: TARGET_KEYS[clock.target],
        dueAt: formatLocal(clock.dueAt!, agent.timeZone),
        businessHours: businessHours(Math.abs(left), language),
      };
    };
    return {
      breached: breached.map(shown),
      breachedCount,
      atRisk: atRisk.map(shown),
      atRiskCount,
    };
  }

  /** Median business hours to the first response and to resolution, per bucket, as a chart and a table. */
  private async responseTimes(
    agent: Agent,
    settings: SlaSettings,
    buckets: ChartBucket[],
    period: DashboardPeriod,
  ) {
    const met = await metClocks(this.dataSource.manager, buckets[0].start, buckets[buckets.length - 1].end);
    const measured: MetClock[] = met.map((clock) => {
      const policy = settings.policies.find((candidate) => candidate.id === clock.policyId);
      const calendar = this.clocks.calendarOf(policy, settings.calendars);
      return {
        group: '',
        target: clock.target,
        metAt: clock.metAt!,
        tookMinutes: Math.max(
          0,
          businessMinutesBetween(calendar, clock.startedAt, clock.metAt!) - clock.pausedMinutes,
        ),
        withinTarget: clock.dueAt ? clock.metAt! <= clock.dueAt : null,
        breached: clock.breachedAt !== null,
      };
    });
    const language = agentLanguage(agent);
    const rows = responseTimesByBucket(buckets, measured);
    const hours = (minutes: number | null) => (minutes === null ? null : minutes / 60);
    const chart = responseTimeChart(
      rows.map((row) => row.label),
      [
        { key: 'firstResponse', values: rows.map((row) => hours(row.firstResponse.medianBusinessMinutes)) },
        { key: 'resolution', values: rows.map((row) => hours(row.resolution.medianBusinessMinutes)) },
      ],
      (value) => businessHours(value * 60, language),
    );
    const cell = (minutes: number | null) => (minutes === null ? '—' : businessHours(minutes, language));
    const share = (value: number | null) =>
      value === null ? '—' : new Intl.NumberFormat(language, { style: 'percent' }).format(value);
    return {
      chart,
      unitKey: (isWeekly(period) ? 'dashboard.unit.week' : 'dashboard.unit.day') satisfies MessageKey,
      axisKey: (isWeekly(period) ? 'dashboard.axisWeek' : 'dashboard.axisDay') satisfies MessageKey,
      rows: rows.map((row) => ({
        label: row.label,
        firstResponse: { ...row.firstResponse, hours: cell(row.firstResponse.medianBusinessMinutes) },
        resolution: { ...row.resolution, hours: cell(row.resolution.medianBusinessMinutes) },
        firstResponseWithin: share(row.firstResponse.withinTargetShare),
        resolutionWithin: share(row.resolution.withinTargetShare),
      })),
    };
  }

  private async escalations(agent: Agent, since: Date) {
    const em = this.dataSource.manager;
    const firings = await escalationsSince(em, since, LIST_LIMIT);
    const tickets = await ticketHeadings(
      em,
      firings.map((firing) => firing.ticketId),
    );
    return firings.map((firing) => {
      const ticket = tickets.get(firing.ticketId)!;
      return {
        ticketId: ticket.id,
        number: displayNumber(ticket.number),
        subject: ticket.subject,
        targetKey: TARGET_KEYS[firing.target],
        actionKey: ACTION_KEYS[firing.action] ?? 'dashboard.action.other',
        firedAt: formatLocal(firing.firedAt, agent.timeZone),
      };
    });
  }
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
