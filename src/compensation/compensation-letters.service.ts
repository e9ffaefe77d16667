import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { CustomerLettersService } from '../tickets/customer-letters.service.js';
import type { Ticket } from '../tickets/ticket.entity.js';
import type { Compensation } from './compensation.entity.js';
import { type CompensationDecision, formatVnd, reasonInWords } from './compensation.rules.js';

/** Tells the customer a compensation decision: a letter in the ticket's thread, and the mail that carries it. */
@Injectable()
export class CompensationLettersService {
  constructor(private readonly letters: CustomerLettersService) {}

  /** Returns the letter's thread message id; without a working address the letter is still on the record. */
  send(
    em: EntityManager,
    ticket: Ticket,
    compensation: Compensation,
    decision: CompensationDecision,
    actor: Actor & { type: 'agent' },
    now: Date,
  ): Promise<string> {
    const template = decision === 'approve' ? 'compensation_approved' : 'compensation_rejected';
    const values = {
      amount: formatVnd(compensation.amountVnd, ticket.language),
      reason: reasonInWords(compensation.reasonCode, ticket.language),
      note: compensation.decisionNote ?? '',
    };
    return this.letters.send(em, ticket, { template, values }, actor, now);
  }
}
