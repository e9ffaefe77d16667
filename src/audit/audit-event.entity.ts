import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_RECORD_TYPES = [
  'customer',
  'ticket',
  'routing_rule',
  'category',
  'sla_policy',
  'business_calendar',
  'canned_response',
  'compensation',
  'cancellation_terms',
  'cancellation',
  'incident',
  'transaction_case',
  'webhook_delivery',
  'legal_hold',
] as const;
export type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

/** One append-only line of who read or changed what. `fields` is JSON: names read, or {field: [before, after]}. */
@Entity('audit_events')
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 }) occurredAt: Date;
  @Column({ name: 'actor_type', type: 'varchar', length: 20 }) actorType: string;
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 64 }) action: string;
  @Column({ name: 'record_type', type: 'varchar', length: 32 }) recordType: AuditRecordType;
  @Column({ name: 'record_id', type: 'varchar', length: 36 }) recordId: string;
  @Column({ type: 'text', nullable: true }) fields: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) reason: string | null;
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true }) requestId: string | null;
}
