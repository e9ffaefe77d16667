import { IANAZone } from 'luxon';
import { DEFAULT_HOLIDAYS } from './vietnam-holidays.js';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** 'HH:mm' local wall-clock times, start < end, within one day; end may be '24:00' (midnight ending the day). */
export interface WorkingPeriod {
  start: string;
  end: string;
}

/**
 * When an SLA clock runs. Treated as immutable: compiled data is cached per calendar object, so change a
 * calendar by making a new object, not by editing one already used.
 */
export interface BusinessCalendar {
  /** IANA time zone the working hours and dates are in. */
  timeZone: string;
  /** Per weekday, sorted and non-overlapping; [] is a rest day. */
  workingHours: Record<Weekday, WorkingPeriod[]>;
  /** 'YYYY-MM-DD' local dates with no working time at all. */
  holidays: string[];
  /** 'YYYY-MM-DD' local dates worked with Monday's hours, even on a weekend or a listed holiday (make-up days). */
  extraWorkingDays?: string[];
}

const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** Longest run of days without working time before a calculation gives up (3 years). */
const MAX_IDLE_DAYS = 3 * 366;
/** Bound on the per-calendar cache of converted days (about 55 years of days). */
const MAX_CACHED_DAYS = 20_000;

const OFFICE_HOURS: WorkingPeriod[] = [
  { start: '08:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = deepFreeze({
  timeZone: 'Asia/Ho_Chi_Minh',
  workingHours: {
    mon: OFFICE_HOURS,
    tue: OFFICE_HOURS,
    wed: OFFICE_HOURS,
    thu: OFFICE_HOURS,
    fri: OFFICE_HOURS,
    sat: [],
    sun: [],
  },
  holidays: DEFAULT_HOLIDAYS.map((holiday) => holiday.date),
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------------------
// Validation

const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of 'HH:mm' ('24:00' only when `allowEndOfDay`), or undefined when malformed. */
function parseTime(value: unknown, allowEndOfDay: boolean): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (allowEndOfDay && value === '24:00') return 24 * 60;
  const match = TIME_PATTERN.exec(value);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/** Days since 1970-01-01 of a valid 'YYYY-MM-DD' date, or undefined. */
function parseLocalDate(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return ms / DAY_MS;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function validateDates(value: unknown, field: string, problems: string[]): void {
  if (!Array.isArray(value)) {
    problems.push(`${field}: must be an array of YYYY-MM-DD dates`);
    return;
  }
  value.forEach((date, i) => {
    if (parseLocalDate(date) === undefined) {
      problems.push(`${field}[${i}]: ${JSON.stringify(date)} is not a valid date in YYYY-MM-DD format`);
    }
  });
}

/** Human-readable problems with a calendar, [] when it is valid. */
export function validateBusinessCalendar(calendar: unknown): string[] {
  if (!isRecord(calendar)) return ['calendar: must be an object'];
  const problems: string[] = [];

  const { timeZone, workingHours, holidays, extraWorkingDays } = calendar;
  if (typeof timeZone !== 'string' || timeZone === '') {
    problems.push('timeZone: must be an IANA time zone name such as "Asia/Ho_Chi_Minh"');
  } else if (!IANAZone.isValidZone(timeZone)) {
    problems.push(`timeZone: ${JSON.stringify(timeZone)} is not a known IANA time zone`);
  }

  let anyWorkingHours = false;
  let mondayHasHours = false;
  const problemsBeforeHours = problems.length;
  if (!isRecord(workingHours)) {
    problems.push('workingHours: must be an object with mon, tue, wed, thu, fri, sat and sun');
  } else {
    for (const key of Object.keys(workingHours)) {
      if (!(WEEKDAYS as readonly string[]).includes(key)) {
        problems.push(`workingHours.${key}: unknown weekday (expected ${WEEKDAYS.join(', ')})`);
      }
    }
    for (const day of WEEKDAYS) {
      const periods = workingHours[day];
      if (periods === undefined) {
        problems.push(`workingHours.${day}: missing (use [] for a rest day)`);
        continue;
      }
      if (!Array.isArray(periods)) {
        problems.push(`workingHours.${day}: must be an array of { start, end } periods`);
        continue;
      }
      let previous: { start: number; end: number; text: WorkingPeriod } | undefined;
      periods.forEach((period: unknown, i) => {
        const at = `workingHours.${day}[${i}]`;
        if (!isRecord(period)) {
          problems.push(`${at}: must be an object { start: 'HH:mm', end: 'HH:mm' }`);
          return;
        }
        const start = parseTime(period.start, false);
        const end = parseTime(period.end, true);
        if (start === undefined) {
          problems.push(`${at}: start ${JSON.stringify(period.start)} is not a time in HH:mm format`);
        }
        if (end === undefined) {
          problems.push(`${at}: end ${JSON.stringify(period.end)} is not a time in HH:mm format (or 24:00)`);
        }
        if (start === undefined || end === undefined) return;
        const text = period as unknown as WorkingPeriod;
        if (start >= end) {
          problems.push(`${at}: start ${text.start} must be before end ${text.end}`);
          return;
        }
        anyWorkingHours = true;
        if (day === 'mon') mondayHasHours = true;
        if (previous && start < previous.start) {
          problems.push(
            `${at}: starts at ${text.start}, before the previous period (${previous.text.start}–${previous.text.end}); periods must be sorted by start time`,
          );
        } else if (previous && start < previous.end) {
          problems.push(
            `${at}: ${text.start}–${text.end} overlaps the previous period ${previous.text.start}–${previous.text.end}`,
          );
        }
        previous = { start, end, text };
      });
    }
    if (!anyWorkingHours && problems.length === problemsBeforeHours) {
      problems.push('workingHours: no weekday has working hours, so the calendar has no working time');
    }
  }

  validateDates(holidays, 'holidays', problems);
  if (extraWorkingDays !== undefined) {
    validateDates(extraWorkingDays, 'extraWorkingDays', problems);
    if (isRecord(workingHours) && Array.isArray(extraWorkingDays) && extraWorkingDays.length > 0) {
      if (!mondayHasHours && Array.isArray(workingHours.mon)) {
        problems.push("extraWorkingDays: extra working days use Monday's hours, but Monday has none");
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Compiled calendars

interface CompiledCalendar {
  zone: { offset(ms: number): number };
  /** Per weekday (0 = Monday), flattened [start, end, start, end, …] minutes after local midnight. */
  weekMinutes: number[][];
  holidays: Set<number>;
  extraWorkingDays: Set<number>;
  /** Local day number -> flattened [start, end, …] UTC epoch ms of that day's working periods. */
  days: Map<number, number[]>;
  /** Local day number -> UTC epoch ms of its local midnight (start of day). */
  midnights: Map<number, number>;
}

const NO_PERIODS: number[] = [];
const compiledCalendars = new WeakMap<BusinessCalendar, CompiledCalendar>();

function compile(calendar: BusinessCalendar): CompiledCalendar {
  const cached = compiledCalendars.get(calendar);
  if (cached) return cached;
  const problems = validateBusinessCalendar(calendar);
  if (problems.length > 0) throw new RangeError(`Invalid business calendar: ${problems.join('; ')}`);
  const compiled: CompiledCalendar = {
    zone: quarterHourOffsets(IANAZone.create(calendar.timeZone)),
    weekMinutes: WEEKDAYS.map((day) =>
      calendar.workingHours[day].flatMap((p) => [parseTime(p.start, false)!, parseTime(p.end, true)!]),
    ),
    holidays: new Set(calendar.holidays.map((date) => parseLocalDate(date)!)),
    extraWorkingDays: new Set((calendar.extraWorkingDays ?? []).map((date) => parseLocalDate(date)!)),
    days: new Map(),
    midnights: new Map(),
  };
  compiledCalendars.set(calendar, compiled);
  return compiled;
}

const QUARTER_HOUR_MS = 15 * MINUTE_MS;
const MAX_CACHED_OFFSETS = 200_000;

/**
 * The zone's UTC offset, remembered per quarter hour: luxon asks Intl each time, which dominates the SLA
 * arithmetic. Exact for today's zones, whose offsets are whole quarter hours and change on the hour, half
 * hour or quarter hour (Chatham's 02:45), so every change falls on a quarter hour in UTC (checked for all
 * 780 changes of Node's 418 zones in 2026–2028).
 */
function quarterHourOffsets(zone: IANAZone): { offset(ms: number): number } {
  const offsets = new Map<number, number>();
  return {
    offset(ms) {
      const bucket = Math.floor(ms / QUARTER_HOUR_MS);
      let offset = offsets.get(bucket);
      if (offset === undefined) {
        if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
        offset = zone.offset(bucket * QUARTER_HOUR_MS);
        offsets.set(bucket, offset);
      }
      return offset;
    },
  };
}

/** The local day number (days since 1970-01-01) containing the instant `ms`. */
function localDayOf(c: CompiledCalendar, ms: number): number {
  return Math.floor((ms + c.zone.offset(ms) * MINUTE_MS) / DAY_MS);
}

/**
 * The instant a local wall-clock time (`minuteOfDay` minutes after midnight of local day `dayNo`) is shown:
 * the first such instant when `earliest`, else the last (they differ when clocks go back). A time skipped when
 * clocks go forward gives the instant of the change, the first one after which the clock shows a later time.
 * Assumes at most one offset change within a day either side, as holds for real zones.
 */
function wallClockToUtc(c: CompiledCalendar, dayNo: number, minuteOfDay: number, earliest: boolean): number {
  const wall = dayNo * DAY_MS + minuteOfDay * MINUTE_MS;
  const offsetBefore = c.zone.offset(wall - DAY_MS) * MINUTE_MS;
  const offsetAfter = c.zone.offset(wall + DAY_MS) * MINUTE_MS;
  const before = wall - offsetBefore;
  const after = wall - offsetAfter;
  if (offsetBefore === offsetAfter) return before;
  const beforeShows = c.zone.offset(before) * MINUTE_MS === offsetBefore;
  const afterShows = c.zone.offset(after) * MINUTE_MS === offsetAfter;
  if (beforeShows && afterShows) return earliest ? Math.min(before, after) : Math.max(before, after);
  if (beforeShows) return before;
  if (afterShows) return after;
  // In a gap: search for the change, where the clock first shows `wall` or later.
  let lo = Math.min(before, after);
  let hi = Math.max(before, after);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + c.zone.offset(mid) * MINUTE_MS >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The instant a local day starts (its midnight, or the first instant after a DST change skipping midnight). */
function startOfDay(c: CompiledCalendar, dayNo: number): number {
  let start = c.midnights.get(dayNo);
  if (start === undefined) {
    start = wallClockToUtc(c, dayNo, 0, true);
    if (c.midnights.size >= MAX_CACHED_DAYS) c.midnights.clear();
    c.midnights.set(dayNo, start);
  }
  return start;
}

/** Working periods of a local day as UTC ms, [] for a rest day or holiday. */
function periodsOf(c: CompiledCalendar, dayNo: number): number[] {
  const cached = c.days.get(dayNo);
  if (cached) return cached;
  const minutes = c.extraWorkingDays.has(dayNo)
    ? c.weekMinutes[0]
    : c.holidays.has(dayNo)
      ? NO_PERIODS
      : c.weekMinutes[(((dayNo + 3) % 7) + 7) % 7]; // 1970-01-01 was a Thursday
  let periods = NO_PERIODS;
  if (minutes.length > 0) {
    const dayStart = startOfDay(c, dayNo);
    // When the day starts at 00:00 and has no offset change, each boundary is plain arithmetic from midnight.
    const offset = c.zone.offset(dayStart);
    const steady =
      dayStart + offset * MINUTE_MS === dayNo * DAY_MS && offset === c.zone.offset(dayStart + DAY_MS);
    // Otherwise a period runs from the first moment the clock shows its start to the last it shows its end.
    periods = [];
    let previousEnd = -Infinity;
    for (let i = 0; i < minutes.length; i += 2) {
      const start = Math.max(
        previousEnd,
        steady ? dayStart + minutes[i] * MINUTE_MS : wallClockToUtc(c, dayNo, minutes[i], true),
      );
      const end = steady
        ? dayStart + minutes[i + 1] * MINUTE_MS
        : minutes[i + 1] === 24 * 60
          ? startOfDay(c, dayNo + 1) // a day ends where the next begins, even if clocks go back at midnight
          : wallClockToUtc(c, dayNo, minutes[i + 1], false);
      if (end > start) {
        periods.push(start, end);
        previousEnd = end;
      } // else the whole period was skipped by a DST change
    }
  }
  if (c.days.size >= MAX_CACHED_DAYS) c.days.clear();
  c.days.set(dayNo, periods);
  return periods;
}

function instant(value: Date, name: string): number {
  const ms = value instanceof Date ? value.getTime() : NaN;
  if (Number.isNaN(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

function noWorkingTime(calendar: BusinessCalendar, fromDay: number): RangeError {
  const from = new Date(fromDay * DAY_MS).toISOString().slice(0, 10);
  return new RangeError(
    `Business calendar (${calendar.timeZone}) has no working time in the ${MAX_IDLE_DAYS} days after ${from}`,
  );
}

// ---------------------------------------------------------------------------------------------------------
// Queries

/** Whether `at` is inside a working period (period starts are working time, period ends are not). */
export function isWorkingTime(calendar: BusinessCalendar, at: Date): boolean {
  const c = compile(calendar);
  const t = instant(at, 'at');
  const periods = periodsOf(c, localDayOf(c, t));
  for (let i = 0; i < periods.length; i += 2) {
    if (t >= periods[i] && t < periods[i + 1]) return true;
  }
  return false;
}

/** `at` itself when it is working time, else the start of the next working period. */
export function nextWorkingStart(calendar: BusinessCalendar, at: Date): Date {
  const c = compile(calendar);
  const t = instant(at, 'at');
  const firstDay = localDayOf(c, t);
  for (let dayNo = firstDay; dayNo <= firstDay + MAX_IDLE_DAYS; dayNo++) {
    const periods = periodsOf(c, dayNo);
    for (let i = 0; i < periods.length; i += 2) {
      if (t < periods[i + 1]) return new Date(Math.max(t, periods[i]));
    }
  }
  throw noWorkingTime(calendar, firstDay);
}

/**
 * The instant `minutes` of working time after `from`. 0 gives `from` unchanged. A target exactly at the end of a
 * period gives that period end, not the next period's start. Works in whole milliseconds (minutes are rounded to
 * the nearest ms).
 */
export function addBusinessMinutes(calendar: BusinessCalendar, from: Date, minutes: number): Date {
  const c = compile(calendar);
  const t = instant(from, 'from');
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number >= 0, got ${minutes}`);
  }
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining === 0) return new Date(t);
  let lastWorkingDay = localDayOf(c, t);
  for (let dayNo = lastWorkingDay; ; dayNo++) {
    const periods = periodsOf(c, dayNo);
    if (periods.length > 0) lastWorkingDay = dayNo;
    else if (dayNo - lastWorkingDay > MAX_IDLE_DAYS) throw noWorkingTime(calendar, lastWorkingDay);
    for (let i = 0; i < periods.length; i += 2) {
      const end = periods[i + 1];
      if (end <= t) continue;
      const start = Math.max(periods[i], t);
      if (remaining <= end - start) return new Date(start + remaining);
      remaining -= end - start;
    }
  }
}

/** Working minutes in [from, to) (fractional, ms precision); negative when `to` is before `from`. */
export function businessMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
  const c = compile(calendar);
  const a = instant(from, 'from');
  const b = instant(to, 'to');
  if (b < a) return -businessMinutesBetween(calendar, to, from) || 0; // || 0: no -0
  let total = 0;
  const lastDay = localDayOf(c, b);
  for (let dayNo = localDayOf(c, a); dayNo <= lastDay; dayNo++) {
    const periods = periodsOf(c, dayNo);
    for (let i = 0; i < periods.length; i += 2) {
      const start = Math.max(periods[i], a);
      const end = Math.min(periods[i + 1], b);
      if (end > start) total += end - start;
    }
  }
  return total / MINUTE_MS;
}

/** Whether a 'YYYY-MM-DD' local date has any working time (extra working days count, holidays do not). */
export function isWorkingDay(calendar: BusinessCalendar, localDate: string): boolean {
  const c = compile(calendar);
  const dayNo = parseLocalDate(localDate);
  if (dayNo === undefined)
    throw new RangeError(`${JSON.stringify(localDate)} is not a valid YYYY-MM-DD date`);
  return periodsOf(c, dayNo).length > 0;
}

/**
 * Deadline of a time limit of `days` working days for something received at `received`, after the Civil Code
 * 2015 art. 147–148: the day of receipt does not count, counting starts the next day, and the limit ends at 24:00
 * of the last counted day, returned as the instant the following local day starts. Only working days (a day with
 * working time that is not a holiday) are counted, so art. 148's rule that a limit ending on a rest day or holiday
 * moves to the next working day holds by construction: the last counted day is always a working day.
 */
export function addWorkingDays(calendar: BusinessCalendar, received: Date, days: number): Date {
  const c = compile(calendar);
  const t = instant(received, 'received');
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be an integer >= 1, got ${days}`);
  let lastWorkingDay = localDayOf(c, t);
  let counted = 0;
  for (let dayNo = lastWorkingDay + 1; ; dayNo++) {
    if (periodsOf(c, dayNo).length > 0) {
      lastWorkingDay = dayNo;
      if (++counted === days) return new Date(startOfDay(c, dayNo + 1));
    } else if (dayNo - lastWorkingDay > MAX_IDLE_DAYS) {
      throw noWorkingTime(calendar, lastWorkingDay);
    }
  }
}
