import type { DemoTicket } from './demo-desk.data.js';
import { demoSchedule, shownTime, type TimeMark } from './demo-timeline.rules.js';

const now = new Date('2026-03-20T08:00:00.000Z');
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);

function ticket(ageHours: number, steps: DemoTicket['steps'] = []): DemoTicket {
  return { customer: 'mai', channel: 'email', category: 'general', ageHours, subject: 's', text: 't', steps };
}

describe('demoSchedule', () => {
  it('plays every arrival and step oldest first, across tickets', () => {
    const schedule = demoSchedule(
      [
        ticket(10, [{ afterHours: 6, by: 'care', note: 'later' }]),
        ticket(8, [{ afterHours: 1, by: 'care', reply: 'soon' }]),
      ],
      now,
    );
    expect(schedule.map((event) => [event.ticketIndex, event.at.toISOString()])).toEqual([
      [0, hoursAgo(10).toISOString()],
      [1, hoursAgo(8).toISOString()],
      [1, hoursAgo(7).toISOString()],
      [0, hoursAgo(4).toISOString()],
    ]);
    expect(schedule[0].step).toBeNull();
  });

  it('keeps the written order of steps that happen at the same moment', () => {
    const steps = [
      { afterHours: 1, by: 'care' as const, note: 'first' },
      { afterHours: 1, by: 'care' as const, state: 'open' as const },
    ];
    expect(demoSchedule([ticket(5, steps)], now).map((event) => event.step)).toEqual([null, ...steps]);
  });
});

describe('shownTime', () => {
  const marks: TimeMark[] = [
    { real: 1_000, shown: 50_000 },
    { real: 1_010, shown: 90_000 },
  ];
  const loadedAt = new Date(1_020);

  it('moves a time to its event on the demo timeline, keeping the milliseconds since the event began', () => {
    expect(shownTime(new Date(1_000), marks, loadedAt).getTime()).toBe(50_000);
    expect(shownTime(new Date(1_004), marks, loadedAt).getTime()).toBe(50_004);
    expect(shownTime(new Date(1_010), marks, loadedAt).getTime()).toBe(90_000);
    expect(shownTime(new Date(1_020), marks, loadedAt).getTime()).toBe(90_010);
  });

  it('leaves times from before or after the load alone', () => {
    expect(shownTime(new Date(999), marks, loadedAt).getTime()).toBe(999);
    expect(shownTime(new Date(1_021), marks, loadedAt).getTime()).toBe(1_021);
    expect(shownTime(new Date(5), [], loadedAt).getTime()).toBe(5);
  });
});
