export const TICKET_STATES = [
  'new',
  'open',
  'pending_customer',
  'on_hold',
  'resolved',
  'closed',
  'merged',
] as const;
export type TicketState = (typeof TICKET_STATES)[number];

/** States in which a ticket still needs work: queue pages show these, and they count towards agent load. */
export const OPEN_STATES = [
  'new',
  'open',
  'pending_customer',
  'on_hold',
] as const satisfies readonly TicketState[];

export type StateMove = { allowed: true; to: TicketState } | { allowed: false; reason: string };

/**
 * The moves an agent may make by hand. `closed` and `merged` are final: a customer writing after closure
 * gets a new ticket linked to the old one, and merging is its own operation, never a state change.
 */
const MANUAL_MOVES: Record<TicketState, readonly TicketState[]> = {
  new: ['open', 'pending_customer', 'on_hold', 'resolved', 'closed'],
  open: ['pending_customer', 'on_hold', 'resolved', 'closed'],
  pending_customer: ['open', 'on_hold', 'resolved', 'closed'],
  on_hold: ['open', 'pending_customer', 'resolved', 'closed'],
  resolved: ['open', 'closed'],
  closed: [],
  merged: [],
};

export function isFinal(state: TicketState): boolean {
  return state === 'closed' || state === 'merged';
}

export function changeState(from: TicketState, to: TicketState): StateMove {
  if (from === to) return { allowed: false, reason: `the ticket is already ${to}` };
  if (MANUAL_MOVES[from].includes(to)) return { allowed: true, to };
  if (to === 'merged') return { allowed: false, reason: 'use merge to merge tickets' };
  if (isFinal(from)) return { allowed: false, reason: `a ${from} ticket cannot change state` };
  return { allowed: false, reason: `a ticket cannot move from ${from} to ${to}` };
}

/**
 * A customer wrote: a ticket waiting on them, or resolved, opens again for the agent. New and open stay as
 * they are; on_hold stays on hold (the third party has not answered yet). A closed ticket reopens only
 * within the reopen window (MAIL_REOPEN_DAYS after closing); later, the message starts a follow-up ticket.
 */
export function stateAfterCustomerMessage(from: TicketState, withinReopenWindow = false): StateMove {
  switch (from) {
    case 'pending_customer':
    case 'resolved':
      return { allowed: true, to: 'open' };
    case 'new':
    case 'open':
    case 'on_hold':
      return { allowed: true, to: from };
    case 'closed':
      if (withinReopenWindow) return { allowed: true, to: 'open' };
      return { allowed: false, reason: 'a closed ticket takes no new messages; open a follow-up ticket' };
    case 'merged':
      return {
        allowed: false,
        reason: 'a merged ticket takes no new messages; write to the ticket it was merged into',
      };
  }
}

/** Whether a closed ticket still reopens on a customer message. */
export function isWithinReopenWindow(closedAt: Date | null, now: Date, reopenDays: number): boolean {
  return closedAt !== null && now.getTime() - closedAt.getTime() <= reopenDays * 86_400_000;
}

/**
 * An agent replied to the customer: by default the ticket now waits on the customer; an agent may name
 * another state (e.g. resolved with the answer).
 */
export function stateAfterAgentReply(from: TicketState, requested?: TicketState): StateMove {
  if (isFinal(from)) return { allowed: false, reason: `a ${from} ticket takes no replies` };
  const to = requested ?? (from === 'new' || from === 'open' ? 'pending_customer' : from);
  return to === from ? { allowed: true, to } : changeState(from, to);
}
