import { Invalid } from '../common/errors/domain-error.js';
import { compareDue, decodeDueCursor, encodeDueCursor, mergeByDue } from './due-cursor.js';

const at = (iso: string) => new Date(iso);

describe('due order', () => {
  it('puts the soonest due first and tickets without a due time last, ties by id', () => {
    const rows = [
      { id: 'd', dueAt: null },
      { id: 'b', dueAt: at('2026-12-01T02:00:00Z') },
      { id: 'c', dueAt: null },
      { id: 'a', dueAt: at('2026-12-01T02:00:00Z') },
      { id: 'e', dueAt: at('2026-11-30T10:00:00Z') },
    ];
    expect([...rows].sort(compareDue).map((row) => row.id)).toEqual(['e', 'a', 'b', 'c', 'd']);
  });

  it('merges per-state pages and hands back a cursor that decodes to the last row', () => {
    const open = [
      { id: 'a', dueAt: at('2026-11-30T10:00:00Z') },
      { id: 'c', dueAt: null },
    ];
    const pending = [{ id: 'b', dueAt: at('2026-11-30T11:00:00Z') }];
    const page = mergeByDue([open, pending], 2);
    expect(page.items.map((row) => row.id)).toEqual(['a', 'b']);
    expect(decodeDueCursor(page.nextCursor!)).toEqual({ id: 'b', dueAt: at('2026-11-30T11:00:00Z') });
    expect(mergeByDue([open, pending], 3).nextCursor).toBeNull();
    expect(decodeDueCursor(encodeDueCursor({ id: 'c', dueAt: null }))).toEqual({ id: 'c', dueAt: null });
  });

  it('refuses a cursor it did not make', () => {
    expect(() => decodeDueCursor('bm9uc2Vuc2U')).toThrow(Invalid);
    expect(() => decodeDueCursor(Buffer.from('due|yesterday|x').toString('base64url'))).toThrow(Invalid);
  });
});
