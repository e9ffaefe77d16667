import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * stored: kept, not processed yet · processed: became a ticket or a message · ignored: deliberately not
 * (own address, bounce, auto-reply, bulk; the reason says which) · failed: processing threw; kept for retry.
 */
export type InboundMailState = 'stored' | 'processed' | 'ignored' | 'failed';

/** One raw message as fetched, stored before the server is told it was seen. */
@Entity('inbound_mail')
export class InboundMail {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'mailbox_id', type: 'varchar', length: 36, nullable: true }) mailboxId: string | null;
  @Column({ type: 'int', nullable: true }) uid: number | null;
  /** The Message-ID, or "sha256:<hash of the raw source>" without one: the same mail twice is one row. */
  @Column({ name: 'dedup_key', type: 'varchar', length: 255 }) dedupKey: string;
  @Column({ name: 'message_id', type: 'varchar', length: 255, nullable: true }) messageId: string | null;
  /** The raw source, kept in the content store. */
  @Column({ name: 'raw_sha256', type: 'varchar', length: 64 }) rawSha256: string;
  @Column({ name: 'size_bytes', type: 'int' }) sizeBytes: number;
  @Column({ name: 'from_address', type: 'varchar', length: 254, nullable: true }) fromAddress: string | null;
  @Column({ type: 'varchar', length: 255, nullable: true }) subject: string | null;
  @Column({ type: 'varchar', length: 12 }) state: InboundMailState;
  @Column({ name: 'state_reason', type: 'varchar', length: 500, nullable: true }) stateReason: string | null;
  @Column({ type: 'int' }) attempts: number;
  @Column({ name: 'ticket_id', type: 'varchar', length: 36, nullable: true }) ticketId: string | null;
  @Column({ name: 'message_record_id', type: 'varchar', length: 36, nullable: true }) messageRecordId:
    string | null;
  @Column({ name: 'received_at', type: 'datetime', precision: 3 }) receivedAt: Date;
  @Column({ name: 'processed_at', type: 'datetime', precision: 3, nullable: true }) processedAt: Date | null;
}
