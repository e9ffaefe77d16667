import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { OutboxService } from '../mail/outbound/outbox.service.js';
import { NewsletterSend } from './consent.entity.js';
import { ConsentService } from './consent.service.js';
import type { SendNewsletterDto } from './dto/consent.dto.js';
import { countRecipients, nextRecipients } from './newsletter.queries.js';
import { newsletterMail } from './newsletter.rules.js';
import type { UnsubscribePurpose } from './unsubscribe-links.js';

/** Customers per transaction: each batch's mails are one multi-row INSERT, well under MySQL's packet limit. */
const BATCH = 200;

type AgentActor = Actor & { type: 'agent' };

/** Newsletter issues and marketing mail, each sent only to customers whose consent to its purpose stands. */
@Injectable()
export class NewslettersService {
  private readonly logger = new Logger(NewslettersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consent: ConsentService,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Records the issue to send; NewsletterSendJob writes its mails batch by batch. */
  start(dto: SendNewsletterDto, actor: AgentActor): Promise<NewsletterSend> {
    return this.dataSource.transaction(async (em) => {
      const row = em.create(NewsletterSend, {
        purpose: dto.purpose,
        subjectVi: dto.subjectVi.trim(),
        subjectEn: dto.subjectEn.trim(),
        textVi: dto.textVi,
        textEn: dto.textEn,
        htmlVi: dto.htmlVi ?? null,
        htmlEn: dto.htmlEn ?? null,
        sentById: actor.id,
        state: 'sending',
        queued: 0,
        batches: 0,
        lastCustomerId: null,
        startedAt: this.clock.now(),
        finishedAt: null,
      });
      await em.insert(NewsletterSend, row);
      await this.audit.record(em, actor, [
        { action: 'newsletter.send', recordType: 'newsletter_send', recordId: row.id },
      ]);
      return row;
    });
  }

  /**
   * Writes the mails of unfinished sends to the outbox, oldest send first. Each batch commits on its own
   * together with the send's progress (the last customer written), so no transaction holds the whole list,
   * a kill loses at most one uncommitted batch, and a re-run goes on from there without sending anyone twice.
   * Returns the number of batches written; `maxBatches` stops early (tests of resuming).
   */
  async continueSends(batchSize = BATCH, maxBatches = Infinity): Promise<number> {
    const repository = this.dataSource.getRepository(NewsletterSend);
    let written = 0;
    for (const send of await repository.find({ where: { state: 'sending' }, order: { startedAt: 'ASC' } })) {
      for (;;) {
        if (written >= maxBatches) return written;
        const done = await this.dataSource.transaction(async (em) => {
          const recipients = await nextRecipients(em, send.purpose, send.lastCustomerId, batchSize);
          if (recipients.length > 0) {
            await this.outbox.enqueueMany(
              em,
              recipients.map((recipient) => ({
                kind: 'newsletter' as const,
                to: recipient.address,
                autoSubmitted: 'auto-generated' as const,
                ...newsletterMail(
                  send,
                  recipient.language,
                  this.linksFor(recipient.customerId, send.purpose),
                ),
              })),
            );
            send.queued += recipients.length;
            send.batches += 1;
            send.lastCustomerId = recipients[recipients.length - 1].customerId;
          }
          const finished = recipients.length < batchSize;
          if (finished) Object.assign(send, { state: 'finished', finishedAt: this.clock.now() });
          await em.update(
            NewsletterSend,
            { id: send.id },
            {
              queued: send.queued,
              batches: send.batches,
              lastCustomerId: send.lastCustomerId,
              state: send.state,
              finishedAt: send.finishedAt,
            },
          );
          return finished;
        });
        written += 1;
        if (done) {
          this.logger.log({ newsletterSendId: send.id, queued: send.queued }, 'newsletter queued');
          break;
        }
      }
    }
    return written;
  }

  get(id: string): Promise<NewsletterSend | null> {
    return this.dataSource.getRepository(NewsletterSend).findOne({ where: { id } });
  }

  /** How many customers a send for each purpose would reach now. */
  async audiences(): Promise<Record<UnsubscribePurpose, number>> {
    const em = this.dataSource.manager;
    const [newsletter, marketing] = await Promise.all([
      countRecipients(em, 'newsletter'),
      countRecipients(em, 'marketing'),
    ]);
    return { newsletter, marketing };
  }

  list(): Promise<NewsletterSend[]> {
    return this.dataSource.getRepository(NewsletterSend).find({ order: { startedAt: 'DESC' }, take: 100 });
  }

  private linksFor(customerId: string, purpose: UnsubscribePurpose) {
    const token = this.consent.unsubscribeToken(customerId, purpose);
    return {
      pageUrl: `${this.config.publicUrl}/unsubscribe?token=${token}`,
      oneClickUrl: `${this.config.publicUrl}/unsubscribe/one-click?token=${token}`,
      mailto: this.config.mail.from.address,
    };
  }
}
