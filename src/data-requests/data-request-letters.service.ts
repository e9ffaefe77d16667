import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AppConfig } from '../config/app-config.js';
import { CustomersService } from '../customers/customers.service.js';
import { MailTemplatesService } from '../mail/outbound/mail-templates.service.js';
import { OutboxService } from '../mail/outbound/outbox.service.js';
import { CustomerLettersService } from '../tickets/customer-letters.service.js';
import { displayNumber, type Ticket } from '../tickets/ticket.entity.js';
import type { DataRequest } from './data-request.entity.js';
import { deadlineDay, typeInWords } from './data-request.rules.js';

type AgentActor = Actor & { type: 'agent' };

/** The letters a data-subject request sends the customer, in the ticket's language. */
@Injectable()
export class DataRequestLettersService {
  constructor(
    private readonly customers: CustomersService,
    private readonly letters: CustomerLettersService,
    private readonly templates: MailTemplatesService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  /** The identity-check letter goes straight to the address on record, outside the thread: its link is a key. */
  async sendVerification(
    em: EntityManager,
    ticket: Ticket,
    row: DataRequest,
    address: string,
    secret: string,
  ): Promise<void> {
    const customer = await this.customers.findById(em, row.customerId);
    await this.mailOutsideThread(em, ticket, address, 'data_request_verification', {
      customerName: customer.displayName,
      requestType: typeInWords(row.type, ticket.language),
      dueAt: deadlineDay(row.dueAt, customer.timeZone),
      verifyUrl: `${this.config.publicUrl}/privacy/requests/${secret}`,
    });
  }

  /** A letter about the ticket mailed without a copy in its thread, in the ticket's language. */
  async mailOutsideThread(
    em: EntityManager,
    ticket: Ticket,
    to: string,
    template: string,
    values: Record<string, string>,
  ): Promise<void> {
    const text = await this.templates.render(em, template, ticket.language, {
      ticketNumber: displayNumber(ticket.number),
      ...values,
    });
    await this.outbox.enqueue(em, {
      kind: 'notification',
      ticketId: ticket.id,
      to,
      subject: text.subject,
      bodyText: text.bodyText,
      autoSubmitted: 'auto-generated',
    });
  }

  async tell(
    em: EntityManager,
    ticket: Ticket,
    template: string,
    row: DataRequest,
    actor: AgentActor,
    now: Date,
    values: Record<string, string>,
  ): Promise<void> {
    await this.letters.send(
      em,
      ticket,
      { template, values: { requestType: typeInWords(row.type, ticket.language), ...values } },
      actor,
      now,
    );
  }

  async dueInWords(em: EntityManager, ticket: Ticket, dueAt: Date): Promise<string> {
    const customer = await this.customers.findById(em, ticket.customerId);
    return deadlineDay(dueAt, customer.timeZone);
  }
}
