import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type { Compensation } from '../compensation.entity.js';
import { COMPENSATION_REASONS, COMPENSATION_STATES } from '../compensation.rules.js';

export class ProposeCompensationDto {
  @ApiProperty({ enum: COMPENSATION_REASONS }) @IsIn(COMPENSATION_REASONS) reasonCode: string;
  @ApiProperty({ example: 'Khách bị trừ tiền hai lần cho đơn OTV-2026-001234.' })
  @IsString()
  @MinLength(1)
  @MaxLength(5000)
  explanation: string;
  @ApiProperty({ description: 'Whole đồng, more than 0', example: 1_500_000 })
  @IsInt()
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  amountVnd: number;
  @ApiPropertyOptional({ type: [String], description: 'Up to 10 http(s) links to receipts, statements' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { each: true, message: 'each link must be an http or https URL' },
  )
  @MaxLength(2000, { each: true })
  evidenceLinks?: string[];
}

export class CompensationVersionDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class DecideCompensationDto extends CompensationVersionDto {
  @ApiProperty({ description: 'Recorded with the decision and quoted in the letter to the customer' })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  note: string;
}

export class PayCompensationDto extends CompensationVersionDto {
  @ApiProperty({ example: 'VCB-20261204-000123', description: 'The bank transfer or refund reference' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  paymentReference: string;
}

export class CompensationReportQuery {
  @ApiProperty({ example: '2026-01-01', description: "First day, in the desk's time zone" })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'from must be a date such as 2026-01-01' })
  from: string;
  @ApiProperty({ example: '2026-12-31', description: 'Last day, included' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'to must be a date such as 2026-12-31' })
  to: string;
}

export class CompensationView {
  @ApiProperty() id: string;
  @ApiProperty() ticketId: string;
  @ApiProperty({ enum: COMPENSATION_REASONS }) reasonCode: string;
  @ApiProperty() explanation: string;
  @ApiProperty() amountVnd: number;
  @ApiProperty({ type: [String] }) evidenceLinks: string[];
  @ApiProperty({ enum: COMPENSATION_STATES }) state: string;
  @ApiProperty() proposedById: string;
  @ApiProperty() proposedAt: Date;
  @ApiProperty({ type: String, nullable: true }) decidedById: string | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) decisionNote: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The letter's message in the ticket thread" })
  letterMessageId: string | null;
  @ApiProperty({ type: String, nullable: true }) paidById: string | null;
  @ApiProperty({ type: Date, nullable: true }) paidAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) paymentReference: string | null;
  @ApiProperty({ type: Date, nullable: true }) withdrawnAt: Date | null;
  @ApiProperty() version: number;
}

export function toCompensationView(row: Compensation): CompensationView {
  return {
    id: row.id,
    ticketId: row.ticketId,
    reasonCode: row.reasonCode,
    explanation: row.explanation,
    amountVnd: row.amountVnd,
    evidenceLinks: JSON.parse(row.evidenceLinks) as string[],
    state: row.state,
    proposedById: row.proposedById,
    proposedAt: row.proposedAt,
    decidedById: row.decidedById,
    decidedAt: row.decidedAt,
    decisionNote: row.decisionNote,
    letterMessageId: row.letterMessageId,
    paidById: row.paidById,
    paidAt: row.paidAt,
    paymentReference: row.paymentReference,
    withdrawnAt: row.withdrawnAt,
    version: row.version,
  };
}

class PaidTotalView {
  @ApiProperty() count: number;
  @ApiProperty() totalVnd: number;
}

class PaidByReasonView extends PaidTotalView {
  @ApiProperty({ enum: COMPENSATION_REASONS }) reasonCode: string;
}

class PaidByMonthView extends PaidTotalView {
  @ApiProperty({ example: '2026-03' }) month: string;
}

export class CompensationReportView extends PaidTotalView {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh', description: 'Days and months are counted in this zone' })
  timeZone: string;
  @ApiProperty({ type: [PaidByReasonView] }) byReason: PaidByReasonView[];
  @ApiProperty({ type: [PaidByMonthView] }) byMonth: PaidByMonthView[];
}
