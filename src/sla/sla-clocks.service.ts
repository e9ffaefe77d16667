import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Customer } from '../customers/customer.entity.js';
import { bulkInsert, bulkUpsert } from '../database/bulk-insert.js';
import { forUpdate } from '../database/locking.js';
import { Category } from '../tickets/category.entity.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { type BusinessCalendar, DEFAULT_BUSINESS_CALENDAR } from './business-calendar.js';
import { SlaClockView } from './dto/sla-clock.view.js';
import type { ActivePolicy } from './sla-policy.entity.js';
import { SlaPoliciesService, type SlaSettings } from './sla-policies.service.js';
import {
  choosePolicy,
  clockState,
  dueTime,
  planClock,
  remainingMinutes,
  SLA_TARGETS,
  type TicketSlaFacts,
} from './sla.rules.js';
import { advanceClocks, type ClockEvent, DONE_STATES } from './sla-clocks.rules.js';
import { EscalationFiring, TicketSlaClock } from './ticket-sla-clock.entity.js';

/** Ticket changes that can move a clock. */
const CLOCK_CHANGES = new Set([
  'state_changed',
  'reopened',
  'priority_changed',
  'queue_changed',
  'category_changed',
  'message_added',
]);

/** Keeps each ticket's SLA clocks: started, met, paused, resumed and re-timed as the ticket changes. */
@Injectable()
export class SlaClocksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: SlaPoliciesService,
  ) {}

  /** Brings the ticket's clocks up to date after `event`, within the caller's transaction. */
  async sync(em: EntityManager, ticket: Ticket, event: ClockEvent, now: Date): Promise<void> {
    if (event.kind === 'changed' && !event.changes.some((change) => CLOCK_CHANGES.has(change.kind))) return;
    const clocks = await em.find(TicketSlaClock, { where: { ticketId: ticket.id } });
    const facts = await this.factsOf(em, [ticket]);
    const fired = await this.firedSteps(em, clocks);
    await this.apply(em, [{ ticket, facts: facts.get(ticket.id)!, clocks, event }], fired, now);
  }

  /** Re-times every open ticket's clocks, one transaction per batch (after a policy or calendar change). */
  async recomputeAll(now: Date, batchSize = 500): Promise<number> {
    let after = '';
    let count = 0;
    for (;;) {
      const done = await this.dataSource.transaction(async (em) => {
        // Locked, as every writer of a ticket's clocks holds its row: a reply landing now is not undone.
        const tickets = await forUpdate(
          em
            .createQueryBuilder(Ticket, 'ticket')
            .where('ticket.id > :after', { after })
            .andWhere('ticket.state NOT IN (:...done)', { done: DONE_STATES })
            .orderBy('ticket.id', 'ASC')
            .take(batchSize),
        ).getMany();
        if (tickets.length === 0) return true;
        const ids = tickets.map((ticket) => ticket.id);
        const clocks = await em.find(TicketSlaClock, { where: { ticketId: In(ids) } });
        await this.retime(em, tickets, clocks, await this.firedSteps(em, clocks), now);
        count += tickets.length;
        after = ids[ids.length - 1];
        return tickets.length < batchSize;
      });
      if (done) return count;
    }
  }

  /**
   * Re-times already loaded tickets and all their clocks under the policies that apply now (after the
   * escalation scan changed them, or an admin changed a policy), writing only what moved.
   */
  async retime(
    em: EntityManager,
    tickets: Ticket[],
    clocks: TicketSlaClock[],
    fired: Map<string, Set<number>>,
    now: Date,
    /** Clocks the caller already changed, to be written whatever re-timing does. */
    changed: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    const facts = await this.factsOf(em, tickets);
    const byTicket = new Map<string, TicketSlaClock[]>(tickets.map((ticket) => [ticket.id, []]));
    for (const clock of clocks) byTicket.get(clock.ticketId)?.push(clock);
    const event = { kind: 'recompute' } as const;
    const items = tickets.map((ticket) => ({
      ticket,
      facts: facts.get(ticket.id)!,
      clocks: byTicket.get(ticket.id)!,
      event,
    }));
    await this.apply(em, items, fired, now, changed);
  }

  /** The clocks of these tickets as the API shows them. */
  async views(em: EntityManager, ticketIds: string[], now: Date): Promise<Map<string, SlaClockView[]>> {
    const views = new Map<string, SlaClockView[]>(ticketIds.map((id) => [id, []]));
    if (ticketIds.length === 0) return views;
    const clocks = await em.find(TicketSlaClock, { where: { ticketId: In(ticketIds) } });
    const settings = await this.policies.settings(em);
    for (const clock of clocks.sort(
      (a, b) => SLA_TARGETS.indexOf(a.target) - SLA_TARGETS.indexOf(b.target),
    )) {
      const policy = settings.policies.find((candidate) => candidate.id === clock.policyId);
      const calendar = this.calendarOf(policy, settings.calendars);
      views.get(clock.ticketId)!.push({
        target: clock.target,
        policyId: clock.policyId,
        state: clockState(clock, now),
        dueAt: clock.dueAt?.toISOString() ?? null,
        remainingBusinessMinutes: remainingMinutes(calendar, clock, now),
        metAt: clock.metAt?.toISOString() ?? null,
        breachedAt: clock.breachedAt?.toISOString() ?? null,
      });
    }
    return views;
  }

  calendarOf(policy: ActivePolicy | undefined | null, calendars: Map<string, BusinessCalendar>) {
    return (policy && calendars.get(policy.calendarId)) || DEFAULT_BUSINESS_CALENDAR;
  }

  async factsOf(em: EntityManager, tickets: Ticket[]): Promise<Map<string, TicketSlaFacts>> {
    const categoryIds = [...new Set(tickets.map((ticket) => ticket.categoryId).filter((id) => id !== null))];
    const customerIds = [...new Set(tickets.map((ticket) => ticket.customerId))];
    const [categories, customers] = await Promise.all([
      categoryIds.length
        ? em.find(Category, { where: { id: In(categoryIds) }, select: { id: true, key: true } })
        : [],
      em.find(Customer, { where: { id: In(customerIds) }, select: { id: true, isVulnerable: true } }),
    ]);
    const keyOf = new Map(categories.map((category) => [category.id, category.key]));
    const vulnerable = new Map(customers.map((customer) => [customer.id, customer.isVulnerable]));
    return new Map(
      tickets.map((ticket) => [
        ticket.id,
        {
          priority: ticket.priority,
          categoryKey: ticket.categoryId ? (keyOf.get(ticket.categoryId) ?? null) : null,
          queueId: ticket.queueId,
          channel: ticket.channel,
          vulnerable: vulnerable.get(ticket.customerId) ?? false,
        },
      ]),
    );
  }

  /** Steps already fired for each clock's current cycle, by clock id. */
  async firedSteps(em: EntityManager, clocks: TicketSlaClock[]): Promise<Map<string, Set<number>>> {
    const fired = new Map<string, Set<number>>();
    if (clocks.length === 0) return fired;
    const rows = await em.find(EscalationFiring, {
      where: { clockId: In(clocks.map((clock) => clock.id)) },
      select: { clockId: true, cycle: true, step: true },
    });
    const cycleOf = new Map(clocks.map((clock) => [clock.id, clock.cycle]));
    for (const row of rows) {
      if (row.cycle !== cycleOf.get(row.clockId)) continue;
      if (!fired.has(row.clockId)) fired.set(row.clockId, new Set());
      fired.get(row.clockId)!.add(row.step);
    }
    return fired;
  }

  /**
   * The clocks a new ticket starts with, timed; sets the ticket's due time before it is inserted. Insert
   * them with `insertStarted` once the ticket row exists.
   */
  async start(
    em: EntityManager,
    ticket: Ticket,
    facts: TicketSlaFacts,
    now: Date,
  ): Promise<TicketSlaClock[]> {
    const settings = await this.policies.settings(em);
    const { kept, dueAt } = this.advance(
      settings,
      { ticket, facts, clocks: [], event: { kind: 'created' } },
      new Map(),
      now,
    );
    ticket.dueAt = dueAt;
    return kept;
  }

  insertStarted(em: EntityManager, clocks: TicketSlaClock[]): Promise<void> {
    return bulkInsert(em, TicketSlaClock, clocks);
  }

  private async apply(
    em: EntityManager,
    items: ClockWork[],
    fired: Map<string, Set<number>>,
    now: Date,
    changed: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    const settings = await this.policies.settings(em);
    const toSave: TicketSlaClock[] = [];
    const toRemove: string[] = [];
    const toInsert: TicketSlaClock[] = [];
    const dueChanges: { ticket: Ticket; dueAt: Date | null }[] = [];
    for (const item of items) {
      const before = new Map(item.clocks.map((clock) => [clock.id, snapshot(clock)]));
      const { kept, dueAt } = this.advance(settings, item, fired, now);
      toRemove.push(...item.clocks.filter((clock) => !kept.includes(clock)).map((clock) => clock.id));
      for (const clock of kept) {
        if (!clock.id) toInsert.push(clock);
        else if (changed.has(clock.id) || before.get(clock.id) !== snapshot(clock)) toSave.push(clock);
      }
      if ((dueAt?.getTime() ?? null) !== (item.ticket.dueAt?.getTime() ?? null)) {
        dueChanges.push({ ticket: item.ticket, dueAt });
      }
    }
    if (toRemove.length) await em.delete(TicketSlaClock, { id: In(toRemove) });
    await bulkInsert(em, TicketSlaClock, toInsert);
    await bulkUpsert(em, TicketSlaClock, toSave);
    if (dueChanges.length) await setDueTimes(em, dueChanges);
  }

  /** Moves one ticket's clocks past its event and times them: due, next check; and the ticket's due time. */
  private advance(settings: SlaSettings, item: ClockWork, fired: Map<string, Set<number>>, now: Date) {
    const { ticket, facts, clocks, event } = item;
    const policy = choosePolicy(settings.policies, facts);
    const calendar = this.calendarOf(policy, settings.calendars);
    const kept = advanceClocks(ticket, clocks, policy, calendar, event, now);
    for (const clock of kept) {
      const spec = policy!.targets[clock.target]!;
      clock.policyId = policy!.id;
      clock.dueAt = dueTime(calendar, spec, clock.startedAt, clock.pausedMinutes);
      const plan = planClock(calendar, spec, clock, policy!.ladder, fired.get(clock.id) ?? new Set(), now);
      clock.nextCheckAt = plan.due.length > 0 || plan.breachedNow ? now : plan.nextCheckAt;
    }
    const running = kept
      .filter((clock) => !clock.metAt && !clock.pausedAt)
      .map((clock) => clock.dueAt!.getTime());
    return { kept, dueAt: running.length ? new Date(Math.min(...running)) : null };
  }
}

interface ClockWork {
  ticket: Ticket;
  facts: TicketSlaFacts;
  clocks: TicketSlaClock[];
  event: ClockEvent;
}

/** Sets many tickets' due times in one UPDATE … CASE. */
async function setDueTimes(em: EntityManager, changes: { ticket: Ticket; dueAt: Date | null }[]) {
  const column = em.connection.getMetadata(Ticket).findColumnWithPropertyName('dueAt')!;
  const driver = em.connection.driver;
  const id = driver.escape('id');
  await em.query(
    `UPDATE ${driver.escape('tickets')} SET ${driver.escape('due_at')} = CASE ${id} ` +
      `${changes.map(() => 'WHEN ? THEN ?').join(' ')} END WHERE ${id} IN (${changes.map(() => '?').join(', ')})`,
    [
      ...changes.flatMap(({ ticket, dueAt }) => [ticket.id, driver.preparePersistentValue(dueAt, column)]),
      ...changes.map(({ ticket }) => ticket.id),
    ],
  );
  for (const { ticket, dueAt } of changes) ticket.dueAt = dueAt;
}

function snapshot(clock: TicketSlaClock): string {
  return JSON.stringify(clock);
}
