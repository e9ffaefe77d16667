import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AppConfig } from '../config/app-config.js';
import { CustomersService } from '../customers/customers.service.js';
import { withTicketToken } from '../mail/outbound/mail-subject.rules.js';
import { MailTemplatesService } from '../mail/outbound/mail-templates.service.js';
import { OutboxService } from '../mail/outbound/outbox.service.js';
import { displayNumber, type Ticket } from '../tickets/ticket.entity.js';
import { TicketsService } from '../tickets/tickets.service.js';
import type { Compensation } from './compensation.entity.js';
import { type CompensationDecision, formatVnd, reasonInWords } from './compensation.rules.js';

/** Tells the customer a compensation decision: a letter in the ticket's thread, and the mail that carries it. */
@Injectable()
export class CompensationLettersService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly customers: CustomersService,
    private readonly templates: MailTemplatesService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Writes the letter within the caller's transaction and returns its thread message id. A customer without
   * an address that takes mail still gets the letter on the record (and an agent can phone them).
   */
  async send(
    em: EntityManager,
    ticket: Ticket,
    compensation: Compensation,
    decision: CompensationDecision,
    actor: Actor & { type: 'agent' },
    now: Date,
  ): Promise<string> {
    const customer = await this.customers.findById(em, ticket.customerId);
    const text = await this.templates.render(
      em,
      decision === 'approve' ? 'compensation_approved' : 'compensation_rejected',
      ticket.language,
      {
        customerName: customer.displayName,
        ticketNumber: displayNumber(ticket.number),
        amount: formatVnd(compensation.amountVnd, ticket.language),
        reason: reasonInWords(compensation.reasonCode, ticket.language),
        note: compensation.decisionNote ?? '',
      },
    );
    const recipient = await this.customers.replyAddress(em, ticket.customerId);
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
    await this.tickets.commitChange(
      em,
      ticket,
      { lastAgentMessageAt: now, firstRespondedAt: ticket.firstRespondedAt ?? now },
      [{ kind: 'message_added', from: 'outbound', to: message.id }],
      actor,
      now,
    );
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
