import { Brackets, EntityManager, In, IsNull, LessThanOrEqual, type SelectQueryBuilder } from 'typeorm';
import { Ticket } from '../tickets/ticket.entity.js';
import type { TicketState } from '../tickets/ticket-state.rules.js';
import { decodeDueCursor, mergeByDue } from './due-cursor.js';
import { decodeUrgencyCursor, mergeByUrgency } from './urgency-cursor.js';

export interface QueuePageFilter {
  queueId: string;
  states: readonly TicketState[];
  priorityRanks?: number[];
  /** An agent id, or 'none' for unassigned. */
  assigneeId?: string;
  categoryId?: string;
  dueBefore?: Date;
  /** Urgency (priority, then oldest) by default; or soonest SLA due time first. */
  order?: 'urgency' | 'due';
  cursor?: string;
  limit: number;
}

/**
 * A queue page in urgency order. Each state is its own range of idx_tickets_queue_urgency (queue, state,
 * rank, created, id), read from the cursor on and already sorted, so no page sorts or counts the queue.
 */
export async function queuePage(em: EntityManager, filter: QueuePageFilter) {
  if (filter.order === 'due') return queuePageByDue(em, filter);
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
      narrow(query, filter);
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

/**
 * A queue page, soonest SLA due time first. Each state reads idx_tickets_queue_due (queue, state, due, id)
 * from the cursor on: first the tickets with a due time, then, once those run out, the ones without.
 */
async function queuePageByDue(em: EntityManager, filter: QueuePageFilter) {
  const after = filter.cursor ? decodeDueCursor(filter.cursor) : null;
  const pages = await Promise.all(
    filter.states.map(async (state) => {
      const base = () =>
        narrow(em.createQueryBuilder(Ticket, 'ticket').where({ queueId: filter.queueId, state }), filter);
      const rows: Ticket[] = [];
      if (!after || after.dueAt) {
        const timed = base().andWhere('ticket.dueAt IS NOT NULL');
        if (after?.dueAt) {
          timed.andWhere(
            new Brackets((later) =>
              later
                .where('ticket.dueAt > :due', { due: after.dueAt })
                .orWhere('ticket.dueAt = :due AND ticket.id > :id', { id: after.id }),
            ),
          );
        }
        rows.push(
          ...(await timed
            .orderBy('ticket.dueAt', 'ASC')
            .addOrderBy('ticket.id', 'ASC')
            .limit(filter.limit + 1)
            .getMany()),
        );
      }
      if (rows.length <= filter.limit && !filter.dueBefore) {
        const untimed = base().andWhere('ticket.dueAt IS NULL');
        if (after && !after.dueAt) untimed.andWhere('ticket.id > :id', { id: after.id });
        rows.push(
          ...(await untimed
            .orderBy('ticket.id', 'ASC')
            .limit(filter.limit + 1 - rows.length)
            .getMany()),
        );
      }
      return rows;
    }),
  );
  return mergeByDue(pages, filter.limit);
}

function narrow(query: SelectQueryBuilder<Ticket>, filter: QueuePageFilter): SelectQueryBuilder<Ticket> {
  if (filter.priorityRanks?.length) query.andWhere({ priorityRank: In(filter.priorityRanks) });
  if (filter.assigneeId === 'none') query.andWhere({ assigneeId: IsNull() });
  else if (filter.assigneeId) query.andWhere({ assigneeId: filter.assigneeId });
  if (filter.categoryId) query.andWhere({ categoryId: filter.categoryId });
  if (filter.dueBefore) query.andWhere({ dueAt: LessThanOrEqual(filter.dueBefore) });
  return query;
}
