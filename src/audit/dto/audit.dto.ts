import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageInfo, PageQuery } from '../../common/http/cursor.js';
import { AUDIT_RECORD_TYPES, type AuditEvent, type AuditRecordType } from '../audit-event.entity.js';

export class ListAuditEventsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AUDIT_RECORD_TYPES })
  @IsOptional()
  @IsIn(AUDIT_RECORD_TYPES)
  recordType?: AuditRecordType;
  @ApiPropertyOptional() @IsOptional() @IsUUID() recordId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() actorId?: string;
}

export class AuditEventView {
  @ApiProperty() id: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ enum: ['agent', 'system', 'customer'] }) actorType: string;
  @ApiPropertyOptional({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ example: 'customer.read' }) action: string;
  @ApiProperty({ enum: AUDIT_RECORD_TYPES }) recordType: string;
  @ApiProperty() recordId: string;
  @ApiPropertyOptional({
    description: 'Fields read (array) or changed ({field: [before, after]})',
    nullable: true,
  })
  fields: unknown;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) requestId: string | null;
}

export class AuditEventPage extends PageInfo {
  @ApiProperty({ type: [AuditEventView] }) items: AuditEventView[];
}

export function toAuditEventView(event: AuditEvent): AuditEventView {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actorType: event.actorType,
    actorId: event.actorId,
    action: event.action,
    recordType: event.recordType,
    recordId: event.recordId,
    fields: event.fields ? JSON.parse(event.fields) : null,
    reason: event.reason,
    requestId: event.requestId,
  };
}
