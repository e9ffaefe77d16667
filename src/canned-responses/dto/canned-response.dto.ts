import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, MaxLength, Min, MinLength } from 'class-validator';
import { LANGUAGES } from '../../tickets/ticket.entity.js';
import type { CannedResponse } from '../canned-response.entity.js';

export class SaveCannedResponseDto {
  @ApiProperty({ example: 'Đã hoàn tiền' }) @IsString() @MinLength(1) @MaxLength(100) title: string;
  @ApiProperty({ enum: LANGUAGES }) @IsIn(LANGUAGES) language: string;
  @ApiProperty({ description: 'Placeholders: {{customerName}}, {{ticketNumber}}, {{agentName}}' })
  @IsString()
  @MinLength(1)
  @MaxLength(20_000)
  body: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;
}

export class UpdateCannedResponseDto extends SaveCannedResponseDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class CannedResponseView {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty() language: string;
  @ApiProperty() body: string;
  @ApiProperty() isActive: boolean;
  @ApiProperty() version: number;
}

export function toCannedResponseView(row: CannedResponse): CannedResponseView {
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    body: row.body,
    isActive: row.isActive,
    version: row.version,
  };
}
