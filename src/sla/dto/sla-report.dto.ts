import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';

export class SlaReportQuery {
  @ApiProperty({ description: 'Tickets created from (ISO 8601)', example: '2026-11-01T00:00:00+07:00' })
  @IsISO8601({ strict: true })
  from: string;
  @ApiProperty({ description: 'Tickets created before (ISO 8601)', example: '2026-12-01T00:00:00+07:00' })
  @IsISO8601({ strict: true })
  to: string;
  @ApiPropertyOptional({ enum: ['queue', 'agent'], default: 'queue' })
  @IsOptional()
  @IsIn(['queue', 'agent'])
  groupBy?: 'queue' | 'agent';
  @ApiPropertyOptional() @IsOptional() @IsUUID() queueId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() agentId?: string;
}

export class TargetSummaryView {
  @ApiProperty({ description: 'Tickets whose target was met in the period' }) measured: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) medianBusinessMinutes: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) p90BusinessMinutes: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '0–1' }) withinTargetShare: number | null;
  @ApiProperty() breaches: number;
}

export class SlaReportGroupView {
  @ApiProperty({ description: 'Queue or agent id ("unassigned" for tickets nobody holds)' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty() tickets: number;
  @ApiProperty({ type: TargetSummaryView }) firstResponse: TargetSummaryView;
  @ApiProperty({ type: TargetSummaryView, description: 'The latest customer message of each ticket' })
  nextResponse: TargetSummaryView;
  @ApiProperty({ type: TargetSummaryView }) resolution: TargetSummaryView;
  @ApiProperty({ description: 'Tickets open now, by business age', example: { 'under 1 working day': 3 } })
  openByAge: Record<string, number>;
}

export class SlaReportView {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ enum: ['queue', 'agent'] }) groupBy: 'queue' | 'agent';
  @ApiProperty({ type: [SlaReportGroupView] }) groups: SlaReportGroupView[];
}
