import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { Invalid } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { CustomersService } from '../customers/customers.service.js';
import { withTicketToken } from '../mail/outbound/mail-subject.rules.js';
import { MailTemplatesService } from '../mail/outbound/mail-templates.service.js';
import { OutboxService } from '../mail/outbound/outbox.service.js';
import { stateAfterAgentReply } from '../tickets/ticket-state.rules.js';
import { displayNumber, type Ticket } from '../tickets/ticket.entity.js';
import { StateMoveRefused } from '../tickets/ticket.errors.js';
import { stateChange, type TicketChange, TicketsService } from '../tickets/tickets.service.js';
import type { CancellationTerms } from './cancellation-terms.entity.js';
import type { Cancellation } from './cancellation.entity.js';
import {
  calendarDateOf,
  type DecidedState,
  formatCalendarDate,
  formatVnd,
  timingText,
} from './cancellation.rules.js';

export interface DecidedCancellation {
  cancellation: Cancellation;
  terms: CancellationTerms;
  state: DecidedState;
  penaltyAmountVnd: number | null;
  refundAmountVnd: number | null;
  reason: string | null;
}

/**
 * The letter telling the customer a cancellation decision, in the ticket's language. Like an agent's reply,
 * it is an outbound message in the ticket's thread and a mail in the outbox, written in the caller's
 * transaction, so it goes out if and only if the decision is saved.
 */
@Injectable()
export class CancellationLettersService {
  constructor(
    private readonly tickets: TicketsService,
    private readonly customers: CustomersService,
    private readonly templates: MailTemplatesService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Writes and queues the letter; returns the id of its thread message. */
  async send(em: EntityManager, ticket: Ticket, decided: DecidedCancellation, actor: Actor): Promise<string> {
    const move = stateAfterAgentReply(ticket.state);
    if (!move.allowed) throw new StateMoveRefused(move.reason);
    const recipient = await this.customers.replyAddress(em, ticket.customerId);
    if (!recipient)
      throw new Invalid('The customer has no e-mail address that accepts mail; add one before deciding');
    const customer = await this.customers.findById(em, ticket.customerId);
    const letter = await this.templates.render(
      em,
      `cancellation_${decided.state}`,
      ticket.language,
      letterValues(decided, ticket, customer.displayName),
    );
    const now = this.clock.now();
    const thread = await this.tickets.threadHeaders(em, ticket.id);
    const messageId = this.outbox.newMessageId();
    const { message } = await this.tickets.appendMessage(em, ticket, now, {
      direction: 'outbound',
      authorType: 'agent',
      authorAgentId: actor.id,
      body: letter.bodyText,
      mail: { messageId, ...thread, fromAddress: this.config.mail.from.address, to: [recipient] },
    });
    const changes: TicketChange[] = [{ kind: 'message_added', from: 'outbound', to: message.id }];
    const fields: Partial<Ticket> = { lastAgentMessageAt: now };
    if (!ticket.firstRespondedAt) fields.firstRespondedAt = now;
    if (move.to !== ticket.state) {
      Object.assign(fields, this.tickets.stateFields(ticket, move.to, now));
      changes.push(stateChange(ticket.state, move.to));
    }
    await this.tickets.commitChange(em, ticket, fields, changes, actor, now);
    await this.outbox.enqueue(em, {
      kind: 'reply',
      ticketId: ticket.id,
      messageRecordId: message.id,
      to: recipient,
      subject: withTicketToken(letter.subject, ticket.number),
      bodyText: letter.bodyText,
      messageId,
      ...thread,
    });
    await this.audit.record(em, actor, [
      {
        action: 'ticket.cancellation_letter',
        recordType: 'ticket',
        recordId: ticket.id,
        fields: { message: [null, message.id] },
      },
    ]);
    return message.id;
  }
}

function letterValues(
  decided: DecidedCancellation,
  ticket: Ticket,
  customerName: string,
): Record<string, string> {
  const { cancellation, terms } = decided;
  const language = ticket.language;
  const money = (amount: number | null) => (amount === null ? '' : formatVnd(amount, language));
  return {
    customerName,
    ticketNumber: displayNumber(ticket.number),
    bookingReference: cancellation.bookingReference,
    productName: language === 'vi' ? terms.nameVi : terms.nameEn,
    departureDate: formatCalendarDate(cancellation.departureDate, language),
    requestDate: formatCalendarDate(calendarDateOf(cancellation.requestedAt), language),
    timing: timingText(cancellation.daysBeforeDeparture, language),
    price: money(cancellation.priceVnd),
    penaltyPercent: String(cancellation.penaltyPercent),
    quotedPenaltyAmount: money(cancellation.penaltyAmountVnd),
    penaltyAmount: money(decided.penaltyAmountVnd),
    refundAmount: money(decided.refundAmountVnd),
    reason: decided.reason ?? '',
  };
}
