import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { TransactionCaseKind, TransactionCaseState } from './transaction-case.rules.js';

/** A booking-linked transaction reported on a ticket, with who moved it, when and why, at each step. */
@Entity('transaction_cases')
export class TransactionCase {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 36 }) ticketId: string;
  @Column({ name: 'booking_reference', type: 'varchar', length: 100 }) bookingReference: string;
  @Column({ type: 'varchar', length: 30 }) kind: TransactionCaseKind;
  @Column({ type: 'varchar', length: 30 }) state: TransactionCaseState;
  /** The booking reference while the case is open, NULL once decided: unique, so one open case per booking. */
  @Column({ name: 'open_booking_reference', type: 'varchar', length: 100, nullable: true })
  openBookingReference: string | null;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ name: 'reported_by_id', type: 'varchar', length: 36 }) reportedById: string;
  @Column({ name: 'reported_at', type: 'datetime', precision: 3 }) reportedAt: Date;
  @Column({ name: 'suspended_by_id', type: 'varchar', length: 36, nullable: true }) suspendedById:
    string | null;
  @Column({ name: 'suspended_at', type: 'datetime', precision: 3, nullable: true }) suspendedAt: Date | null;
  @Column({ name: 'suspension_reason', type: 'text', nullable: true }) suspensionReason: string | null;
  /** The letters telling the customer: messages in the ticket's thread. */
  @Column({ name: 'suspension_letter_id', type: 'varchar', length: 36, nullable: true }) suspensionLetterId:
    string | null;
  @Column({ name: 'decided_by_id', type: 'varchar', length: 36, nullable: true }) decidedById: string | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decision_reason', type: 'text', nullable: true }) decisionReason: string | null;
  @Column({ name: 'decision_letter_id', type: 'varchar', length: 36, nullable: true }) decisionLetterId:
    string | null;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
