import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TransactionEvent } from './transaction-case.rules.js';

/**
 * pending → sending → delivered, or back to pending to retry, or failed; not_configured when no
 * TRANSACTION_WEBHOOK_URL was set when the move was made.
 */
export const WEBHOOK_DELIVERY_STATES = [
  'pending',
  'sending',
  'delivered',
  'failed',
  'not_configured',
] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

/** One call to the booking/payment system, written with the move that caused it; its id is the idempotency key. */
@Entity('webhook_deliveries')
export class WebhookDelivery {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'varchar', length: 36 }) caseId: string;
  @Column({ type: 'varchar', length: 40 }) event: TransactionEvent;
  /** The case's version after the move that caused it: calls for one case are sent in this order. */
  @Column({ type: 'int' }) sequence: number;
  /** The exact JSON sent and signed on every attempt. */
  @Column({ type: 'text' }) body: string;
  @Column({ type: 'varchar', length: 20 }) state: WebhookDeliveryState;
  @Column({ type: 'int' }) attempts: number;
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 }) nextAttemptAt: Date;
  @Column({ name: 'claimed_at', type: 'datetime', precision: 3, nullable: true }) claimedAt: Date | null;
  @Column({ name: 'last_status', type: 'int', nullable: true }) lastStatus: number | null;
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true }) lastError: string | null;
  @Column({ name: 'last_attempt_at', type: 'datetime', precision: 3, nullable: true })
  lastAttemptAt: Date | null;
  @Column({ name: 'delivered_at', type: 'datetime', precision: 3, nullable: true }) deliveredAt: Date | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
}
