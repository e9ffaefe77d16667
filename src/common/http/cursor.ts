import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Invalid } from '../errors/domain-error.js';

/**
 * Keyset pagination over (time, id) descending: stable while rows are added, and an index seek at any depth,
 * where OFFSET would scan every skipped row.
 */
export interface CursorPosition {
  at: Date;
  id: string;
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(`${position.at.toISOString()}|${position.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): CursorPosition {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const time = new Date(at ?? '');
  if (!id || Number.isNaN(time.getTime())) throw new Invalid('cursor is not one this API returned');
  return { at: time, id };
}

export class PageQuery {
  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ default: 25, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit: number = 25;
}

export class PageInfo {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as cursor for the next page; null on the last',
  })
  nextCursor: string | null;
}

/** Takes one row more than asked to know whether another page follows. */
export function toPage<T>(rows: T[], limit: number, positionOf: (row: T) => CursorPosition) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? encodeCursor(positionOf(items[items.length - 1])) : null;
  return { items, nextCursor };
}
