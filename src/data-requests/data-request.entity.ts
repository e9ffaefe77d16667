import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type {
  DataRequestChannel,
  DataRequestState,
  DataRequestType,
  ReminderStage,
} from './data-request.rules.js';

/**
 * A data-subject request (view, copy, correct, delete, withdraw consent, restrict, object) from a customer,
 * handled on the ticket it arrived on, with its legal deadlines and the identity check that gates it.
 */
@Entity('data_requests')
export class DataRequest {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'ticket_id', type: 'varchar', length: 36 }) ticketId: string;
  @Column({ name: 'customer_id', type: 'varchar', length: 36 }) customerId: string;
  @Column({ type: 'varchar', length: 20 }) type: DataRequestType;
  @Column({ type: 'varchar', length: 10 }) channel: DataRequestChannel;
  @Column({ type: 'varchar', length: 24 }) state: DataRequestState;
  @Column({ type: 'text', nullable: true }) details: string | null;
  /** The agent who filed it; null when the customer filed it through the complaint form. */
  @Column({ name: 'filed_by_id', type: 'varchar', length: 36, nullable: true }) filedById: string | null;
  @Column({ name: 'received_at', type: 'datetime', precision: 3 }) receivedAt: Date;
  @Column({ name: 'first_reply_due_at', type: 'datetime', precision: 3 }) firstReplyDueAt: Date;
  /** The identity-check letter is the first reply: it tells the customer the request is being handled. */
  @Column({ name: 'first_replied_at', type: 'datetime', precision: 3, nullable: true })
  firstRepliedAt: Date | null;
  @Column({ name: 'due_at', type: 'datetime', precision: 3 }) dueAt: Date;
  @Column({ name: 'extended_at', type: 'datetime', precision: 3, nullable: true }) extendedAt: Date | null;
  @Column({ name: 'extended_by_id', type: 'varchar', length: 36, nullable: true }) extendedById:
    string | null;
  @Column({ name: 'extension_reason', type: 'varchar', length: 1000, nullable: true }) extensionReason:
    string | null;
  /** SHA-256 of the secret in the link sent to the address on record; the secret itself is never stored. */
  @Column({ name: 'verification_hash', type: 'varchar', length: 64 }) verificationHash: string;
  @Column({ name: 'verification_sent_to', type: 'varchar', length: 254 }) verificationSentTo: string;
  @Column({ name: 'verified_at', type: 'datetime', precision: 3, nullable: true }) verifiedAt: Date | null;
  /** Until when the verified link also downloads the export (view and copy requests). */
  @Column({ name: 'export_until', type: 'datetime', precision: 3, nullable: true }) exportUntil: Date | null;
  @Column({ name: 'closed_at', type: 'datetime', precision: 3, nullable: true }) closedAt: Date | null;
  @Column({ name: 'closed_by_id', type: 'varchar', length: 36, nullable: true }) closedById: string | null;
  /** What was done, or why it was refused; what the customer is told. */
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

/** A deadline reminder sent to staff; unique per request and stage, so each goes out once. */
@Entity('data_request_reminders')
export class DataRequestReminder {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'data_request_id', type: 'varchar', length: 36 }) dataRequestId: string;
  @Column({ type: 'varchar', length: 20 }) stage: ReminderStage;
  @Column({ name: 'sent_at', type: 'datetime', precision: 3 }) sentAt: Date;
}
