import { Brackets, EntityManager, In, IsNull } from 'typeorm';
import { pageNewestFirst } from '../common/http/cursor.js';
import { foldForSearch, LIKE_ESCAPE, likeContains } from '../common/text/search-text.js';
import type { Priority } from './ticket.entity.js';
import { Ticket } from './ticket.entity.js';
import type { TicketState } from './ticket-state.rules.js';

export interface TicketFilter {
  queueId?: string;
  state?: TicketState[];
  priority?: Priority[];
  /** An agent id, or 'none' for unassigned. */
  assigneeId?: string;
  customerId?: string;
  text?: string;
  /** An agent's reach: their queues' tickets and the ones assigned to them. */
  scope?: WorkScope | null;
  cursor?: string;
  limit: number;
}

export interface WorkScope {
  agentId: string;
  queueIds: string[];
}

/** Tickets newest first, filtered, one keyset page at a time (indexes idx_tickets_*). */
export async function listTickets(em: EntityManager, filter: TicketFilter) {
  const query = em.createQueryBuilder(Ticket, 'ticket');
  if (filter.queueId) query.andWhere('ticket.queueId = :queueId', { queueId: filter.queueId });
  if (filter.state?.length) query.andWhere({ state: In(filter.state) });
  if (filter.priority?.length) query.andWhere({ priority: In(filter.priority) });
  if (filter.assigneeId === 'none') query.andWhere({ assigneeId: IsNull() });
  else if (filter.assigneeId)
    query.andWhere('ticket.assigneeId = :assigneeId', { assigneeId: filter.assigneeId });
  if (filter.customerId) query.andWhere('ticket.customerId = :customerId', { customerId: filter.customerId });
  if (filter.scope) {
    const { agentId, queueIds } = filter.scope;
    query.andWhere(
      new Brackets((either) => {
        either.where('ticket.assigneeId = :scopeAgentId', { scopeAgentId: agentId });
        if (queueIds.length > 0) either.orWhere({ queueId: In(queueIds) });
      }),
    );
  }
  if (filter.text) {
    query.andWhere(`ticket.searchText LIKE :text ${LIKE_ESCAPE}`, {
      text: likeContains(foldForSearch(filter.text)),
    });
  }
  return pageNewestFirst(query, 'createdAt', filter);
}
