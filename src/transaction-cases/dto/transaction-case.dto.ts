import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength } from 'class-validator';
import type { TransactionCase } from '../transaction-case.entity.js';
import { TRANSACTION_CASE_KINDS, TRANSACTION_CASE_STATES } from '../transaction-case.rules.js';
import type { WebhookDelivery } from '../webhook-delivery.entity.js';
import { WEBHOOK_DELIVERY_STATES } from '../webhook-delivery.entity.js';

export class OpenTransactionCaseDto {
  @ApiProperty({ enum: TRANSACTION_CASE_KINDS }) @IsIn(TRANSACTION_CASE_KINDS) kind: string;
  @ApiPropertyOptional({
    example: 'OTV-2026-001234',
    description: "Defaults to the ticket's booking reference",
  })
  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'bookingReference must not be blank' })
  @MaxLength(100)
  bookingReference?: string;
  @ApiPropertyOptional({ example: 'Khách báo thẻ bị trừ tiền cho một đơn không phải của mình.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string;
}

export class MoveTransactionCaseDto {
  @ApiProperty({ description: 'Why; kept with the move, sent to the booking system, never to the customer' })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
  @ApiPropertyOptional({ description: 'The version you read; a stale one answers 409' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class WebhookDeliveriesQuery {
  @ApiPropertyOptional({ enum: WEBHOOK_DELIVERY_STATES })
  @IsOptional()
  @IsIn(WEBHOOK_DELIVERY_STATES)
  state?: string;
}

export class WebhookDeliveryView {
  @ApiProperty({ description: 'Also the idempotency key sent as X-Offtrack-Delivery' }) id: string;
  @ApiProperty() caseId: string;
  @ApiProperty() event: string;
  @ApiProperty({ enum: WEBHOOK_DELIVERY_STATES }) state: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ type: Number, nullable: true }) lastStatus: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: Date, nullable: true }) lastAttemptAt: Date | null;
  @ApiProperty({ type: Date, nullable: true, description: 'When the next attempt is due, while pending' })
  nextAttemptAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) deliveredAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export function toWebhookDeliveryView(row: WebhookDelivery): WebhookDeliveryView {
  return {
    id: row.id,
    caseId: row.caseId,
    event: row.event,
    state: row.state,
    attempts: row.attempts,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    lastAttemptAt: row.lastAttemptAt,
    nextAttemptAt: row.state === 'pending' ? row.nextAttemptAt : null,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
  };
}

export class TransactionCaseView {
  @ApiProperty() id: string;
  @ApiProperty() ticketId: string;
  @ApiProperty() bookingReference: string;
  @ApiProperty({ enum: TRANSACTION_CASE_KINDS }) kind: string;
  @ApiProperty({ enum: TRANSACTION_CASE_STATES }) state: string;
  @ApiProperty({ type: String, nullable: true }) description: string | null;
  @ApiProperty() reportedById: string;
  @ApiProperty() reportedAt: Date;
  @ApiProperty({ type: String, nullable: true }) suspendedById: string | null;
  @ApiProperty({ type: Date, nullable: true }) suspendedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) suspensionReason: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The letter's message in the ticket thread" })
  suspensionLetterId: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedById: string | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) decisionReason: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionLetterId: string | null;
  @ApiProperty() version: number;
  @ApiProperty({
    type: [WebhookDeliveryView],
    description: 'Calls to the booking/payment system, oldest first',
  })
  deliveries: WebhookDeliveryView[];
}

export function toTransactionCaseView(
  row: TransactionCase,
  deliveries: WebhookDelivery[],
): TransactionCaseView {
  return {
    id: row.id,
    ticketId: row.ticketId,
    bookingReference: row.bookingReference,
    kind: row.kind,
    state: row.state,
    description: row.description,
    reportedById: row.reportedById,
    reportedAt: row.reportedAt,
    suspendedById: row.suspendedById,
    suspendedAt: row.suspendedAt,
    suspensionReason: row.suspensionReason,
    suspensionLetterId: row.suspensionLetterId,
    decidedById: row.decidedById,
    decidedAt: row.decidedAt,
    decisionReason: row.decisionReason,
    decisionLetterId: row.decisionLetterId,
    version: row.version,
    deliveries: deliveries.filter((delivery) => delivery.caseId === row.id).map(toWebhookDeliveryView),
  };
}
