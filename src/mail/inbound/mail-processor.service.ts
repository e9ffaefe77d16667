import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../../auth/actor.js';
import { AppConfig } from '../../config/app-config.js';
import { Clock } from '../../common/clock.js';
import { CustomersService } from '../../customers/customers.service.js';
import { IntakeService } from '../../intake/intake.service.js';
import { ticketNumberFromSubject } from '../outbound/mail-subject.rules.js';
import { OutboxService } from '../outbound/outbox.service.js';
import { QueuesService } from '../../queues/queues.service.js';
import type { AttachmentFile } from '../../tickets/attachments.service.js';
import type { NewMessage } from '../../tickets/tickets.service.js';
import { TicketsService } from '../../tickets/tickets.service.js';
import { TicketThreadService } from '../../tickets/ticket-thread.service.js';
import { InboundMail } from './inbound-mail.entity.js';
import type { InboundMailState } from './inbound-mail.entity.js';
import { InboundMailService } from './inbound-mail.service.js';
import type { Mailbox } from './mailbox.entity.js';
import { MailboxesService } from './mailboxes.service.js';
import { isOwnAddress, noiseKind } from './mail-noise.rules.js';
import { parseMail } from './mail-parser.js';
import type { ParsedMail } from './mail-parser.js';
import { bounceFacts } from './bounce.js';
import { processingLanes, runLanes } from './processing-lanes.rules.js';
import { isLockConflict, isUniqueViolation } from '../../common/errors/database-errors.js';
import { TicketChanged } from '../../tickets/ticket.errors.js';

export type IntakeOutcome = 'ticket' | 'threaded' | 'ignored' | 'failed';

export interface ProcessReport {
  tickets: number;
  threaded: number;
  ignored: number;
  failed: number;
}

interface Decision {
  state: Exclude<InboundMailState, 'stored' | 'failed'>;
  outcome: Exclude<IntakeOutcome, 'failed'>;
  reason: string | null;
  ticketId?: string;
  messageRecordId?: string;
}

/** Another processor finished this mail first; the transaction is rolled back and nothing is done twice. */
class AlreadyProcessed extends Error {}

/** Lanes processed at once on MySQL/MariaDB: enough to overlap database waits on a small machine. */
const LANES_AT_ONCE = 4;
/** Raw bytes read and parsed per batch at most (at least one mail), so big attachments cannot exhaust memory. */
const BATCH_BYTES = 32 * 1024 * 1024;
const MAX_ATTEMPTS = 3;

function withinBytes(rows: InboundMail[], limit: number): InboundMail[] {
  let total = 0;
  const taken = rows.findIndex((row) => (total += row.sizeBytes) > limit);
  return taken === -1 ? rows : rows.slice(0, Math.max(1, taken));
}

/** What ties a mail to others in its batch: its sender, the Message-IDs it is or names, a ticket number. */
function laneKeys(mail: ParsedMail): string[] {
  const number = ticketNumberFromSubject(mail.subject);
  return [
    `from:${mail.from?.address.toLowerCase() ?? ''}`,
    ...[mail.messageId, ...mail.inReplyTo, ...mail.references]
      .filter((id): id is string => Boolean(id))
      .map((id) => `id:${id}`),
    ...(number ? [`ticket:${number}`] : []),
  ];
}

/** Conflicts with a concurrent lane (a ticket version, a new customer's address, a lock) that a retry resolves. */
function isTransient(error: unknown): boolean {
  return error instanceof TicketChanged || isUniqueViolation(error) || isLockConflict(error);
}

/**
 * Turns stored mail into tickets and thread messages. Each mail is handled in one transaction that also
 * records its outcome, so a crash at any point leaves it either untouched (done again on restart) or done.
 */
@Injectable()
export class MailProcessorService {
  private readonly logger = new Logger(MailProcessorService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly inbound: InboundMailService,
    private readonly mailboxes: MailboxesService,
    private readonly intake: IntakeService,
    private readonly tickets: TicketsService,
    private readonly thread: TicketThreadService,
    private readonly customers: CustomersService,
    private readonly outbox: OutboxService,
    private readonly queues: QueuesService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /**
   * Processes stored mail, oldest first, batch by batch, until none is left. On MySQL/MariaDB unrelated
   * mails are processed side by side (their transactions overlap their waits on the database); related ones
   * — same sender, same thread, same ticket — stay in order in one lane. SQLite writes one at a time anyway.
   */
  async processStored(batchSize = 50): Promise<ProcessReport> {
    const report: ProcessReport = { tickets: 0, threaded: 0, ignored: 0, failed: 0 };
    const count = (outcome: IntakeOutcome | null) => {
      if (outcome) report[outcome === 'ticket' ? 'tickets' : outcome] += 1;
    };
    const all = await this.mailboxes.list();
    const context = {
      ownAddresses: this.mailboxes.ownAddresses(all),
      mailboxes: new Map(all.map((mailbox) => [mailbox.id, mailbox])),
    };
    const lanesAtOnce = this.dataSource.options.type === 'mysql' ? LANES_AT_ONCE : 1;
    for (;;) {
      const pending = await this.inbound.pending(batchSize);
      const batch = withinBytes(pending, BATCH_BYTES);
      const readable: { row: InboundMail; mail: ParsedMail }[] = [];
      for (const row of batch) {
        const mail = await this.read(row);
        if (mail) readable.push({ row, mail });
        else count('failed');
      }
      const lanes = processingLanes(readable.map(({ mail }) => laneKeys(mail)));
      await runLanes(
        lanes.map((lane) => lane.map((index) => readable[index])),
        lanesAtOnce,
        async ({ row, mail }) => count(await this.process(row, mail, context)),
      );
      if (batch.length === pending.length && pending.length < batchSize) return report;
    }
  }

  /** The parsed mail, or null when it cannot be read (then it is marked failed with the reason). */
  private async read(row: InboundMail): Promise<ParsedMail | null> {
    try {
      return await parseMail(await this.inbound.raw(row));
    } catch (error) {
      await this.fail(row, `unreadable message: ${(error as Error).message}`);
      return null;
    }
  }

  private async process(
    row: InboundMail,
    mail: ParsedMail,
    { ownAddresses, mailboxes }: { ownAddresses: string[]; mailboxes: Map<string, Mailbox> },
  ): Promise<IntakeOutcome | null> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.processOnce(row, mail, ownAddresses, mailboxes);
      } catch (error) {
        if (error instanceof AlreadyProcessed) return null;
        // Another lane touched the same ticket or row at the same moment: simply do it again.
        if (attempt < MAX_ATTEMPTS && isTransient(error)) continue;
        await this.fail(row, (error as Error).message);
        return 'failed';
      }
    }
  }

  private async processOnce(
    row: InboundMail,
    mail: ParsedMail,
    ownAddresses: string[],
    mailboxes: Map<string, Mailbox>,
  ): Promise<IntakeOutcome> {
    const decision = await this.dataSource.transaction(async (em) => {
      const decided = await this.decide(em, row, mail, ownAddresses, mailboxes.get(row.mailboxId ?? ''));
      const result = await em.update(
        InboundMail,
        { id: row.id, state: 'stored' },
        {
          state: decided.state,
          stateReason: decided.reason,
          ticketId: decided.ticketId ?? null,
          messageRecordId: decided.messageRecordId ?? null,
          fromAddress: mail.from?.address.slice(0, 254) ?? null,
          subject: mail.subject.slice(0, 255) || null,
          attempts: row.attempts + 1,
          processedAt: this.clock.now(),
        },
      );
      if (result.affected !== 1) throw new AlreadyProcessed();
      return decided;
    });
    this.logger.log(
      { inboundMailId: row.id, outcome: decision.outcome, ticketId: decision.ticketId },
      'mail processed',
    );
    return decision.outcome;
  }

  private async decide(
    em: EntityManager,
    row: InboundMail,
    mail: ParsedMail,
    ownAddresses: string[],
    mailbox: Mailbox | undefined,
  ): Promise<Decision> {
    if (!mail.from) return { state: 'ignored', outcome: 'ignored', reason: 'no sender address' };
    if (isOwnAddress(mail.from.address, ownAddresses)) {
      this.logger.warn({ inboundMailId: row.id }, 'mail from our own address ignored');
      return { state: 'ignored', outcome: 'ignored', reason: 'sent from one of our own addresses' };
    }
    const noise = noiseKind({ headers: mail.headers, contentType: mail.contentType });
    if (noise === 'bounce') return this.bounce(em, mail);

    const found = await this.threadOf(em, mail);
    if (noise === 'auto_reply' || noise === 'bulk') {
      if (noise === 'auto_reply' && found?.accepts) {
        const added = await this.thread.addCustomerMail(
          em,
          found.ticket,
          this.messageOf(row, mail),
          SYSTEM_ACTOR,
          true,
        );
        return {
          state: 'processed',
          outcome: 'threaded',
          reason: 'auto-reply kept on the ticket',
          ticketId: found.ticket.id,
          messageRecordId: added.message.id,
        };
      }
      return {
        state: 'ignored',
        outcome: 'ignored',
        reason: noise === 'bulk' ? 'bulk or list mail' : 'automatic reply',
      };
    }
    if (found?.accepts) {
      const added = await this.thread.addCustomerMail(
        em,
        found.ticket,
        this.messageOf(row, mail),
        SYSTEM_ACTOR,
        false,
      );
      return {
        state: 'processed',
        outcome: 'threaded',
        reason: null,
        ticketId: found.ticket.id,
        messageRecordId: added.message.id,
      };
    }
    const message = this.messageOf(row, mail);
    const filed = await this.intake.file(
      em,
      {
        channel: 'email',
        from: mail.from,
        subject: mail.subject,
        text: message.body,
        html: mail.html,
        files: message.files ?? [],
        queueId: mailbox?.defaultQueueId ?? (await this.queues.defaultQueue(em)).id,
        followUpOfId: found?.ticket.id ?? null,
        mail: message.mail,
      },
      SYSTEM_ACTOR,
    );
    return {
      state: 'processed',
      outcome: 'ticket',
      reason: found ? `follow-up of ${found.why}` : null,
      ticketId: filed.ticket.id,
      messageRecordId: filed.messageId,
    };
  }

  /**
   * The ticket a mail belongs to: first by the Message-IDs it answers (ours or the customer's), then by
   * the ticket token in the subject — but a token alone only counts from someone taking part in the ticket.
   */
  private async threadOf(em: EntityManager, mail: ParsedMail) {
    const ids = [...mail.inReplyTo, ...mail.references];
    let ticket = await this.tickets.findByMessageIds(em, ids);
    if (!ticket && ids.length > 0) {
      const ticketId = await this.outbox.ticketIdForMessageIds(em, ids);
      if (ticketId) ticket = await this.tickets.load(em, ticketId);
    }
    const why = 'a reply to a closed ticket';
    if (!ticket) {
      const number = ticketNumberFromSubject(mail.subject);
      const byNumber = number ? await this.tickets.findByNumber(em, number) : null;
      if (!byNumber) return null;
      const participants = await this.tickets.participants(em, byNumber);
      if (!participants.has(mail.from!.address)) {
        return {
          ticket: byNumber,
          accepts: false,
          why: 'a ticket number quoted by someone not taking part in it',
        };
      }
      ticket = byNumber;
    }
    const surviving = await this.tickets.surviving(em, ticket);
    return { ticket: surviving, accepts: this.thread.acceptsCustomerMessage(surviving), why };
  }

  /** A delivery report: the mail it reports on is marked failed, the address bouncing; no ticket. */
  private async bounce(em: EntityManager, mail: ParsedMail): Promise<Decision> {
    const facts = bounceFacts(mail);
    const original = facts.originalMessageId
      ? await this.outbox.findByMessageId(em, facts.originalMessageId)
      : null;
    if (original) await this.outbox.markBounced(em, original, facts.status ?? 'delivery failed');
    const recipient = facts.recipient ?? original?.toAddress;
    if (recipient && facts.permanent) await this.customers.markBounced(em, recipient);
    return {
      state: 'ignored',
      outcome: 'ignored',
      reason: `delivery report${original ? ` for ${original.messageId}` : ''}${recipient ? ` (${recipient})` : ''}`,
      ticketId: original?.ticketId ?? undefined,
    };
  }

  private messageOf(row: InboundMail, mail: ParsedMail): NewMessage {
    const { kept, withheld } = this.files(mail);
    const limitMb = Math.round(this.config.mail.attachmentLimitBytes / 1024 / 1024);
    const notes = withheld.map(
      (file) =>
        `[Not attached: ${file.fileName} (${(file.sizeBytes / 1024 / 1024).toFixed(1)} MB) is over the ${limitMb} MB ` +
        'limit per message; the original mail is kept in full.]',
    );
    if (mail.undecodable) {
      notes.push(
        '[The structure of this mail could not be decoded; its body is shown as received. ' +
          `The original mail is kept (inbound mail ${row.id}).]`,
      );
    }
    return {
      direction: 'inbound',
      authorType: 'customer',
      body: [mail.text || '(no text)', ...notes].join('\n\n'),
      bodyHtml: mail.html,
      files: kept,
      mail: {
        messageId: mail.messageId,
        inReplyTo: mail.inReplyTo[0] ?? null,
        references: mail.references,
        fromAddress: mail.from?.address ?? null,
        to: mail.to,
        cc: mail.cc,
        rawMailId: row.id,
      },
    };
  }

  /** Attachments up to the per-message limit, in order; the rest is withheld (the raw mail keeps it). */
  private files(mail: ParsedMail): {
    kept: AttachmentFile[];
    withheld: { fileName: string; sizeBytes: number }[];
  } {
    let total = 0;
    const kept: AttachmentFile[] = [];
    const withheld: { fileName: string; sizeBytes: number }[] = [];
    for (const attachment of mail.attachments) {
      if (total + attachment.bytes.length > this.config.mail.attachmentLimitBytes) {
        withheld.push({ fileName: attachment.fileName, sizeBytes: attachment.bytes.length });
        continue;
      }
      total += attachment.bytes.length;
      kept.push(attachment);
    }
    return { kept, withheld };
  }

  private async fail(row: InboundMail, reason: string): Promise<void> {
    this.logger.error({ inboundMailId: row.id, reason }, 'mail processing failed');
    await this.dataSource
      .getRepository(InboundMail)
      .update(
        { id: row.id, state: 'stored' },
        { state: 'failed', stateReason: reason.slice(0, 500), attempts: row.attempts + 1 },
      );
  }
}
