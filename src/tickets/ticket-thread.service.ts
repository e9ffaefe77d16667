import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { AttachmentsService } from './attachments.service.js';
import { AddNoteDto, RecordCustomerMessageDto, ReplyToTicketDto } from './dto/ticket.dto.js';
import { MessageView, TicketView, toMessageView } from './dto/ticket.view.js';
import type { Ticket } from './ticket.entity.js';
import { StateMoveRefused } from './ticket.errors.js';
import { stateAfterAgentReply, stateAfterCustomerMessage, type StateMove } from './ticket-state.rules.js';
import { type NewMessage, stateChange, type TicketChange, TicketsService } from './tickets.service.js';

export interface MessageAdded {
  ticket: TicketView;
  message: MessageView;
}

/** Adds to a ticket's thread: agent replies, internal notes, and customer messages taken by an agent. */
@Injectable()
export class TicketThreadService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tickets: TicketsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A public reply to the customer. Mail delivery goes through the outbox (mail work). */
  reply(id: string, dto: ReplyToTicketDto, actor: Actor & { type: 'agent' }): Promise<MessageAdded> {
    return this.add(
      id,
      dto.version,
      actor,
      'ticket.reply',
      (ticket) => stateAfterAgentReply(ticket.state, dto.nextState),
      {
        direction: 'outbound',
        authorType: 'agent',
        authorAgentId: actor.id,
        body: dto.body,
        bodyHtml: dto.bodyHtml,
        files: AttachmentsService.fromUploads(dto.attachments),
      },
    );
  }

  /** An internal note: never shown to the customer, changes no state. */
  addNote(id: string, dto: AddNoteDto, actor: Actor & { type: 'agent' }): Promise<MessageAdded> {
    return this.add(id, undefined, actor, 'ticket.note', (ticket) => ({ allowed: true, to: ticket.state }), {
      direction: 'note',
      authorType: 'agent',
      authorAgentId: actor.id,
      body: dto.body,
      bodyHtml: dto.bodyHtml,
      files: AttachmentsService.fromUploads(dto.attachments),
    });
  }

  /** The customer's own words, received by phone or in person; reopens a resolved ticket. */
  recordCustomerMessage(id: string, dto: RecordCustomerMessageDto, actor: Actor): Promise<MessageAdded> {
    return this.add(
      id,
      undefined,
      actor,
      'ticket.customer_message',
      (ticket) => stateAfterCustomerMessage(ticket.state),
      {
        direction: 'inbound',
        authorType: 'customer',
        body: dto.body,
        bodyHtml: dto.bodyHtml,
        files: AttachmentsService.fromUploads(dto.attachments),
      },
    );
  }

  private add(
    id: string,
    sentVersion: number | undefined,
    actor: Actor,
    action: string,
    nextState: (ticket: Ticket) => StateMove,
    input: NewMessage,
  ): Promise<MessageAdded> {
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const ticket = await this.tickets.load(em, id);
      await this.tickets.expectVersion(em, ticket, sentVersion);
      const move = nextState(ticket);
      if (!move.allowed) throw new StateMoveRefused(move.reason);

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
      const [view] = await this.tickets.toViews(em, [ticket]);
      return { ticket: view, message: toMessageView(message, attachments) };
    });
  }
}
