import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CompensationReason, CompensationState } from './compensation.rules.js';

/** MySQL hands BIGINT back as a string; amounts are checked to be safe integers on the way in. */
const bigintAsNumber = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/** Money offered to a customer for a payment incident on a ticket, with who proposed, decided and paid it. */
@Entity('compensations')
export class Compensation {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 36 }) ticketId: string;
  @Column({ name: 'reason_code', type: 'varchar', length: 30 }) reasonCode: CompensationReason;
  @Column({ type: 'text' }) explanation: string;
  @Column({ name: 'amount_vnd', type: 'bigint', transformer: bigintAsNumber }) amountVnd: number;
  /** JSON list of http(s) links. */
  @Column({ name: 'evidence_links', type: 'text' }) evidenceLinks: string;
  @Column({ type: 'varchar', length: 20 }) state: CompensationState;
  @Column({ name: 'proposed_by_id', type: 'varchar', length: 36 }) proposedById: string;
  @Column({ name: 'proposed_at', type: 'datetime', precision: 3 }) proposedAt: Date;
  @Column({ name: 'decided_by_id', type: 'varchar', length: 36, nullable: true }) decidedById: string | null;
  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true }) decidedAt: Date | null;
  @Column({ name: 'decision_note', type: 'text', nullable: true }) decisionNote: string | null;
  /** The letter telling the customer the decision: a message in the ticket's thread. */
  @Column({ name: 'letter_message_id', type: 'varchar', length: 36, nullable: true }) letterMessageId:
    string | null;
  @Column({ name: 'paid_by_id', type: 'varchar', length: 36, nullable: true }) paidById: string | null;
  @Column({ name: 'paid_at', type: 'datetime', precision: 3, nullable: true }) paidAt: Date | null;
  @Column({ name: 'payment_reference', type: 'varchar', length: 100, nullable: true }) paymentReference:
    string | null;
  @Column({ name: 'withdrawn_at', type: 'datetime', precision: 3, nullable: true }) withdrawnAt: Date | null;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}
