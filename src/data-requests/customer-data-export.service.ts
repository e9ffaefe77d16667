import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { Cancellation } from '../cancellations/cancellation.entity.js';
import { Compensation } from '../compensation/compensation.entity.js';
import { ConsentEvent } from '../consent/consent.entity.js';
import { Customer, CustomerEmail, CustomerPhone } from '../customers/customer.entity.js';
import { Attachment } from '../tickets/attachment.entity.js';
import { Category } from '../tickets/category.entity.js';
import { Message } from '../tickets/message.entity.js';
import { displayNumber, Ticket } from '../tickets/ticket.entity.js';
import { TransactionCase } from '../transaction-cases/transaction-case.entity.js';
import { DataRequest } from './data-request.entity.js';

/** Everything held about one customer, as released to them for a "view" or "copy" request. */
export interface CustomerDataExport {
  format: 'offtrack-care.customer-data-export';
  formatVersion: 1;
  generatedAt: string;
  customer: {
    id: string;
    name: string;
    emails: { address: string; primary: boolean; since: string }[];
    phones: { number: string; primary: boolean; since: string }[];
    preferredLanguage: string;
    timeZone: string;
    country: string | null;
    recordCreatedAt: string;
    recordUpdatedAt: string;
  };
  tickets: {
    number: string;
    subject: string;
    state: string;
    category: string | null;
    channel: string;
    language: string;
    bookingReference: string | null;
    openedAt: string;
    resolvedAt: string | null;
    closedAt: string | null;
    messages: { at: string; from: 'you' | 'offtrack'; text: string; attachments: ExportedFile[] }[];
    internalNotes: number;
  }[];
  compensations: { ticket: string; amountVnd: number; state: string; reason: string; proposedAt: string }[];
  cancellations: {
    ticket: string;
    bookingReference: string;
    departureDate: string;
    priceVnd: number;
    penaltyVnd: number;
    refundVnd: number;
    state: string;
    requestedAt: string;
  }[];
  transactionCases: {
    ticket: string;
    bookingReference: string;
    kind: string;
    state: string;
    reportedAt: string;
  }[];
  dataRequests: { type: string; state: string; receivedAt: string; closedAt: string | null }[];
  /** The consent log, oldest first: each consent given or withdrawn, how, and under which policy version. */
  consents: { purpose: string; state: string; source: string; policyVersion: string; at: string }[];
  /** Standing while a restrict or object request holds processing to the service itself. */
  processingRestriction: { since: string; dataRequestType: string | null } | null;
  /** What the export leaves out, and why (the readable summary words these in the customer's language). */
  notIncluded: { what: 'internal_notes' | 'attachment_contents'; why: string }[];
}

interface ExportedFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

/**
 * Reads what the desk holds about a customer across the ticket, money and privacy records. A read model for
 * the data subject, so it reads the tables directly rather than through each owning service.
 */
@Injectable()
export class CustomerDataExportService {
  async build(em: EntityManager, customerId: string, now: Date): Promise<CustomerDataExport> {
    const customer = await em.findOneOrFail(Customer, { where: { id: customerId } });
    const [emails, phones, tickets, dataRequests, consents] = await Promise.all([
      em.find(CustomerEmail, { where: { customerId }, order: { createdAt: 'ASC' } }),
      em.find(CustomerPhone, { where: { customerId }, order: { createdAt: 'ASC' } }),
      em.find(Ticket, { where: { customerId }, order: { number: 'ASC' } }),
      em.find(DataRequest, { where: { customerId }, order: { receivedAt: 'ASC' } }),
      em.find(ConsentEvent, { where: { customerId }, order: { occurredAt: 'ASC', id: 'ASC' } }),
    ]);
    const restrictingRequest = dataRequests.find((row) => row.id === customer.processingRestrictionRequestId);
    const ticketIds = tickets.map((ticket) => ticket.id);
    const byTicket = { ticketId: In(ticketIds) };
    const [messages, attachments, categories, compensations, cancellations, cases] =
      ticketIds.length === 0
        ? [[], [], [], [], [], []]
        : await Promise.all([
            em.find(Message, { where: byTicket, order: { threadSeq: 'ASC' } }),
            em.find(Attachment, { where: byTicket }),
            em.find(Category),
            em.find(Compensation, { where: byTicket, order: { proposedAt: 'ASC' } }),
            em.find(Cancellation, { where: byTicket, order: { requestedAt: 'ASC' } }),
            em.find(TransactionCase, { where: byTicket, order: { reportedAt: 'ASC' } }),
          ]);
    const numberOf = new Map(tickets.map((ticket) => [ticket.id, displayNumber(ticket.number)]));
    const categoryName = new Map(categories.map((category) => [category.id, category.key]));
    const filesOf = (messageId: string): ExportedFile[] =>
      attachments
        .filter((file) => file.messageId === messageId)
        .map(({ fileName, contentType, sizeBytes }) => ({ fileName, contentType, sizeBytes }));

    return {
      format: 'offtrack-care.customer-data-export',
      formatVersion: 1,
      generatedAt: now.toISOString(),
      customer: {
        id: customer.id,
        name: customer.displayName,
        emails: emails.map((row) => ({
          address: row.address,
          primary: row.isPrimary,
          since: row.createdAt.toISOString(),
        })),
        phones: phones.map((row) => ({
          number: row.number,
          primary: row.isPrimary,
          since: row.createdAt.toISOString(),
        })),
        preferredLanguage: customer.preferredLanguage,
        timeZone: customer.timeZone,
        country: customer.country,
        recordCreatedAt: customer.createdAt.toISOString(),
        recordUpdatedAt: customer.updatedAt.toISOString(),
      },
      tickets: tickets.map((ticket) => {
        const thread = messages.filter((message) => message.ticketId === ticket.id);
        return {
          number: displayNumber(ticket.number),
          subject: ticket.subject,
          state: ticket.state,
          category: ticket.categoryId ? (categoryName.get(ticket.categoryId) ?? null) : null,
          channel: ticket.channel,
          language: ticket.language,
          bookingReference: ticket.bookingReference,
          openedAt: ticket.createdAt.toISOString(),
          resolvedAt: iso(ticket.resolvedAt),
          closedAt: iso(ticket.closedAt),
          messages: thread
            .filter((message) => message.visibility === 'public')
            .map((message) => ({
              at: message.createdAt.toISOString(),
              from: message.direction === 'inbound' ? ('you' as const) : ('offtrack' as const),
              text: message.bodyText,
              attachments: filesOf(message.id),
            })),
          internalNotes: thread.filter((message) => message.visibility === 'internal').length,
        };
      }),
      compensations: compensations.map((row) => ({
        ticket: numberOf.get(row.ticketId) ?? '',
        amountVnd: row.amountVnd,
        state: row.state,
        reason: row.reasonCode,
        proposedAt: row.proposedAt.toISOString(),
      })),
      cancellations: cancellations.map((row) => ({
        ticket: numberOf.get(row.ticketId) ?? '',
        bookingReference: row.bookingReference,
        departureDate: row.departureDate,
        priceVnd: row.priceVnd,
        penaltyVnd: row.decidedPenaltyAmountVnd ?? row.penaltyAmountVnd,
        refundVnd: row.decidedRefundAmountVnd ?? row.refundAmountVnd,
        state: row.state,
        requestedAt: row.requestedAt.toISOString(),
      })),
      transactionCases: cases.map((row) => ({
        ticket: numberOf.get(row.ticketId) ?? '',
        bookingReference: row.bookingReference,
        kind: row.kind,
        state: row.state,
        reportedAt: row.reportedAt.toISOString(),
      })),
      dataRequests: dataRequests.map((row) => ({
        type: row.type,
        state: row.state,
        receivedAt: row.receivedAt.toISOString(),
        closedAt: iso(row.closedAt),
      })),
      consents: consents.map((row) => ({
        purpose: row.purpose,
        state: row.state,
        source: row.source,
        policyVersion: row.policyVersion,
        at: row.occurredAt.toISOString(),
      })),
      processingRestriction: customer.processingRestrictedAt
        ? {
            since: customer.processingRestrictedAt.toISOString(),
            dataRequestType: restrictingRequest?.type ?? null,
          }
        : null,
      notIncluded: [
        {
          what: 'internal_notes',
          why:
            "Staff's internal notes (counted per ticket) can hold other people's data, so staff review them " +
            'before release; ask on the same ticket to receive them.',
        },
        {
          what: 'attachment_contents',
          why: 'Attached files are listed by name, type and size; reply on the ticket to receive copies.',
        },
      ],
    };
  }
}
