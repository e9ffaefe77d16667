import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { Invalid } from '../common/errors/domain-error.js';
import { CustomersService } from '../customers/customers.service.js';
import { replySubject } from '../mail/outbound/mail-subject.rules.js';
import { OutboxService } from '../mail/outbound/outbox.service.js';
import { AttachmentsService } from './attachments.service.js';
import type { AddNoteDto, RecordCustomerMessageDto, ReplyToTicketDto } from './dto/ticket.dto.js';
import type { MessageView, TicketView } from './dto/ticket.view.js';
import { toMessageView } from './dto/ticket.view.js';
import type { Message } from './message.entity.js';
import type { Attachment } from './attachment.entity.js';
import type { Ticket } from './ticket.entity.js';
import { StateMoveRefused } from './ticket.errors.js';
import {
  changeState,
  isWithinReopenWindow,
  stateAfterAgentReply,
  stateAfterCustomerMessage,
} from './ticket-state.rules.js';
import type { StateMove } from './ticket-state.rules.js';
import { stateChange, TicketsService } from './tickets.service.js';
import type { NewMessage, TicketChange } from './tickets.service.js';

export interface MessageAdded {
  ticket: TicketView;
  message: MessageView;
}

interface Appended {
  ticket: Ticket;
  message: Message;
  attachments: Attachment[];
}

/** Adds to a ticket's thread: agent replies, internal notes, and messages from the customer. */
@Injectable()
export class TicketThreadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly customers: CustomersService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * A public reply to the customer: the thread message and the mail that carries it (threaded to the
   * customer's last message, ticket token in the subject) are written in one transaction.
   */
  reply(id: string, dto: ReplyToTicketDto, actor: Actor & { type: 'agent' }): Promise<MessageAdded> {
    return this.viewOf(async (em) => {
      const ticket = await this.tickets.loadForWork(em, id, actor, { forUpdate: true });
      await this.tickets.expectVersion(em, ticket, dto.version);
      const recipient = await this.customers.replyAddress(em, ticket.customerId);
      if (!recipient)
        throw new Invalid('The customer has no e-mail address that accepts mail; add one or write a note');
      const thread = await this.tickets.threadHeaders(em, ticket.id);
      const messageId = this.outbox.newMessageId();
      const appended = await this.append(
        em,
        ticket,
        actor,
        'ticket.reply',
        stateAfterAgentReply(ticket.state, dto.nextState),
        {
          direction: 'outbound',
          authorType: 'agent',
          authorAgentId: actor.id,
          body: dto.body,
          bodyHtml: dto.bodyHtml,
          files: AttachmentsService.fromUploads(dto.attachments),
          mail: { messageId, ...thread, fromAddress: this.config.mail.from.address, to: [recipient] },
        },
      );
      await this.outbox.enqueue(em, {
        kind: 'reply',
        ticketId: ticket.id,
        messageRecordId: appended.message.id,
        to: recipient,
        subject: replySubject(ticket.subject, ticket.number),
        bodyText: appended.message.bodyText,
        bodyHtml: appended.message.bodyHtml,
        messageId,
        ...thread,
        attachments: appended.attachments.map(({ fileName, contentType, sha256 }) => ({
          fileName,
          contentType,
          sha256,
        })),
      });
      return appended;
    });
  }

  /** An internal note: never shown to the customer, changes no state. */
  addNote(id: string, dto: AddNoteDto, actor: Actor & { type: 'agent' }): Promise<MessageAdded> {
    return this.viewOf(async (em) => {
      const ticket = await this.tickets.loadForWork(em, id, actor, { forUpdate: true });
      return this.append(
        em,
        ticket,
        actor,
        'ticket.note',
        { allowed: true, to: ticket.state },
        {
          direction: 'note',
          authorType: 'agent',
          authorAgentId: actor.id,
          body: dto.body,
          bodyHtml: dto.bodyHtml,
          files: AttachmentsService.fromUploads(dto.attachments),
        },
      );
    });
  }

  /**
   * Resolves a ticket the desk handled by itself (a mail asking to unsubscribe), with an internal note saying
   * what was done, within the caller's transaction.
   */
  async resolveWithNote(em: EntityManager, ticket: Ticket, note: string, actor: Actor) {
    const move = changeState(ticket.state, 'resolved');
    return this.append(em, ticket, actor, 'ticket.auto_resolve', move, {
      direction: 'note',
      authorType: 'system',
      body: note,
    });
  }

  /** The customer's own words, received by phone or in person; reopens a resolved ticket. */
  recordCustomerMessage(id: string, dto: RecordCustomerMessageDto, actor: Actor): Promise<MessageAdded> {
    return this.viewOf(async (em) => {
      const ticket = await this.tickets.loadForWork(em, id, actor, { forUpdate: true });
      return this.append(em, ticket, actor, 'ticket.customer_message', this.afterCustomerMessage(ticket), {
        direction: 'inbound',
        authorType: 'customer',
        body: dto.body,
        bodyHtml: dto.bodyHtml,
        files: AttachmentsService.fromUploads(dto.attachments),
      });
    });
  }

  /**
   * A customer's mail that threads to this ticket, within the caller's transaction. `silent` (auto-replies)
   * keeps it on the record without moving the ticket.
   */
  async addCustomerMail(em: EntityManager, ticket: Ticket, input: NewMessage, actor: Actor, silent: boolean) {
    const move: StateMove = silent ? { allowed: true, to: ticket.state } : this.afterCustomerMessage(ticket);
    return this.append(em, ticket, actor, 'ticket.customer_mail', move, input);
  }

  /** Whether a customer's message may join this ticket (false: it must start a follow-up ticket). */
  acceptsCustomerMessage(ticket: Ticket): boolean {
    return this.afterCustomerMessage(ticket).allowed;
  }

  private afterCustomerMessage(ticket: Ticket): StateMove {
    const reopenable = isWithinReopenWindow(ticket.closedAt, this.clock.now(), this.config.mail.reopenDays);
    return stateAfterCustomerMessage(ticket.state, reopenable);
  }

  private async append(
    em: EntityManager,
    ticket: Ticket,
    actor: Actor,
    action: string,
    move: StateMove,
    input: NewMessage,
  ): Promise<Appended> {
    if (!move.allowed) throw new StateMoveRefused(move.reason);
    const now = this.clock.now();
    const { message, attachments } = await this.tickets.appendMessage(em, ticket, now, {
      ...input,
      authorCustomerId: input.authorType === 'customer' ? ticket.customerId : null,
    });
    const fields: Partial<Ticket> = {};
    const changes: TicketChange[] = [{ kind: 'message_added', from: input.direction, to: message.id }];
    if (move.to !== ticket.state) {
      Object.assign(fields, this.tickets.stateFields(ticket, move.to, now));
      changes.push(stateChange(ticket.state, move.to));
    }
    if (input.direction === 'outbound') {
      fields.lastAgentMessageAt = now;
      if (!ticket.firstRespondedAt) fields.firstRespondedAt = now;
    }
    if (input.direction === 'inbound') fields.lastCustomerMessageAt = now;
    await this.tickets.commitChange(em, ticket, fields, changes, actor, now);
    await this.audit.record(em, actor, [
      { action, recordType: 'ticket', recordId: ticket.id, fields: { message: [null, message.id] } },
    ]);
    return { ticket, message, attachments };
  }

  private viewOf(work: (em: EntityManager) => Promise<Appended>): Promise<MessageAdded> {
    return this.dataSource.transaction(async (em) => {
      const { ticket, message, attachments } = await work(em);
      const [view] = await this.tickets.toViews(em, [ticket]);
      return { ticket: view, message: toMessageView(message, attachments) };
    });
  }
}
