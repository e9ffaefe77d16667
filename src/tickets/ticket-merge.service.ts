import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { forUpdate } from '../database/locking.js';
import { Clock } from '../common/clock.js';
import { Invalid } from '../common/errors/domain-error.js';
import { CustomersService } from '../customers/customers.service.js';
import { MailTemplatesService } from '../mail/outbound/mail-templates.service.js';
import { withTicketToken } from '../mail/outbound/mail-subject.rules.js';
import { OutboxService } from '../mail/outbound/outbox.service.js';
import { Attachment } from './attachment.entity.js';
import type { MergeTicketDto } from './dto/ticket.dto.js';
import type { TicketView } from './dto/ticket.view.js';
import { Message } from './message.entity.js';
import { mergedThreadOrder } from './thread-order.rules.js';
import { displayNumber, type Ticket } from './ticket.entity.js';
import { isFinal } from './ticket-state.rules.js';
import { TicketsService } from './tickets.service.js';

/**
 * Merges a duplicate into the ticket that lives on: the duplicate's messages and attachments move over, it is
 * left in state merged pointing at the target (mail quoting it follows the pointer), and both histories say so.
 */
@Injectable()
export class TicketMergeService {
  private readonly logger = new Logger(TicketMergeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly customers: CustomersService,
    private readonly outbox: OutboxService,
    private readonly templates: MailTemplatesService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  merge(
    sourceId: string,
    dto: MergeTicketDto,
    actor: Actor,
  ): Promise<{ source: TicketView; target: TicketView }> {
    return this.dataSource.transaction(async (em) => {
      const [source, target] = await this.lockBoth(em, sourceId, dto.targetTicketId, actor);
      await this.tickets.expectVersion(em, source, dto.version);
      this.expectMergeable(source, target);
      const now = this.clock.now();
      const thread = await this.moveThread(em, source, target);
      await em.update(Attachment, { ticketId: source.id }, { ticketId: target.id });
      await this.tickets.commitChange(
        em,
        source,
        { state: 'merged', mergedIntoId: target.id },
        [
          { kind: 'state_changed', from: source.state, to: 'merged' },
          { kind: 'merged_into', to: displayNumber(target.number) },
        ],
        actor,
        now,
      );
      await this.tickets.commitChange(
        em,
        target,
        {
          tags: JSON.stringify([...new Set([...JSON.parse(target.tags), ...JSON.parse(source.tags)])].sort()),
          bookingReference: target.bookingReference ?? source.bookingReference,
          lastCustomerMessageAt: latest(target.lastCustomerMessageAt, source.lastCustomerMessageAt),
          lastMessageSeq: thread.length,
        },
        [{ kind: 'merged_from', from: displayNumber(source.number), to: String(thread.movedCount) }],
        actor,
        now,
      );
      const notified = dto.notifyCustomer ? await this.notifyCustomer(em, source, target) : false;
      await this.audit.record(em, actor, [
        {
          action: 'ticket.merge',
          recordType: 'ticket',
          recordId: source.id,
          fields: { mergedInto: [null, target.id], customerNotified: [null, notified] },
        },
      ]);
      this.logger.log({ sourceId: source.id, targetId: target.id, notified }, 'tickets merged');
      const [sourceView, targetView] = await this.tickets.toViews(em, [source, target]);
      return { source: sourceView, target: targetView };
    });
  }

  /** Both tickets, their rows locked in id order so that two merges of the same pair cannot deadlock. */
  private async lockBoth(em: EntityManager, sourceId: string, targetId: string, actor: Actor) {
    const locked = new Map<string, Ticket>();
    for (const id of [sourceId, targetId].sort()) {
      locked.set(id, await this.tickets.loadForWork(em, id, actor, { forUpdate: true }));
    }
    return [locked.get(sourceId)!, locked.get(targetId)!] as const;
  }

  /**
   * Moves the duplicate's messages to the surviving ticket and numbers the joined thread 1…n again, in
   * `mergedThreadOrder`. On the way the numbers go above any in use (the target's above `offset`, the
   * duplicate's above twice that), so the unique (ticket, number) index never sees two alike.
   */
  private async moveThread(em: EntityManager, source: Ticket, target: Ticket) {
    const messages = await forUpdate(
      em
        .createQueryBuilder(Message, 'message')
        .select(['message.id', 'message.ticketId', 'message.threadSeq', 'message.createdAt'])
        .where('message.ticketId IN (:...ids)', { ids: [source.id, target.id] }),
    ).getMany();
    const order = mergedThreadOrder(messages, target.id);
    const offset = Math.max(order.length, ...messages.map((message) => message.threadSeq));
    const shift = (by: number) => () => `thread_seq + ${by}`;
    await em.update(Message, { ticketId: target.id }, { threadSeq: shift(offset) });
    await em.update(Message, { ticketId: source.id }, { ticketId: target.id, threadSeq: shift(2 * offset) });
    for (const [index, id] of order.entries()) await em.update(Message, { id }, { threadSeq: index + 1 });
    return {
      length: order.length,
      movedCount: messages.filter((message) => message.ticketId === source.id).length,
    };
  }

  private expectMergeable(source: Ticket, target: Ticket): void {
    if (source.id === target.id) throw new Invalid('A ticket cannot be merged into itself');
    if (source.customerId !== target.customerId) {
      throw new Invalid('Only tickets of the same customer can be merged');
    }
    if (source.state === 'merged') throw new Invalid(`${displayNumber(source.number)} is already merged`);
    if (isFinal(target.state)) {
      throw new Invalid(
        `${displayNumber(target.number)} is ${target.state}; merge into a ticket that is still open`,
      );
    }
  }

  private async notifyCustomer(em: EntityManager, source: Ticket, target: Ticket): Promise<boolean> {
    const recipient = await this.customers.replyAddress(em, target.customerId);
    if (!recipient) return false;
    const customer = await this.customers.findById(em, target.customerId);
    const text = await this.templates.render(em, 'merge_notice', target.language, {
      customerName: customer.displayName,
      sourceNumber: displayNumber(source.number),
      ticketNumber: displayNumber(target.number),
    });
    await this.outbox.enqueue(em, {
      kind: 'notification',
      ticketId: target.id,
      to: recipient,
      subject: withTicketToken(text.subject, target.number),
      bodyText: text.bodyText,
      ...(await this.tickets.threadHeaders(em, target.id)),
      autoSubmitted: 'auto-generated',
    });
    return true;
  }
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a > b ? a : b;
}
