import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { CustomerLettersService } from '../tickets/customer-letters.service.js';
import type { Ticket } from '../tickets/ticket.entity.js';
import type { TransactionCaseMove } from './transaction-case.rules.js';

const TEMPLATE_OF: Record<TransactionCaseMove, string> = {
  suspend: 'transaction_suspended',
  verify_legitimate: 'transaction_verified_legitimate',
  confirm_fraud: 'transaction_confirmed_fraud',
};

/** Tells the customer what became of their transaction: a letter in the ticket's thread, and the mail carrying it. */
@Injectable()
export class TransactionLettersService {
  constructor(private readonly letters: CustomerLettersService) {}

  /**
   * Returns the letter's thread message id; without a working address the letter is still on the record. The
   * agent's reason stays internal: it may name what gave the fraud away.
   */
  send(
    em: EntityManager,
    ticket: Ticket,
    bookingReference: string,
    move: TransactionCaseMove,
    actor: Actor & { type: 'agent' },
    now: Date,
  ): Promise<string> {
    return this.letters.send(
      em,
      ticket,
      { template: TEMPLATE_OF[move], values: { bookingReference } },
      actor,
      now,
    );
  }
}
