import { Invalid } from '../common/errors/domain-error.js';

/** A place in urgency order: priority rank, then oldest first, then id. */
export interface UrgencyPosition {
  rank: number;
  createdAt: Date;
  id: string;
}

export function encodeUrgencyCursor(position: UrgencyPosition): string {
  return Buffer.from(`${position.rank}|${position.createdAt.toISOString()}|${position.id}`).toString(
    'base64url',
  );
}

export function decodeUrgencyCursor(cursor: string): UrgencyPosition {
  const [rank, at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const createdAt = new Date(at ?? '');
  if (!id || !/^\d$/.test(rank ?? '') || Number.isNaN(createdAt.getTime())) {
    throw new Invalid('cursor is not one this API returned');
  }
  return { rank: Number(rank), createdAt, id };
}

export function compareUrgency(a: UrgencyPosition, b: UrgencyPosition): number {
  return (
    a.rank - b.rank ||
    a.createdAt.getTime() - b.createdAt.getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

/**
 * Merges pages that are each already in urgency order (one per state) into the first `limit` rows overall,
 * with the cursor for the rest.
 */
export function mergeByUrgency<T extends { priorityRank: number; createdAt: Date; id: string }>(
  pages: T[][],
  limit: number,
): { items: T[]; nextCursor: string | null } {
  const position = (row: T): UrgencyPosition => ({
    rank: row.priorityRank,
    createdAt: row.createdAt,
    id: row.id,
  });
  const all = pages.flat().sort((a, b) => compareUrgency(position(a), position(b)));
  const items = all.slice(0, limit);
  return {
    items,
    nextCursor: all.length > limit ? encodeUrgencyCursor(position(items[items.length - 1])) : null,
  };
}
