import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LimitQuery } from '../../../common/http/cursor.js';
import type { InboundMail } from '../inbound-mail.entity.js';

const STATES = ['stored', 'processed', 'ignored', 'failed'] as const;

export class ListInboundMailQuery extends LimitQuery {
  @ApiPropertyOptional({ enum: STATES }) @IsOptional() @IsIn(STATES) state?: (typeof STATES)[number];
}

export class InboundMailView {
  @ApiProperty() id: string;
  @ApiPropertyOptional({ nullable: true, type: String }) mailboxId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) messageId: string | null;
  @ApiProperty() sizeBytes: number;
  @ApiPropertyOptional({ nullable: true, type: String }) fromAddress: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) subject: string | null;
  @ApiProperty({ enum: STATES }) state: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Why it was ignored, or the error' })
  stateReason: string | null;
  @ApiProperty() attempts: number;
  @ApiPropertyOptional({ nullable: true, type: String }) ticketId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The thread message it became' })
  messageRecordId: string | null;
  @ApiProperty() receivedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) processedAt: string | null;
}

export function toInboundMailView(row: InboundMail): InboundMailView {
  return {
    id: row.id,
    mailboxId: row.mailboxId,
    messageId: row.messageId,
    sizeBytes: row.sizeBytes,
    fromAddress: row.fromAddress,
    subject: row.subject,
    state: row.state,
    stateReason: row.stateReason,
    attempts: row.attempts,
    ticketId: row.ticketId,
    messageRecordId: row.messageRecordId,
    receivedAt: row.receivedAt.toISOString(),
    processedAt: row.processedAt?.toISOString() ?? null,
  };
}

export class IntakeReportView {
  @ApiProperty() stored: number;
  @ApiProperty() duplicates: number;
  @ApiProperty() tickets: number;
  @ApiProperty() threaded: number;
  @ApiProperty() ignored: number;
  @ApiProperty() failed: number;
  @ApiProperty() mailboxErrors: number;
}
