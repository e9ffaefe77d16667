import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SLA_TARGETS } from '../sla.rules.js';

export class SlaClockView {
  @ApiProperty({ enum: SLA_TARGETS }) target: string;
  @ApiPropertyOptional({ nullable: true, type: String }) policyId: string | null;
  @ApiProperty({ enum: ['running', 'paused', 'met', 'breached'] }) state: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'UTC' }) dueAt: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Business minutes left (negative once overdue; counted to the pause while paused)',
  })
  remainingBusinessMinutes: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) metAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) breachedAt: string | null;
}
