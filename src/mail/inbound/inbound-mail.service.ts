import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { ContentStore } from '../../content/content-store.service.js';
import { Conflict, NotFound } from '../../common/errors/domain-error.js';
import type { InboundMailState } from './inbound-mail.entity.js';
import { InboundMail } from './inbound-mail.entity.js';
import { Mailbox } from './mailbox.entity.js';
import { normalizeMessageId } from './mail-threading.rules.js';

/** The Message-ID from the header block, read without parsing the whole message (bodies can be large). */
export function headerMessageId(raw: Buffer): string | null {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end === -1 ? Math.min(raw.length, 64 * 1024) : end).toString('latin1');
  const match = /^message-id:[ \t]*((?:.*)(?:\r?\n[ \t].*)*)/im.exec(head);
  return match ? normalizeMessageId(match[1].replace(/\r?\n[ \t]+/g, ' ')) : null;
}

export interface StoreResult {
  inboundMailId: string;
  duplicate: boolean;
}

@Injectable()
export class InboundMailService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly contents: ContentStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Keeps the raw message and moves the mailbox's UID mark past it, in one transaction: whatever happens
   * next, the mail is either stored or will be fetched again. The same mail twice (same Message-ID, or same
   * bytes when it has none) is stored once.
   */
  async store(
    raw: Buffer,
    mailbox: { id: string; uid: number; uidValidity: string } | null,
  ): Promise<StoreResult> {
    const rawSha256 = ContentStore.sha256(raw);
    const messageId = headerMessageId(raw);
    const dedupKey = messageId ?? `sha256:${rawSha256}`;
    const id = randomUUID();
    return this.dataSource.transaction(async (em) => {
      await this.contents.put(em, raw);
      await em
        .createQueryBuilder()
        .insert()
        .into(InboundMail)
        .values({
          id,
          mailboxId: mailbox?.id ?? null,
          uid: mailbox?.uid ?? null,
          dedupKey: dedupKey.slice(0, 255),
          messageId: messageId?.slice(0, 255) ?? null,
          rawSha256,
          sizeBytes: raw.length,
          state: 'stored',
          attempts: 0,
          receivedAt: this.clock.now(),
        })
        .orIgnore()
        .execute();
      if (mailbox) {
        const uid = Math.trunc(mailbox.uid);
        await em
          .createQueryBuilder()
          .update(Mailbox)
          .set({
            lastUid: () => `CASE WHEN last_uid < ${uid} THEN ${uid} ELSE last_uid END`,
            uidValidity: mailbox.uidValidity,
          })
          .where('id = :id', { id: mailbox.id })
          .execute();
      }
      const kept = await em.findOneOrFail(InboundMail, {
        where: { dedupKey: dedupKey.slice(0, 255) },
        select: { id: true },
      });
      return { inboundMailId: kept.id, duplicate: kept.id !== id };
    });
  }

  raw(row: InboundMail): Promise<Buffer> {
    return this.contents.get(row.rawSha256);
  }

  pending(limit: number): Promise<InboundMail[]> {
    return this.dataSource.getRepository(InboundMail).find({
      where: { state: 'stored' },
      order: { receivedAt: 'ASC' },
      take: limit,
    });
  }

  list(state: InboundMailState | undefined, limit: number) {
    return this.dataSource.getRepository(InboundMail).find({
      where: state ? { state } : {},
      order: { receivedAt: 'DESC' },
      take: limit,
      select: {
        id: true,
        mailboxId: true,
        messageId: true,
        sizeBytes: true,
        fromAddress: true,
        subject: true,
        state: true,
        stateReason: true,
        attempts: true,
        ticketId: true,
        messageRecordId: true,
        receivedAt: true,
        processedAt: true,
      },
    });
  }

  async get(id: string): Promise<InboundMail> {
    const row = await this.dataSource.getRepository(InboundMail).findOne({ where: { id } });
    if (!row) throw new NotFound('inbound mail', id);
    return row;
  }

  /** Sends a failed mail through processing again, after its cause was fixed. */
  async requeue(id: string): Promise<void> {
    const row = await this.get(id);
    if (row.state !== 'failed')
      throw new Conflict(`Only failed mail can be retried; this one is ${row.state}`);
    await this.dataSource
      .getRepository(InboundMail)
      .update({ id, state: In(['failed']) }, { state: 'stored', stateReason: null });
  }
}
