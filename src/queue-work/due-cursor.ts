import { Invalid } from '../common/errors/domain-error.js';

/** A place in due order: soonest SLA due time first, tickets with none (paused, met) last, then id. */
export interface DuePosition {
  dueAt: Date | null;
  id: string;
}

export function encodeDueCursor(position: DuePosition): string {
  return Buffer.from(`due|${position.dueAt?.toISOString() ?? ''}|${position.id}`).toString('base64url');
}

export function decodeDueCursor(cursor: string): DuePosition {
  const [kind, at, id] = Buffer.from(cursor, 'base64url').toString().split('|');
  const dueAt = at ? new Date(at) : null;
  if (kind !== 'due' || !id || (dueAt && Number.isNaN(dueAt.getTime()))) {
    throw new Invalid('cursor is not one this API returned');
  }
  return { dueAt, id };
}

export function compareDue(a: DuePosition, b: DuePosition): number {
  if (a.dueAt?.getTime() !== b.dueAt?.getTime()) {
    if (!a.dueAt) return 1;
    if (!b.dueAt) return -1;
    return a.dueAt.getTime() - b.dueAt.getTime();
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Merges pages each already in due order (one per state) into the first `limit` rows, with the next cursor. */
export function mergeByDue<T extends DuePosition>(pages: T[][], limit: number) {
  const all = pages.flat().sort(compareDue);
  const items = all.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: all.length > limit ? encodeDueCursor(last) : null };
}
