import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Not, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/actor.js';
import { Clock } from '../common/clock.js';
import { isLockConflict } from '../common/errors/database-errors.js';
import { NotFound } from '../common/errors/domain-error.js';
import { foldForSearch } from '../common/text/search-text.js';
import { StoredContent, StoredContentChunk } from '../content/stored-content.entity.js';
import { Customer, CustomerEmail, CustomerPhone } from '../customers/customer.entity.js';
import { forUpdate } from '../database/locking.js';
import { InboundMail } from '../mail/inbound/inbound-mail.entity.js';
import { OutboxMessage, type OutboxAttachment } from '../mail/outbound/outbox-message.entity.js';
import { Attachment } from '../tickets/attachment.entity.js';
import { Message } from '../tickets/message.entity.js';
import { displayNumber, Ticket } from '../tickets/ticket.entity.js';
import { personalDataRedactor } from './redaction.rules.js';
import { skipReasonsOf, updateRows } from './retention.queries.js';
import { isDue, lastActivity, type SkipReason } from './retention.rules.js';

/** What an anonymised customer is called from then on, for agents reading old tickets. */
export const ANONYMISED_NAME = 'Khách hàng ẩn danh / Anonymised customer';

export interface AnonymisedCounts {
  tickets: number;
  messagesRedacted: number;
  attachmentsDeleted: number;
  rawMailsDeleted: number;
  outboxMailsDeleted: number;
  storedContentsDeleted: number;
  emailsRemoved: number;
  phonesRemoved: number;
  /** Audit events on the customer whose recorded values were erased (their place in the chain stays). */
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
  | { outcome: 'anonymised'; anonymisedAt: Date; changed: AnonymisedCounts; kept: typeof KEPT }
  /** Kept whole: a legal hold or an open matter needs the data. */
  | { outcome: 'skipped'; reasons: SkipReason[] }
  | { outcome: 'already_anonymised'; anonymisedAt: Date }
  /** Retention only: the customer became active again since they were selected. */
  | { outcome: 'active'; lastActivity: Date }
);

export interface AnonymiseOptions {
  /** Recorded with the audit event: "retention", "data-subject request OT#…". */
  reason: string;
  /** Retention passes its cut-off: a customer active since then is left alone. */
  lastActiveBefore?: Date;
  /** A deletion request's own ticket is open while it is carried out; it does not hold the customer back. */
  exceptOpenTicketId?: string;
}

/** A deadlock between two customers sharing stored content is broken by the engine; the loser tries again. */
const LOCK_ATTEMPTS = 3;

/**
 * Replaces a customer's personal data in one transaction: their record, the text of their tickets and
 * messages, attachments, raw mail and mail to them. Either all of it happens or none.
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
    options: AnonymiseOptions,
  ): Promise<AnonymisationReport> {
    for (let attempt = 1; ; attempt++) {
      try {
        const work = (em: EntityManager) => this.anonymiseIn(em, customerId, actor, options);
        return await (this.dataSource.options.type === 'mysql'
          ? // No gap locks: customers anonymised side by side would otherwise block each other on index gaps.
            this.dataSource.transaction('READ COMMITTED', work)
          : this.dataSource.transaction(work));
      } catch (error) {
        if (!isLockConflict(error) || attempt >= LOCK_ATTEMPTS) throw error;
      }
    }
  }

  private async anonymiseIn(
    em: EntityManager,
    customerId: string,
    actor: Actor,
    options: AnonymiseOptions,
  ): Promise<AnonymisationReport> {
    // The row lock orders this against a hold being placed or a message arriving for the same customer.
    const customer = await forUpdate(
      em.createQueryBuilder(Customer, 'customer').where('customer.id = :customerId', { customerId }),
    ).getOne();
    if (!customer) throw new NotFound('customer', customerId);
    if (customer.anonymisedAt)
      return { customerId, outcome: 'already_anonymised', anonymisedAt: customer.anonymisedAt };

    const tickets = await em.find(Ticket, {
      where: { customerId },
      select: { id: true, number: true, subject: true, bookingReference: true, updatedAt: true },
    });
    if (options.lastActiveBefore) {
      const activity = lastActivity(
        customer.updatedAt,
        tickets.map((ticket) => ticket.updatedAt),
      );
      if (!isDue(activity, options.lastActiveBefore))
        return { customerId, outcome: 'active', lastActivity: activity };
    }
    const except = options.exceptOpenTicketId ? [options.exceptOpenTicketId] : [];
    const reasons = (await skipReasonsOf(em, [customerId], except)).get(customerId);
    if (reasons) return { customerId, outcome: 'skipped', reasons };

    const contacts: { kind: 'email' | 'phone'; value: string }[] = await em.query(
      `SELECT 'email' AS kind, address AS value FROM customer_emails WHERE customer_id = ?
       UNION ALL SELECT 'phone' AS kind, number AS value FROM customer_phones WHERE customer_id = ?`,
      [customerId, customerId],
    );
    const emails = contacts.filter((contact) => contact.kind === 'email').map((contact) => contact.value);
    const phones = contacts.filter((contact) => contact.kind === 'phone').map((contact) => contact.value);
    const names = [customer.displayName];
    const redact = personalDataRedactor(names);
    const ticketIds = tickets.map((ticket) => ticket.id);
    const now = this.clock.now();

    const messagesRedacted = await this.redactMessages(em, ticketIds, redact);
    await updateRows(
      em,
      'tickets',
      tickets.map((ticket) => {
        const subject = redact(ticket.subject);
        const searchText = foldForSearch(
          [displayNumber(ticket.number), subject, ticket.bookingReference ?? ''].join(' '),
        ).slice(0, 600);
        return { id: ticket.id, values: { subject, search_text: searchText } };
      }),
    );
    const contents = await this.deleteMail(em, ticketIds, emails);
    const attachments = ticketIds.length
      ? await em.find(Attachment, { where: { ticketId: In(ticketIds) }, select: { id: true, sha256: true } })
      : [];
    if (attachments.length > 0) {
      await this.lockContents(em, [...contents.shas, ...attachments.map((row) => row.sha256)]);
      await em.delete(Attachment, { ticketId: In(ticketIds) });
    } else await this.lockContents(em, contents.shas);
    const storedContentsDeleted = await this.deleteUnreferencedContents(em, [
      ...contents.shas,
      ...attachments.map((row) => row.sha256),
    ]);

    await em.delete(CustomerEmail, { customerId });
    await em.delete(CustomerPhone, { customerId });
    await em.update(
      Customer,
      { id: customerId },
      {
        displayName: ANONYMISED_NAME,
        searchText: foldForSearch(ANONYMISED_NAME),
        anonymisedAt: now,
        version: customer.version + 1,
        updatedAt: now,
      },
    );
    // Corrections kept the record's before/after values in the audit log: they go, the chain's digests stay.
    const auditValuesRedacted = await this.audit.redactFields(em, 'customer', [customerId]);
    const changed: AnonymisedCounts = {
      tickets: tickets.length,
      messagesRedacted,
      attachmentsDeleted: attachments.length,
      rawMailsDeleted: contents.rawMails,
      outboxMailsDeleted: contents.outboxMails,
      storedContentsDeleted,
      emailsRemoved: emails.length,
      phonesRemoved: phones.length,
      auditValuesRedacted,
    };
    await this.audit.record(em, actor, [
      {
        action: 'anonymised',
        recordType: 'customer',
        recordId: customerId,
        fields: ['display_name', 'emails', 'phones', 'search_text', 'ticket_subjects', 'message_bodies'],
        reason: options.reason,
      },
    ]);
    return { customerId, outcome: 'anonymised', anonymisedAt: now, changed, kept: KEPT };
  }

  /** Bodies, subjects-in-text and addresses of every message on the tickets; the raw mail link goes too. */
  private async redactMessages(
    em: EntityManager,
    ticketIds: string[],
    redact: (text: string) => string,
  ): Promise<number> {
    if (ticketIds.length === 0) return 0;
    const messages = await em.find(Message, {
      where: { ticketId: In(ticketIds) },
      select: {
        id: true,
        bodyText: true,
        bodyHtml: true,
        fromAddress: true,
        toAddresses: true,
        ccAddresses: true,
      },
    });
    const orNull = (text: string | null) => (text === null ? null : redact(text));
    await updateRows(
      em,
      'messages',
      messages.map((message) => ({
        id: message.id,
        values: {
          body_text: redact(message.bodyText),
          body_html: orNull(message.bodyHtml),
          from_address: orNull(message.fromAddress),
          to_addresses: orNull(message.toAddresses),
          cc_addresses: orNull(message.ccAddresses),
          raw_mail_id: null,
        },
      })),
    );
    return messages.length;
  }

  /** Raw mail of the tickets or from the customer's addresses, and mail to them; returns the content they held. */
  private async deleteMail(em: EntityManager, ticketIds: string[], emails: string[]) {
    // An empty list of conditions would match every row.
    if (ticketIds.length === 0 && emails.length === 0) return { rawMails: 0, outboxMails: 0, shas: [] };
    const rawMails = await em.find(InboundMail, {
      where: [
        ...(ticketIds.length ? [{ ticketId: In(ticketIds) }] : []),
        ...(emails.length ? [{ fromAddress: In(emails) }] : []),
      ],
      select: { id: true, rawSha256: true },
    });
    const outbox = await em.find(OutboxMessage, {
      where: [
        ...(ticketIds.length ? [{ ticketId: In(ticketIds) }] : []),
        ...(emails.length ? [{ toAddress: In(emails) }] : []),
      ],
      select: { id: true, attachments: true },
    });
    if (rawMails.length) await em.delete(InboundMail, { id: In(rawMails.map((row) => row.id)) });
    if (outbox.length) await em.delete(OutboxMessage, { id: In(outbox.map((row) => row.id)) });
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
    // Locking reads see rows other customers' transactions deleted and committed since this one began.
    // LOCK IN SHARE MODE, not FOR SHARE: MariaDB knows only the former, MySQL 8 both.
    const shareLock = em.connection.options.type === 'mysql' ? ' LOCK IN SHARE MODE' : '';
    const list = candidates.map(() => '?').join(', ');
    // Two statements: MariaDB takes no locking clause inside a UNION.
    const attachments: { sha256: string }[] = await em.query(
      `SELECT sha256 FROM attachments WHERE sha256 IN (${list})${shareLock}`,
      candidates,
    );
    const rawMails: { sha256: string }[] = await em.query(
      `SELECT raw_sha256 AS sha256 FROM inbound_mail WHERE raw_sha256 IN (${list})${shareLock}`,
      candidates,
    );
    const referenced = new Set([...attachments, ...rawMails].map((row) => row.sha256));
    const unsent = await em.find(OutboxMessage, {
      where: { state: In(['pending', 'sending']), attachments: Not(IsNull()) },
      select: { id: true, attachments: true },
    });
    for (const row of unsent)
      for (const file of row.attachments ? (JSON.parse(row.attachments) as OutboxAttachment[]) : [])
        referenced.add(file.sha256);
    const unreferenced = candidates.filter((sha) => !referenced.has(sha));
    if (unreferenced.length === 0) return 0;
    await em.delete(StoredContentChunk, { sha256: In(unreferenced) });
    await em.delete(StoredContent, { sha256: In(unreferenced) });
    return unreferenced.length;
  }
}
