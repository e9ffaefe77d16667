import {
  compensationToPropose,
  dayOf,
  linksOf,
  transactionCaseToOpen,
  versionOf,
  vndOf,
} from './policy-forms.js';

describe('policy forms', () => {
  it('reads đồng typed with Vietnamese, English or spaced grouping, and leaves anything else for the check', () => {
    expect(vndOf('1500000')).toBe(1_500_000);
    expect(vndOf(' 1.500.000 ')).toBe(1_500_000);
    expect(vndOf('1,500,000')).toBe(1_500_000);
    expect(vndOf('1 500 000')).toBe(1_500_000);
    expect(vndOf('')).toBeUndefined();
    expect(vndOf('1500000.5')).toBe('1500000.5');
    expect(vndOf('1.50.000')).toBe('1.50.000');
    expect(vndOf('một triệu')).toBe('một triệu');
    expect(vndOf('-5')).toBe('-5');
  });

  it('takes evidence links one per line, by spaces or commas', () => {
    expect(linksOf('https://a.example/1\r\n\r\nhttps://b.example/2, https://c.example/3 ')).toEqual([
      'https://a.example/1',
      'https://b.example/2',
      'https://c.example/3',
    ]);
    expect(linksOf('  ')).toEqual([]);
  });

  it('shapes the propose form like the API body, leaving out links when none are given', () => {
    expect(
      compensationToPropose({
        reasonCode: 'double_charge',
        explanation: ' Trừ tiền hai lần ',
        amountVnd: '2.000.000',
        evidenceLinks: '',
      }),
    ).toEqual({ reasonCode: 'double_charge', explanation: 'Trừ tiền hai lần', amountVnd: 2_000_000 });
  });

  it("leaves a blank booking reference out, so the ticket's own is used", () => {
    expect(transactionCaseToOpen({ kind: 'fraud_report', bookingReference: ' ', description: '' })).toEqual({
      kind: 'fraud_report',
    });
    expect(transactionCaseToOpen({ kind: 'payment_incident', bookingReference: 'OTV-1' })).toEqual({
      kind: 'payment_incident',
      bookingReference: 'OTV-1',
    });
  });

  it('refuses a garbled version rather than guessing one', () => {
    expect(versionOf({ version: '3' })).toBe(3);
    expect(versionOf({ version: '3x' })).toBeNaN();
    expect(versionOf({})).toBeNaN();
  });

  it('keeps a well-formed day and falls back otherwise', () => {
    expect(dayOf('2026-03-01', '2026-01-01')).toBe('2026-03-01');
    expect(dayOf('01/03/2026', '2026-01-01')).toBe('2026-01-01');
    expect(dayOf(['2026-03-01'], '2026-01-01')).toBe('2026-01-01');
  });
});
