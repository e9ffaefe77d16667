import {
  decisionRefusal,
  formatVnd,
  paymentRefusal,
  reportPeriod,
  summarisePaid,
  withdrawalRefusal,
  type ReportPeriod,
} from './compensation.rules.js';

const LIMIT = 5_000_000;
const proposal = { state: 'proposed', proposedById: 'agent-1', amountVnd: 1_500_000 } as const;
const supervisor = { id: 'supervisor-1', role: 'supervisor' } as const;
const admin = { id: 'admin-1', role: 'admin' } as const;

describe('decisionRefusal', () => {
  it('lets a supervisor other than the proposer approve up to the limit, the limit included', () => {
    expect(decisionRefusal(proposal, supervisor, 'approve', LIMIT)).toBeNull();
    expect(decisionRefusal({ ...proposal, amountVnd: LIMIT }, supervisor, 'approve', LIMIT)).toBeNull();
  });

  it('sends approvals above the limit to an admin, but lets supervisors reject them', () => {
    const large = { ...proposal, amountVnd: LIMIT + 1 };
    expect(decisionRefusal(large, supervisor, 'approve', LIMIT)).toEqual({
      kind: 'forbidden',
      reason: 'Supervisors approve compensation up to 5000000 VND; an admin must approve this one',
    });
    expect(decisionRefusal(large, admin, 'approve', LIMIT)).toBeNull();
    expect(decisionRefusal(large, supervisor, 'reject', LIMIT)).toBeNull();
  });

  it('never lets the proposer decide, whatever their role', () => {
    for (const decider of [supervisor, admin]) {
      for (const decision of ['approve', 'reject'] as const) {
        expect(
          decisionRefusal({ ...proposal, proposedById: decider.id }, decider, decision, LIMIT)?.reason,
        ).toMatch(/^You proposed this compensation/);
      }
    }
  });

  it('refuses agents and anything already decided', () => {
    expect(decisionRefusal(proposal, { id: 'agent-2', role: 'agent' }, 'approve', LIMIT)?.kind).toBe(
      'forbidden',
    );
    for (const state of ['approved', 'rejected', 'paid', 'withdrawn'] as const) {
      expect(decisionRefusal({ ...proposal, state }, admin, 'reject', LIMIT)).toEqual({
        kind: 'conflict',
        reason: `This compensation is already ${state}`,
      });
    }
  });
});

describe('paymentRefusal and withdrawalRefusal', () => {
  it('pays only what was approved', () => {
    expect(paymentRefusal('approved')).toBeNull();
    expect(paymentRefusal('proposed')?.kind).toBe('conflict');
    expect(paymentRefusal('paid')?.kind).toBe('conflict');
  });

  it('lets only the proposer withdraw, and only before a decision', () => {
    expect(withdrawalRefusal(proposal, 'agent-1')).toBeNull();
    expect(withdrawalRefusal(proposal, 'agent-2')?.kind).toBe('forbidden');
    expect(withdrawalRefusal({ ...proposal, state: 'approved' }, 'agent-1')?.kind).toBe('conflict');
  });
});

describe('reportPeriod', () => {
  const zone = 'Asia/Ho_Chi_Minh';

  it("cuts the period into the desk's calendar months, both days included", () => {
    const period = reportPeriod('2026-01-15', '2026-03-10', zone) as ReportPeriod;
    expect(period.start.toISOString()).toBe('2026-01-14T17:00:00.000Z');
    expect(period.end.toISOString()).toBe('2026-03-10T17:00:00.000Z');
    expect(period.months.map(({ month, end }) => [month, end.toISOString()])).toEqual([
      ['2026-01', '2026-01-31T17:00:00.000Z'],
      ['2026-02', '2026-02-28T17:00:00.000Z'],
      ['2026-03', '2026-03-10T17:00:00.000Z'],
    ]);
  });

  it('is one month for a single day', () => {
    const period = reportPeriod('2026-12-31', '2026-12-31', zone) as ReportPeriod;
    expect(period.months.map(({ month }) => month)).toEqual(['2026-12']);
    expect(period.end.getTime() - period.start.getTime()).toBe(86_400_000);
  });

  it('names the field at fault', () => {
    expect(reportPeriod('2026-02-30', '2026-03-01', zone)).toMatchObject({ field: 'from' });
    expect(reportPeriod('2026-03-01', '2026-13-01', zone)).toMatchObject({ field: 'to' });
    expect(reportPeriod('2026-03-02', '2026-03-01', zone)).toEqual({
      field: 'to',
      reason: 'to must not be before from',
    });
    expect(reportPeriod('2026-01-01', '2027-12-31', zone)).not.toHaveProperty('field');
    expect(reportPeriod('2026-01-01', '2028-01-01', zone)).toEqual({
      field: 'to',
      reason: 'to must be within 24 months of from',
    });
  });
});

describe('summarisePaid', () => {
  it('totals by reason and by month, listing the empty ones as zero', () => {
    const summary = summarisePaid(
      [
        { reasonCode: 'double_charge', month: '2026-01', count: 2, totalVnd: 3_000_000 },
        { reasonCode: 'double_charge', month: '2026-02', count: 1, totalVnd: 500_000 },
        { reasonCode: 'delay', month: '2026-02', count: 1, totalVnd: 200_000 },
      ],
      ['2026-01', '2026-02', '2026-03'],
    );
    expect(summary).toMatchObject({ count: 4, totalVnd: 3_700_000 });
    expect(summary.byReason).toEqual([
      { reasonCode: 'double_charge', count: 3, totalVnd: 3_500_000 },
      { reasonCode: 'service_failure', count: 0, totalVnd: 0 },
      { reasonCode: 'delay', count: 1, totalVnd: 200_000 },
      { reasonCode: 'goodwill', count: 0, totalVnd: 0 },
      { reasonCode: 'other', count: 0, totalVnd: 0 },
    ]);
    expect(summary.byMonth).toEqual([
      { month: '2026-01', count: 2, totalVnd: 3_000_000 },
      { month: '2026-02', count: 2, totalVnd: 700_000 },
      { month: '2026-03', count: 0, totalVnd: 0 },
    ]);
  });
});

describe('formatVnd', () => {
  it('writes amounts as each language reads them', () => {
    expect(formatVnd(1_500_000, 'vi')).toBe('1.500.000 ₫');
    expect(formatVnd(1_500_000, 'en')).toBe('VND 1,500,000');
  });
});
