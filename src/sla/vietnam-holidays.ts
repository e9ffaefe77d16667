import type { Weekday } from './business-calendar.js';

export interface Holiday {
  /** Local date, 'YYYY-MM-DD'. */
  date: string;
  name: string;
}

const DAY_MS = 86_400_000;
const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date (calendar arithmetic only, no time zone involved). */
function dayNumber(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`"${date}" is not a date in YYYY-MM-DD format`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`"${date}" is not a valid date`);
  }
  return ms / DAY_MS;
}

function isoDate(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
}

function weekdayOf(dayNo: number): Weekday {
  // 1970-01-01 was a Thursday.
  return WEEKDAYS[(((dayNo + 3) % 7) + 7) % 7];
}

/** Mùng 1 Tết (first day of the lunar year) and Giỗ Tổ Hùng Vương (10th day of the 3rd lunar month). */
const LUNAR_DATES: Record<number, { lunarNewYear: string; hungKings: string }> = {
  2026: { lunarNewYear: '2026-02-17', hungKings: '2026-04-26' },
  2027: { lunarNewYear: '2027-02-06', hungKings: '2027-04-16' },
  2028: { lunarNewYear: '2028-01-26', hungKings: '2028-04-04' },
};

const TET_NAMES = [
  'Lunar New Year holiday, last day of the lunar year (Tết Nguyên Đán, ngày cuối năm Âm lịch)',
  "Lunar New Year's Day (Tết Nguyên Đán, mùng 1 Tết)",
  'Lunar New Year holiday (Tết Nguyên Đán, mùng 2 Tết)',
  'Lunar New Year holiday (Tết Nguyên Đán, mùng 3 Tết)',
  'Lunar New Year holiday (Tết Nguyên Đán, mùng 4 Tết)',
];

function holidaysOf(year: number): Holiday[] {
  const { lunarNewYear, hungKings } = LUNAR_DATES[year];
  const newYear = dayNumber(lunarNewYear);
  return [
    { date: `${year}-01-01`, name: "New Year's Day (Tết Dương lịch)" },
    // Labour Code 2019 art. 112(1)(b): 5 days of Tết; the usual split is the last day of the old year and the
    // first 4 days of the new one. The government fixes the actual days (and any swaps) every year.
    ...TET_NAMES.map((name, i) => ({ date: isoDate(newYear - 1 + i), name })),
    { date: hungKings, name: "Hùng Kings' Commemoration Day (Giỗ Tổ Hùng Vương, 10/3 Âm lịch)" },
    { date: `${year}-04-30`, name: 'Reunification Day (Ngày Giải phóng miền Nam, thống nhất đất nước)' },
    { date: `${year}-05-01`, name: "International Workers' Day (Ngày Quốc tế Lao động)" },
    // Art. 112(1)(đ): 2/9 plus 1 day before or after it, as decided yearly; 1/9 unless told otherwise.
    { date: `${year}-09-01`, name: 'National Day holiday (Nghỉ lễ Quốc khánh, 1/9)' },
    { date: `${year}-09-02`, name: 'National Day (Quốc khánh, 2/9)' },
  ];
}

/**
 * Public holidays of the Labour Code 2019 art. 112(1), 2026–2028, sorted by date, without substitute days off.
 * The official yearly announcements may move days (e.g. a longer Tết with a make-up Saturday); apply those
 * through a calendar's `holidays` and `extraWorkingDays`.
 */
export const VIETNAM_HOLIDAYS_2026_2028: Holiday[] = [2026, 2027, 2028].flatMap(holidaysOf);

/**
 * Adds the compensatory days off of the Labour Code 2019 art. 112(3): a holiday that falls on a weekly rest day
 * (a weekday not in `workingWeekdays`) gives a day off on the next working day that is not already a holiday or
 * another substitute day. Holidays are handled in date order, so two weekend days of Tết give the two next free
 * working days. Returns a new list sorted by date; the input is not changed.
 */
export function withSubstituteDaysOff(holidays: Holiday[], workingWeekdays: readonly Weekday[]): Holiday[] {
  const working = new Set<Weekday>(workingWeekdays);
  if (working.size === 0) throw new RangeError('withSubstituteDaysOff: workingWeekdays must not be empty');
  const sorted = holidays
    .map((holiday) => ({ holiday, dayNo: dayNumber(holiday.date) }))
    .sort((a, b) => a.dayNo - b.dayNo);
  const taken = new Set(sorted.map((h) => h.dayNo));
  const result = sorted.map((h) => ({ ...h }));
  for (const { holiday, dayNo } of sorted) {
    if (working.has(weekdayOf(dayNo))) continue;
    let substitute = dayNo + 1;
    while (!working.has(weekdayOf(substitute)) || taken.has(substitute)) substitute++;
    taken.add(substitute);
    result.push({
      holiday: { date: isoDate(substitute), name: `Substitute day off for ${holiday.name} (Nghỉ bù)` },
      dayNo: substitute,
    });
  }
  return result.sort((a, b) => a.dayNo - b.dayNo).map((h) => h.holiday);
}

/** The 2026–2028 holidays plus their substitute days off for a Monday–Friday working week. */
export const DEFAULT_HOLIDAYS: Holiday[] = withSubstituteDaysOff(VIETNAM_HOLIDAYS_2026_2028, [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
]);
