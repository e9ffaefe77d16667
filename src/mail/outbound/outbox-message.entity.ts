import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxKind = 'reply' | 'acknowledgement' | 'notification' | 'newsletter';
/** pending → sending → sent, or back to pending with a later attempt, or failed for good. */
export type OutboxState = 'pending' | 'sending' | 'sent' | 'failed';

export interface OutboxAttachment {
  fileName: string;
  contentType: string;
  sha256: string;
}

/** One mail to send. Written in the same transaction as the change that caused it; the sender delivers it. */
@Entity('outbox')
export class OutboxMessage {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 20 }) kind: OutboxKind;
  @Column({ name: 'ticket_id', type: 'varchar', length: 36, nullable: true }) ticketId: string | null;
  /** The thread message this mail delivers (replies), if any. */
  @Column({ name: 'message_record_id', type: 'varchar', length: 36, nullable: true }) messageRecordId:
    string | null;
  @Column({ name: 'to_address', type: 'varchar', length: 254 }) toAddress: string;
  @Column({ name: 'cc_addresses', type: 'text', nullable: true }) ccAddresses: string | null;
  @Column({ type: 'varchar', length: 255 }) subject: string;
  @Column({ name: 'body_text', type: 'text' }) bodyText: string;
  @Column({ name: 'body_html', type: 'text', nullable: true }) bodyHtml: string | null;
  /** Our own Message-ID, fixed when the row is written so a resend is recognisably the same mail. */
  @Column({ name: 'message_id', type: 'varchar', length: 255 }) messageId: string;
  @Column({ name: 'in_reply_to', type: 'varchar', length: 255, nullable: true }) inReplyTo: string | null;
  @Column({ name: 'references_header', type: 'text', nullable: true }) referencesHeader: string | null;
  /** RFC 3834 value for automatic mail (auto-replied, auto-generated); null for mail a person wrote. */
  @Column({ name: 'auto_submitted', type: 'varchar', length: 20, nullable: true }) autoSubmitted:
    string | null;
  /** JSON object of further header lines, sent as they are (List-Unsubscribe on newsletters). */
  @Column({ type: 'text', nullable: true }) headers: string | null;
  /** JSON array of OutboxAttachment. */
  @Column({ name: 'attachment_ids', type: 'text', nullable: true }) attachments: string | null;
  @Column({ type: 'varchar', length: 12 }) state: OutboxState;
  @Column({ type: 'int' }) attempts: number;
  @Column({ name: 'next_attempt_at', type: 'datetime', precision: 3 }) nextAttemptAt: Date;
  @Column({ name: 'claimed_at', type: 'datetime', precision: 3, nullable: true }) claimedAt: Date | null;
  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true }) lastError: string | null;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'sent_at', type: 'datetime', precision: 3, nullable: true }) sentAt: Date | null;
}
