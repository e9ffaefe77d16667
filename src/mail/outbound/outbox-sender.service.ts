import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Transporter } from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import { DataSource, LessThan, LessThanOrEqual } from 'typeorm';
import { ContentStore } from '../../content/content-store.service.js';
import { AppConfig } from '../../config/app-config.js';
import { Clock } from '../../common/clock.js';
import { describeFailure, isPermanentFailure, retryDelayMs } from './delivery.rules.js';
import type { SmtpFailure } from './delivery.rules.js';
import type { OutboxAttachment } from './outbox-message.entity.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { SMTP_TRANSPORT } from './smtp-transport.js';

/** A row claimed this long ago and still "sending" belongs to a process that died mid-delivery. */
const INTERRUPTED_AFTER_MS = 10 * 60_000;

export interface SendReport {
  sent: number;
  retrying: number;
  failed: number;
}

@Injectable()
export class OutboxSenderService {
  private readonly logger = new Logger(OutboxSenderService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SMTP_TRANSPORT) private readonly transport: Transporter | null,
    private readonly attachments: ContentStore,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get canSend(): boolean {
    return this.transport !== null;
  }

  /** Delivers due mail, batch by batch, until none is due. Safe to run again at any time. */
  async sendDue(batchSize = 20): Promise<SendReport> {
    const report: SendReport = { sent: 0, retrying: 0, failed: 0 };
    if (!this.transport) return report;
    await this.failInterrupted();
    for (;;) {
      const due = await this.dataSource.getRepository(OutboxMessage).find({
        where: { state: 'pending', nextAttemptAt: LessThanOrEqual(this.clock.now()) },
        order: { nextAttemptAt: 'ASC' },
        take: batchSize,
      });
      for (const row of due) {
        if (await this.claim(row)) report[await this.deliver(row)] += 1;
      }
      if (due.length < batchSize) return report;
    }
  }

  /** Claiming flips pending → sending in one conditional UPDATE, so two senders never send the same row. */
  private async claim(row: OutboxMessage): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(OutboxMessage)
      .update({ id: row.id, state: 'pending' }, { state: 'sending', claimedAt: this.clock.now() });
    return result.affected === 1;
  }

  private async deliver(row: OutboxMessage): Promise<keyof SendReport> {
    const repository = this.dataSource.getRepository(OutboxMessage);
    try {
      await this.transport!.sendMail(await this.toMail(row));
      await repository.update({ id: row.id }, { state: 'sent', sentAt: this.clock.now(), lastError: null });
      this.logger.log({ outboxId: row.id, kind: row.kind, ticketId: row.ticketId }, 'mail sent');
      return 'sent';
    } catch (error) {
      const failure = error as SmtpFailure;
      const attempts = row.attempts + 1;
      const giveUp = isPermanentFailure(failure) || attempts >= this.config.mail.outboxMaxAttempts;
      await repository.update(
        { id: row.id },
        {
          state: giveUp ? 'failed' : 'pending',
          attempts,
          lastError: describeFailure(failure),
          nextAttemptAt: new Date(this.clock.now().getTime() + retryDelayMs(attempts)),
        },
      );
      this.logger.warn(
        { outboxId: row.id, attempts, giveUp, error: describeFailure(failure) },
        'mail not sent',
      );
      return giveUp ? 'failed' : 'retrying';
    }
  }

  /**
   * A crash between handing mail to the SMTP server and recording it leaves the row "sending". Sending it
   * again could duplicate it, so it is failed with a reason an admin can act on (retry or not).
   */
  private async failInterrupted(): Promise<void> {
    await this.dataSource.getRepository(OutboxMessage).update(
      {
        state: 'sending',
        claimedAt: LessThan(new Date(this.clock.now().getTime() - INTERRUPTED_AFTER_MS)),
      },
      {
        state: 'failed',
        lastError: 'interrupted during delivery: it may or may not have been sent; retry if not',
      },
    );
  }

  private async toMail(row: OutboxMessage): Promise<Mail.Options> {
    const files = row.attachments ? (JSON.parse(row.attachments) as OutboxAttachment[]) : [];
    return {
      from: this.config.mail.from,
      to: row.toAddress,
      cc: row.ccAddresses ? (JSON.parse(row.ccAddresses) as string[]) : undefined,
      subject: row.subject,
      text: row.bodyText,
      html: row.bodyHtml ?? undefined,
      messageId: row.messageId,
      inReplyTo: row.inReplyTo ?? undefined,
      references: row.referencesHeader ?? undefined,
      headers: this.headersOf(row),
      attachments: await Promise.all(
        files.map(async (file) => ({
          filename: file.fileName,
          contentType: file.contentType,
          content: await this.attachments.get(file.sha256),
        })),
      ),
    };
  }

  /**
   * Receivers compare these values as they are (RFC 3834 Auto-Submitted, RFC 8058 List-Unsubscribe), so they
   * are passed prepared: never RFC 2047-encoded or folded by nodemailer.
   */
  private headersOf(row: OutboxMessage): Mail.Headers | undefined {
    const lines: Record<string, string> = row.headers
      ? (JSON.parse(row.headers) as Record<string, string>)
      : {};
    if (row.autoSubmitted) lines['Auto-Submitted'] = row.autoSubmitted;
    const names = Object.keys(lines);
    if (names.length === 0) return undefined;
    return Object.fromEntries(names.map((name) => [name, { prepared: true, value: lines[name] }]));
  }
}
