import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import type { Queue } from '../queue.entity.js';

export class CreateQueueDto {
  @ApiProperty({ example: 'Payments & fraud' }) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiPropertyOptional({ description: 'Make this the queue for tickets nothing else places' })
  @IsOptional()
  @IsBoolean()
  isDefault?: boolean;
}

export class UpdateQueueDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isDefault?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
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
    memberIds,
    createdAt: queue.createdAt.toISOString(),
  };
}
