import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ConsentPurpose, ConsentSource, ConsentState } from './consent.rules.js';
import type { UnsubscribePurpose } from './unsubscribe-links.js';

/** One line of the consent log: append-only, never changed, so consent stays provable. */
@Entity('consent_events')
export class ConsentEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'customer_id', type: 'varchar', length: 36 }) customerId: string;
  @Column({ type: 'varchar', length: 20 }) purpose: ConsentPurpose;
  @Column({ type: 'varchar', length: 12 }) state: ConsentState;
  @Column({ type: 'varchar', length: 12 }) source: ConsentSource;
  /** The privacy policy the consent was given or withdrawn under (PRIVACY_POLICY_VERSION). */
  @Column({ name: 'policy_version', type: 'varchar', length: 20 }) policyVersion: string;
  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 }) occurredAt: Date;
  @Column({ name: 'actor_type', type: 'varchar', length: 20 }) actorType: string;
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true }) actorId: string | null;
  /** The ticket that carried the request (a mail asking to unsubscribe, a complaint form), if any. */
  @Column({ name: 'ticket_id', type: 'varchar', length: 36, nullable: true }) ticketId: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) note: string | null;
}

/**
 * Where each customer stands per purpose: the latest event, kept in the same transaction as the log so a
 * send to many customers reads one indexed row per customer instead of their whole history.
 */
@Entity('customer_consents')
export class CustomerConsent {
  @PrimaryColumn({ name: 'customer_id', type: 'varchar', length: 36 }) customerId: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) purpose: ConsentPurpose;
  @Column({ type: 'varchar', length: 12 }) state: ConsentState;
  @Column({ type: 'varchar', length: 12 }) source: ConsentSource;
  @Column({ name: 'policy_version', type: 'varchar', length: 20 }) policyVersion: string;
  @Column({ name: 'changed_at', type: 'datetime', precision: 3 }) changedAt: Date;
  @Column({ name: 'last_event_id', type: 'varchar', length: 36 }) lastEventId: string;
}

export type NewsletterSendState = 'sending' | 'finished';

/** One newsletter issue or marketing mail, sent to every customer whose consent to its purpose stood at the time. */
@Entity('newsletter_sends')
export class NewsletterSend {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 20 }) purpose: UnsubscribePurpose;
  @Column({ name: 'subject_vi', type: 'varchar', length: 255 }) subjectVi: string;
  @Column({ name: 'subject_en', type: 'varchar', length: 255 }) subjectEn: string;
  /** The issue itself, kept so the send can go on after a restart. */
  @Column({ name: 'text_vi', type: 'text' }) textVi: string;
  @Column({ name: 'text_en', type: 'text' }) textEn: string;
  @Column({ name: 'html_vi', type: 'text', nullable: true }) htmlVi: string | null;
  @Column({ name: 'html_en', type: 'text', nullable: true }) htmlEn: string | null;
  @Column({ name: 'sent_by_id', type: 'varchar', length: 36 }) sentById: string;
  @Column({ type: 'varchar', length: 12 }) state: NewsletterSendState;
  /** Mails written to the outbox so far. */
  @Column({ type: 'int' }) queued: number;
  @Column({ type: 'int' }) batches: number;
  /** Progress: recipients are taken in customer id order, each batch after this one. */
  @Column({ name: 'last_customer_id', type: 'varchar', length: 36, nullable: true }) lastCustomerId:
    string | null;
  @Column({ name: 'started_at', type: 'datetime', precision: 3 }) startedAt: Date;
  @Column({ name: 'finished_at', type: 'datetime', precision: 3, nullable: true }) finishedAt: Date | null;
}
