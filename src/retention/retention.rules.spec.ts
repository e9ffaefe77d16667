import { isDue, lastActivity, retentionCutoff } from './retention.rules.js';

describe('retentionCutoff', () => {
  it('is the same moment twelve months earlier', () => {
    expect(retentionCutoff(new Date('2026-12-04T19:30:00.000Z'), 12)).toEqual(
      new Date('2025-12-04T19:30:00.000Z'),
    );
  });

  it('clamps to the end of a shorter month, leap years included', () => {
    expect(retentionCutoff(new Date('2026-03-31T10:00:00.000Z'), 1)).toEqual(
      new Date('2026-02-28T10:00:00.000Z'),
    );
    expect(retentionCutoff(new Date('2025-02-28T10:00:00.000Z'), 12)).toEqual(
      new Date('2024-02-28T10:00:00.000Z'),
    );
    expect(retentionCutoff(new Date('2029-02-28T00:00:00.000Z'), 12)).toEqual(
      new Date('2028-02-28T00:00:00.000Z'),
    );
    expect(retentionCutoff(new Date('2028-03-31T00:00:00.000Z'), 1)).toEqual(
      new Date('2028-02-29T00:00:00.000Z'),
    );
  });

  it('crosses year boundaries for any number of months', () => {
    expect(retentionCutoff(new Date('2026-01-15T00:00:00.000Z'), 18)).toEqual(
      new Date('2024-07-15T00:00:00.000Z'),
    );
  });
});

describe('lastActivity and isDue', () => {
  const cutoff = new Date('2025-12-04T00:00:00.000Z');

  it('takes the latest of the customer record and their tickets', () => {
    const record = new Date('2025-01-01T00:00:00.000Z');
    const ticket = new Date('2025-12-04T00:00:00.001Z');
    expect(lastActivity(record, [null, new Date('2025-06-01T00:00:00.000Z'), ticket])).toEqual(ticket);
    expect(lastActivity(record, [])).toEqual(record);
  });

  it('is due strictly before the cut-off', () => {
    expect(isDue(new Date('2025-12-03T23:59:59.999Z'), cutoff)).toBe(true);
    expect(isDue(cutoff, cutoff)).toBe(false);
  });
});
