import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, LessThan, MoreThan } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { Clock } from '../../common/clock.js';
import { Conflict, NotFound } from '../../common/errors/domain-error.js';
import { newMessageId } from './delivery.rules.js';
import type { OutboxAttachment, OutboxKind, OutboxState } from './outbox-message.entity.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { bulkInsert } from '../../database/bulk-insert.js';

export interface OutboundMail {
  kind: OutboxKind;
  ticketId?: string | null;
  messageRecordId?: string | null;
  to: string;
  cc?: string[];
  subject: string;
  bodyText: string;
  bodyHtml?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  autoSubmitted?: 'auto-replied' | 'auto-generated' | null;
  attachments?: OutboxAttachment[];
  /** Further header lines, plain ASCII, sent exactly as given (no RFC 2047 encoding, no folding). */
  headers?: Record<string, string>;
  /** Set when the Message-ID must be known before the row is written (to store it on the thread message). */
  messageId?: string;
  /** Held until then (staff notifications wait for business hours). */
  notBefore?: Date;
}

@Injectable()
export class OutboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  newMessageId(): string {
    return newMessageId(this.config.mail.from.address);
  }

  /** Queues a mail within the caller's transaction: it is sent if and only if the change commits. */
  async enqueue(em: EntityManager, mail: OutboundMail): Promise<OutboxMessage> {
    const [row] = await this.enqueueMany(em, [mail]);
    return row;
  }

  /** Queues several mails with one INSERT. */
  async enqueueMany(em: EntityManager, mails: OutboundMail[]): Promise<OutboxMessage[]> {
    const now = this.clock.now();
    const rows = mails.map((mail) =>
      em.create(OutboxMessage, {
        kind: mail.kind,
        ticketId: mail.ticketId ?? null,
        messageRecordId: mail.messageRecordId ?? null,
        toAddress: mail.to.toLowerCase(),
        ccAddresses: mail.cc?.length ? JSON.stringify(mail.cc) : null,
        subject: mail.subject.slice(0, 255),
        bodyText: mail.bodyText,
        bodyHtml: mail.bodyHtml ?? null,
        messageId: mail.messageId ?? this.newMessageId(),
        inReplyTo: mail.inReplyTo ?? null,
        referencesHeader: mail.references?.length ? mail.references.join(' ') : null,
        autoSubmitted: mail.autoSubmitted ?? null,
        headers: mail.headers ? JSON.stringify(mail.headers) : null,
        attachments: mail.attachments?.length ? JSON.stringify(mail.attachments) : null,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: mail.notBefore ?? now,
        claimedAt: null,
        lastError: null,
        createdAt: now,
        sentAt: null,
      }),
    );
    await bulkInsert(em, OutboxMessage, rows);
    return rows;
  }

  /** Automatic mail already queued to this address since `since`, for the per-sender cap against mail loops. */
  countAutomaticTo(em: EntityManager, address: string, since: Date): Promise<number> {
    return em.count(OutboxMessage, {
      where: { toAddress: address.toLowerCase(), kind: 'acknowledgement', createdAt: MoreThan(since) },
    });
  }

  /** Delivery state of the mail that carried each thread message. */
  async deliveriesOf(messageRecordIds: string[], em: EntityManager = this.dataSource.manager) {
    if (messageRecordIds.length === 0) return new Map<string, OutboxMessage>();
    const rows = await em.find(OutboxMessage, { where: { messageRecordId: In(messageRecordIds) } });
    return new Map(rows.map((row) => [row.messageRecordId!, row]));
  }

  /** The outbox row whose Message-ID a bounce or reply names. */
  findByMessageId(em: EntityManager, messageId: string): Promise<OutboxMessage | null> {
    return em.findOne(OutboxMessage, { where: { messageId } });
  }

  /** The ticket of the newest of our mails among these Message-IDs (a reply to an acknowledgement, say). */
  async ticketIdForMessageIds(em: EntityManager, messageIds: string[]): Promise<string | null> {
    if (messageIds.length === 0) return null;
    const row = await em.findOne(OutboxMessage, {
      where: { messageId: In(messageIds) },
      order: { createdAt: 'DESC' },
      select: { ticketId: true },
    });
    return row?.ticketId ?? null;
  }

  async markBounced(em: EntityManager, row: OutboxMessage, reason: string): Promise<void> {
    await em.update(
      OutboxMessage,
      { id: row.id },
      { state: 'failed', lastError: `bounced: ${reason}`.slice(0, 500) },
    );
  }

  /**
   * Deletes up to `batchSize` mails sent before `sentBefore`; returns how many. Failed, pending and sending
   * mail stays. Nothing references outbox rows by key: replies keep their Message-ID on the thread message,
   * a customer's answer to an older acknowledgement threads by the ticket token in its subject, and a late
   * bounce still marks the address it names.
   */
  async purgeSentBatch(sentBefore: Date, batchSize: number): Promise<number> {
    const repository = this.dataSource.getRepository(OutboxMessage);
    const rows = await repository.find({
      where: { state: 'sent', sentAt: LessThan(sentBefore) },
      select: { id: true },
      order: { sentAt: 'ASC', id: 'ASC' },
      take: batchSize,
    });
    if (rows.length === 0) return 0;
    // Only rows still sent: a late bounce may have marked one failed since, and that one must stay.
    const result = await repository.delete({ id: In(rows.map((row) => row.id)), state: 'sent' });
    return result.affected ?? rows.length;
  }

  list(state: OutboxState | undefined, limit: number): Promise<OutboxMessage[]> {
    return this.dataSource.getRepository(OutboxMessage).find({
      where: state ? { state } : {},
      order: { createdAt: 'DESC' },
      take: limit,
    });
  }

  /** Puts a failed mail back in the queue, for when an admin has fixed the cause. */
  async retry(id: string): Promise<OutboxMessage> {
    const repository = this.dataSource.getRepository(OutboxMessage);
    const row = await repository.findOne({ where: { id } });
    if (!row) throw new NotFound('outbox message', id);
    if (row.state !== 'failed')
      throw new Conflict(`Only failed mail can be retried; this one is ${row.state}`);
    await repository.update(
      { id, state: 'failed' },
      { state: 'pending', nextAttemptAt: this.clock.now(), lastError: null },
    );
    return repository.findOneOrFail({ where: { id } });
  }
}
