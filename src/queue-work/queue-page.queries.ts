import { Brackets, EntityManager, In, IsNull, LessThanOrEqual } from 'typeorm';
import { Ticket } from '../tickets/ticket.entity.js';
import type { TicketState } from '../tickets/ticket-state.rules.js';
import { decodeUrgencyCursor, mergeByUrgency } from './urgency-cursor.js';

export interface QueuePageFilter {
  queueId: string;
  states: readonly TicketState[];
  priorityRanks?: number[];
  /** An agent id, or 'none' for unassigned. */
  assigneeId?: string;
  categoryId?: string;
  dueBefore?: Date;
  cursor?: string;
  limit: number;
}

/**
 * A queue page in urgency order. Each state is its own range of idx_tickets_queue_urgency (queue, state,
 * rank, created, id), read from the cursor on and already sorted, so no page sorts or counts the queue.
 */
export async function queuePage(em: EntityManager, filter: QueuePageFilter) {
  const after = filter.cursor ? decodeUrgencyCursor(filter.cursor) : null;
  const pages = await Promise.all(
    filter.states.map((state) => {
      const query = em
        .createQueryBuilder(Ticket, 'ticket')
        .where({ queueId: filter.queueId, state })
        .orderBy('ticket.priorityRank', 'ASC')
        .addOrderBy('ticket.createdAt', 'ASC')
        .addOrderBy('ticket.id', 'ASC')
        .limit(filter.limit + 1);
      if (filter.priorityRanks?.length) query.andWhere({ priorityRank: In(filter.priorityRanks) });
      if (filter.assigneeId === 'none') query.andWhere({ assigneeId: IsNull() });
      else if (filter.assigneeId) query.andWhere({ assigneeId: filter.assigneeId });
      if (filter.categoryId) query.andWhere({ categoryId: filter.categoryId });
      if (filter.dueBefore) query.andWhere({ dueAt: LessThanOrEqual(filter.dueBefore) });
      if (after) {
        query.andWhere(
          new Brackets((later) =>
            later
              .where('ticket.priorityRank > :rank', { rank: after.rank })
              .orWhere(
                new Brackets((same) =>
                  same
                    .where('ticket.priorityRank = :rank')
                    .andWhere(
                      new Brackets((older) =>
                        older
                          .where('ticket.createdAt > :at', { at: after.createdAt })
                          .orWhere('ticket.createdAt = :at AND ticket.id > :id', { id: after.id }),
                      ),
                    ),
                ),
              ),
          ),
        );
      }
      return query.getMany();
    }),
  );
  return mergeByUrgency(pages, filter.limit);
}
