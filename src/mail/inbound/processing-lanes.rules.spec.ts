import { processingLanes, runLanes } from './processing-lanes.rules.js';

describe('processing lanes', () => {
  it('keeps unrelated mails in lanes of their own', () => {
    expect(processingLanes([['from:a'], ['from:b'], ['from:c']])).toEqual([[0], [1], [2]]);
  });

  it('puts mails sharing a sender, a Message-ID or a ticket number in one lane, in arrival order', () => {
    const lanes = processingLanes([
      ['from:a', 'id:1'],
      ['from:b', 'id:2'],
      ['from:c', 'id:3', 'id:1'], // answers mail 0
      ['from:a', 'id:4'], // same sender as mail 0
      ['from:d', 'id:5', '#100231'],
      ['from:e', 'id:6', '#100231'], // same ticket as mail 4
    ]);
    expect(lanes).toEqual([[0, 2, 3], [1], [4, 5]]);
  });

  it('joins lanes that a later mail connects', () => {
    expect(processingLanes([['from:a'], ['from:b'], ['from:c', 'from:a', 'from:b']])).toEqual([[0, 1, 2]]);
  });

  it('runs lanes side by side but each lane in order', async () => {
    const events: string[] = [];
    let running = 0;
    let peak = 0;
    const tick = () => new Promise((resolve) => setImmediate(resolve));
    await runLanes([['a1', 'a2', 'a3'], ['b1', 'b2'], ['c1']], 2, async (item) => {
      running += 1;
      peak = Math.max(peak, running);
      await tick();
      events.push(item);
      running -= 1;
    });
    expect(peak).toBe(2);
    expect(events.filter((item) => item.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(events.filter((item) => item.startsWith('b'))).toEqual(['b1', 'b2']);
    expect(events).toHaveLength(6);
  });
});
