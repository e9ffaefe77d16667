import {
  bandProblems,
  daysBeforeDeparture,
  decideCancellation,
  formatCalendarDate,
  formatVnd,
  isCalendarDate,
  penaltyAmounts,
  penaltyFor,
  type PenaltyBand,
  timingText,
} from './cancellation.rules.js';

const TERMS = {
  bands: [
    { fromDays: 30, toDays: null, percentKept: 0 },
    { fromDays: 15, toDays: 29, percentKept: 20 },
    { fromDays: 7, toDays: 14, percentKept: 50 },
    { fromDays: 0, toDays: 6, percentKept: 100 },
  ],
  noShowPercentKept: 100,
};

describe('days before departure', () => {
  it('counts calendar days in Ho Chi Minh City, whatever the hour', () => {
    // 2026-07-01 00:00 and 23:59 in Vietnam are 2026-06-30 17:00 and 2026-07-01 16:59 UTC.
    expect(daysBeforeDeparture(new Date('2026-06-30T17:00:00Z'), '2026-07-31')).toBe(30);
    expect(daysBeforeDeparture(new Date('2026-07-01T16:59:59.999Z'), '2026-07-31')).toBe(30);
    expect(daysBeforeDeparture(new Date('2026-06-30T16:59:59.999Z'), '2026-07-31')).toBe(31);
  });

  it('is 0 on the departure day and negative after it', () => {
    expect(daysBeforeDeparture(new Date('2026-07-31T01:00:00Z'), '2026-07-31')).toBe(0);
    expect(daysBeforeDeparture(new Date('2026-07-31T16:59:00Z'), '2026-07-31')).toBe(0);
    expect(daysBeforeDeparture(new Date('2026-07-31T17:00:00Z'), '2026-07-31')).toBe(-1);
    expect(daysBeforeDeparture(new Date('2026-08-10T05:00:00Z'), '2026-07-31')).toBe(-10);
  });

  it('uses the date in Vietnam, not the customer’s, for a customer abroad (and their DST does not matter)', () => {
    // 8 March 2026 21:30 in Los Angeles (the night US clocks change) is already 9 March in Vietnam.
    const fromLosAngeles = new Date('2026-03-09T04:30:00Z');
    expect(daysBeforeDeparture(fromLosAngeles, '2026-03-16')).toBe(7);
    // 1 November 2026 02:00 in Sydney (daylight time, UTC+11) is still 31 October 22:00 in Vietnam.
    const fromSydney = new Date('2026-10-31T15:00:00Z');
    expect(daysBeforeDeparture(fromSydney, '2026-11-07')).toBe(7);
  });

  it('crosses month, year and leap-day boundaries', () => {
    expect(daysBeforeDeparture(new Date('2027-12-31T03:00:00Z'), '2028-03-01')).toBe(61);
    expect(daysBeforeDeparture(new Date('2026-12-31T03:00:00Z'), '2027-03-01')).toBe(60);
  });

  it('knows a calendar date from a malformed or impossible one', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    for (const bad of [
      '2026-02-30',
      '2027-02-29',
      '2026-13-01',
      '31/07/2026',
      '2026-7-31',
      '2026-07-31T00:00',
      20260731,
    ]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });
});

describe('penalty bands', () => {
  it('applies each band up to its edges, and the no-show share after departure', () => {
    const percent = (days: number) => penaltyFor(TERMS, days).percentKept;
    expect([400, 30, 29, 15, 14, 7, 6, 0].map(percent)).toEqual([0, 0, 20, 20, 50, 50, 100, 100]);
    expect(penaltyFor(TERMS, -1)).toEqual({ percentKept: 100, band: 'no_show' });
    expect(penaltyFor({ ...TERMS, noShowPercentKept: 90 }, -5).percentKept).toBe(90);
    expect(penaltyFor(TERMS, 14).band).toEqual({ fromDays: 7, toDays: 14, percentKept: 50 });
  });

  it('accepts bands that cover every day from 0 once, in any order', () => {
    expect(bandProblems(TERMS.bands)).toEqual([]);
    expect(bandProblems([...TERMS.bands].reverse())).toEqual([]);
    expect(bandProblems([{ fromDays: 0, toDays: null, percentKept: 100 }])).toEqual([]);
  });

  const band = (fromDays: number, toDays: number | null): PenaltyBand => ({
    fromDays,
    toDays,
    percentKept: 50,
  });

  it('names the band that leaves a gap', () => {
    expect(bandProblems([band(30, null), band(15, 28), band(0, 14)])).toEqual([
      { field: 'bands.0.fromDays', reason: 'gap after bands.1: day 29 is not covered' },
    ]);
    expect(bandProblems([band(0, 6), band(10, null)])).toEqual([
      { field: 'bands.1.fromDays', reason: 'gap after bands.0: days 7–9 are not covered' },
    ]);
    expect(bandProblems([band(3, null)])).toEqual([
      { field: 'bands.0.fromDays', reason: 'the bands must start at 0 days; days 0–2 are not covered' },
    ]);
    expect(bandProblems([band(0, 6), band(7, 30)])).toEqual([
      {
        field: 'bands.1.toDays',
        reason: 'the furthest band must be open-ended (toDays null); days after 30 are not covered',
      },
    ]);
  });

  it('names the band that overlaps another', () => {
    expect(bandProblems([band(30, null), band(14, 30), band(0, 13)])).toEqual([
      { field: 'bands.0.fromDays', reason: 'overlaps bands.1: days 30–30 are in both' },
    ]);
    expect(bandProblems([band(0, null), band(7, null)])).toEqual([
      { field: 'bands.1.fromDays', reason: 'overlaps bands.0, which already covers 0 days and more' },
    ]);
  });

  it('refuses an empty list and a band that ends before it starts', () => {
    expect(bandProblems([])).toEqual([{ field: 'bands', reason: 'bands must list at least one band' }]);
    expect(bandProblems([band(0, null), band(9, 3)])).toEqual([
      { field: 'bands.1.toDays', reason: 'toDays (3) must not be less than fromDays (9)' },
    ]);
  });
});

describe('penalty amounts', () => {
  it('rounds the penalty down to the whole đồng, and penalty plus refund is the price', () => {
    expect(penaltyAmounts(12_000_000, 20)).toEqual({
      penaltyAmountVnd: 2_400_000,
      refundAmountVnd: 9_600_000,
    });
    expect(penaltyAmounts(1_999, 50)).toEqual({ penaltyAmountVnd: 999, refundAmountVnd: 1_000 });
    expect(penaltyAmounts(99, 33)).toEqual({ penaltyAmountVnd: 32, refundAmountVnd: 67 });
    expect(penaltyAmounts(5_000_000, 0)).toEqual({ penaltyAmountVnd: 0, refundAmountVnd: 5_000_000 });
    expect(penaltyAmounts(5_000_000, 100)).toEqual({ penaltyAmountVnd: 5_000_000, refundAmountVnd: 0 });
  });

  it('stays exact for the largest safe price', () => {
    const price = Number.MAX_SAFE_INTEGER;
    const { penaltyAmountVnd, refundAmountVnd } = penaltyAmounts(price, 37);
    expect(penaltyAmountVnd).toBe(Number((BigInt(price) * 37n) / 100n));
    expect(BigInt(penaltyAmountVnd) + BigInt(refundAmountVnd)).toBe(BigInt(price));
  });
});

describe('decisions', () => {
  const quote = { priceVnd: 10_000_000, penaltyAmountVnd: 2_000_000 };

  it('charges the quoted penalty when accepted, by any agent, without a reason', () => {
    expect(decideCancellation(quote, { decision: 'accept' }, 'agent')).toEqual({
      allowed: true,
      state: 'accepted',
      penaltyAmountVnd: 2_000_000,
      refundAmountVnd: 8_000_000,
    });
  });

  it('lets only supervisors and admins reduce or waive', () => {
    for (const input of [
      { decision: 'reduce' as const, penaltyAmountVnd: 1_000_000, reason: 'Tour bị đổi lịch' },
      { decision: 'waive' as const, reason: 'Khách nằm viện' },
    ]) {
      expect(decideCancellation(quote, input, 'agent')).toMatchObject({ allowed: false, kind: 'forbidden' });
      expect(decideCancellation(quote, input, 'admin')).toMatchObject({ allowed: true });
    }
    expect(
      decideCancellation(quote, { decision: 'reduce', penaltyAmountVnd: 500_000, reason: 'x' }, 'supervisor'),
    ).toEqual({ allowed: true, state: 'reduced', penaltyAmountVnd: 500_000, refundAmountVnd: 9_500_000 });
    expect(decideCancellation(quote, { decision: 'waive', reason: 'x' }, 'supervisor')).toEqual({
      allowed: true,
      state: 'waived',
      penaltyAmountVnd: 0,
      refundAmountVnd: 10_000_000,
    });
  });

  it('charges and refunds nothing on a refusal, which needs a reason', () => {
    expect(decideCancellation(quote, { decision: 'refuse', reason: 'Vé đã sử dụng' }, 'agent')).toEqual({
      allowed: true,
      state: 'refused',
      penaltyAmountVnd: null,
      refundAmountVnd: null,
    });
    expect(decideCancellation(quote, { decision: 'refuse', reason: '  ' }, 'agent')).toEqual({
      allowed: false,
      kind: 'invalid_input',
      errors: [{ field: 'reason', reason: 'reason is required to refuse' }],
    });
  });

  it('needs a reduced amount strictly between nothing and the quote', () => {
    const reduce = (penaltyAmountVnd?: number) =>
      decideCancellation(quote, { decision: 'reduce', penaltyAmountVnd, reason: 'x' }, 'supervisor');
    for (const amount of [undefined, 0, 2_000_000, 3_000_000]) {
      expect(reduce(amount)).toMatchObject({
        allowed: false,
        kind: 'invalid_input',
        errors: [{ field: 'penaltyAmountVnd' }],
      });
    }
    expect(decideCancellation(quote, { decision: 'accept', penaltyAmountVnd: 5 }, 'agent')).toMatchObject({
      errors: [{ field: 'penaltyAmountVnd', reason: 'penaltyAmountVnd must be left out to accept' }],
    });
  });

  it('has nothing to waive when the quote charges nothing', () => {
    expect(
      decideCancellation(
        { priceVnd: 1_000, penaltyAmountVnd: 0 },
        { decision: 'waive', reason: 'x' },
        'admin',
      ),
    ).toMatchObject({ allowed: false, kind: 'invalid' });
  });
});

describe('letter wording', () => {
  it('writes amounts the way each language groups digits', () => {
    expect(formatVnd(12_500_000, 'vi')).toBe('12.500.000 đ');
    expect(formatVnd(12_500_000, 'en')).toBe('12,500,000 VND');
    expect(formatVnd(0, 'vi')).toBe('0 đ');
    expect(formatVnd(999, 'en')).toBe('999 VND');
  });

  it('writes dates day first in both languages', () => {
    expect(formatCalendarDate('2026-07-05', 'vi')).toBe('05/07/2026');
    expect(formatCalendarDate('2026-07-05', 'en')).toBe('5 July 2026');
  });

  it('says when the cancellation came', () => {
    expect(timingText(30, 'vi')).toBe('30 ngày trước ngày khởi hành');
    expect(timingText(0, 'vi')).toBe('ngay trong ngày khởi hành');
    expect(timingText(-2, 'vi')).toBe('sau ngày khởi hành (không tham gia dịch vụ)');
    expect(timingText(1, 'en')).toBe('1 day before departure');
    expect(timingText(0, 'en')).toBe('on the day of departure');
    expect(timingText(-1, 'en')).toBe('after the departure date (no-show)');
  });
});
