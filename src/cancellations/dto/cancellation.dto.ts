import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
} from 'class-validator';
import type { Cancellation } from '../cancellation.entity.js';
import {
  type AppliedBand,
  CANCELLATION_STATES,
  type Decision,
  DECISIONS,
  isCalendarDate,
} from '../cancellation.rules.js';

export const PRODUCT_TYPE = /^[a-z][a-z0-9_]{1,39}$/;

const IsCalendarDate = () =>
  ValidateBy({
    name: 'isCalendarDate',
    validator: {
      validate: isCalendarDate,
      defaultMessage: (args) => `${args?.property} must be a calendar date written YYYY-MM-DD`,
    },
  });

export class CreateCancellationDto {
  @ApiProperty({ example: 'multi_day_tour', description: 'A product type that has cancellation terms' })
  @Matches(PRODUCT_TYPE, { message: 'productType must be a product type key such as multi_day_tour' })
  productType: string;
  @ApiProperty({ example: '2026-08-15', description: 'The departure day, in Vietnam (Asia/Ho_Chi_Minh)' })
  @IsCalendarDate()
  departureDate: string;
  @ApiProperty({ example: 12_000_000, description: 'The booking price in VND, a whole number' })
  @IsInt({ message: 'priceVnd must be a whole number of đồng' })
  @Min(1)
  @Max(Number.MAX_SAFE_INTEGER)
  priceVnd: number;
  @ApiPropertyOptional({
    example: 'OTV-2026-001234',
    description: "Defaults to the ticket's booking reference",
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  bookingReference?: string;
  @ApiPropertyOptional({
    example: '2026-07-01T09:30:00+07:00',
    description:
      'When the customer asked to cancel; defaults to now. Days are counted from its date in Vietnam',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  requestedAt?: string;
}

export class DecideCancellationDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
  @ApiProperty({
    enum: DECISIONS,
    description: 'accept as quoted; reduce or waive the penalty (supervisor); refuse the cancellation',
  })
  @IsIn(DECISIONS)
  decision: Decision;
  @ApiPropertyOptional({ example: 1_000_000, description: 'The reduced penalty in VND (reduce only)' })
  @IsOptional()
  @IsInt({ message: 'penaltyAmountVnd must be a whole number of đồng' })
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  penaltyAmountVnd?: number;
  @ApiPropertyOptional({ description: 'Why; required unless accepting. The customer reads it in the letter' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class PenaltyQuoteView {
  @ApiProperty() daysBeforeDeparture: number;
  @ApiProperty() termsId: string;
  @ApiProperty() termsVersion: number;
  @ApiProperty({ description: 'The band that applied, or "no_show"' }) appliedBand: AppliedBand;
  @ApiProperty() penaltyPercent: number;
  @ApiProperty({ description: 'Price × percent, rounded down to the whole đồng' }) penaltyAmountVnd: number;
  @ApiProperty() refundAmountVnd: number;
}

export class CancellationDecisionView {
  @ApiProperty({ enum: DECISIONS }) decision: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) penaltyAmountVnd: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) refundAmountVnd: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiProperty() decidedById: string;
  @ApiProperty() decidedAt: string;
  @ApiProperty({ description: 'The outbound thread message carrying the letter' }) letterMessageId: string;
}

export class CancellationView {
  @ApiProperty() id: string;
  @ApiProperty() ticketId: string;
  @ApiProperty() bookingReference: string;
  @ApiProperty() productType: string;
  @ApiProperty() departureDate: string;
  @ApiProperty() priceVnd: number;
  @ApiProperty() requestedAt: string;
  @ApiProperty({ type: PenaltyQuoteView }) quote: PenaltyQuoteView;
  @ApiProperty({ enum: CANCELLATION_STATES }) state: string;
  @ApiPropertyOptional({ type: CancellationDecisionView, nullable: true })
  decision: CancellationDecisionView | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
}

const DECISION_OF = { accepted: 'accept', reduced: 'reduce', waived: 'waive', refused: 'refuse' } as const;

export function toCancellationView(row: Cancellation): CancellationView {
  return {
    id: row.id,
    ticketId: row.ticketId,
    bookingReference: row.bookingReference,
    productType: row.productType,
    departureDate: row.departureDate,
    priceVnd: row.priceVnd,
    requestedAt: row.requestedAt.toISOString(),
    quote: {
      daysBeforeDeparture: row.daysBeforeDeparture,
      termsId: row.termsId,
      termsVersion: row.termsVersion,
      appliedBand: JSON.parse(row.appliedBand) as AppliedBand,
      penaltyPercent: row.penaltyPercent,
      penaltyAmountVnd: row.penaltyAmountVnd,
      refundAmountVnd: row.refundAmountVnd,
    },
    state: row.state,
    decision:
      row.state === 'quoted'
        ? null
        : {
            decision: DECISION_OF[row.state],
            penaltyAmountVnd: row.decidedPenaltyAmountVnd,
            refundAmountVnd: row.decidedRefundAmountVnd,
            reason: row.decisionReason,
            decidedById: row.decidedById!,
            decidedAt: row.decidedAt!.toISOString(),
            letterMessageId: row.letterMessageId!,
          },
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}
