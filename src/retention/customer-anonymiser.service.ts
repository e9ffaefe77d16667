import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { Clock } from '../common/clock.js';
import { NotFound } from '../common/errors/domain-error.js';
import { foldForSearch } from '../common/text/search-text.js';
import { StoredContent, StoredContentChunk } from '../content/stored-content.entity.js';
import { Customer, CustomerEmail, CustomerPhone } from '../customers/customer.entity.js';
import { forUpdate, retryingLockConflicts } from '../database/locking.js';
import { InboundMail } from '../mail/inbound/inbound-mail.entity.js';
import { OutboxMessage, type OutboxAttachment } from '../mail/outbound/outbox-message.entity.js';
import { Attachment } from '../tickets/attachment.entity.js';
import { Message } from '../tickets/message.entity.js';
import { displayNumber, Ticket } from '../tickets/ticket.entity.js';
import { personalDataRedactor } from './redaction.rules.js';
import {
  FREE_TEXT_PLACES,
  findInSlices,
  freeTextRows,
  slicesOf,
  placeholders,
  skipReasonsOf,
  updateRows,
} from './retention.queries.js';
import { isDue, lastActivity, type SkipReason } from './retention.rules.js';

/** What an anonymised customer is called from then on, for agents reading old tickets. */
export const ANONYMISED_NAME = 'Khách hàng ẩn danh / Anonymised customer';

export interface AnonymisedCounts {
  customers: number;
  tickets: number;
  messagesRedacted: number;
  /** Rows elsewhere whose free text was redacted: cases, compensations, notifications, history… */
  otherTextsRedacted: number;
  attachmentsDeleted: number;
  rawMailsDeleted: number;
  outboxMailsDeleted: number;
  storedContentsDeleted: number;
  emailsRemoved: number;
  phonesRemoved: number;
  /** Audit events on the customers whose recorded values were erased (their place in the chain stays). */
  auditValuesRedacted: number;
}

/** What is kept of an anonymised customer, and why. */
export const KEPT = [
  {
    what: 'tickets: number, category, state, priority, queue, channel, language, tags, timings and SLA clocks',
    why: 'complaint statistics and SLA reports; they say nothing about the person once redacted',
  },
  {
    what: 'customer: preferred language, time zone, country, vulnerable flag',
    why: 'statistics by language and region; none identifies the person on its own',
  },
  {
    what: 'booking references on tickets, transaction cases, compensations and cancellations',
    why: 'reconciliation with the booking and payment systems, whose accounting records the law keeps longer',
  },
  {
    what: 'audit events, with the values of changes to the customer record erased',
    why: 'the audit log is append-only and chained; what remains is who did what and when, by field name',
  },
] as const;

export type AnonymisationReport = { customerId: string } & (
  | { outcome: 'anonymised'; anonymisedAt: Date; kept: typeof KEPT }
  /** Kept whole: a legal hold or an open matter needs the data. */
  | { outcome: 'skipped'; reasons: SkipReason[] }
  | { outcome: 'already_anonymised'; anonymisedAt: Date }
  /** Retention only: the customer became active again since they were selected. */
  | { outcome: 'active'; lastActivity: Date }
);

export interface AnonymiseOptions {
  /** Retention passes its cut-off: a customer active since then is left alone. */
  lastActiveBefore?: Date;
  /** A deletion request's own ticket is open while it is carried out; it does not hold the customer back. */
  exceptOpenTicketId?: string;
}

export interface CustomerToAnonymise {
  id: string;
  /** Recorded with the audit event: "retention: …", "data-subject request …". */
  reason: string;
}

export interface GroupAnonymisation {
  /** One per customer asked for, in the same order. */
  reports: AnonymisationReport[];
  changed: AnonymisedCounts;
}

const NOTHING_CHANGED: AnonymisedCounts = {
  customers: 0,
  tickets: 0,
  messagesRedacted: 0,
  otherTextsRedacted: 0,
  attachmentsDeleted: 0,
  rawMailsDeleted: 0,
  outboxMailsDeleted: 0,
  storedContentsDeleted: 0,
  emailsRemoved: 0,
  phonesRemoved: 0,
  auditValuesRedacted: 0,
};

type Redactor = (text: string) => string;

/**
 * Replaces customers' personal data: their records, the text of their tickets, messages and what staff wrote
 * about them, attachments, raw mail and mail to them. A group of customers is anonymised in one transaction:
 * all of it happens for every one of them, or none of it for any.
 */
@Injectable()
export class CustomerAnonymiser {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async anonymiseCustomer(
    customerId: string,
    actor: Actor,
    options: AnonymiseOptions & { reason: string },
  ): Promise<AnonymisationReport> {
    const { reports } = await this.anonymiseGroup(
      [{ id: customerId, reason: options.reason }],
      actor,
      options,
    );
    return reports[0];
  }

  async anonymiseGroup(
    customers: readonly CustomerToAnonymise[],
    actor: Actor,
    options: AnonymiseOptions = {},
  ): Promise<GroupAnonymisation> {
    const work = (em: EntityManager) => this.anonymiseIn(em, customers, actor, options);
    // A deadlock between two groups sharing stored content is broken by the engine; the loser tries again.
    return retryingLockConflicts(() =>
      this.dataSource.options.type === 'mysql'
        ? // No gap locks: groups anonymised side by side would otherwise block each other on index gaps.
          this.dataSource.transaction('READ COMMITTED', work)
        : this.dataSource.transaction(work),
    );
  }

  private async anonymiseIn(
    em: EntityManager,
    asked: readonly CustomerToAnonymise[],
    actor: Actor,
    options: AnonymiseOptions,
  ): Promise<GroupAnonymisation> {
    const ids = asked.map((customer) => customer.id);
    // The row locks order this against a hold being placed or a message arriving for the same customers;
    // taken in id order, so two groups never wait on each other in a circle.
    const locked = await forUpdate(
      em
        .createQueryBuilder(Customer, 'customer')
        .where('customer.id IN (:...ids)', { ids })
        .orderBy('customer.id'),
    ).getMany();
    const missing = ids.find((id) => !locked.some((customer) => customer.id === id));
    if (missing) throw new NotFound('customer', missing);

    const reports = new Map<string, AnonymisationReport>();
    for (const customer of locked)
      if (customer.anonymisedAt)
        reports.set(customer.id, {
          customerId: customer.id,
          outcome: 'already_anonymised',
          anonymisedAt: customer.anonymisedAt,
        });
    const candidates = locked.filter((customer) => !reports.has(customer.id));
    const tickets = candidates.length
      ? await em.find(Ticket, {
          where: { customerId: In(candidates.map((customer) => customer.id)) },
          select: {
            id: true,
            customerId: true,
            number: true,
            subject: true,
            bookingReference: true,
            updatedAt: true,
          },
        })
      : [];
    if (options.lastActiveBefore)
      for (const customer of candidates) {
        const activity = lastActivity(
          customer.updatedAt,
          tickets.filter((ticket) => ticket.customerId === customer.id).map((ticket) => ticket.updatedAt),
        );
        if (!isDue(activity, options.lastActiveBefore))
          reports.set(customer.id, { customerId: customer.id, outcome: 'active', lastActivity: activity });
      }
    const skipReasons = await skipReasonsOf(
      em,
      candidates.filter((customer) => !reports.has(customer.id)).map((customer) => customer.id),
      options.exceptOpenTicketId ? [options.exceptOpenTicketId] : [],
    );
    for (const [customerId, reasons] of skipReasons)
      reports.set(customerId, { customerId, outcome: 'skipped', reasons });

    const due = candidates.filter((customer) => !reports.has(customer.id));
    const changed = due.length
      ? await this.erase(
          em,
          due,
          tickets.filter((ticket) => !reports.has(ticket.customerId)),
        )
      : NOTHING_CHANGED;
    const now = this.clock.now();
    for (const customer of due)
      reports.set(customer.id, {
        customerId: customer.id,
        outcome: 'anonymised',
        anonymisedAt: now,
        kept: KEPT,
      });
    await this.audit.record(
      em,
      actor,
      due.map((customer) => ({
        action: 'anonymised',
        recordType: 'customer' as const,
        recordId: customer.id,
        fields: ['display_name', 'emails', 'phones', 'search_text', 'ticket_subjects', 'message_bodies'],
        reason: asked.find((candidate) => candidate.id === customer.id)!.reason,
      })),
    );
    return { reports: ids.map((id) => reports.get(id)!), changed };
  }

  /** The erasure itself, for customers already checked to be due. */
  private async erase(
    em: EntityManager,
    customers: Customer[],
    tickets: Ticket[],
  ): Promise<AnonymisedCounts> {
    const customerIds = customers.map((customer) => customer.id);
    const ticketIds = tickets.map((ticket) => ticket.id);
    const contacts: { kind: 'email' | 'phone'; value: string }[] = await em.query(
      `SELECT 'email' AS kind, address AS value FROM customer_emails WHERE customer_id IN (${placeholders(customerIds)})
       UNION ALL SELECT 'phone' AS kind, number AS value FROM customer_phones WHERE customer_id IN (${placeholders(customerIds)})`,
      [...customerIds, ...customerIds],
    );
    const emails = contacts.filter((contact) => contact.kind === 'email').map((contact) => contact.value);
    const phones = contacts.filter((contact) => contact.kind === 'phone').map((contact) => contact.value);
    const redactorOfCustomer = new Map(
      customers.map((customer) => [customer.id, personalDataRedactor([customer.displayName])]),
    );
    const redactorOf = new Map<string, Redactor>([
      ...redactorOfCustomer,
      ...tickets.map((ticket): [string, Redactor] => [ticket.id, redactorOfCustomer.get(ticket.customerId)!]),
    ]);
    const now = this.clock.now();

    const messagesRedacted = await this.redactMessages(em, ticketIds, redactorOf);
    await updateRows(
      em,
      'tickets',
      tickets.map((ticket) => {
        const subject = redactorOf.get(ticket.id)!(ticket.subject);
        const searchText = foldForSearch(
          [displayNumber(ticket.number), subject, ticket.bookingReference ?? ''].join(' '),
        ).slice(0, 600);
        return { id: ticket.id, values: { subject, search_text: searchText } };
      }),
    );
    const otherTextsRedacted = await this.redactFreeText(
      em,
      { ticket: ticketIds, customer: customerIds },
      redactorOf,
    );
    const contents = await this.deleteMail(em, ticketIds, emails);
    const attachments = await findInSlices(ticketIds, (slice) =>
      em.find(Attachment, { where: { ticketId: In(slice) }, select: { id: true, sha256: true } }),
    );
    const shas = [...contents.shas, ...attachments.map((row) => row.sha256)];
    await this.lockContents(em, shas);
    await deleteByIds(em, Attachment, attachments);
    const storedContentsDeleted = await this.deleteUnreferencedContents(em, shas);

    await em.delete(CustomerEmail, { customerId: In(customerIds) });
    await em.delete(CustomerPhone, { customerId: In(customerIds) });
    await em.update(
      Customer,
      { id: In(customerIds) },
      {
        displayName: ANONYMISED_NAME,
        searchText: foldForSearch(ANONYMISED_NAME),
        anonymisedAt: now,
        version: () => 'version + 1',
        updatedAt: now,
      },
    );
    // Corrections kept the records' before/after values in the audit log: they go, the chain's digests stay.
    const auditValuesRedacted = await this.audit.redactFields(em, 'customer', customerIds);
    return {
      customers: customers.length,
      tickets: tickets.length,
      messagesRedacted,
      otherTextsRedacted,
      attachmentsDeleted: attachments.length,
      rawMailsDeleted: contents.rawMails,
      outboxMailsDeleted: contents.outboxMails,
      storedContentsDeleted,
      emailsRemoved: emails.length,
      phonesRemoved: phones.length,
      auditValuesRedacted,
    };
  }

  /** Bodies, subjects-in-text and addresses of every message on the tickets; the raw mail link goes too. */
  private async redactMessages(
    em: EntityManager,
    ticketIds: string[],
    redactorOf: ReadonlyMap<string, Redactor>,
  ): Promise<number> {
    if (ticketIds.length === 0) return 0;
    const messages = await findInSlices(ticketIds, (slice) =>
      em.find(Message, {
        where: { ticketId: In(slice) },
        select: {
          id: true,
          ticketId: true,
          bodyText: true,
          bodyHtml: true,
          fromAddress: true,
          toAddresses: true,
          ccAddresses: true,
        },
      }),
    );
    await updateRows(
      em,
      'messages',
      messages.map((message) => {
        const redact = redactorOf.get(message.ticketId)!;
        const orNull = (text: string | null) => (text === null ? null : redact(text));
        return {
          id: message.id,
          values: {
            body_text: redact(message.bodyText),
            body_html: orNull(message.bodyHtml),
            from_address: orNull(message.fromAddress),
            to_addresses: orNull(message.toAddresses),
            cc_addresses: orNull(message.ccAddresses),
            raw_mail_id: null,
          },
        };
      }),
    );
    return messages.length;
  }

  /** The free text of FREE_TEXT_PLACES owned by these tickets and customers; rewrites only rows that change. */
  private async redactFreeText(
    em: EntityManager,
    owners: Record<'ticket' | 'customer', string[]>,
    redactorOf: ReadonlyMap<string, Redactor>,
  ): Promise<number> {
    let redacted = 0;
    for (const place of FREE_TEXT_PLACES) {
      const ownerIds = owners[place.owner.kind];
      if (ownerIds.length === 0) continue;
      const rows = await findInSlices(ownerIds, (slice) => freeTextRows(em, place, slice));
      const changes = rows.flatMap((row) => {
        const redact = redactorOf.get(row.owner_id)!;
        const values = Object.fromEntries(
          Object.entries(place.columns).map(([column, limit]) => {
            const text = row[column];
            return [column, text === null ? null : redact(text).slice(0, limit ?? undefined)];
          }),
        );
        return Object.keys(values).some((column) => values[column] !== row[column])
          ? [{ id: row.id, values }]
          : [];
      });
      await updateRows(em, place.table, changes);
      redacted += changes.length;
    }
    return redacted;
  }

  /** Raw mail of the tickets or from the customer's addresses, and mail to them; returns the content they held. */
  private async deleteMail(em: EntityManager, ticketIds: string[], emails: string[]) {
    // One lookup per column, so each walks its own index (an OR of the two made MariaDB scan the table).
    const rawMails = uniqueById([
      ...(await findInSlices(ticketIds, (slice) =>
        em.find(InboundMail, { where: { ticketId: In(slice) }, select: { id: true, rawSha256: true } }),
      )),
      ...(await findInSlices(emails, (slice) =>
        em.find(InboundMail, { where: { fromAddress: In(slice) }, select: { id: true, rawSha256: true } }),
      )),
    ]);
    const outbox = uniqueById([
      ...(await findInSlices(ticketIds, (slice) =>
        em.find(OutboxMessage, { where: { ticketId: In(slice) }, select: { id: true, attachments: true } }),
      )),
      ...(await findInSlices(emails, (slice) =>
        em.find(OutboxMessage, { where: { toAddress: In(slice) }, select: { id: true, attachments: true } }),
      )),
    ]);
    await deleteByIds(em, InboundMail, rawMails);
    await deleteByIds(em, OutboxMessage, outbox);
    const shas = [
      ...rawMails.map((row) => row.rawSha256),
      ...outbox.flatMap((row) =>
        row.attachments ? (JSON.parse(row.attachments) as OutboxAttachment[]).map((file) => file.sha256) : [],
      ),
    ];
    return { rawMails: rawMails.length, outboxMails: outbox.length, shas };
  }

  /**
   * Content is stored once per hash and may be shared with other customers' tickets. Locking its row, in a
   * fixed order, makes two customers sharing a file take turns, so the second sees the first's rows gone.
   */
  private async lockContents(em: EntityManager, shas: string[]): Promise<void> {
    const unique = [...new Set(shas)].sort();
    if (unique.length === 0) return;
    await forUpdate(
      em
        .createQueryBuilder(StoredContent, 'content')
        .select('content.sha256')
        .where('content.sha256 IN (:...unique)', { unique })
        .orderBy('content.sha256'),
    ).getMany();
  }

  /** Deletes the stored content no attachment, raw mail or unsent mail still needs. */
  private async deleteUnreferencedContents(em: EntityManager, shas: string[]): Promise<number> {
    const candidates = [...new Set(shas)];
    if (candidates.length === 0) return 0;
    // READ COMMITTED (and SQLite's one writer) show what other groups committed since this one began; their
    // deletions of the same contents wait on the row locks taken above. EXISTS stops at the first reference:
    // a file shared by thousands of tickets costs one index lookup, not thousands.
    const unreferenced = (
      (await em.query(
        `SELECT s.sha256 FROM stored_contents s WHERE s.sha256 IN (${placeholders(candidates)})
            AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = s.sha256)
            AND NOT EXISTS (SELECT 1 FROM inbound_mail m WHERE m.raw_sha256 = s.sha256)`,
        candidates,
      )) as { sha256: string }[]
    ).map((row) => row.sha256);
    if (unreferenced.length === 0) return 0;
    const unsent = await em.find(OutboxMessage, {
      where: { state: In(['pending', 'sending']), attachments: Not(IsNull()) },
      select: { id: true, attachments: true },
    });
    const needed = new Set(
      unsent.flatMap((row) =>
        (JSON.parse(row.attachments!) as OutboxAttachment[]).map((file) => file.sha256),
      ),
    );
    const deletable = unreferenced.filter((sha) => !needed.has(sha));
    if (deletable.length === 0) return 0;
    await em.delete(StoredContentChunk, { sha256: In(deletable) });
    await em.delete(StoredContent, { sha256: In(deletable) });
    return deletable.length;
  }
}

function uniqueById<T extends { id: string }>(rows: T[]): T[] {
  return [...new Map(rows.map((row) => [row.id, row])).values()];
}

async function deleteByIds(
  em: EntityManager,
  entity: typeof Attachment | typeof InboundMail | typeof OutboxMessage,
  rows: readonly { id: string }[],
): Promise<void> {
  for (const slice of slicesOf(rows.map((row) => row.id))) await em.delete(entity, { id: In(slice) });
}
