import type { DemoStep, DemoTicket } from './demo-desk.data.js';

const HOUR_MS = 3_600_000;

/** One thing that happens while the demo desk loads: a ticket arriving (no step) or one of its steps. */
export interface DemoEvent {
  /** When it happened on the demo's timeline. */
  at: Date;
  ticketIndex: number;
  step: DemoStep | null;
}

/** Every ticket's arrival and steps as one list, oldest first, so each is played in the order it happened. */
export function demoSchedule(tickets: DemoTicket[], now: Date): DemoEvent[] {
  const events = tickets.flatMap((ticket, ticketIndex) => {
    const arrivedAt = now.getTime() - ticket.ageHours * HOUR_MS;
    return [
      { at: new Date(arrivedAt), ticketIndex, step: null },
      ...(ticket.steps ?? []).map((step) => ({
        at: new Date(arrivedAt + step.afterHours * HOUR_MS),
        ticketIndex,
        step,
      })),
    ];
  });
  // Array.prototype.sort is stable: a ticket's steps at the same moment keep their written order.
  return events.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The real moment an event started playing (ms), and the moment on the demo's timeline it stands for. */
export interface TimeMark {
  real: number;
  shown: number;
}

/**
 * Where a time the services stamped while the demo loaded belongs on the demo's timeline: the event it was
 * written in (the last mark at or before it), shifted with that event. Times outside the load
 * (before the first mark, after `loadedAt`) are not the demo's and stay as they are.
 */
export function shownTime(real: Date, marks: TimeMark[], loadedAt: Date): Date {
  const at = real.getTime();
  if (marks.length === 0 || at < marks[0].real || at > loadedAt.getTime()) return real;
  let mark = marks[0];
  for (const candidate of marks) {
    if (candidate.real > at) break;
    mark = candidate;
  }
  return new Date(mark.shown + (at - mark.real));
}
