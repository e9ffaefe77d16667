import type { Ticket } from '../tickets/ticket.entity.js';
import { type BusinessCalendar, businessMinutesBetween } from './business-calendar.js';
import type { ActivePolicy } from './sla-policy.entity.js';
import type { SlaTarget } from './sla.rules.js';
import { TicketSlaClock } from './ticket-sla-clock.entity.js';

/** What happened to a ticket, as far as its clocks care. */
export type ClockEvent =
  | { kind: 'created' }
  | { kind: 'changed'; previousState: string; changes: { kind: string; from?: string | null }[] }
  | { kind: 'recompute' };

/** States in which a ticket needs nothing more: every clock stops, and resolution counts as met. */
export const DONE_STATES = ['resolved', 'closed', 'merged'];

/**
 * Moves a ticket's clocks past an event: starts the targets its policy sets, marks responses met, restarts
 * the next-response clock on a customer's message, pauses and resumes with the ticket's state. Returns the
 * clocks to keep (a target the policy no longer sets is dropped); due times are for the caller to set.
 */
export function advanceClocks(
  ticket: Pick<Ticket, 'id' | 'state' | 'createdAt' | 'firstRespondedAt'>,
  clocks: TicketSlaClock[],
  policy: ActivePolicy | null,
  calendar: BusinessCalendar,
  event: ClockEvent,
  now: Date,
): TicketSlaClock[] {
  if (!policy) return [];
  const byTarget = new Map(clocks.filter((clock) => policy.targets[clock.target]).map((c) => [c.target, c]));
  const start = (target: SlaTarget, at: Date, metAt: Date | null = null) => {
    const clock = Object.assign(new TicketSlaClock(), {
      ticketId: ticket.id,
      target,
      policyId: policy.id,
      cycle: 1,
      startedAt: at,
      pausedMinutes: 0,
      pausedAt: null,
      dueAt: null,
      metAt,
      breachedAt: null,
      nextCheckAt: null,
    });
    byTarget.set(target, clock);
    return clock;
  };
  if (policy.targets.first_response && !byTarget.has('first_response'))
    start('first_response', ticket.createdAt, ticket.firstRespondedAt);
  if (policy.targets.resolution && !byTarget.has('resolution')) start('resolution', ticket.createdAt);

  const changes = event.kind === 'changed' ? event.changes : [];
  for (const change of changes.filter((item) => item.kind === 'message_added')) {
    if (change.from === 'outbound') {
      for (const target of ['first_response', 'next_response'] as const) {
        const clock = byTarget.get(target);
        if (clock && !clock.metAt) clock.metAt = now;
      }
    }
    if (change.from === 'inbound' && policy.targets.next_response && ticket.firstRespondedAt) {
      const clock = byTarget.get('next_response');
      if (!clock) start('next_response', now);
      else if (clock.metAt) {
        Object.assign(clock, { cycle: clock.cycle + 1, startedAt: now, pausedMinutes: 0, pausedAt: null });
        Object.assign(clock, { metAt: null, breachedAt: null });
      }
    }
  }

  const done = DONE_STATES.includes(ticket.state);
  const resolution = byTarget.get('resolution');
  if (resolution && done && !resolution.metAt) resolution.metAt = now;
  if (resolution?.metAt && !done && event.kind === 'changed' && DONE_STATES.includes(event.previousState)) {
    // Reopened: the time it spent resolved does not count against the resolution target.
    resolution.pausedMinutes += businessMinutesBetween(calendar, resolution.metAt, now);
    resolution.metAt = null;
  }
  const paused = done || policy.pauseStates.includes(ticket.state);
  for (const clock of byTarget.values()) {
    if (clock.metAt) continue;
    if (paused && !clock.pausedAt) clock.pausedAt = now;
    if (!paused && clock.pausedAt) {
      clock.pausedMinutes += businessMinutesBetween(calendar, clock.pausedAt, now);
      clock.pausedAt = null;
    }
  }
  return [...byTarget.values()];
}
