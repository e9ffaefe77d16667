import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

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
  'data_request',
  'newsletter_send',
  'agent',
  'queue',
  'mail_template',
  'audit_log',
  'legal_hold',
] as const;
export type AuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

/** bigint comes back as a string from MySQL; a sequence number stays far below 2^53. */
const bigintAsNumber = {
  to: (value: number) => value,
  from: (value: string | number) => Number(value),
};

/** The same for a seq that is NULL until the event is sealed. */
const nullableBigintAsNumber = {
  to: (value: number | null) => value,
  from: (value: string | number | null) => (value === null ? null : Number(value)),
};

/**
 * One append-only line of who read or changed what. `fields` is JSON: names read, or {field: [before, after]}.
 *
 * Events are written only by AuditService.record, unsealed (`seq` and `hash` NULL), and changed only by
 * AuditSealer, which chains each unsealed event to the one before it once (sets `seq` and `hash`), and by
 * AuditService.redactFields, which removes `fields` (personal values, for retention) while the digest and
 * hash stay. There is no other update or delete path for audit events: do not add one. Verification
 * (AuditChainService.verify) would report it as tampering.
 */
@Entity('audit_events')
export class AuditEvent {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'bigint', nullable: true, transformer: nullableBigintAsNumber }) seq: number | null;
  @Column({ name: 'occurred_at', type: 'datetime', precision: 3 }) occurredAt: Date;
  @Column({ name: 'actor_type', type: 'varchar', length: 20 }) actorType: string;
  @Column({ name: 'actor_id', type: 'varchar', length: 36, nullable: true }) actorId: string | null;
  @Column({ type: 'varchar', length: 64 }) action: string;
  @Column({ name: 'record_type', type: 'varchar', length: 32 }) recordType: AuditRecordType;
  @Column({ name: 'record_id', type: 'varchar', length: 36 }) recordId: string;
  @Column({ type: 'text', nullable: true }) fields: string | null;
  @Column({ name: 'fields_salt', type: 'varchar', length: 32, nullable: true }) fieldsSalt: string | null;
  @Column({ name: 'fields_digest', type: 'varchar', length: 64 }) fieldsDigest: string;
  @Column({ name: 'redacted_at', type: 'datetime', precision: 3, nullable: true }) redactedAt: Date | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) reason: string | null;
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true }) requestId: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) hash: string | null;
}

/** The end of the chain, one row: the sealer locks it, so two passes never chain from the same end. */
@Entity('audit_chain_head')
export class AuditChainHead {
  @PrimaryColumn({ type: 'varchar', length: 20 }) id: string;
  @Column({ name: 'last_seq', type: 'bigint', transformer: bigintAsNumber }) lastSeq: number;
  @Column({ name: 'last_hash', type: 'varchar', length: 64 }) lastHash: string;
}

export const CHAIN_HEAD_ID = 'audit';
