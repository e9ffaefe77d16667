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
   * Keeps raw messages and moves the mailbox's UID mark past them, in one transaction: whatever happens
   * next, each mail is either stored or will be fetched again. The same mail twice (same Message-ID, or same
   * bytes when it has none) is stored once. Callers batch, since each commit costs a disk flush.
   */
  async store(
    mails: { raw: Buffer; uid: number | null }[],
    mailbox: { id: string; uidValidity: string } | null,
  ): Promise<StoreResult[]> {
    const rows = mails.map(({ raw, uid }) => {
      const rawSha256 = ContentStore.sha256(raw);
      const messageId = headerMessageId(raw)?.slice(0, 255) ?? null;
      return {
        id: randomUUID(),
        raw,
        uid,
        rawSha256,
        messageId,
        dedupKey: (messageId ?? `sha256:${rawSha256}`).slice(0, 255),
      };
    });
    return this.dataSource.transaction(async (em) => {
      for (const row of rows) {
        await this.contents.put(em, row.raw);
        await em
          .createQueryBuilder()
          .insert()
          .into(InboundMail)
          .values({
            id: row.id,
            mailboxId: mailbox?.id ?? null,
            uid: row.uid,
            dedupKey: row.dedupKey,
            messageId: row.messageId,
            rawSha256: row.rawSha256,
            sizeBytes: row.raw.length,
            state: 'stored',
            attempts: 0,
            receivedAt: this.clock.now(),
          })
          .orIgnore()
          .execute();
      }
      const highest = Math.max(0, ...rows.map((row) => Math.trunc(row.uid ?? 0)));
      if (mailbox && highest > 0) {
        await em
          .createQueryBuilder()
          .update(Mailbox)
          .set({
            lastUid: () => `CASE WHEN last_uid < ${highest} THEN ${highest} ELSE last_uid END`,
            uidValidity: mailbox.uidValidity,
          })
          .where('id = :id', { id: mailbox.id })
          .execute();
      }
      const kept = await em.find(InboundMail, {
        where: { dedupKey: In(rows.map((row) => row.dedupKey)) },
        select: { id: true, dedupKey: true },
      });
      const keptIds = new Map(kept.map((row) => [row.dedupKey, row.id]));
      return rows.map((row) => ({
        inboundMailId: keptIds.get(row.dedupKey)!,
        duplicate: keptIds.get(row.dedupKey) !== row.id,
      }));
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
      .update({ id, state: 'failed' }, { state: 'stored', stateReason: null });
  }
}
