import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageInfo, PageQuery } from '../../common/http/cursor.js';
import type { AuditLogReport } from '../audit-chain.rules.js';
import { AUDIT_RECORD_TYPES, type AuditEvent, type AuditRecordType } from '../audit-event.entity.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Which audit events an auditor wants: by customer, actor, record, action and period (days in the desk's zone). */
export class AuditEventsFilterQuery {
  @ApiPropertyOptional({
    description:
      "Events on the customer, their tickets and those tickets' cases, compensations, cancellations",
  })
  @IsOptional()
  @IsUUID()
  customerId?: string;
  @ApiPropertyOptional({ enum: AUDIT_RECORD_TYPES })
  @IsOptional()
  @IsIn(AUDIT_RECORD_TYPES)
  recordType?: AuditRecordType;
  @ApiPropertyOptional() @IsOptional() @IsUUID() recordId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
  @ApiPropertyOptional({ example: 'customer.read' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  action?: string;
  @ApiPropertyOptional({ example: '2026-12-01', description: 'First day, in Asia/Ho_Chi_Minh' })
  @IsOptional()
  @Matches(DAY, { message: 'from must be a date such as 2026-12-01' })
  @IsISO8601({ strict: true }, { message: 'from must be a real date such as 2026-12-01' })
  from?: string;
  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last day, included' })
  @IsOptional()
  @Matches(DAY, { message: 'to must be a date such as 2026-12-31' })
  @IsISO8601({ strict: true }, { message: 'to must be a real date such as 2026-12-31' })
  to?: string;
}

export class ListAuditEventsQuery extends IntersectionType(PageQuery, AuditEventsFilterQuery) {}

export class AuditEventView {
  @ApiProperty() id: string;
  @ApiPropertyOptional({
    description: 'Place in the hash chain; null until the sealer chains the event (within seconds)',
    nullable: true,
    type: Number,
  })
  seq: number | null;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ enum: ['agent', 'system', 'customer'] }) actorType: string;
  @ApiPropertyOptional({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ example: 'customer.read' }) action: string;
  @ApiProperty({ enum: AUDIT_RECORD_TYPES }) recordType: string;
  @ApiProperty() recordId: string;
  @ApiPropertyOptional({
    description: 'Fields read (array) or changed ({field: [before, after]}); null once redacted',
    nullable: true,
  })
  fields: unknown;
  @ApiProperty({ description: 'Whether retention removed the personal values in fields' }) redacted: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) requestId: string | null;
}

export class AuditEventPage extends PageInfo {
  @ApiProperty({ type: [AuditEventView] }) items: AuditEventView[];
}

export class AuditChainReportView implements AuditLogReport {
  @ApiProperty({ description: 'The sealed chain is intact and no event is unsealed past the grace period' })
  ok: boolean;
  @ApiProperty({ description: 'Sealed events checked' }) events: number;
  @ApiProperty({ description: 'Of which redacted by retention (digest and hash kept)' }) redacted: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) firstBrokenSeq: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ description: 'Events not sealed yet, of any age' }) pending: number;
  @ApiProperty({ description: 'Of which unsealed past the grace period (5 minutes): these fail the check' })
  unsealedOverdue: number;
  @ApiPropertyOptional({ nullable: true, type: Date, description: 'When the oldest overdue event happened' })
  oldestUnsealedAt: Date | null;
}

export function toAuditEventView(event: AuditEvent): AuditEventView {
  return {
    id: event.id,
    seq: event.seq,
    occurredAt: event.occurredAt.toISOString(),
    actorType: event.actorType,
    actorId: event.actorId,
    action: event.action,
    recordType: event.recordType,
    recordId: event.recordId,
    fields: event.fields ? JSON.parse(event.fields) : null,
    redacted: event.redactedAt !== null,
    reason: event.reason,
    requestId: event.requestId,
  };
}
