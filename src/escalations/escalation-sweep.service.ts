import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThanOrEqual } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { Agent } from '../auth/agent.entity.js';
import { formatLocal } from '../common/time.js';
import { forUpdate } from '../database/locking.js';
import { MailTemplatesService } from '../mail/outbound/mail-templates.service.js';
import { withTicketToken } from '../mail/outbound/mail-subject.rules.js';
import { NotificationsService, type StaffNotice } from '../notifications/notifications.service.js';
import { Queue, QueueMember } from '../queues/queue.entity.js';
import { isWorkingTime, nextWorkingStart, type BusinessCalendar } from '../sla/business-calendar.js';
import { SlaClocksService } from '../sla/sla-clocks.service.js';
import { SlaPoliciesService } from '../sla/sla-policies.service.js';
import type { ActivePolicy } from '../sla/sla-policy.entity.js';
import { planClock, raisedPriority, type EscalationStep } from '../sla/sla.rules.js';
import { EscalationFiring, TicketSlaClock } from '../sla/ticket-sla-clock.entity.js';
import { displayNumber, type Priority, Ticket } from '../tickets/ticket.entity.js';
import { type TicketChange, TicketsService } from '../tickets/tickets.service.js';
import { bulkInsert } from '../database/bulk-insert.js';

const TARGET_NAMES: Record<string, { vi: string; en: string }> = {
  first_response: { vi: 'phản hồi đầu tiên', en: 'first response' },
  next_response: { vi: 'phản hồi tiếp theo', en: 'next response' },
  resolution: { vi: 'giải quyết', en: 'resolution' },
};

/** A notifying step falling due on one clock. */
interface Notice {
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
 * same transaction as its effects, and the tickets are locked (`SKIP LOCKED` on MySQL/MariaDB), so a step
 * fires once however many instances scan at the same time. Effects are gathered per batch: one insert of
 * firings, of notifications and of mails, one change per ticket, one re-timing of the batch's clocks.
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
  async sweep(now: Date, batchSize = 200): Promise<{ clocks: number; fired: number }> {
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
    const clocks = await em.find(TicketSlaClock, { where: { ticketId: In([...tickets.keys()]) } });
    const settings = await this.policies.settings(em);
    const fired = await this.clocks.firedSteps(em, clocks);
    const firings: Omit<EscalationFiring, 'id'>[] = [];
    const breached = new Set<string>();
    const notices: Notice[] = [];
    const dueClocks = clocks.filter((clock) => clock.nextCheckAt && clock.nextCheckAt <= now);
    for (const clock of dueClocks) {
      const ticket = tickets.get(clock.ticketId)!;
      // A clock whose policy was switched off or lost its target is re-timed below under what applies now.
      const policy = settings.policies.find((candidate) => candidate.id === clock.policyId);
      const spec = policy?.targets[clock.target];
      if (!policy || !spec) continue;
      const calendar = this.clocks.calendarOf(policy, settings.calendars);
      const plan = planClock(calendar, spec, clock, policy.ladder, fired.get(clock.id) ?? new Set(), now);
      if (plan.breachedNow) {
        clock.breachedAt = clock.dueAt;
        breached.add(clock.id);
      }
      for (const { step, index } of plan.due) {
        firings.push({
          clockId: clock.id,
          ticketId: ticket.id,
          target: clock.target,
          cycle: clock.cycle,
          step: index,
          action: step.action,
          firedAt: now,
        });
        if (!fired.has(clock.id)) fired.set(clock.id, new Set());
        fired.get(clock.id)!.add(index);
        if (step.action === 'notify_assignee' || step.action === 'notify_supervisors') {
          notices.push({ step, ticket, clock, policy, calendar, now });
        }
      }
    }
    await bulkInsert(em, EscalationFiring, firings);
    // Notices first: they describe the ticket as it was when the step fell due.
    await this.notify(em, notices);
    const activeQueue = memo((id: string) => em.findOne(Queue, { where: { id, isActive: true } }));
    const ticketChanges = [];
    for (const ticket of tickets.values()) {
      const own = firings.filter((firing) => firing.ticketId === ticket.id);
      const change = await this.ticketChange(ticket, own, settings.policies, clocks, activeQueue);
      if (change.changes.length > 0) ticketChanges.push({ ticket, ...change });
    }
    await this.tickets.commitLocked(em, ticketChanges, SYSTEM_ACTOR, now);
    // Every ticket of the batch, moved or not, is re-timed once: due times, next checks, the ticket's due.
    await this.clocks.retime(em, [...tickets.values()], clocks, fired, now, breached);
    return {
      clocks: dueClocks.length,
      fired: firings.length,
      more: candidates.length > locked.length || locked.length === batchSize,
    };
  }

  /** What the fired steps do to a ticket: raise its priority, move it to the escalation queue. */
  private async ticketChange(
    ticket: Ticket,
    firings: Omit<EscalationFiring, 'id'>[],
    policies: ActivePolicy[],
    clocks: TicketSlaClock[],
    activeQueue: (id: string) => Promise<Queue | null>,
  ): Promise<{ fields: Partial<Ticket>; changes: TicketChange[] }> {
    const fields: Partial<Ticket> = {};
    const changes: TicketChange[] = [];
    for (const firing of firings) {
      const clock = clocks.find((candidate) => candidate.id === firing.clockId)!;
      const step = policies.find((policy) => policy.id === clock.policyId)!.ladder[firing.step];
      if (step.action === 'raise_priority') {
        const from = fields.priority ?? ticket.priority;
        const to = raisedPriority(from) as Priority | null;
        if (to) {
          fields.priority = to;
          changes.push({ kind: 'priority_changed', from, to });
        }
      }
      if (step.action === 'reassign' && step.queueId && step.queueId !== (fields.queueId ?? ticket.queueId)) {
        const queue = await activeQueue(step.queueId);
        if (!queue) continue;
        changes.push({ kind: 'queue_changed', from: fields.queueId ?? ticket.queueId, to: queue.id });
        fields.queueId = queue.id;
        if (ticket.assigneeId && fields.assigneeId === undefined) {
          changes.push({ kind: 'assignee_changed', from: ticket.assigneeId, to: null });
          fields.assigneeId = null;
        }
      }
    }
    return { fields, changes };
  }

  /** Mails and in-app notices in each agent's language and zone; held to business hours unless urgent. */
  private async notify(em: EntityManager, notices: Notice[]): Promise<void> {
    if (notices.length === 0) return;
    const render = this.templates.renderer(em);
    const staffOf = memo((queueId: string) => this.supervisorsOf(em, queueId));
    const agentOf = memo((id: string) => em.findOne(Agent, { where: { id, isActive: true } }));
    const queueName = memo(
      async (id: string) =>
        (await em.findOne(Queue, { where: { id }, select: { id: true, name: true } }))?.name ?? '',
    );
    const sends: { agent: Agent; notice: StaffNotice }[] = [];
    for (const { step, ticket, clock, policy, calendar, now } of notices) {
      const assignee =
        step.action === 'notify_assignee' && ticket.assigneeId ? await agentOf(ticket.assigneeId) : null;
      const staff = assignee ? [assignee] : await staffOf(ticket.queueId);
      const urgent = policy.urgentNotifications || ticket.priority === 'urgent';
      const deliverAt = urgent || isWorkingTime(calendar, now) ? now : nextWorkingStart(calendar, now);
      const key = step.at === 'before_breach' ? 'sla_warning' : 'sla_breach';
      for (const agent of staff) {
        const language = agent.language === 'en' ? 'en' : 'vi';
        const text = await render(key, language, {
          ticketNumber: displayNumber(ticket.number),
          subject: ticket.subject,
          target: TARGET_NAMES[clock.target][language],
          dueAt: clock.dueAt ? formatLocal(clock.dueAt, agent.timeZone) : '',
          queueName: await queueName(ticket.queueId),
        });
        sends.push({
          agent,
          notice: {
            kind: key,
            ticketId: ticket.id,
            title: withTicketToken(text.subject, ticket.number),
            body: text.bodyText,
            deliverAt,
          },
        });
      }
    }
    await this.notifications.notifyEach(em, sends);
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

/** Calls `load` once per key within one batch. */
function memo<T>(load: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const seen = new Map<string, Promise<T>>();
  return (key) => {
    if (!seen.has(key)) seen.set(key, load(key));
    return seen.get(key)!;
  };
}
