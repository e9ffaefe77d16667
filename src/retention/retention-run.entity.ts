import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RetentionRunState } from './retention.rules.js';

/** One pass of the retention job, with what it did; counts are written after every batch. */
@Entity('retention_runs')
export class RetentionRun {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 20 }) state: RetentionRunState;
  /** Who started it: "schedule", "script" or the admin's agent id. */
  @Column({ name: 'started_by', type: 'varchar', length: 36 }) startedBy: string;
  @Column({ name: 'started_at', type: 'datetime', precision: 3 }) startedAt: Date;
  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true }) finishedAt: Date | null;
  /** Customers last active before this were due. */
  @Column({ type: 'datetime', precision: 3 }) cutoff: Date;
  @Column({ name: 'customers_anonymised', type: 'int' }) customersAnonymised: number;
  @Column({ name: 'customers_skipped_hold', type: 'int' }) customersSkippedHold: number;
  @Column({ name: 'customers_skipped_dispute', type: 'int' }) customersSkippedDispute: number;
  @Column({ name: 'customers_failed', type: 'int' }) customersFailed: number;
  @Column({ type: 'int' }) tickets: number;
  @Column({ name: 'messages_redacted', type: 'int' }) messagesRedacted: number;
  @Column({ name: 'attachments_deleted', type: 'int' }) attachmentsDeleted: number;
  @Column({ name: 'raw_mails_deleted', type: 'int' }) rawMailsDeleted: number;
  @Column({ name: 'outbox_mails_deleted', type: 'int' }) outboxMailsDeleted: number;
  @Column({ type: 'varchar', length: 500, nullable: true }) error: string | null;
  /** Lease holder (host:pid:…) of the process that ran it: a run still "running" under no lease died. */
  @Column({ type: 'varchar', length: 100 }) holder: string;
}
