import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { Agent } from '../auth/agent.entity.js';
import { formatLocal } from '../common/time.js';
import { forUpdate } from '../database/locking.js';
import { MailTemplatesService } from '../mail/outbound/mail-templates.service.js';
import { withTicketToken } from '../mail/outbound/mail-subject.rules.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { Queue, QueueMember } from '../queues/queue.entity.js';
import { isWorkingTime, nextWorkingStart, type BusinessCalendar } from '../sla/business-calendar.js';
import { SlaClocksService } from '../sla/sla-clocks.service.js';
import { SlaPoliciesService } from '../sla/sla-policies.service.js';
import type { ActivePolicy } from '../sla/sla-policy.entity.js';
import { planClock, raisedPriority, type EscalationStep } from '../sla/sla.rules.js';
import { EscalationFiring, TicketSlaClock } from '../sla/ticket-sla-clock.entity.js';
import { displayNumber, type Priority, Ticket } from '../tickets/ticket.entity.js';
import { TicketsService } from '../tickets/tickets.service.js';

const TARGET_NAMES: Record<string, { vi: string; en: string }> = {
  first_response: { vi: 'phản hồi đầu tiên', en: 'first response' },
  next_response: { vi: 'phản hồi tiếp theo', en: 'next response' },
  resolution: { vi: 'giải quyết', en: 'resolution' },
};

/** One ladder step falling due on one clock. */
interface Firing {
  step: EscalationStep;
  ticket: Ticket;
  clock: TicketSlaClock;
  policy: ActivePolicy;
  calendar: BusinessCalendar;
  now: Date;
}

/**
 * Fires the escalation ladder: every minute it takes the clocks whose next check has come, batch by batch,
 * and runs the steps that fell due. Each step is recorded under a unique key (clock, cycle, step) in the
 * same transaction as its effects, and the clocks are locked (`SKIP LOCKED` on MySQL/MariaDB), so a step
 * fires once however many instances scan at the same time.
 */
@Injectable()
export class EscalationSweepService {
  private readonly logger = new Logger(EscalationSweepService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: SlaPoliciesService,
    private readonly clocks: SlaClocksService,
    private readonly tickets: TicketsService,
    private readonly notifications: NotificationsService,
    private readonly templates: MailTemplatesService,
  ) {}

  /** One pass over everything due at `now`. Returns how many steps fired. */
  async sweep(now: Date, batchSize = 100): Promise<{ clocks: number; fired: number }> {
    const total = { clocks: 0, fired: 0 };
    for (;;) {
      const batch = await this.inTransaction((em) => this.sweepBatch(em, now, batchSize));
      total.clocks += batch.clocks;
      total.fired += batch.fired;
      if (!batch.more) break;
    }
    if (total.fired > 0) this.logger.log(total, 'escalation steps fired');
    return total;
  }

  /**
   * Takes up to `batchSize` tickets with a clock due, locking the tickets (every writer of clocks holds its
   * ticket's row first, so locking tickets alone keeps scanners and agents out of each other's way).
   */
  private async sweepBatch(em: EntityManager, now: Date, batchSize: number) {
    const candidates = (await em
      .createQueryBuilder(TicketSlaClock, 'clock')
      .select('clock.ticket_id', 'ticketId')
      .where({ nextCheckAt: LessThanOrEqual(now) })
      .groupBy('clock.ticket_id')
      .orderBy('MIN(clock.next_check_at)', 'ASC')
      .limit(batchSize * 4)
      .getRawMany()) as { ticketId: string }[];
    if (candidates.length === 0) return { clocks: 0, fired: 0, more: false };
    const locked = await forUpdate(
      em
        .createQueryBuilder(Ticket, 'ticket')
        .where({ id: In(candidates.map((row) => row.ticketId)) })
        .orderBy('ticket.id', 'ASC')
        .take(batchSize),
      { skipLocked: true },
    ).getMany();
    // Everything due is being handled by another instance right now.
    if (locked.length === 0) return { clocks: 0, fired: 0, more: false };
    const tickets = new Map(locked.map((ticket) => [ticket.id, ticket]));
    const clocks = await em.find(TicketSlaClock, {
      where: { ticketId: In([...tickets.keys()]), nextCheckAt: LessThanOrEqual(now) },
      order: { nextCheckAt: 'ASC' },
    });
    const settings = await this.policies.settings(em);
    const fired = await this.clocks.firedSteps(em, clocks);
    let count = 0;
    for (const clock of clocks) {
      const ticket = tickets.get(clock.ticketId)!;
      const policy = settings.policies.find((candidate) => candidate.id === clock.policyId);
      const spec = policy?.targets[clock.target];
      if (!policy || !spec) {
        // The policy was switched off or lost this target: re-time the ticket under what applies now.
        await em.update(TicketSlaClock, { id: clock.id }, { nextCheckAt: null });
        await this.clocks.sync(em, ticket, { kind: 'recompute' }, now);
        continue;
      }
      const calendar = this.clocks.calendarOf(policy, settings.calendars);
      const plan = planClock(calendar, spec, clock, policy.ladder, fired.get(clock.id) ?? new Set(), now);
      if (plan.due.length > 0) {
        await em.insert(
          EscalationFiring,
          plan.due.map(({ step, index }) => ({
            clockId: clock.id,
            ticketId: ticket.id,
            target: clock.target,
            cycle: clock.cycle,
            step: index,
            action: step.action,
            firedAt: now,
          })),
        );
      }
      await em.update(
        TicketSlaClock,
        { id: clock.id },
        { nextCheckAt: plan.nextCheckAt, ...(plan.breachedNow ? { breachedAt: clock.dueAt } : {}) },
      );
      for (const { step } of plan.due) {
        await this.fire(em, { step, ticket, clock, policy, calendar, now });
        count += 1;
      }
    }
    return {
      clocks: clocks.length,
      fired: count,
      more: candidates.length > locked.length || locked.length === batchSize,
    };
  }

  private async fire(em: EntityManager, firing: Firing): Promise<void> {
    const { step, ticket, now } = firing;
    switch (step.action) {
      case 'notify_assignee': {
        const assignee = ticket.assigneeId
          ? await em.findOne(Agent, { where: { id: ticket.assigneeId, isActive: true } })
          : null;
        const staff = assignee ? [assignee] : await this.supervisorsOf(em, ticket.queueId);
        return this.notify(em, staff, firing);
      }
      case 'notify_supervisors':
        return this.notify(em, await this.supervisorsOf(em, ticket.queueId), firing);
      case 'raise_priority': {
        const priority = raisedPriority(ticket.priority) as Priority | null;
        if (!priority) return;
        await this.tickets.commitChange(
          em,
          ticket,
          { priority },
          [{ kind: 'priority_changed', from: ticket.priority, to: priority }],
          SYSTEM_ACTOR,
          now,
        );
        return;
      }
      case 'reassign': {
        const queue = step.queueId
          ? await em.findOne(Queue, { where: { id: step.queueId, isActive: true } })
          : null;
        if (!queue || queue.id === ticket.queueId) return;
        await this.tickets.commitChange(
          em,
          ticket,
          { queueId: queue.id, assigneeId: null },
          [
            { kind: 'queue_changed', from: ticket.queueId, to: queue.id },
            ...(ticket.assigneeId
              ? [{ kind: 'assignee_changed' as const, from: ticket.assigneeId, to: null }]
              : []),
          ],
          SYSTEM_ACTOR,
          now,
        );
        return;
      }
    }
  }

  /** Mails and in-app notices in each agent's language and zone; held to business hours unless urgent. */
  private async notify(em: EntityManager, staff: Agent[], firing: Firing): Promise<void> {
    const { step, ticket, clock, policy, calendar, now } = firing;
    const urgent = policy.urgentNotifications || ticket.priority === 'urgent';
    const deliverAt = urgent || isWorkingTime(calendar, now) ? now : nextWorkingStart(calendar, now);
    const key = step.at === 'before_breach' ? 'sla_warning' : 'sla_breach';
    const queue = await em.findOne(Queue, {
      where: { id: ticket.queueId },
      select: { id: true, name: true },
    });
    for (const agent of staff) {
      const language = agent.language === 'en' ? 'en' : 'vi';
      const text = await this.templates.render(em, key, language, {
        ticketNumber: displayNumber(ticket.number),
        subject: ticket.subject,
        target: TARGET_NAMES[clock.target][language],
        dueAt: clock.dueAt ? formatLocal(clock.dueAt, agent.timeZone) : '',
        queueName: queue?.name ?? '',
      });
      await this.notifications.notify(em, [agent], {
        kind: key,
        ticketId: ticket.id,
        title: withTicketToken(text.subject, ticket.number),
        body: text.bodyText,
        deliverAt,
      });
    }
  }

  /** The queue's supervisors; every active supervisor when it has none; admins when there are none at all. */
  private async supervisorsOf(em: EntityManager, queueId: string): Promise<Agent[]> {
    const members = await em.find(QueueMember, { where: { queueId }, select: { agentId: true } });
    const inQueue = members.length
      ? await em.find(Agent, {
          where: { id: In(members.map((member) => member.agentId)), role: 'supervisor', isActive: true },
        })
      : [];
    if (inQueue.length) return inQueue;
    const supervisors = await em.find(Agent, { where: { role: 'supervisor', isActive: true } });
    return supervisors.length ? supervisors : em.find(Agent, { where: { role: 'admin', isActive: true } });
  }

  private inTransaction<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    // READ COMMITTED on MySQL/MariaDB: locking reads take no gap locks, so two scanners only skip each other.
    return this.dataSource.options.type === 'mysql'
      ? this.dataSource.transaction('READ COMMITTED', work)
      : this.dataSource.transaction(work);
  }
}
