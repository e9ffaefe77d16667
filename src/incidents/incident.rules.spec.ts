import { canMove, deadlinesFor, isLate, reminderDue, type ReminderStage } from './incident.rules.js';

const DISCOVERED = new Date('2026-03-02T01:00:00.000Z');
const hoursAfter = (hours: number) => new Date(DISCOVERED.getTime() + hours * 3_600_000);

describe('deadlinesFor', () => {
  it('gives an attack on the information system 24 wall-clock hours, weekends included', () => {
    const saturday = new Date('2026-03-07T10:00:00.000Z');
    expect(deadlinesFor('system_attack', saturday, null, saturday)).toEqual([
      {
        obligation: 'system_attack_24h',
        hours: 24,
        dueAt: new Date('2026-03-08T10:00:00.000Z'),
        isMet: false,
        isOverdue: false,
        minutesLeft: 24 * 60,
      },
    ]);
  });

  it('gives a personal-data breach 72 hours', () => {
    const [deadline] = deadlinesFor('personal_data_breach', DISCOVERED, null, hoursAfter(70.5));
    expect(deadline).toMatchObject({
      obligation: 'personal_data_72h',
      dueAt: hoursAfter(72),
      minutesLeft: 90,
    });
  });

  it('gives an incident that is both each deadline, earliest first', () => {
    expect(deadlinesFor('both', DISCOVERED, null, DISCOVERED).map((d) => [d.obligation, d.dueAt])).toEqual([
      ['system_attack_24h', hoursAfter(24)],
      ['personal_data_72h', hoursAfter(72)],
    ]);
  });

  it('counts a deadline overdue once its time has passed without a notification', () => {
    const [deadline] = deadlinesFor('system_attack', DISCOVERED, null, hoursAfter(25));
    expect(deadline).toMatchObject({ isMet: false, isOverdue: true, minutesLeft: -60 });
  });

  it('counts a notification sent on the due time as met, and stops the clock', () => {
    const [attack, breach] = deadlinesFor('both', DISCOVERED, hoursAfter(24), hoursAfter(100));
    expect(attack).toMatchObject({ isMet: true, isOverdue: false, minutesLeft: null });
    expect(breach).toMatchObject({ isMet: true, isOverdue: false, minutesLeft: null });
  });

  it('counts a late notification as overdue, not met', () => {
    const [attack, breach] = deadlinesFor('both', DISCOVERED, hoursAfter(30), hoursAfter(30));
    expect(attack).toMatchObject({ isMet: false, isOverdue: true });
    expect(breach).toMatchObject({ isMet: true, isOverdue: false });
  });
});

describe('isLate', () => {
  it('is late when any deadline passed before the notification', () => {
    expect(isLate('personal_data_breach', DISCOVERED, hoursAfter(71))).toBe(false);
    expect(isLate('personal_data_breach', DISCOVERED, hoursAfter(73))).toBe(true);
    expect(isLate('both', DISCOVERED, hoursAfter(25))).toBe(true);
  });
});

describe('reminderDue', () => {
  const due = hoursAfter(24);
  const none = new Set<ReminderStage>();

  it('sends nothing while more than 12 hours are left', () => {
    expect(reminderDue(due, none, hoursAfter(11.9))).toBeNull();
  });

  it('reminds at 12 hours left, at 2 hours left and when overdue', () => {
    expect(reminderDue(due, none, hoursAfter(12))).toBe('12h_left');
    expect(reminderDue(due, new Set(['12h_left']), hoursAfter(22))).toBe('2h_left');
    expect(reminderDue(due, new Set(['12h_left', '2h_left']), hoursAfter(24))).toBeNull();
    expect(reminderDue(due, new Set(['12h_left', '2h_left']), hoursAfter(24.001))).toBe('overdue');
  });

  it('sends each reminder once', () => {
    expect(reminderDue(due, new Set(['12h_left']), hoursAfter(13))).toBeNull();
    expect(reminderDue(due, new Set(['12h_left', '2h_left', 'overdue']), hoursAfter(40))).toBeNull();
  });

  it('sends only the latest stage reached when earlier ones were passed over', () => {
    expect(reminderDue(due, none, hoursAfter(23))).toBe('2h_left');
    expect(reminderDue(due, none, hoursAfter(30))).toBe('overdue');
    expect(reminderDue(due, new Set(['overdue']), hoursAfter(30))).toBeNull();
  });
});

describe('canMove', () => {
  it('goes open → notified → closed, and open → closed', () => {
    expect(canMove('open', 'notified').allowed).toBe(true);
    expect(canMove('notified', 'closed').allowed).toBe(true);
    expect(canMove('open', 'closed').allowed).toBe(true);
  });

  it('does not go back or notify twice', () => {
    expect(canMove('notified', 'notified').allowed).toBe(false);
    expect(canMove('closed', 'notified').allowed).toBe(false);
    expect(canMove('closed', 'closed').allowed).toBe(false);
  });
});
