import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength, ValidateIf } from 'class-validator';
import { PageQuery } from '../../common/http/cursor.js';
import { toList } from '../../tickets/dto/ticket.dto.js';
import { TicketView } from '../../tickets/dto/ticket.view.js';
import { type Priority, PRIORITIES } from '../../tickets/ticket.entity.js';
import { TICKET_STATES, type TicketState } from '../../tickets/ticket-state.rules.js';

export class QueuePageQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'One or more states, comma-separated; by default the states that still need work',
    example: 'new,open',
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(TICKET_STATES, { each: true })
  state?: TicketState[];
  @ApiPropertyOptional({ description: 'One or more priorities, comma-separated' })
  @IsOptional()
  @Transform(toList)
  @IsIn(PRIORITIES, { each: true })
  priority?: Priority[];
  @ApiPropertyOptional({ description: 'An agent id, or "none" for unassigned tickets' })
  @IsOptional()
  @ValidateIf((_, value) => value !== 'none')
  @IsUUID()
  assigneeId?: string;
  @ApiPropertyOptional({ example: 'payment' }) @IsOptional() @IsString() @MaxLength(40) categoryKey?: string;
  @ApiPropertyOptional({ description: 'Only tickets due at or before this time (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;
  @ApiPropertyOptional({
    enum: ['urgency', 'due'],
    default: 'urgency',
    description: 'urgency: priority, then oldest; due: soonest SLA due time first, paused or met last',
  })
  @IsOptional()
  @IsIn(['urgency', 'due'])
  order?: 'urgency' | 'due';
}

export class QueueTicketPage {
  @ApiProperty({ type: [TicketView], description: 'In the order asked for' })
  items: TicketView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class ClaimedTicketView {
  @ApiProperty({ type: TicketView, nullable: true, description: 'null when nothing is waiting' })
  ticket: TicketView | null;
}
