import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { RetentionRun } from '../retention-run.entity.js';
import { RETENTION_RUN_STATES, SKIP_REASONS, type SkipReason } from '../retention.rules.js';

export class RetentionPreviewQuery {
  @ApiPropertyOptional({ default: 50, maximum: 1000, description: 'How many customers to list in each part' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 50;
}

export class DueCustomerView {
  @ApiProperty() customerId: string;
  @ApiProperty() lastActivity: string;
}

export class SkippedCustomerView extends DueCustomerView {
  @ApiProperty({ enum: SKIP_REASONS, isArray: true }) reasons: SkipReason[];
}

export class RetentionPreviewView {
  @ApiProperty({ description: 'Customers last active before this are due' }) cutoff: string;
  @ApiProperty() retentionMonths: number;
  @ApiProperty({ description: 'Due customers the next run would anonymise' }) toAnonymise: number;
  @ApiProperty({ description: 'Due customers it would skip for a legal hold' }) skippedHold: number;
  @ApiProperty({ description: 'Due customers it would skip for an open matter' }) skippedDispute: number;
  @ApiProperty({ description: 'Tickets of the customers it would anonymise' }) tickets: number;
  @ApiProperty({ type: [DueCustomerView], description: 'The first `limit` it would anonymise, in run order' })
  customers: DueCustomerView[];
  @ApiProperty({ type: [SkippedCustomerView], description: 'The first `limit` it would skip, and why' })
  skipped: SkippedCustomerView[];
}

export class RetentionRunView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: RETENTION_RUN_STATES }) state: string;
  @ApiProperty({ description: '"schedule", "script", or the id of the admin who started it' })
  startedBy: string;
  @ApiProperty() startedAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) finishedAt: string | null;
  @ApiProperty() cutoff: string;
  @ApiProperty() customersAnonymised: number;
  @ApiProperty() customersSkippedHold: number;
  @ApiProperty() customersSkippedDispute: number;
  @ApiProperty() customersFailed: number;
  @ApiProperty() tickets: number;
  @ApiProperty() messagesRedacted: number;
  @ApiProperty() attachmentsDeleted: number;
  @ApiProperty() rawMailsDeleted: number;
  @ApiProperty() outboxMailsDeleted: number;
  @ApiPropertyOptional({ nullable: true, type: String }) error: string | null;
}

export function toRetentionRunView(run: RetentionRun): RetentionRunView {
  return {
    id: run.id,
    state: run.state,
    startedBy: run.startedBy,
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt?.toISOString() ?? null,
    cutoff: run.cutoff.toISOString(),
    customersAnonymised: run.customersAnonymised,
    customersSkippedHold: run.customersSkippedHold,
    customersSkippedDispute: run.customersSkippedDispute,
    customersFailed: run.customersFailed,
    tickets: run.tickets,
    messagesRedacted: run.messagesRedacted,
    attachmentsDeleted: run.attachmentsDeleted,
    rawMailsDeleted: run.rawMailsDeleted,
    outboxMailsDeleted: run.outboxMailsDeleted,
    error: run.error,
  };
}
