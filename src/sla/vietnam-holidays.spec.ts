import { DateTime } from 'luxon';
import {
  DEFAULT_HOLIDAYS,
  type Holiday,
  VIETNAM_HOLIDAYS_2026_2028,
  withSubstituteDaysOff,
} from './vietnam-holidays.js';

function weekday(date: string): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).toFormat('ccc');
}

function datesOf(holidays: Holiday[]): string[] {
  return holidays.map((holiday) => holiday.date);
}

const MON_FRI = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

describe('VIETNAM_HOLIDAYS_2026_2028', () => {
  it('has the 11 statutory days of each year, sorted, unique and valid', () => {
    const dates = datesOf(VIETNAM_HOLIDAYS_2026_2028);
    expect(dates).toHaveLength(33);
    expect(new Set(dates).size).toBe(33);
    expect([...dates].sort()).toEqual(dates);
    for (const date of dates) expect(DateTime.fromISO(date).isValid).toBe(true);
    for (const year of ['2026', '2027', '2028']) {
      expect(dates.filter((date) => date.startsWith(year))).toHaveLength(11);
    }
  });

  it('has fixed-date holidays on 1/1, 30/4, 1/5 and 1/9–2/9 every year', () => {
    const dates = datesOf(VIETNAM_HOLIDAYS_2026_2028);
    for (const year of [2026, 2027, 2028]) {
      for (const day of ['01-01', '04-30', '05-01', '09-01', '09-02']) {
        expect(dates).toContain(`${year}-${day}`);
      }
      expect(dates).not.toContain(`${year}-09-03`);
    }
  });

  it('has Tết as the day before Lunar New Year and its first four days', () => {
    const dates = datesOf(VIETNAM_HOLIDAYS_2026_2028);
    expect(dates.filter((date) => date >= '2026-02-01' && date <= '2026-02-28')).toEqual([
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
    ]);
    expect(dates.filter((date) => date >= '2027-02-01' && date <= '2027-02-28')).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
    ]);
    expect(dates.filter((date) => date >= '2028-01-02' && date <= '2028-02-28')).toEqual([
      '2028-01-25',
      '2028-01-26',
      '2028-01-27',
      '2028-01-28',
      '2028-01-29',
    ]);
    const lunarNewYear = VIETNAM_HOLIDAYS_2026_2028.filter((h) => h.name.includes('mùng 1 Tết'));
    expect(datesOf(lunarNewYear)).toEqual(['2026-02-17', '2027-02-06', '2028-01-26']);
  });

  it("has the Hùng Kings' day on the 10th of the 3rd lunar month", () => {
    const hungKings = VIETNAM_HOLIDAYS_2026_2028.filter((h) => h.name.includes('Hùng Vương'));
    expect(datesOf(hungKings)).toEqual(['2026-04-26', '2027-04-16', '2028-04-04']);
  });

  it('names every day in English with the Vietnamese in parentheses', () => {
    for (const holiday of VIETNAM_HOLIDAYS_2026_2028) expect(holiday.name).toMatch(/^[^(]+ \(.+\)$/);
  });
});

describe('withSubstituteDaysOff', () => {
  it('gives the next working day off for a holiday on a weekend (art. 112(3))', () => {
    expect(weekday('2026-04-26')).toBe('Sun');
    const result = withSubstituteDaysOff([{ date: '2026-04-26', name: 'Giỗ Tổ' }], MON_FRI);
    expect(result).toEqual([
      { date: '2026-04-26', name: 'Giỗ Tổ' },
      { date: '2026-04-27', name: 'Substitute day off for Giỗ Tổ (Nghỉ bù)' },
    ]);
  });

  it('adds nothing for holidays on working days', () => {
    const holidays = [{ date: '2026-04-30', name: 'a' }];
    expect(withSubstituteDaysOff(holidays, MON_FRI)).toEqual(holidays);
  });

  it('skips days that are already holidays or substitutes', () => {
    // 2027: Tết Fri 5 – Tue 9 Feb; Sat 6 and Sun 7 give Wed 10 and Thu 11.
    const tet2027 = VIETNAM_HOLIDAYS_2026_2028.filter((h) => h.date.startsWith('2027-02'));
    expect(datesOf(withSubstituteDaysOff(tet2027, MON_FRI))).toEqual([
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
    ]);
    // 2028: 30/4 is a Sunday and Monday 1/5 is a holiday itself, so the day off is Tuesday 2/5.
    expect(weekday('2028-04-30')).toBe('Sun');
    const may2028 = [
      { date: '2028-05-01', name: 'b' },
      { date: '2028-04-30', name: 'a' },
    ];
    expect(datesOf(withSubstituteDaysOff(may2028, MON_FRI))).toEqual([
      '2028-04-30',
      '2028-05-01',
      '2028-05-02',
    ]);
  });

  it('uses the given working week', () => {
    // A Monday–Saturday week: only Sunday is a rest day, so Saturday 6 Feb 2027 needs no substitute.
    const tet2027 = VIETNAM_HOLIDAYS_2026_2028.filter((h) => h.date.startsWith('2027-02'));
    const sixDays = withSubstituteDaysOff(tet2027, [...MON_FRI, 'sat']);
    expect(datesOf(sixDays).slice(5)).toEqual(['2027-02-10']);
  });

  it('leaves its input unchanged', () => {
    const holidays = [{ date: '2028-01-01', name: 'New Year' }];
    const copy = structuredClone(holidays);
    withSubstituteDaysOff(holidays, MON_FRI);
    expect(holidays).toEqual(copy);
  });

  it('rejects an empty working week and malformed dates', () => {
    expect(() => withSubstituteDaysOff([{ date: '2026-01-03', name: 'x' }], [])).toThrow(RangeError);
    expect(() => withSubstituteDaysOff([{ date: '2026-02-30', name: 'x' }], MON_FRI)).toThrow(RangeError);
    expect(() => withSubstituteDaysOff([{ date: '3/1/2026', name: 'x' }], MON_FRI)).toThrow(RangeError);
  });
});

describe('DEFAULT_HOLIDAYS', () => {
  it('adds the substitute days off of a Monday–Friday week for 2026–2028', () => {
    const substitutes = DEFAULT_HOLIDAYS.filter((h) => h.name.startsWith('Substitute'));
    expect(datesOf(substitutes)).toEqual([
      '2026-04-27', // Hùng Kings' day on Sunday 26/4
      '2027-02-10', // Tết: Saturday 6/2
      '2027-02-11', // Tết: Sunday 7/2
      '2027-05-03', // 1/5 on a Saturday
      '2028-01-03', // 1/1 on a Saturday
      '2028-01-31', // Tết: Saturday 29/1
      '2028-05-02', // 30/4 on a Sunday, Monday 1/5 being a holiday
      '2028-09-04', // 2/9 on a Saturday
    ]);
    for (const date of datesOf(substitutes))
      expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(weekday(date));
    expect(DEFAULT_HOLIDAYS).toHaveLength(33 + 8);
    expect(datesOf(DEFAULT_HOLIDAYS)).toEqual([...datesOf(DEFAULT_HOLIDAYS)].sort());
  });

  it('names the holiday each substitute day replaces', () => {
    const sep2028 = DEFAULT_HOLIDAYS.find((h) => h.date === '2028-09-04');
    expect(weekday('2028-09-02')).toBe('Sat');
    expect(sep2028?.name).toBe('Substitute day off for National Day (Quốc khánh, 2/9) (Nghỉ bù)');
  });
});
