import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Brackets } from 'typeorm';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
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

/**
 * One keyset page, newest first, of a query ordered by `alias.timeColumn` then `alias.id`; an index on
 * (timeColumn, id) makes any page an index seek.
 */
export async function pageNewestFirst<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  timeColumn: keyof T & string,
  page: { cursor?: string; limit: number },
) {
  const alias = query.alias;
  if (page.cursor) {
    const { at, id } = decodeCursor(page.cursor);
    query.andWhere(
      new Brackets((after) =>
        after
          .where(`${alias}.${timeColumn} < :cursorAt`, { cursorAt: at })
          .orWhere(`${alias}.${timeColumn} = :cursorAt AND ${alias}.id < :cursorId`, { cursorId: id }),
      ),
    );
  }
  const rows = await query
    .orderBy(`${alias}.${timeColumn}`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .take(page.limit + 1)
    .getMany();
  return toPage(rows, page.limit, (row): CursorPosition => ({ at: row[timeColumn] as Date, id: row.id }));
}

/** `?limit=` for admin lists that show the newest rows only. */
export class LimitQuery {
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @Min(1)
  @Max(200)
  @IsInt()
  limit: number = 50;
}
