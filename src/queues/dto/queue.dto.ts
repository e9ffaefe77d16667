import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { ASSIGNMENT_MODES, type AssignmentMode, type Queue } from '../queue.entity.js';

export class CreateQueueDto {
  @ApiProperty({ example: 'Payments & fraud' }) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiPropertyOptional({ description: 'Make this the queue for tickets nothing else places' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
  @ApiPropertyOptional({ enum: ASSIGNMENT_MODES, default: 'manual' })
  @IsOptional()
  @IsIn(ASSIGNMENT_MODES)
  assignmentMode?: AssignmentMode;
}

export class UpdateQueueDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isDefault?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
  @ApiPropertyOptional({ enum: ASSIGNMENT_MODES })
  @IsOptional()
  @IsIn(ASSIGNMENT_MODES)
  assignmentMode?: AssignmentMode;
}

export class SetQueueMembersDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  agentIds: string[];
}

export class QueueView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiPropertyOptional({ nullable: true, type: String }) description: string | null;
  @ApiProperty() isDefault: boolean;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ enum: ASSIGNMENT_MODES }) assignmentMode: string;
  @ApiProperty({ type: [String] }) memberIds: string[];
  @ApiProperty() createdAt: string;
}

export function toQueueView(queue: Queue, memberIds: string[]): QueueView {
  return {
    id: queue.id,
    name: queue.name,
    description: queue.description,
    isDefault: queue.isDefault,
    isActive: queue.isActive,
    assignmentMode: queue.assignmentMode,
    memberIds,
    createdAt: queue.createdAt.toISOString(),
  };
}

export class StateCountView {
  @ApiProperty({ example: 'new' }) state: string;
  @ApiProperty() assigned: number;
  @ApiProperty() unassigned: number;
}

export class QueueCountsView {
  @ApiProperty() queueId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'Tickets still needing work (new, open, pending, on hold)' }) open: number;
  @ApiProperty({ description: 'Of those, not assigned to anyone' }) unassigned: number;
  @ApiProperty({ type: [StateCountView] }) states: StateCountView[];
}
