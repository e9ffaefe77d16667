import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { Forbidden } from '../common/errors/domain-error.js';
import { forUpdate, retryingLockConflicts } from '../database/locking.js';
import { QueuesService } from '../queues/queues.service.js';
import { Category } from '../tickets/category.entity.js';
import { Ticket, priorityRank } from '../tickets/ticket.entity.js';
import { OPEN_STATES } from '../tickets/ticket-state.rules.js';
import { type TicketChange, TicketsService } from '../tickets/tickets.service.js';
import type { QueuePageQuery, QueueTicketPage } from './dto/queue-work.dto.js';
import { queuePage } from './queue-page.queries.js';

/** Working a queue: its page in urgency order, and claiming the next ticket. */
@Injectable()
export class QueueWorkService {
  private readonly logger = new Logger(QueueWorkService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly queues: QueuesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async page(queueId: string, query: QueuePageQuery, actor: Actor): Promise<QueueTicketPage> {
    await this.expectMember(queueId, actor);
    const em = this.dataSource.manager;
    const category = query.categoryKey
      ? await em.findOne(Category, { where: { key: query.categoryKey } })
      : null;
    if (query.categoryKey && !category) return { items: [], nextCursor: null };
    const page = await queuePage(em, {
      queueId,
      states: query.state?.length ? query.state : OPEN_STATES,
      priorityRanks: query.priority?.map(priorityRank),
      assigneeId: query.assigneeId,
      categoryId: category?.id,
      dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined,
      order: query.order,
      cursor: query.cursor,
      limit: query.limit,
    });
    return { items: await this.tickets.toViews(em, page.items), nextCursor: page.nextCursor };
  }

  /**
   * Gives the agent the most urgent unassigned ticket waiting in the queue. On MySQL/MariaDB the candidate
   * row is locked with SKIP LOCKED, so agents asking at the same moment each get a different ticket without
   * waiting on each other; SQLite runs one write transaction at a time.
   */
  async claimNext(queueId: string, actor: Actor & { type: 'agent' }) {
    await this.expectMember(queueId, actor);
    const claim = async (em: EntityManager) => {
      const ticket = await this.lockNextUnassigned(em, queueId);
      if (!ticket) return null;
      const now = this.clock.now();
      const to = ticket.state === 'new' ? 'open' : ticket.state;
      const changes: TicketChange[] = [
        { kind: 'claimed', to: actor.id },
        { kind: 'assignee_changed', from: null, to: actor.id },
      ];
      if (to !== ticket.state) changes.push({ kind: 'state_changed', from: ticket.state, to });
      await this.tickets.commitChange(em, ticket, { assigneeId: actor.id, state: to }, changes, actor, now);
      await this.audit.record(em, actor, [
        {
          action: 'ticket.claim',
          recordType: 'ticket',
          recordId: ticket.id,
          fields: { assignee: [null, actor.id] },
        },
      ]);
      const [view] = await this.tickets.toViews(em, [ticket]);
      return view;
    };
    // Read committed: rows the locking read passes over but does not return are not left locked.
    const claimed = await retryingLockConflicts(() =>
      this.dataSource.options.type === 'mysql'
        ? this.dataSource.transaction('READ COMMITTED', claim)
        : this.dataSource.transaction(claim),
    );
    if (claimed) this.logger.log({ ticketId: claimed.id, agentId: actor.id }, 'ticket claimed');
    return { ticket: claimed };
  }

  /**
   * The scan must walk the queue's unassigned tickets in urgency order and stop at the first free one: if the
   * optimizer picks another index it sorts every candidate, and the locking read then holds them all, so
   * concurrent claims deadlock on the UPDATE's index entries.
   */
  private lockNextUnassigned(em: EntityManager, queueId: string): Promise<Ticket | null> {
    return forUpdate(
      em
        .createQueryBuilder(Ticket, 'ticket')
        .useIndex('idx_tickets_queue_unassigned')
        .where({ queueId, assigneeId: IsNull(), state: In(['new', 'open']) })
        .orderBy('ticket.priorityRank', 'ASC')
        .addOrderBy('ticket.createdAt', 'ASC')
        .addOrderBy('ticket.id', 'ASC')
        .limit(1),
      { skipLocked: true },
    ).getOne();
  }

  /** Agents work the queues they belong to; supervisors and admins all of them. */
  private async expectMember(queueId: string, actor: Actor): Promise<void> {
    await this.queues.get(queueId);
    const scope = await this.tickets.scopeOf(actor);
    if (scope && !scope.queueIds.includes(queueId)) throw new Forbidden('You are not a member of this queue');
  }
}
