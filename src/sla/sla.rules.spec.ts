import { DEFAULT_BUSINESS_CALENDAR as calendar } from './business-calendar.js';
import { advanceClocks, type ClockEvent } from './sla-clocks.rules.js';
import type { ActivePolicy } from './sla-policy.entity.js';
import {
  choosePolicy,
  clockState,
  dueTime,
  planClock,
  policyProblems,
  raisedPriority,
  remainingMinutes,
  type EscalationStep,
} from './sla.rules.js';
import { TicketSlaClock } from './ticket-sla-clock.entity.js';

/** A local Hà Nội wall-clock time (UTC+7, no DST) as a UTC instant. */
const hanoi = (local: string) => new Date(`${local}+07:00`);

const LADDER: EscalationStep[] = [
  { at: 'before_breach', percent: 75, action: 'notify_assignee' },
  { at: 'breach', action: 'notify_supervisors' },
  { at: 'after_breach', afterMinutes: 120, action: 'reassign', queueId: 'escalations' },
];

const policy = (overrides: Partial<ActivePolicy> = {}): ActivePolicy => ({
  id: 'complaints',
  name: 'Complaints',
  calendarId: 'vn',
  urgentNotifications: false,
  conditions: {},
  targets: {
    first_response: { businessMinutes: 120 },
    next_response: { businessMinutes: 240 },
    resolution: { workingDays: 7 },
  },
  pauseStates: ['pending_customer'],
  ladder: LADDER,
  ...overrides,
});

describe('SLA policy choice', () => {
  const facts = {
    priority: 'normal',
    categoryKey: 'payment',
    queueId: 'q1',
    channel: 'email',
    vulnerable: false,
  };
  const fraud = policy({ id: 'fraud', conditions: { categoryKeys: ['fraud_or_tampering'] } });
  const vulnerable = policy({ id: 'vulnerable', conditions: { vulnerable: true } });
  const urgentMail = policy({
    id: 'urgent-mail',
    conditions: { priorities: ['urgent'], channels: ['email'] },
  });
  const fallback = policy({ id: 'all' });
  const policies = [fraud, vulnerable, urgentMail, fallback];

  it('takes the first policy whose every condition holds', () => {
    expect(choosePolicy(policies, facts)?.id).toBe('all');
    expect(
      choosePolicy(policies, { ...facts, categoryKey: 'fraud_or_tampering', vulnerable: true })?.id,
    ).toBe('fraud');
    expect(choosePolicy(policies, { ...facts, vulnerable: true })?.id).toBe('vulnerable');
    expect(choosePolicy(policies, { ...facts, priority: 'urgent' })?.id).toBe('urgent-mail');
    expect(choosePolicy(policies, { ...facts, priority: 'urgent', channel: 'web' })?.id).toBe('all');
    expect(choosePolicy([fraud], facts)).toBeNull();
    expect(choosePolicy([fraud], { ...facts, categoryKey: null })).toBeNull();
  });
});

describe('due times', () => {
  const friday4pm = hanoi('2026-11-27T16:00:00');

  it('counts business minutes across the evening and the weekend', () => {
    expect(dueTime(calendar, { businessMinutes: 60 }, friday4pm, 0)).toEqual(hanoi('2026-11-27T17:00:00'));
    expect(dueTime(calendar, { businessMinutes: 120 }, friday4pm, 0)).toEqual(hanoi('2026-11-30T08:30:00'));
  });

  it('skips the lunch break', () => {
    expect(dueTime(calendar, { businessMinutes: 60 }, hanoi('2026-11-30T11:30:00'), 0)).toEqual(
      hanoi('2026-11-30T14:00:00'),
    );
  });

  it('ends a working-day target at midnight of the last working day, not counting the day of receipt', () => {
    // Received Friday: Monday, Tuesday and Wednesday count; the deadline is the end of Wednesday.
    expect(dueTime(calendar, { workingDays: 3 }, friday4pm, 0)).toEqual(hanoi('2026-12-03T00:00:00'));
    // Received the Friday before Tết 2026 (16–20 Feb off): 23, 24 and 25 Feb count.
    expect(dueTime(calendar, { workingDays: 3 }, hanoi('2026-02-13T16:00:00'), 0)).toEqual(
      hanoi('2026-02-26T00:00:00'),
    );
  });

  it('adds the business minutes spent paused', () => {
    expect(dueTime(calendar, { businessMinutes: 120 }, friday4pm, 45)).toEqual(hanoi('2026-11-30T09:15:00'));
  });
});

describe('clock state and time left', () => {
  const clock = (overrides: Partial<TicketSlaClock> = {}) =>
    Object.assign(new TicketSlaClock(), {
      target: 'first_response',
      startedAt: hanoi('2026-11-30T08:00:00'),
      pausedMinutes: 0,
      pausedAt: null,
      dueAt: hanoi('2026-11-30T10:00:00'),
      metAt: null,
      breachedAt: null,
      ...overrides,
    }) as TicketSlaClock;

  it('reads running, paused, met and breached', () => {
    const nine = hanoi('2026-11-30T09:00:00');
    expect(clockState(clock(), nine)).toBe('running');
    expect(remainingMinutes(calendar, clock(), nine)).toBe(60);
    expect(clockState(clock({ pausedAt: nine }), hanoi('2026-11-30T15:00:00'))).toBe('paused');
    expect(remainingMinutes(calendar, clock({ pausedAt: nine }), hanoi('2026-11-30T15:00:00'))).toBe(60);
    expect(clockState(clock({ metAt: nine }), hanoi('2026-12-01T09:00:00'))).toBe('met');
    expect(remainingMinutes(calendar, clock({ metAt: nine }), nine)).toBeNull();
    expect(clockState(clock(), hanoi('2026-11-30T10:00:00'))).toBe('breached');
    // Overdue time is business time too: 10:00 → 14:00 is 2 h of work around lunch.
    expect(remainingMinutes(calendar, clock(), hanoi('2026-11-30T14:00:00'))).toBe(-150);
  });
});

describe('escalation plan', () => {
  const spec = { businessMinutes: 120 };
  const startedAt = hanoi('2026-11-30T08:00:00');
  const running = {
    target: 'first_response' as const,
    startedAt,
    pausedMinutes: 0,
    pausedAt: null,
    dueAt: dueTime(calendar, spec, startedAt, 0),
    metAt: null,
    breachedAt: null,
  };

  it('warns at 75%, breaches at the due time, reassigns two business hours later', () => {
    const none = new Set<number>();
    expect(planClock(calendar, spec, running, LADDER, none, hanoi('2026-11-30T09:00:00'))).toEqual({
      due: [],
      breachedNow: false,
      nextCheckAt: hanoi('2026-11-30T09:30:00'),
    });
    const atWarning = planClock(calendar, spec, running, LADDER, none, hanoi('2026-11-30T09:30:00'));
    expect(atWarning.due.map((entry) => entry.index)).toEqual([0]);
    expect(atWarning.nextCheckAt).toEqual(hanoi('2026-11-30T10:00:00'));
    const atBreach = planClock(calendar, spec, running, LADDER, new Set([0]), hanoi('2026-11-30T10:00:00'));
    expect(atBreach).toMatchObject({ breachedNow: true, nextCheckAt: hanoi('2026-11-30T12:00:00') });
    expect(atBreach.due.map((entry) => entry.index)).toEqual([1]);
    // Two business hours after a 10:00 breach is 12:00; lunch does not count for a 11:00 breach.
    const late = { ...running, breachedAt: running.dueAt };
    expect(
      planClock(calendar, spec, late, LADDER, new Set([0, 1]), hanoi('2026-11-30T11:59:00')).nextCheckAt,
    ).toEqual(hanoi('2026-11-30T12:00:00'));
  });

  it('fires each step once: fired steps are never due again, and nothing is left after the last', () => {
    const now = hanoi('2026-12-01T09:00:00');
    const first = planClock(calendar, spec, running, LADDER, new Set(), now);
    expect(first.due.map((entry) => entry.index)).toEqual([0, 1, 2]);
    const after = planClock(
      calendar,
      spec,
      { ...running, breachedAt: running.dueAt },
      LADDER,
      new Set([0, 1, 2]),
      now,
    );
    expect(after).toEqual({ due: [], breachedNow: false, nextCheckAt: null });
  });

  it('has nothing to do for a met or paused clock', () => {
    const now = hanoi('2026-12-01T09:00:00');
    expect(
      planClock(calendar, spec, { ...running, metAt: now }, LADDER, new Set(), now).nextCheckAt,
    ).toBeNull();
    expect(planClock(calendar, spec, { ...running, pausedAt: now }, LADDER, new Set(), now).due).toEqual([]);
  });

  it('moves the 75% warning back by the time spent paused', () => {
    const paused = { ...running, pausedMinutes: 30, dueAt: dueTime(calendar, spec, startedAt, 30) };
    expect(
      planClock(calendar, spec, paused, LADDER, new Set(), hanoi('2026-11-30T09:00:00')).nextCheckAt,
    ).toEqual(hanoi('2026-11-30T10:00:00'));
  });

  it('watches only the targets a step names', () => {
    const resolutionOnly: EscalationStep[] = [
      { at: 'breach', action: 'raise_priority', targets: ['resolution'] },
    ];
    const now = hanoi('2026-12-01T09:00:00');
    expect(planClock(calendar, spec, running, resolutionOnly, new Set(), now)).toEqual({
      due: [],
      breachedNow: true,
      nextCheckAt: null,
    });
  });
});

describe('clocks through a ticket’s life', () => {
  const created = hanoi('2026-11-27T16:00:00');
  const byTarget = (clocks: TicketSlaClock[]) =>
    Object.fromEntries(clocks.map((clock) => [clock.target, clock]));

  /** A ticket's clocks, moved event by event the way the service moves them. */
  function lifeOf(rules: ActivePolicy | null = policy()) {
    let clocks: TicketSlaClock[] = [];
    let state = 'new';
    let firstRespondedAt: Date | null = null;
    const advance = (event: ClockEvent, at: Date, using = rules) => {
      const ticket = { id: 't1', state: state as never, createdAt: created, firstRespondedAt };
      clocks = advanceClocks(ticket, clocks, using, calendar, event, at);
      return byTarget(clocks);
    };
    const changed = (previousState: string, kind: string, from?: string): ClockEvent => ({
      kind: 'changed',
      previousState,
      changes: [{ kind, from }],
    });
    return {
      clocks: () => clocks,
      create: () => advance({ kind: 'created' }, created),
      moveTo: (to: string, at: Date, using?: ActivePolicy | null) => {
        const previous = state;
        state = to;
        const reopens = ['resolved', 'closed'].includes(previous) && to === 'open';
        return advance(changed(previous, reopens ? 'reopened' : 'state_changed'), at, using);
      },
      reply: (at: Date) => {
        firstRespondedAt ??= at;
        return advance(changed(state, 'message_added', 'outbound'), at);
      },
      customerWrites: (at: Date) => advance(changed(state, 'message_added', 'inbound'), at),
      retime: (using: ActivePolicy | null, at: Date) =>
        advance(changed(state, 'priority_changed'), at, using),
    };
  }

  it('starts first response and resolution on creation; next response waits for a customer message', () => {
    const life = lifeOf();
    life.create();
    expect(
      life
        .clocks()
        .map((clock) => clock.target)
        .sort(),
    ).toEqual(['first_response', 'resolution']);
    expect(life.clocks().every((clock) => clock.startedAt === created && !clock.pausedAt)).toBe(true);
  });

  it('meets first response with a public reply, then restarts next response on each customer message', () => {
    const life = lifeOf();
    life.create();
    const replied = hanoi('2026-11-30T09:00:00');
    let clocks = life.reply(replied);
    expect(clocks.first_response.metAt).toEqual(replied);
    expect(clocks.next_response).toBeUndefined();

    const wrote = hanoi('2026-11-30T10:00:00');
    clocks = life.customerWrites(wrote);
    expect(clocks.next_response).toMatchObject({ startedAt: wrote, cycle: 1, metAt: null });
    // A second message before we answer keeps the clock where it started.
    clocks = life.customerWrites(hanoi('2026-11-30T11:00:00'));
    expect(clocks.next_response).toMatchObject({ startedAt: wrote, cycle: 1 });

    const answered = hanoi('2026-11-30T14:00:00');
    expect(life.reply(answered).next_response.metAt).toEqual(answered);
    const third = hanoi('2026-12-01T08:00:00');
    expect(life.customerWrites(third).next_response).toMatchObject({
      startedAt: third,
      cycle: 2,
      metAt: null,
    });
  });

  it('pauses while waiting on the customer and excludes exactly the business time paused', () => {
    const life = lifeOf();
    life.create();
    const asked = hanoi('2026-11-27T16:30:00');
    life.moveTo('pending_customer', asked);
    expect(life.clocks().every((clock) => clock.pausedAt?.getTime() === asked.getTime())).toBe(true);
    // Waiting from Friday 16:30 to Monday 09:00 is two business hours (16:30–17:30, 08:00–09:00).
    const first = life.moveTo('open', hanoi('2026-11-30T09:00:00')).first_response;
    expect(first.pausedAt).toBeNull();
    expect(first.pausedMinutes).toBeCloseTo(120, 6);
    // 120 minutes from Friday 16:00 was Monday 08:30; 120 paused minutes make it 10:30.
    expect(dueTime(calendar, policy().targets.first_response!, first.startedAt, first.pausedMinutes)).toEqual(
      hanoi('2026-11-30T10:30:00'),
    );
  });

  it('keeps running in a state the policy does not pause on (on hold by default)', () => {
    const life = lifeOf();
    life.create();
    life.moveTo('on_hold', created);
    expect(life.clocks().every((clock) => clock.pausedAt === null)).toBe(true);
    life.retime(policy({ pauseStates: ['pending_customer', 'on_hold'] }), created);
    expect(life.clocks().every((clock) => clock.pausedAt !== null)).toBe(true);
  });

  it('meets resolution on resolve, and a reopen resumes it without counting the resolved time', () => {
    const life = lifeOf();
    life.create();
    const resolved = hanoi('2026-11-30T09:00:00');
    expect(life.moveTo('resolved', resolved).resolution.metAt).toEqual(resolved);
    const reopened = life.moveTo('open', hanoi('2026-12-01T09:00:00')).resolution;
    expect(reopened).toMatchObject({ metAt: null, pausedAt: null });
    // Monday 09:00 to Tuesday 09:00 is one working day: 8 business hours.
    expect(reopened.pausedMinutes).toBeCloseTo(480, 6);
  });

  it('drops the targets a new policy does not set and starts those it adds', () => {
    const life = lifeOf();
    life.create();
    life.retime(policy({ id: 'other', targets: { resolution: { workingDays: 2 } } }), created);
    expect(life.clocks().map((clock) => clock.target)).toEqual(['resolution']);
    life.retime(null, created);
    expect(life.clocks()).toEqual([]);
  });
});

describe('policy problems', () => {
  const exists = (id: string) => id === 'q-escalations';

  it('accepts the seeded shape', () => {
    const { targets, ladder, pauseStates, conditions } = policy();
    const escalationLadder = ladder.map((step) =>
      step.queueId ? { ...step, queueId: 'q-escalations' } : step,
    );
    expect(policyProblems({ targets, escalationLadder, pauseStates, conditions }, exists)).toEqual([]);
  });

  it('names the field and the reason', () => {
    expect(
      policyProblems(
        {
          conditions: { priorities: ['asap'] },
          targets: { first_response: { businessMinutes: 0 }, reply: { workingDays: 1 }, resolution: {} },
          pauseStates: ['closed'],
          escalationLadder: [
            { at: 'before_breach', action: 'notify_assignee' },
            { at: 'after_breach', action: 'reassign', queueId: 'nowhere' },
          ],
        },
        exists,
      ),
    ).toEqual([
      { field: 'conditions.priorities', reason: 'unknown priority "asap"' },
      {
        field: 'targets.first_response.businessMinutes',
        reason: 'must be a whole number of minutes from 1 to 525600',
      },
      { field: 'targets.reply', reason: 'unknown target; use first_response, next_response, resolution' },
      { field: 'targets.resolution', reason: 'give either businessMinutes or workingDays' },
      {
        field: 'pauseStates',
        reason: '"closed" cannot pause a clock; use new, open, pending_customer, on_hold',
      },
      { field: 'escalationLadder.0.percent', reason: 'a warning before breach needs a percent from 1 to 99' },
      {
        field: 'escalationLadder.1.afterMinutes',
        reason: 'a step after breach needs afterMinutes (business minutes, 0 or more)',
      },
      { field: 'escalationLadder.1.queueId', reason: 'reassigning needs an existing queue' },
    ]);
    expect(policyProblems({ targets: {} }, exists)).toEqual([
      { field: 'targets', reason: 'set at least one target' },
    ]);
  });

  it('raises priority one step, and not past urgent', () => {
    expect(['low', 'normal', 'high', 'urgent'].map(raisedPriority)).toEqual([
      'normal',
      'high',
      'urgent',
      null,
    ]);
  });
});
