import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { LimitQuery } from '../../../common/http/cursor.js';
import type { MailTemplate } from '../mail-template.entity.js';
import type { OutboxMessage } from '../outbox-message.entity.js';

const STATES = ['pending', 'sending', 'sent', 'failed'] as const;

export class ListOutboxQuery extends LimitQuery {
  @ApiPropertyOptional({ enum: STATES }) @IsOptional() @IsIn(STATES) state?: (typeof STATES)[number];
}

export class OutboxMessageView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: ['reply', 'acknowledgement', 'notification'] }) kind: string;
  @ApiPropertyOptional({ nullable: true, type: String }) ticketId: string | null;
  @ApiProperty() toAddress: string;
  @ApiProperty() subject: string;
  @ApiProperty() messageId: string;
  @ApiProperty({ enum: STATES }) state: string;
  @ApiProperty() attempts: number;
  @ApiPropertyOptional({ nullable: true, type: String }) lastError: string | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) sentAt: string | null;
}

export function toOutboxMessageView(row: OutboxMessage): OutboxMessageView {
  return {
    id: row.id,
    kind: row.kind,
    ticketId: row.ticketId,
    toAddress: row.toAddress,
    subject: row.subject,
    messageId: row.messageId,
    state: row.state,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

export class UpdateMailTemplateDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(255) subject: string;
  @ApiProperty({ description: 'Placeholders: {{customerName}}, {{ticketNumber}}, {{subject}}' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  bodyText: string;
}

export class MailTemplateView {
  @ApiProperty({ example: 'acknowledgement' }) key: string;
  @ApiProperty({ enum: ['vi', 'en'] }) language: string;
  @ApiProperty() subject: string;
  @ApiProperty() bodyText: string;
  @ApiProperty() updatedAt: string;
}

export function toMailTemplateView(template: MailTemplate): MailTemplateView {
  return {
    key: template.key,
    language: template.language,
    subject: template.subject,
    bodyText: template.bodyText,
    updatedAt: template.updatedAt.toISOString(),
  };
}
