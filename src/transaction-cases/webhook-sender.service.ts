import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThan, LessThanOrEqual } from 'typeorm';
import { Clock } from '../common/clock.js';
import { AppConfig } from '../config/app-config.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import {
  type AttemptResult,
  describeAttempt,
  judgeAttempt,
  signatureOf,
  webhookRetryDelayMs,
} from './webhook-delivery.rules.js';

/** A row claimed this long ago and still "sending" belongs to a process that died mid-call. */
const INTERRUPTED_AFTER_MS = 10 * 60_000;

export interface WebhookSendReport {
  delivered: number;
  retrying: number;
  failed: number;
}

/** Calls the booking/payment system for due deliveries, signed, with retries and backoff. */
@Injectable()
export class WebhookSenderService {
  private readonly logger = new Logger(WebhookSenderService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  get canSend(): boolean {
    return this.config.transactionWebhook.target !== null;
  }

  /** Sends due calls, batch by batch, until none is due. Safe to run again at any time. */
  async sendDue(batchSize = 20): Promise<WebhookSendReport> {
    const report: WebhookSendReport = { delivered: 0, retrying: 0, failed: 0 };
    if (!this.canSend) return report;
    await this.resumeInterrupted();
    for (;;) {
      const due = await this.dataSource.getRepository(WebhookDelivery).find({
        where: { state: 'pending', nextAttemptAt: LessThanOrEqual(this.clock.now()) },
        order: { nextAttemptAt: 'ASC', sequence: 'ASC' },
        take: batchSize,
      });
      let claimed = 0;
      let heldBack = 0;
      for (const row of due) {
        if (await this.waitsForEarlierCall(row)) {
          heldBack += 1;
        } else if (await this.claim(row)) {
          claimed += 1;
          report[await this.deliver(row)] += 1;
        }
      }
      // A held-back call may be free now that the call before it went out; a batch of only held-back calls
      // would come back unchanged, so that ends the run.
      if (claimed === 0 || (due.length < batchSize && heldBack === 0)) return report;
    }
  }

  /**
   * The booking system hears about a case in order: an outcome waits while the suspension before it is still
   * being retried. Once an earlier call has failed for good, later ones go ahead rather than wait for an
   * admin to retry it: the receiver can still tell the order from the case's states.
   */
  private async waitsForEarlierCall(row: WebhookDelivery): Promise<boolean> {
    const earlier = await this.dataSource.getRepository(WebhookDelivery).count({
      where: { caseId: row.caseId, sequence: LessThan(row.sequence), state: In(['pending', 'sending']) },
    });
    return earlier > 0;
  }

  /** pending → sending in one conditional UPDATE, so two senders never call for the same row at once. */
  private async claim(row: WebhookDelivery): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(WebhookDelivery)
      .update({ id: row.id, state: 'pending' }, { state: 'sending', claimedAt: this.clock.now() });
    return result.affected === 1;
  }

  private async deliver(row: WebhookDelivery): Promise<keyof WebhookSendReport> {
    const result = await this.call(row);
    const attempts = row.attempts + 1;
    const outcome = judgeAttempt(result, attempts, this.config.transactionWebhook.maxAttempts);
    const now = this.clock.now();
    await this.dataSource.getRepository(WebhookDelivery).update(
      { id: row.id },
      {
        state: outcome === 'retry' ? 'pending' : outcome,
        attempts,
        lastStatus: 'status' in result ? result.status : null,
        lastError: describeAttempt(result),
        lastAttemptAt: now,
        deliveredAt: outcome === 'delivered' ? now : null,
        nextAttemptAt: new Date(now.getTime() + webhookRetryDelayMs(attempts)),
      },
    );
    const facts = { deliveryId: row.id, caseId: row.caseId, event: row.event, attempts };
    if (outcome === 'delivered') this.logger.log(facts, 'transaction webhook delivered');
    else
      this.logger.warn(
        { ...facts, outcome, error: describeAttempt(result) },
        'transaction webhook not delivered',
      );
    return outcome === 'retry' ? 'retrying' : outcome;
  }

  private async call(row: WebhookDelivery): Promise<AttemptResult> {
    const { url, secret } = this.config.transactionWebhook.target!;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'User-Agent': 'OfftrackCare-Webhook/1',
          'X-Offtrack-Signature': signatureOf(row.body, secret),
          'X-Offtrack-Delivery': row.id,
          'X-Offtrack-Timestamp': this.clock.now().toISOString(),
        },
        body: row.body,
        // A redirect could carry the signed body somewhere else: it counts as a failed attempt.
        redirect: 'manual',
        signal: AbortSignal.timeout(this.config.transactionWebhook.timeoutMs),
      });
      await response.body?.cancel();
      return { status: response.status };
    } catch (error) {
      return { error: describeNetworkError(error) };
    }
  }

  /**
   * A crash after the call left but before it was recorded leaves the row "sending". The receiver dedupes on
   * X-Offtrack-Delivery, so calling again is safe, and a halt must not be lost.
   */
  private async resumeInterrupted(): Promise<void> {
    await this.dataSource.getRepository(WebhookDelivery).update(
      {
        state: 'sending',
        claimedAt: LessThan(new Date(this.clock.now().getTime() - INTERRUPTED_AFTER_MS)),
      },
      { state: 'pending', lastError: 'interrupted during delivery: sent again' },
    );
  }
}

/** fetch() wraps the reason (refused, reset, DNS) in `cause`; a timeout is an AbortSignal TimeoutError. */
function describeNetworkError(error: unknown): string {
  const failure = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (failure.name === 'TimeoutError') return 'timed out';
  return (
    [failure.cause?.code, failure.cause?.message ?? failure.message].filter(Boolean).join(' ') ||
    'unknown error'
  );
}
