import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { ConsentEvent, CustomerConsent, NewsletterSend } from '../consent.entity.js';
import {
  CONSENT_PURPOSES,
  CONSENT_SOURCES,
  CONSENT_STATES,
  type ConsentPurpose,
  type ConsentState,
} from '../consent.rules.js';
import type { ConsentHistory } from '../consent.service.js';
import { UNSUBSCRIBE_PURPOSES, type UnsubscribePurpose } from '../unsubscribe-links.js';

const NOT_BLANK = /\S/;

export class RecordConsentDto {
  @ApiProperty({ enum: CONSENT_PURPOSES })
  @IsIn(CONSENT_PURPOSES)
  purpose: ConsentPurpose;
  @ApiProperty({ enum: CONSENT_STATES })
  @IsIn(CONSENT_STATES)
  state: ConsentState;
  @ApiPropertyOptional({
    example: 'Khách gọi điện ngày 04/12 yêu cầu ngừng nhận bản tin',
    description: 'How the customer asked; required when withdrawing on their behalf',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}

export class ConsentStateView {
  @ApiProperty({ enum: CONSENT_PURPOSES }) purpose: string;
  @ApiProperty({ enum: CONSENT_STATES }) state: string;
  @ApiProperty({ enum: CONSENT_SOURCES }) source: string;
  @ApiProperty() policyVersion: string;
  @ApiProperty() changedAt: string;
}

export class ConsentEventView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: CONSENT_PURPOSES }) purpose: string;
  @ApiProperty({ enum: CONSENT_STATES }) state: string;
  @ApiProperty({ enum: CONSENT_SOURCES }) source: string;
  @ApiProperty() policyVersion: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ enum: ['agent', 'system'] }) actorType: string;
  @ApiProperty({ type: String, nullable: true }) actorId: string | null;
  @ApiProperty({ type: String, nullable: true }) ticketId: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class ConsentHistoryView {
  @ApiProperty({
    type: [ConsentStateView],
    description: 'Where the customer stands, per purpose ever recorded',
  })
  current: ConsentStateView[];
  @ApiProperty({ type: [ConsentEventView], description: 'Every event, newest first' })
  events: ConsentEventView[];
}

export function toConsentHistoryView(history: ConsentHistory): ConsentHistoryView {
  return {
    current: history.current.map((row: CustomerConsent) => ({
      purpose: row.purpose,
      state: row.state,
      source: row.source,
      policyVersion: row.policyVersion,
      changedAt: row.changedAt.toISOString(),
    })),
    events: history.events.map((event: ConsentEvent) => ({
      id: event.id,
      purpose: event.purpose,
      state: event.state,
      source: event.source,
      policyVersion: event.policyVersion,
      occurredAt: event.occurredAt.toISOString(),
      actorType: event.actorType,
      actorId: event.actorId,
      ticketId: event.ticketId,
      note: event.note,
    })),
  };
}

/** One newsletter issue or marketing mail, in both languages; every customer gets theirs in their language. */
export class SendNewsletterDto {
  @ApiPropertyOptional({
    enum: UNSUBSCRIBE_PURPOSES,
    default: 'newsletter',
    description: 'Whose consent it needs, and what its unsubscribe link stops',
  })
  @IsOptional()
  @IsIn(UNSUBSCRIBE_PURPOSES)
  purpose: UnsubscribePurpose = 'newsletter';
  @ApiProperty({ example: 'Bản tin du lịch tháng 12' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'subjectVi must not be blank' })
  @MaxLength(200)
  subjectVi: string;
  @ApiProperty({ example: 'December travel newsletter' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'subjectEn must not be blank' })
  @MaxLength(200)
  subjectEn: string;
  @ApiProperty()
  @IsString()
  @Matches(NOT_BLANK, { message: 'textVi must not be blank' })
  @MaxLength(200_000)
  textVi: string;
  @ApiProperty()
  @IsString()
  @Matches(NOT_BLANK, { message: 'textEn must not be blank' })
  @MaxLength(200_000)
  textEn: string;
  @ApiPropertyOptional({ description: 'HTML body; the text body is always sent beside it' })
  @IsOptional()
  @IsString()
  @MaxLength(500_000)
  htmlVi?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500_000)
  htmlEn?: string;
}

export class NewsletterSendView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: UNSUBSCRIBE_PURPOSES }) purpose: string;
  @ApiProperty() subjectVi: string;
  @ApiProperty() subjectEn: string;
  @ApiProperty() sentById: string;
  @ApiProperty({ enum: ['sending', 'finished'] }) state: string;
  @ApiProperty({ description: 'Mails written to the outbox' }) queued: number;
  @ApiProperty() batches: number;
  @ApiProperty() startedAt: string;
  @ApiProperty({ type: String, nullable: true }) finishedAt: string | null;
}

export function toNewsletterSendView(row: NewsletterSend): NewsletterSendView {
  return {
    id: row.id,
    purpose: row.purpose,
    subjectVi: row.subjectVi,
    subjectEn: row.subjectEn,
    sentById: row.sentById,
    state: row.state,
    queued: row.queued,
    batches: row.batches,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
