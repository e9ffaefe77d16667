import { Column, Entity, PrimaryGeneratedColumn, type ValueTransformer } from 'typeorm';
import type { CancellationState } from './cancellation.rules.js';

/** bigint comes back as a string from MySQL; amounts are validated safe integers, so a number holds them. */
const vnd: ValueTransformer = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** A customer's request to cancel a booking, on a ticket: the quote from the terms, then the decision. */
@Entity('cancellations')
export class Cancellation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 36 }) ticketId: string;
  @Column({ name: 'booking_reference', type: 'varchar', length: 40 }) bookingReference: string;
  @Column({ name: 'product_type', type: 'varchar', length: 40 }) productType: string;
  /** YYYY-MM-DD in Asia/Ho_Chi_Minh. */
  @Column({ name: 'departure_date', type: 'varchar', length: 10 }) departureDate: string;
  @Column({ name: 'price_vnd', type: 'bigint', transformer: vnd }) priceVnd: number;
  @Column({ name: 'requested_at', type: 'datetime', precision: 3 }) requestedAt: Date;
  @Column({ name: 'days_before_departure', type: 'int' }) daysBeforeDeparture: number;
  @Column({ name: 'terms_id', type: 'varchar', length: 36 }) termsId: string;
  @Column({ name: 'terms_version', type: 'int' }) termsVersion: number;
  /** JSON: the PenaltyBand that applied, or "no_show". */
  @Column({ name: 'applied_band', type: 'text' }) appliedBand: string;
  @Column({ name: 'penalty_percent', type: 'int' }) penaltyPercent: number;
  @Column({ name: 'penalty_amount_vnd', type: 'bigint', transformer: vnd }) penaltyAmountVnd: number;
  @Column({ name: 'refund_amount_vnd', type: 'bigint', transformer: vnd }) refundAmountVnd: number;
  @Column({ type: 'varchar', length: 20 }) state: CancellationState;
  @Column({ name: 'decided_penalty_amount_vnd', type: 'bigint', nullable: true, transformer: vnd })
  decidedPenaltyAmountVnd: number | null;
  @Column({ name: 'decided_refund_amount_vnd', type: 'bigint', nullable: true, transformer: vnd })
  decidedRefundAmountVnd: number | null;
  @Column({ name: 'decision_reason', type: 'text', nullable: true }) decisionReason: string | null;
  @Column({ name: 'decided_by_id', type: 'varchar', length: 36, nullable: true }) decidedById: string | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt: Date | null;
  /** The outbound thread message that carried the decision letter. */
  @Column({ name: 'letter_message_id', type: 'varchar', length: 36, nullable: true }) letterMessageId:
    string | null;
  @Column({ name: 'created_by_id', type: 'varchar', length: 36, nullable: true }) createdById: string | null;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
