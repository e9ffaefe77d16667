import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { Invalid } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { CustomersService } from '../customers/customers.service.js';
import { withTicketToken } from '../mail/outbound/mail-subject.rules.js';
import { MailTemplatesService } from '../mail/outbound/mail-templates.service.js';
import { OutboxService } from '../mail/outbound/outbox.service.js';
import { stateAfterAgentReply } from './ticket-state.rules.js';
import { displayNumber, type Ticket } from './ticket.entity.js';
import { StateMoveRefused } from './ticket.errors.js';
import { stateChange, type TicketChange, TicketsService } from './tickets.service.js';

export interface CustomerLetter {
  /** A mail template key; customerName and ticketNumber are filled in for every letter. */
  template: string;
  values: Record<string, string>;
  /**
   * The letter answers the customer as a reply does: the ticket moves on (to pending_customer) and a customer
   * without an address that takes mail is refused. Otherwise the letter is still kept on the record, and an
   * agent can phone them.
   */
  asReply?: boolean;
}

/**
 * Letters that tell the customer a decision (compensation, cancellation, transaction safety): an outbound
 * message in the ticket's thread, in the ticket's language, and the mail that carries it, both written in
 * the caller's transaction so the letter goes out if and only if the decision is saved.
 */
@Injectable()
export class CustomerLettersService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly customers: CustomersService,
    private readonly templates: MailTemplatesService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /** Writes the letter and returns the id of its thread message. */
  async send(
    em: EntityManager,
    ticket: Ticket,
    letter: CustomerLetter,
    actor: Actor,
    now: Date,
  ): Promise<string> {
    const move = letter.asReply ? stateAfterAgentReply(ticket.state) : null;
    if (move && !move.allowed) throw new StateMoveRefused(move.reason);
    const recipient = await this.customers.replyAddress(em, ticket.customerId);
    if (letter.asReply && !recipient)
      throw new Invalid('The customer has no e-mail address that accepts mail; add one before deciding');
    const customer = await this.customers.findById(em, ticket.customerId);
    const text = await this.templates.render(em, letter.template, ticket.language, {
      customerName: customer.displayName,
      ticketNumber: displayNumber(ticket.number),
      ...letter.values,
    });
    const thread = await this.tickets.threadHeaders(em, ticket.id);
    const messageId = recipient ? this.outbox.newMessageId() : null;
    const { message } = await this.tickets.appendMessage(em, ticket, now, {
      direction: 'outbound',
      authorType: 'agent',
      authorAgentId: actor.id,
      body: text.bodyText,
      mail: recipient
        ? { messageId, ...thread, fromAddress: this.config.mail.from.address, to: [recipient] }
        : undefined,
    });
    const fields: Partial<Ticket> = {
      lastAgentMessageAt: now,
      firstRespondedAt: ticket.firstRespondedAt ?? now,
    };
    const changes: TicketChange[] = [{ kind: 'message_added', from: 'outbound', to: message.id }];
    if (move?.allowed && move.to !== ticket.state) {
      Object.assign(fields, this.tickets.stateFields(ticket, move.to, now));
      changes.push(stateChange(ticket.state, move.to));
    }
    await this.tickets.commitChange(em, ticket, fields, changes, actor, now);
    if (recipient) {
      await this.outbox.enqueue(em, {
        kind: 'reply',
        ticketId: ticket.id,
        messageRecordId: message.id,
        to: recipient,
        subject: withTicketToken(text.subject, ticket.number),
        bodyText: text.bodyText,
        messageId: messageId!,
        ...thread,
      });
    }
    return message.id;
  }
}
