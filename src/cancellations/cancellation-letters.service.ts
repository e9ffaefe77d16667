import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { CustomerLettersService } from '../tickets/customer-letters.service.js';
import type { Ticket } from '../tickets/ticket.entity.js';
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
    private readonly letters: CustomerLettersService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Writes and queues the letter, as a reply (a customer without a working address is refused); returns its thread message id. */
  async send(em: EntityManager, ticket: Ticket, decided: DecidedCancellation, actor: Actor): Promise<string> {
    const letter = {
      template: `cancellation_${decided.state}`,
      values: letterValues(decided, ticket),
      asReply: true,
    };
    const messageId = await this.letters.send(em, ticket, letter, actor, this.clock.now());
    await this.audit.record(em, actor, [
      {
        action: 'ticket.cancellation_letter',
        recordType: 'ticket',
        recordId: ticket.id,
        fields: { message: [null, messageId] },
      },
    ]);
    return messageId;
  }
}

function letterValues(decided: DecidedCancellation, ticket: Ticket): Record<string, string> {
  const { cancellation, terms } = decided;
  const language = ticket.language;
  const money = (amount: number | null) => (amount === null ? '' : formatVnd(amount, language));
  return {
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
