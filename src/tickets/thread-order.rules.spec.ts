import { mergedThreadOrder, type ThreadPlace } from './thread-order.rules.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 5, 9, minute));
const place = (id: string, ticketId: string, threadSeq: number, minute: number): ThreadPlace => ({
  id,
  ticketId,
  threadSeq,
  createdAt: at(minute),
});

describe('mergedThreadOrder', () => {
  it('interleaves the two threads by when each message was written', () => {
    const order = mergedThreadOrder(
      [
        place('t1', 'target', 1, 0),
        place('t2', 'target', 2, 30),
        place('d1', 'dup', 1, 10),
        place('d2', 'dup', 2, 40),
      ],
      'target',
    );
    expect(order).toEqual(['t1', 'd1', 't2', 'd2']);
  });

  it('keeps each thread’s own order for messages written in the same millisecond', () => {
    const order = mergedThreadOrder(
      [
        place('note', 'target', 2, 5),
        place('mail', 'target', 1, 5),
        place('d2', 'dup', 2, 5),
        place('d1', 'dup', 1, 5),
      ],
      'target',
    );
    expect(order).toEqual(['mail', 'note', 'd1', 'd2']);
  });

  it('puts the surviving ticket’s message first when the two threads tie', () => {
    expect(mergedThreadOrder([place('d1', 'dup', 1, 5), place('t1', 'target', 1, 5)], 'target')).toEqual([
      't1',
      'd1',
    ]);
  });
});
