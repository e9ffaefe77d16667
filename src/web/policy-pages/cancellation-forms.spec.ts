import {
  bandRowsOf,
  cancellationDecision,
  cancellationToQuote,
  instantOf,
  termsToSave,
  wholeOf,
} from './cancellation-forms.js';

describe('cancellation forms', () => {
  it("reads a typed moment in the agent's zone, and leaves garbled text for the check", () => {
    expect(instantOf('2026-07-01T09:30', 'Asia/Ho_Chi_Minh')).toBe('2026-07-01T09:30:00+07:00');
    expect(instantOf('2026-07-01T09:30', 'Europe/Paris')).toBe('2026-07-01T09:30:00+02:00');
    expect(instantOf('', 'Asia/Ho_Chi_Minh')).toBeUndefined();
    expect(instantOf('01/07/2026 09:30', 'Asia/Ho_Chi_Minh')).toBe('01/07/2026 09:30');
    expect(instantOf('2026-02-30T09:30', 'Asia/Ho_Chi_Minh')).toBe('2026-02-30T09:30');
  });

  it('reads whole numbers only', () => {
    expect(wholeOf('15')).toBe(15);
    expect(wholeOf('')).toBeUndefined();
    expect(wholeOf('1.5')).toBe('1.5');
    expect(wholeOf('-1')).toBe('-1');
  });

  it('shapes the quote form like the API body, reading the price with any grouping', () => {
    for (const typed of ['1500000', '1.500.000', '1,500,000']) {
      expect(
        cancellationToQuote(
          { productType: 'day_tour', departureDate: '2026-08-15', priceVnd: typed, bookingReference: ' ' },
          'Asia/Ho_Chi_Minh',
        ),
      ).toEqual({ productType: 'day_tour', departureDate: '2026-08-15', priceVnd: 1_500_000 });
    }
    expect(
      cancellationToQuote(
        {
          productType: 'cruise',
          departureDate: '2026-08-15',
          priceVnd: '2000000',
          bookingReference: 'OTV-9',
          requestedAt: '2026-06-30T20:00',
        },
        'Asia/Ho_Chi_Minh',
      ),
    ).toEqual({
      productType: 'cruise',
      departureDate: '2026-08-15',
      priceVnd: 2_000_000,
      bookingReference: 'OTV-9',
      requestedAt: '2026-06-30T20:00:00+07:00',
    });
  });

  it('takes the reduced amount only when reducing, and leaves a blank reason out', () => {
    expect(
      cancellationDecision({ decision: 'reduce', penaltyAmountVnd: '1.000.000', reason: 'Ốm' }, 2),
    ).toEqual({ version: 2, decision: 'reduce', penaltyAmountVnd: 1_000_000, reason: 'Ốm' });
    expect(cancellationDecision({ decision: 'accept', penaltyAmountVnd: '5', reason: ' ' }, 2)).toEqual({
      version: 2,
      decision: 'accept',
    });
  });

  it('reads one band per row, skipping blank rows and keeping the typed text in line', () => {
    const form = {
      fromDays: ['30', '', '0', ''],
      toDays: ['', '', '29', ''],
      percentKept: ['0', '', '1x', ''],
    };
    expect(bandRowsOf(form)).toEqual([
      { fromDays: '30', toDays: '', percentKept: '0' },
      { fromDays: '0', toDays: '29', percentKept: '1x' },
    ]);
    expect(bandRowsOf({ fromDays: '0', toDays: '', percentKept: '100' })).toEqual([
      { fromDays: '0', toDays: '', percentKept: '100' },
    ]);
  });

  it('shapes the terms form like the API body: a blank "to" is open-ended, no version for a new type', () => {
    expect(
      termsToSave({
        version: '3',
        nameVi: ' Tour trong ngày ',
        nameEn: 'Day tour',
        fromDays: ['7', '0'],
        toDays: ['', '6'],
        percentKept: ['0', '100'],
        noShowPercentKept: '100',
      }),
    ).toEqual({
      version: 3,
      nameVi: 'Tour trong ngày',
      nameEn: 'Day tour',
      bands: [
        { fromDays: 7, toDays: null, percentKept: 0 },
        { fromDays: 0, toDays: 6, percentKept: 100 },
      ],
      noShowPercentKept: 100,
    });
    expect(termsToSave({ nameVi: 'A', nameEn: 'A', noShowPercentKept: '' })).toEqual({
      nameVi: 'A',
      nameEn: 'A',
      bands: [],
      noShowPercentKept: undefined,
    });
  });
});
