import { decodeUrgencyCursor, encodeUrgencyCursor, mergeByUrgency } from './urgency-cursor.js';

const row = (id: string, priorityRank: number, minute: number) => ({
  id,
  priorityRank,
  createdAt: new Date(Date.UTC(2026, 10, 25, 8, minute)),
});

describe('urgency order', () => {
  it('merges per-state pages: most urgent first, then oldest, then id', () => {
    const newTickets = [row('n1', 0, 30), row('n2', 2, 1)];
    const openTickets = [row('o1', 0, 10), row('o2', 1, 50), row('o3', 2, 1)];
    const page = mergeByUrgency([newTickets, openTickets], 4);
    expect(page.items.map((item) => item.id)).toEqual(['o1', 'n1', 'o2', 'n2']);
    expect(decodeUrgencyCursor(page.nextCursor!)).toEqual({
      rank: 2,
      createdAt: newTickets[1].createdAt,
      id: 'n2',
    });
  });

  it('has no next page when everything fits', () => {
    expect(mergeByUrgency([[row('a', 1, 0)], []], 2).nextCursor).toBeNull();
  });

  it('round-trips a cursor and refuses one it did not make', () => {
    const position = { rank: 3, createdAt: new Date('2026-11-25T01:02:03.456Z'), id: 'x' };
    expect(decodeUrgencyCursor(encodeUrgencyCursor(position))).toEqual(position);
    expect(() => decodeUrgencyCursor('bm9wZQ')).toThrow('cursor is not one this API returned');
  });
});
