import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { Conflict, NotFound } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import type { TransactionEvent } from './transaction-case.rules.js';
import { WebhookDelivery, type WebhookDeliveryState } from './webhook-delivery.entity.js';

/** What the booking/payment system receives, as documented in the README. */
export interface TransactionWebhookBody {
  event: TransactionEvent;
  caseId: string;
  ticketNumber: string;
  bookingReference: string;
  kind: string;
  reason: string;
  at: string;
}

/** How many deliveries the admin list shows at once, newest first. */
const LIST_LIMIT = 200;

/** The outbox of calls to the booking/payment system: written in the caller's transaction, sent by a job. */
@Injectable()
export class WebhookDeliveriesService {
  private readonly logger = new Logger(WebhookDeliveriesService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Without a configured URL the call is kept as not_configured, so the gap shows on the case. */
  async enqueue(
    em: EntityManager,
    body: TransactionWebhookBody,
    sequence: number,
    now: Date,
  ): Promise<WebhookDelivery> {
    const row = em.create(WebhookDelivery, {
      caseId: body.caseId,
      event: body.event,
      sequence,
      body: JSON.stringify(body),
      state: this.config.transactionWebhook.target ? 'pending' : 'not_configured',
      attempts: 0,
      nextAttemptAt: now,
      claimedAt: null,
      lastStatus: null,
      lastError: this.config.transactionWebhook.target ? null : 'TRANSACTION_WEBHOOK_URL is not set',
      lastAttemptAt: null,
      deliveredAt: null,
      createdAt: now,
    });
    await em.insert(WebhookDelivery, row);
    return row;
  }

  forCases(em: EntityManager, caseIds: string[]): Promise<WebhookDelivery[]> {
    if (caseIds.length === 0) return Promise.resolve([]);
    return em.find(WebhookDelivery, {
      where: { caseId: In(caseIds) },
      order: { caseId: 'ASC', sequence: 'ASC' },
    });
  }

  list(state: WebhookDeliveryState | undefined): Promise<WebhookDelivery[]> {
    return this.dataSource.getRepository(WebhookDelivery).find({
      where: state ? { state } : {},
      order: { createdAt: 'DESC', id: 'DESC' },
      take: LIST_LIMIT,
    });
  }

  /**
   * Sends a failed (or never configured) call again from the first attempt. The receiver may already have
   * acted on an earlier attempt; it recognises the same X-Offtrack-Delivery and does not act twice.
   */
  retry(id: string, actor: Actor): Promise<WebhookDelivery> {
    return this.dataSource.transaction(async (em) => {
      const row = await em.findOne(WebhookDelivery, { where: { id } });
      if (!row) throw new NotFound('webhook delivery', id);
      if (row.state !== 'failed' && row.state !== 'not_configured') {
        throw new Conflict(
          `Only a failed or not configured delivery can be retried; this one is ${row.state}`,
        );
      }
      if (!this.config.transactionWebhook.target) {
        throw new Conflict('TRANSACTION_WEBHOOK_URL is not set: there is nowhere to send it');
      }
      const changes = { state: 'pending', attempts: 0, nextAttemptAt: this.clock.now() } as const;
      const result = await em.update(WebhookDelivery, { id, state: row.state }, changes);
      if (result.affected !== 1) throw new Conflict('The delivery changed meanwhile; load it again');
      await this.audit.record(em, actor, [
        {
          action: 'webhook_delivery.retry',
          recordType: 'webhook_delivery',
          recordId: id,
          fields: { state: [row.state, 'pending'], attempts: [row.attempts, 0] },
        },
      ]);
      this.logger.log({ deliveryId: id, caseId: row.caseId }, 'webhook delivery queued again');
      return Object.assign(row, changes);
    });
  }
}
