import type { QueuePageQuery } from '../queue-work/dto/queue-work.dto.js';
import { PRIORITIES, type Priority } from '../tickets/ticket.entity.js';
import { TICKET_STATES, type TicketState } from '../tickets/ticket-state.rules.js';

/** The queue page's filter form as the agent chose it; anything unknown falls back to "any". */
export interface QueueFilters {
  state: TicketState | '';
  priority: Priority | '';
  assignee: 'me' | 'none' | '';
  category: string;
  order: 'due' | 'urgency';
  cursor: string;
}

const pick = <T extends string>(value: unknown, allowed: readonly T[]): T | '' =>
  allowed.includes(value as T) ? (value as T) : '';

export function readQueueFilters(query: Record<string, unknown>): QueueFilters {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  return {
    state: pick(query.state, TICKET_STATES),
    priority: pick(query.priority, PRIORITIES),
    assignee: pick(query.assignee, ['me', 'none'] as const),
    category: /^[a-z_]{1,40}$/.test(text(query.category)) ? text(query.category) : '',
    order: query.order === 'urgency' ? 'urgency' : 'due',
    cursor: /^[\w-]{1,200}$/.test(text(query.cursor)) ? text(query.cursor) : '',
  };
}

/** The filters as the queue service takes them, "me" being the agent asking. */
export function toQueuePageQuery(filters: QueueFilters, agentId: string, limit = 50): QueuePageQuery {
  return {
    limit,
    order: filters.order,
    ...(filters.state ? { state: [filters.state] } : {}),
    ...(filters.priority ? { priority: [filters.priority] } : {}),
    ...(filters.assignee ? { assigneeId: filters.assignee === 'me' ? agentId : 'none' } : {}),
    ...(filters.category ? { categoryKey: filters.category } : {}),
    ...(filters.cursor ? { cursor: filters.cursor } : {}),
  } as QueuePageQuery;
}
