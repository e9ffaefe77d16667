import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  addBusinessMinutes,
  addWorkingDays,
  type BusinessCalendar,
  businessMinutesBetween,
  DEFAULT_BUSINESS_CALENDAR,
  isWorkingDay,
  isWorkingTime,
  nextWorkingStart,
  validateBusinessCalendar,
  type Weekday,
  type WorkingPeriod,
} from './business-calendar.js';

const VN = DEFAULT_BUSINESS_CALENDAR;
const HCM = 'Asia/Ho_Chi_Minh';
const LA = 'America/Los_Angeles';

/** A local wall-clock time in a zone, as a Date. */
function local(iso: string, zone = HCM): Date {
  const dateTime = DateTime.fromISO(iso, { zone });
  if (!dateTime.isValid) throw new Error(`bad test time ${iso}`);
  return dateTime.toJSDate();
}

/** A Date as local 'ccc yyyy-MM-dd HH:mm' in a zone, for readable expectations. */
function show(date: Date, zone = HCM): string {
  return DateTime.fromJSDate(date, { zone }).toFormat('ccc yyyy-MM-dd HH:mm');
}

function week(hours: WorkingPeriod[], weekend: WorkingPeriod[] = []): Record<Weekday, WorkingPeriod[]> {
  return { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: weekend, sun: weekend };
}

/** Los Angeles office hours, plus an early Sunday period that the DST changes (2:00 local) cut through. */
const LA_CALENDAR: BusinessCalendar = {
  timeZone: LA,
  workingHours: {
    ...week([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]),
    sun: [{ start: '01:00', end: '03:00' }],
  },
  holidays: ['2026-07-03', '2026-11-26', '2027-12-24', '2028-07-04'],
};

describe('DEFAULT_BUSINESS_CALENDAR', () => {
  it('is valid: Hồ Chí Minh City time, Mon–Fri 08:00–12:00 and 13:30–17:30, Vietnamese holidays', () => {
    expect(validateBusinessCalendar(VN)).toEqual([]);
    expect(VN.timeZone).toBe(HCM);
    expect(VN.workingHours.wed).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ]);
    expect(VN.workingHours.sat).toEqual([]);
    expect(VN.holidays).toContain('2026-02-17');
    expect(VN.holidays).toContain('2028-09-04');
  });

  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(VN)).toBe(true);
    expect(Object.isFrozen(VN.holidays)).toBe(true);
    expect(Object.isFrozen(VN.workingHours.mon[0])).toBe(true);
  });
});

describe('isWorkingTime and nextWorkingStart', () => {
  it('treats a period start as working time and its end as not', () => {
    expect(isWorkingTime(VN, local('2026-03-10T08:00'))).toBe(true);
    expect(isWorkingTime(VN, local('2026-03-10T07:59:59.999'))).toBe(false);
    expect(isWorkingTime(VN, local('2026-03-10T11:59:59.999'))).toBe(true);
    expect(isWorkingTime(VN, local('2026-03-10T12:00'))).toBe(false);
    expect(isWorkingTime(VN, local('2026-03-10T13:30'))).toBe(true);
    expect(isWorkingTime(VN, local('2026-03-10T17:30'))).toBe(false);
    expect(isWorkingTime(VN, local('2026-03-07T10:00'))).toBe(false); // Saturday
    expect(isWorkingTime(VN, local('2026-02-18T10:00'))).toBe(false); // Tết
  });

  it('returns `at` itself during working time, else the next period start', () => {
    const during = local('2026-03-10T09:15:30.250');
    expect(nextWorkingStart(VN, during).getTime()).toBe(during.getTime());
    expect(show(nextWorkingStart(VN, local('2026-03-10T12:00')))).toBe('Tue 2026-03-10 13:30');
    expect(show(nextWorkingStart(VN, local('2026-03-10T06:00')))).toBe('Tue 2026-03-10 08:00');
    expect(show(nextWorkingStart(VN, local('2026-03-06T17:30')))).toBe('Mon 2026-03-09 08:00');
    expect(show(nextWorkingStart(VN, local('2026-02-14T00:00')))).toBe('Mon 2026-02-23 08:00');
  });
});

describe('addBusinessMinutes', () => {
  it('Friday 16:00 Hà Nội time + 120 minutes = Monday 08:30', () => {
    const friday = local('2026-03-06T16:00');
    expect(show(friday)).toBe('Fri 2026-03-06 16:00');
    const due = addBusinessMinutes(VN, friday, 120);
    expect(show(due)).toBe('Mon 2026-03-09 08:30');
    expect(due.toISOString()).toBe('2026-03-09T01:30:00.000Z');
  });

  it('skips the lunch break: 11:30 + 60 minutes = 14:00', () => {
    expect(show(addBusinessMinutes(VN, local('2026-03-10T11:30'), 60))).toBe('Tue 2026-03-10 14:00');
  });

  it('stops at a period end when the minutes run out exactly there', () => {
    expect(show(addBusinessMinutes(VN, local('2026-03-10T11:30'), 30))).toBe('Tue 2026-03-10 12:00');
    expect(show(addBusinessMinutes(VN, local('2026-03-06T16:00'), 90))).toBe('Fri 2026-03-06 17:30');
    expect(show(addBusinessMinutes(VN, local('2026-03-06T16:00'), 90.5))).toBe('Mon 2026-03-09 08:00');
  });

  it('returns `from` unchanged for 0 minutes, even outside working time', () => {
    const saturday = local('2026-03-07T10:17:03.123');
    expect(addBusinessMinutes(VN, saturday, 0).getTime()).toBe(saturday.getTime());
  });

  it('starts counting at the next working period when received outside working time', () => {
    expect(show(addBusinessMinutes(VN, local('2026-03-07T10:00'), 60))).toBe('Mon 2026-03-09 09:00');
    expect(show(addBusinessMinutes(VN, local('2026-03-10T12:45'), 60))).toBe('Tue 2026-03-10 14:30');
  });

  it('skips Tết 2026', () => {
    expect(show(addBusinessMinutes(VN, local('2026-02-13T17:00'), 60))).toBe('Mon 2026-02-23 08:30');
    expect(businessMinutesBetween(VN, local('2026-02-13T00:00'), local('2026-02-24T00:00'))).toBe(2 * 480);
  });

  it('skips 30/4 and 1/5 2026 (Thursday and Friday) and the weekend after them', () => {
    expect(show(local('2026-04-30T10:00'))).toMatch(/^Thu/);
    expect(show(addBusinessMinutes(VN, local('2026-04-29T16:00'), 120))).toBe('Mon 2026-05-04 08:30');
  });

  it('counts fractional minutes to the millisecond', () => {
    const due = addBusinessMinutes(VN, local('2026-03-10T08:00'), 1.5);
    expect(due.getTime() - local('2026-03-10T08:00').getTime()).toBe(90_000);
  });

  it('walks in local time of a non-default zone across a DST change', () => {
    // Los Angeles springs forward on Sunday 8 March 2026: Friday is PST (UTC-8), Monday PDT (UTC-7).
    const friday = local('2026-03-06T16:00', LA);
    expect(friday.toISOString()).toBe('2026-03-07T00:00:00.000Z');
    // 60 min Friday, then the Sunday period 01:00–03:00, which is one real hour that day, then Monday.
    const due = addBusinessMinutes(LA_CALENDAR, friday, 180);
    expect(show(due, LA)).toBe('Mon 2026-03-09 10:00');
    expect(due.toISOString()).toBe('2026-03-09T17:00:00.000Z');
    expect(businessMinutesBetween(LA_CALENDAR, friday, due)).toBe(180);
    // Falling back on Sunday 1 November 2026, the same period is three real hours.
    expect(
      businessMinutesBetween(LA_CALENDAR, local('2026-10-31T00:00', LA), local('2026-11-02T00:00', LA)),
    ).toBe(180);
  });

  it('starts a period inside a spring-forward gap at the change and drops one wholly inside it', () => {
    // On Sunday 8 March 2026 Los Angeles clocks jump from 02:00 PST to 03:00 PDT (10:00Z).
    const gap: BusinessCalendar = {
      timeZone: LA,
      workingHours: {
        ...week([]),
        sun: [
          { start: '02:15', end: '02:45' },
          { start: '02:45', end: '04:00' },
        ],
      },
      holidays: [],
    };
    expect(nextWorkingStart(gap, local('2026-03-08T00:00', LA)).toISOString()).toBe(
      '2026-03-08T10:00:00.000Z',
    );
    expect(businessMinutesBetween(gap, local('2026-03-08T00:00', LA), local('2026-03-09T00:00', LA))).toBe(
      60,
    );
    expect(businessMinutesBetween(gap, local('2026-03-15T00:00', LA), local('2026-03-16T00:00', LA))).toBe(
      105,
    );
    const onlyGap: BusinessCalendar = {
      ...gap,
      workingHours: { ...week([]), sun: [{ start: '02:15', end: '02:45' }] },
    };
    expect(isWorkingDay(onlyGap, '2026-03-08')).toBe(false);
    expect(isWorkingDay(onlyGap, '2026-03-15')).toBe(true);
  });

  it('starts a day whose midnight is skipped at the change (Santiago, 3 September 2028)', () => {
    // Chile springs forward at 24:00 on Saturday: Sunday begins at 01:00 -03 (04:00Z).
    const santiago: BusinessCalendar = {
      timeZone: 'America/Santiago',
      workingHours: {
        ...week([{ start: '09:00', end: '18:00' }], []),
        sat: [{ start: '09:00', end: '13:00' }],
        sun: [{ start: '00:00', end: '02:00' }],
      },
      holidays: [],
    };
    const deadline = addWorkingDays(santiago, local('2028-09-01T10:00', 'America/Santiago'), 1);
    expect(deadline.toISOString()).toBe('2028-09-03T04:00:00.000Z');
    const sunday = [
      local('2028-09-03T01:00', 'America/Santiago'),
      local('2028-09-04T00:00', 'America/Santiago'),
    ];
    expect(businessMinutesBetween(santiago, sunday[0], sunday[1])).toBe(60);
    expect(isWorkingTime(santiago, local('2028-09-03T02:00', 'America/Santiago'))).toBe(false);
  });

  it('supports a 24-hour desk with periods ending at 24:00', () => {
    const allDay = [{ start: '00:00', end: '24:00' }];
    const desk: BusinessCalendar = { timeZone: LA, workingHours: week(allDay, allDay), holidays: [] };
    expect(validateBusinessCalendar(desk)).toEqual([]);
    // The spring-forward Sunday has 23 hours.
    expect(businessMinutesBetween(desk, local('2026-03-07T00:00', LA), local('2026-03-09T00:00', LA))).toBe(
      47 * 60,
    );
    expect(show(addBusinessMinutes(desk, local('2026-03-07T23:00', LA), 24 * 60), LA)).toBe(
      'Mon 2026-03-09 00:00',
    );
    expect(isWorkingTime(desk, local('2026-03-08T00:00', LA))).toBe(true);
  });

  it('rejects negative or non-finite minutes and invalid dates', () => {
    expect(() => addBusinessMinutes(VN, local('2026-03-10T08:00'), -1)).toThrow(RangeError);
    expect(() => addBusinessMinutes(VN, local('2026-03-10T08:00'), Number.NaN)).toThrow(RangeError);
    expect(() => addBusinessMinutes(VN, local('2026-03-10T08:00'), Infinity)).toThrow(RangeError);
    expect(() => addBusinessMinutes(VN, new Date(Number.NaN), 10)).toThrow(RangeError);
  });
});

describe('businessMinutesBetween', () => {
  it('counts working minutes in [from, to)', () => {
    expect(businessMinutesBetween(VN, local('2026-03-06T16:00'), local('2026-03-09T08:30'))).toBe(120);
    expect(businessMinutesBetween(VN, local('2026-03-09T00:00'), local('2026-03-14T00:00'))).toBe(5 * 480);
    expect(businessMinutesBetween(VN, local('2026-03-10T12:00'), local('2026-03-10T13:30'))).toBe(0);
    expect(businessMinutesBetween(VN, local('2026-03-10T08:00'), local('2026-03-10T08:00:00.030'))).toBe(
      0.0005,
    );
  });

  it('is negative when `to` is before `from`', () => {
    expect(businessMinutesBetween(VN, local('2026-03-09T08:30'), local('2026-03-06T16:00'))).toBe(-120);
  });
});

describe('isWorkingDay', () => {
  it('is false on weekends, holidays and substitute days off', () => {
    expect(isWorkingDay(VN, '2026-03-10')).toBe(true);
    expect(isWorkingDay(VN, '2026-03-07')).toBe(false);
    expect(isWorkingDay(VN, '2026-02-17')).toBe(false);
    expect(isWorkingDay(VN, '2026-04-27')).toBe(false); // substitute for Hùng Kings' day on Sunday 26/4
  });

  it('rejects malformed dates', () => {
    expect(() => isWorkingDay(VN, '2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay(VN, '10/03/2026')).toThrow(RangeError);
  });
});

describe('extraWorkingDays', () => {
  const calendar: BusinessCalendar = {
    ...VN,
    holidays: [...VN.holidays, '2026-03-16'],
    extraWorkingDays: ['2026-03-14', '2026-03-16'],
  };

  it("makes a weekend day a working day with Monday's hours", () => {
    expect(isWorkingDay(calendar, '2026-03-14')).toBe(true);
    expect(show(nextWorkingStart(calendar, local('2026-03-13T18:00')))).toBe('Sat 2026-03-14 08:00');
    expect(businessMinutesBetween(calendar, local('2026-03-14T00:00'), local('2026-03-15T00:00'))).toBe(480);
  });

  it('wins over the holiday list', () => {
    expect(isWorkingDay(calendar, '2026-03-16')).toBe(true);
    expect(isWorkingTime(calendar, local('2026-03-16T14:00'))).toBe(true);
  });
});

describe('addWorkingDays (Civil Code 2015 art. 147–148)', () => {
  it('counts from the day after receipt and ends at 24:00 of the last counted day', () => {
    // Received Tuesday; Wednesday is day 1, so the limit ends at midnight between Wednesday and Thursday.
    const deadline = addWorkingDays(VN, local('2026-03-10T09:00'), 1);
    expect(show(deadline)).toBe('Thu 2026-03-12 00:00');
    expect(deadline.toISOString()).toBe('2026-03-11T17:00:00.000Z');
    // Receipt a minute before midnight or right after it belongs to that local day.
    expect(show(addWorkingDays(VN, local('2026-03-10T23:59'), 1))).toBe('Thu 2026-03-12 00:00');
    expect(show(addWorkingDays(VN, local('2026-03-10T00:00'), 1))).toBe('Thu 2026-03-12 00:00');
  });

  it('skips Tết 2026: Friday 13/2 + 3 working days = 24:00 on Wednesday 25/2', () => {
    const deadline = addWorkingDays(VN, local('2026-02-13T16:00'), 3);
    expect(deadline.toISOString()).toBe('2026-02-25T17:00:00.000Z');
    expect(show(deadline)).toBe('Thu 2026-02-26 00:00');
  });

  it('received on a Saturday: Monday is the first day', () => {
    expect(show(addWorkingDays(VN, local('2026-03-07T10:00'), 1))).toBe('Tue 2026-03-10 00:00');
  });

  it('received on a holiday: the next working day is the first day', () => {
    expect(show(local('2026-09-02T10:00'))).toMatch(/^Wed/);
    expect(show(addWorkingDays(VN, local('2026-09-02T10:00'), 1))).toBe('Fri 2026-09-04 00:00');
  });

  it('a limit whose last day would be a rest day ends on the next working day instead', () => {
    // Received Thursday 5/3 with 2 days: counting calendar days the limit would end on Saturday 7/3, which
    // art. 148 moves to Monday 9/3. Counting only working days (Fri 6, Mon 9) gives the same 24:00 Monday.
    const deadline = addWorkingDays(VN, local('2026-03-05T10:00'), 2);
    expect(show(deadline)).toBe('Tue 2026-03-10 00:00');
    const lastDay = DateTime.fromJSDate(deadline, { zone: HCM }).minus({ days: 1 }).toISODate()!;
    expect(isWorkingDay(VN, lastDay)).toBe(true);
  });

  it('skips 30/4 and 1/5 2026 (Thursday and Friday) and the weekend', () => {
    expect(show(addWorkingDays(VN, local('2026-04-29T10:00'), 1))).toBe('Tue 2026-05-05 00:00');
    expect(addWorkingDays(VN, local('2026-04-29T10:00'), 1).toISOString()).toBe('2026-05-04T17:00:00.000Z');
  });

  it('skips substitute days off', () => {
    // 2/9/2028 is a Saturday (1/9 Friday is a holiday too); Monday 4/9 is the day off in lieu.
    expect(show(local('2028-09-02T10:00'))).toMatch(/^Sat/);
    expect(show(addWorkingDays(VN, local('2028-08-31T10:00'), 1))).toBe('Wed 2028-09-06 00:00');
    expect(show(addBusinessMinutes(VN, local('2028-08-31T16:00'), 120))).toBe('Tue 2028-09-05 08:30');
    // Tết 2027 takes Saturday 6 and Sunday 7 February, so Wednesday 10 and Thursday 11 are off too.
    expect(show(addWorkingDays(VN, local('2027-02-04T10:00'), 1))).toBe('Sat 2027-02-13 00:00');
  });

  it('ends at the local midnight of a non-default zone, across a DST change', () => {
    // Received Friday (PST): Sunday (with its 01:00–03:00 period) is day 1, Monday (PDT) day 2.
    const deadline = addWorkingDays(LA_CALENDAR, local('2026-03-06T10:00', LA), 2);
    expect(show(deadline, LA)).toBe('Tue 2026-03-10 00:00');
    expect(deadline.toISOString()).toBe('2026-03-10T07:00:00.000Z');
  });

  it('rejects a number of days that is not a positive integer', () => {
    for (const days of [0, -1, 1.5, Number.NaN]) {
      expect(() => addWorkingDays(VN, local('2026-03-10T10:00'), days)).toThrow(RangeError);
    }
  });
});

describe('validateBusinessCalendar', () => {
  const valid: BusinessCalendar = {
    timeZone: HCM,
    workingHours: week([{ start: '08:00', end: '17:00' }]),
    holidays: [],
  };

  it('accepts a valid calendar', () => {
    expect(validateBusinessCalendar(valid)).toEqual([]);
    expect(validateBusinessCalendar({ ...valid, extraWorkingDays: ['2026-03-14'] })).toEqual([]);
  });

  it('explains what is wrong', () => {
    expect(validateBusinessCalendar(null)).toEqual(['calendar: must be an object']);
    const problems = validateBusinessCalendar({
      timeZone: 'Asia/Saigon_City',
      workingHours: {
        ...week([
          { start: '08:00', end: '12:00' },
          { start: '13:30', end: '12:00' },
        ]),
        tue: [
          { start: '13:30', end: '17:30' },
          { start: '08:00', end: '12:00' },
        ],
        wed: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '17:00' },
        ],
        thu: [{ start: '8:00', end: '25:00' }],
        sat: undefined,
        holiday: [],
      },
      holidays: ['2026-02-30', '2026/03/01', 5],
      extraWorkingDays: 'none',
    });
    expect(problems).toEqual([
      'timeZone: "Asia/Saigon_City" is not a known IANA time zone',
      'workingHours.holiday: unknown weekday (expected mon, tue, wed, thu, fri, sat, sun)',
      'workingHours.mon[1]: start 13:30 must be before end 12:00',
      'workingHours.tue[1]: starts at 08:00, before the previous period (13:30–17:30); periods must be sorted by start time',
      'workingHours.wed[1]: 11:00–17:00 overlaps the previous period 08:00–12:00',
      'workingHours.thu[0]: start "8:00" is not a time in HH:mm format',
      'workingHours.thu[0]: end "25:00" is not a time in HH:mm format (or 24:00)',
      'workingHours.fri[1]: start 13:30 must be before end 12:00',
      'workingHours.sat: missing (use [] for a rest day)',
      'holidays[0]: "2026-02-30" is not a valid date in YYYY-MM-DD format',
      'holidays[1]: "2026/03/01" is not a valid date in YYYY-MM-DD format',
      'holidays[2]: 5 is not a valid date in YYYY-MM-DD format',
      'extraWorkingDays: must be an array of YYYY-MM-DD dates',
    ]);
  });

  it('reports a calendar without any working time', () => {
    expect(validateBusinessCalendar({ ...valid, workingHours: week([]) })).toEqual([
      'workingHours: no weekday has working hours, so the calendar has no working time',
    ]);
    expect(
      validateBusinessCalendar({
        ...valid,
        workingHours: { ...valid.workingHours, mon: [] },
        extraWorkingDays: ['2026-03-14'],
      }),
    ).toEqual(["extraWorkingDays: extra working days use Monday's hours, but Monday has none"]);
  });

  it('makes the calculations throw on an invalid calendar', () => {
    const broken = { ...valid, timeZone: 'Nowhere/Else' };
    expect(() => addBusinessMinutes(broken, new Date(), 10)).toThrow(/Invalid business calendar: timeZone/);
    expect(() => isWorkingDay(broken, '2026-03-10')).toThrow(RangeError);
  });
});

describe('guard against calendars without working time', () => {
  // Only Mondays are worked, and every Monday of 2026–2030 is a holiday.
  const mondays: string[] = [];
  for (let d = DateTime.fromISO('2026-01-05'); d.year <= 2030; d = d.plus({ weeks: 1 }))
    mondays.push(d.toISODate()!);
  const calendar: BusinessCalendar = {
    timeZone: HCM,
    workingHours: { ...week([]), mon: [{ start: '08:00', end: '17:00' }] },
    holidays: mondays,
  };

  it('throws a RangeError instead of looping forever', () => {
    const from = local('2026-01-01T10:00');
    expect(() => nextWorkingStart(calendar, from)).toThrow(
      /no working time in the 1098 days after 2026-01-01/,
    );
    expect(() => addBusinessMinutes(calendar, from, 1)).toThrow(RangeError);
    expect(() => addWorkingDays(calendar, from, 1)).toThrow(RangeError);
  });

  it('still finds working time that starts within three years', () => {
    const from = local('2028-06-01T10:00');
    expect(show(nextWorkingStart(calendar, from))).toBe('Mon 2031-01-06 08:00');
    expect(show(addWorkingDays(calendar, from, 1))).toBe('Tue 2031-01-07 00:00');
  });
});

describe('performance', () => {
  it('handles a recompute of many tickets quickly', () => {
    const start = Date.UTC(2026, 0, 1);
    const t0 = performance.now();
    for (let i = 0; i < 20_000; i++) {
      const received = new Date(start + ((i * 7919 * 60_000) % (3 * 365 * 86_400_000)));
      addBusinessMinutes(VN, received, 7 * 480);
    }
    // About 5 µs a call on a laptop; the bound is loose so a slow CI machine does not fail it.
    expect(performance.now() - t0).toBeLessThan(4000);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Properties

const FROM_MS = Date.UTC(2026, 0, 1) - 7 * 3_600_000;
const TO_MS = Date.UTC(2028, 11, 31, 17);
const instantArb = fc.integer({ min: FROM_MS, max: TO_MS }).map((ms) => new Date(ms));
const minutesArb = fc.integer({ min: 0, max: 7 * 480 * 3 });
const RUNS = { numRuns: 200 };

/** The configured period ends ('HH:mm') of the local day of `at`. */
function periodEndsOn(calendar: BusinessCalendar, at: Date): string[] {
  const date = DateTime.fromJSDate(at, { zone: calendar.timeZone });
  const day = date.toISODate()!;
  const weekday = date.toFormat('ccc').toLowerCase() as Weekday;
  const periods = calendar.extraWorkingDays?.includes(day)
    ? calendar.workingHours.mon
    : calendar.holidays.includes(day)
      ? []
      : calendar.workingHours[weekday];
  return periods.map((p) => p.end);
}

/**
 * Independent oracle: working minutes in [from, to) for instants on whole half hours, checking each half hour
 * in local time with luxon (every period boundary and DST change is on a half hour).
 */
function oracleMinutes(calendar: BusinessCalendar, from: number, to: number): number {
  let total = 0;
  for (let t = from; t < to; t += 30 * 60_000) {
    const at = new Date(t);
    const date = DateTime.fromJSDate(at, { zone: calendar.timeZone });
    const day = date.toISODate()!;
    const weekday = date.toFormat('ccc').toLowerCase() as Weekday;
    const periods = calendar.extraWorkingDays?.includes(day)
      ? calendar.workingHours.mon
      : calendar.holidays.includes(day)
        ? []
        : calendar.workingHours[weekday];
    const hhmm = date.toFormat('HH:mm');
    if (periods.some((p) => p.start <= hhmm && hhmm < p.end)) total += 30;
  }
  return total;
}

describe.each([
  ['Vietnam (default)', VN],
  ['Los Angeles with DST', LA_CALENDAR],
])('properties: %s', (_name, calendar) => {
  const zone = calendar.timeZone;

  it('addBusinessMinutes lands in working time or on a period end', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 7 * 480 * 3 }), (from, minutes) => {
        const due = addBusinessMinutes(calendar, from, minutes);
        if (isWorkingTime(calendar, due)) return;
        expect(isWorkingTime(calendar, new Date(due.getTime() - 1))).toBe(true);
        expect(periodEndsOn(calendar, new Date(due.getTime() - 1))).toContain(
          DateTime.fromJSDate(due, { zone }).toFormat('HH:mm'),
        );
      }),
      RUNS,
    );
  });

  it('businessMinutesBetween(from, addBusinessMinutes(from, m)) = m', () => {
    fc.assert(
      fc.property(instantArb, minutesArb, fc.integer({ min: 0, max: 59_999 }), (from, minutes, ms) => {
        const m = minutes + ms / 60_000;
        const due = addBusinessMinutes(calendar, from, m);
        expect(Math.abs(businessMinutesBetween(calendar, from, due) - m)).toBeLessThan(1e-6);
        expect(due.getTime()).toBeGreaterThanOrEqual(from.getTime());
      }),
      RUNS,
    );
  });

  it('adding a then b is adding a + b', () => {
    fc.assert(
      fc.property(instantArb, minutesArb, minutesArb, (from, a, b) => {
        const stepwise = addBusinessMinutes(calendar, addBusinessMinutes(calendar, from, a), b);
        const direct = addBusinessMinutes(calendar, from, a + b);
        expect(businessMinutesBetween(calendar, from, stepwise)).toBeCloseTo(a + b, 9);
        expect(businessMinutesBetween(calendar, from, direct)).toBeCloseTo(a + b, 9);
        expect(stepwise.getTime()).toBe(direct.getTime());
      }),
      RUNS,
    );
  });

  it('businessMinutesBetween is monotone in `to`, antisymmetric and at most the wall-clock minutes', () => {
    fc.assert(
      fc.property(instantArb, instantArb, instantArb, (from, x, y) => {
        const [to1, to2] = x <= y ? [x, y] : [y, x];
        const m1 = businessMinutesBetween(calendar, from, to1);
        const m2 = businessMinutesBetween(calendar, from, to2);
        expect(m1).toBeLessThanOrEqual(m2);
        expect(Math.abs(m1)).toBeLessThanOrEqual(Math.abs(to1.getTime() - from.getTime()) / 60_000);
        expect(businessMinutesBetween(calendar, to1, from) + m1).toBe(0);
        expect(businessMinutesBetween(calendar, to1, to2)).toBeCloseTo(m2 - m1, 6);
      }),
      RUNS,
    );
  });

  it('businessMinutesBetween agrees with a half-hour-by-half-hour count in local time', () => {
    const halfHour = 30 * 60_000;
    fc.assert(
      fc.property(
        fc.integer({ min: FROM_MS / halfHour, max: TO_MS / halfHour }),
        fc.integer({ min: 0, max: 14 * 48 }),
        (slot, length) => {
          const from = slot * halfHour;
          const to = from + length * halfHour;
          expect(businessMinutesBetween(calendar, new Date(from), new Date(to))).toBe(
            oracleMinutes(calendar, from, to),
          );
        },
      ),
      RUNS,
    );
  });

  it('addWorkingDays grows strictly with the days and ends at a local midnight after a working day', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 30 }), (received, days) => {
        const deadline = addWorkingDays(calendar, received, days);
        const later = addWorkingDays(calendar, received, days + 1);
        expect(later.getTime()).toBeGreaterThan(deadline.getTime());
        expect(deadline.getTime()).toBeGreaterThan(received.getTime());
        const local = DateTime.fromJSDate(deadline, { zone });
        expect(local.toFormat('HH:mm:ss.SSS')).toBe('00:00:00.000');
        expect(isWorkingDay(calendar, local.minus({ days: 1 }).toISODate()!)).toBe(true);
        // Exactly `days` working days lie strictly after the day of receipt and up to the deadline.
        const receivedDay = DateTime.fromJSDate(received, { zone }).startOf('day');
        let counted = 0;
        for (let d = receivedDay.plus({ days: 1 }); d < local; d = d.plus({ days: 1 })) {
          if (isWorkingDay(calendar, d.toISODate()!)) counted++;
        }
        expect(counted).toBe(days);
      }),
      RUNS,
    );
  });
});
