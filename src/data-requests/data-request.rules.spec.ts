import { DEFAULT_BUSINESS_CALENDAR } from '../sla/business-calendar.js';
import {
  deadlinesFor,
  deadlineStatus,
  extendedDueAt,
  deadlineDay,
  extensionRefusal,
  fulfilmentRefusal,
  reminderDue,
  type DataRequestFacts,
} from './data-request.rules.js';

const VN = DEFAULT_BUSINESS_CALENDAR;
/** Friday 13 February 2026, 10:00 in Hồ Chí Minh City: Tết (16–20 February) starts on Monday. */
const BEFORE_TET = new Date('2026-02-13T03:00:00Z');

describe('data-subject request deadlines', () => {
  it('count working days on the business calendar, skipping the Tết holidays', () => {
    expect(deadlinesFor(VN, 'copy', BEFORE_TET)).toEqual({
      // Mon 23 and Tue 24 February are the first two working days: due when Wednesday begins.
      firstReplyDueAt: new Date('2026-02-24T17:00:00Z'),
      // 10 working days: 23 February – 6 March.
      dueAt: new Date('2026-03-06T17:00:00Z'),
    });
    expect(deadlinesFor(VN, 'delete', BEFORE_TET).dueAt).toEqual(new Date('2026-03-20T17:00:00Z'));
  });

  it('give 15 working days to withdraw consent, restrict or object, across Hùng Kings’ day and 30/4–1/5', () => {
    const received = new Date('2026-04-22T02:00:00Z'); // Wednesday
    for (const type of ['withdraw_consent', 'restrict', 'object'] as const) {
      expect(deadlinesFor(VN, type, received).dueAt).toEqual(new Date('2026-05-18T17:00:00Z'));
    }
  });

  it('are told to customers as the last day, in their zone', () => {
    expect(deadlineDay(new Date('2026-03-06T17:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('06/03/2026');
    expect(deadlineDay(new Date('2026-03-06T17:00:00Z'), 'America/Los_Angeles')).toBe('06/03/2026');
  });

  it('extend once by the same period, counted from the end of the current one', () => {
    expect(extendedDueAt(VN, 'view', new Date('2026-03-06T17:00:00Z'))).toEqual(
      new Date('2026-03-20T17:00:00Z'),
    );
  });
});

describe('data-subject request decisions', () => {
  const open: DataRequestFacts = {
    type: 'copy',
    state: 'in_progress',
    extendedAt: null,
    verifiedAt: new Date(),
  };

  it('allow one extension, on an open request', () => {
    expect(extensionRefusal(open)).toBeNull();
    expect(extensionRefusal({ ...open, extendedAt: new Date() })).toMatch(/one extension/);
    expect(extensionRefusal({ ...open, state: 'completed' })).toMatch(/closed/);
  });

  it('release nothing before the customer has confirmed their identity', () => {
    expect(fulfilmentRefusal({ ...open, verifiedAt: null }, 'complete')).toMatch(/identity/);
    expect(fulfilmentRefusal(open, 'complete')).toBeNull();
  });

  it('carry out corrections, deletions and withdrawals only through their own action', () => {
    expect(fulfilmentRefusal({ ...open, type: 'correct' }, 'complete')).toMatch(/its own action/);
    expect(fulfilmentRefusal({ ...open, type: 'correct' }, 'correct')).toBeNull();
    expect(fulfilmentRefusal(open, 'delete')).toMatch(/not a "delete" request/);
  });
});

describe('deadline status', () => {
  const due = new Date('2026-03-06T17:00:00Z');
  it('reads like an SLA target', () => {
    expect(deadlineStatus(due, null, new Date('2026-03-01T00:00:00Z'))).toBe('on_track');
    expect(deadlineStatus(due, null, new Date('2026-03-06T00:00:00Z'))).toBe('due_soon');
    expect(deadlineStatus(due, null, due)).toBe('overdue');
    expect(deadlineStatus(due, new Date('2026-03-05T00:00:00Z'), new Date('2026-04-01T00:00:00Z'))).toBe(
      'met',
    );
    expect(deadlineStatus(due, new Date('2026-03-09T00:00:00Z'), new Date('2026-04-01T00:00:00Z'))).toBe(
      'overdue',
    );
  });
});

describe('deadline reminders', () => {
  const due = new Date('2026-03-06T17:00:00Z');
  const at = (iso: string) => new Date(iso);
  it('come a day before the deadline and once it has passed, each once', () => {
    expect(reminderDue(due, new Set(), at('2026-03-05T16:00:00Z'))).toBeNull();
    expect(reminderDue(due, new Set(), at('2026-03-05T17:00:00Z'))).toBe('due_soon');
    expect(reminderDue(due, new Set(['due_soon']), at('2026-03-06T10:00:00Z'))).toBeNull();
    expect(reminderDue(due, new Set(['due_soon']), due)).toBe('overdue');
    expect(reminderDue(due, new Set(['due_soon', 'overdue']), at('2026-03-09T00:00:00Z'))).toBeNull();
  });
  it('skip straight to overdue when a pass comes late', () => {
    expect(reminderDue(due, new Set(), at('2026-03-08T00:00:00Z'))).toBe('overdue');
    expect(reminderDue(due, new Set(['overdue']), at('2026-03-08T00:00:00Z'))).toBeNull();
  });
});
