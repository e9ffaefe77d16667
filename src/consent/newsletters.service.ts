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
import { nextRecipients } from './newsletter.queries.js';
import { newsletterMail } from './newsletter.rules.js';

/** Customers per transaction: each batch's mails are one multi-row INSERT, well under MySQL's packet limit. */
const BATCH = 200;

type AgentActor = Actor & { type: 'agent' };

/** Newsletter issues, sent only to customers whose newsletter consent stands. */
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

  /**
   * Writes one mail per subscribed customer to the outbox, batch by batch: each batch commits on its own and
   * moves the send's progress with it, so no transaction holds the whole list and the count is always true.
   */
  async send(dto: SendNewsletterDto, actor: AgentActor): Promise<NewsletterSend> {
    const repository = this.dataSource.getRepository(NewsletterSend);
    const row = repository.create({
      purpose: 'newsletter',
      subjectVi: dto.subjectVi.trim(),
      subjectEn: dto.subjectEn.trim(),
      sentById: actor.id,
      state: 'sending',
      queued: 0,
      batches: 0,
      lastCustomerId: null,
      startedAt: this.clock.now(),
      finishedAt: null,
    });
    await this.dataSource.transaction(async (em) => {
      await em.insert(NewsletterSend, row);
      await this.audit.record(em, actor, [
        { action: 'newsletter.send', recordType: 'newsletter_send', recordId: row.id },
      ]);
    });
    for (;;) {
      const done = await this.dataSource.transaction(async (em) => {
        const recipients = await nextRecipients(em, row.purpose, row.lastCustomerId, BATCH);
        if (recipients.length === 0) return true;
        await this.outbox.enqueueMany(
          em,
          recipients.map((recipient) => {
            const token = this.consent.unsubscribeToken(recipient.customerId);
            const mail = newsletterMail(dto, recipient.language, {
              pageUrl: `${this.config.publicUrl}/unsubscribe?token=${token}`,
              oneClickUrl: `${this.config.publicUrl}/unsubscribe/one-click?token=${token}`,
              mailto: this.config.mail.from.address,
            });
            return {
              kind: 'newsletter' as const,
              to: recipient.address,
              autoSubmitted: 'auto-generated',
              ...mail,
            };
          }),
        );
        row.queued += recipients.length;
        row.batches += 1;
        row.lastCustomerId = recipients[recipients.length - 1].customerId;
        await em.update(
          NewsletterSend,
          { id: row.id },
          { queued: row.queued, batches: row.batches, lastCustomerId: row.lastCustomerId },
        );
        return recipients.length < BATCH;
      });
      if (done) break;
    }
    row.state = 'finished';
    row.finishedAt = this.clock.now();
    await repository.update({ id: row.id }, { state: row.state, finishedAt: row.finishedAt });
    this.logger.log(
      { newsletterSendId: row.id, queued: row.queued, batches: row.batches },
      'newsletter queued',
    );
    return row;
  }

  list(): Promise<NewsletterSend[]> {
    return this.dataSource.getRepository(NewsletterSend).find({ order: { startedAt: 'DESC' }, take: 100 });
  }
}
