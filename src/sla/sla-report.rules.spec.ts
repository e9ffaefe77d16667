import { ageBands, percentile, summarizeTarget, type ReportedClock } from './sla-report.rules.js';

const clock = (
  tookMinutes: number | null,
  withinTarget: boolean | null,
  breached = false,
): ReportedClock => ({
  group: 'q',
  target: 'first_response',
  tookMinutes,
  withinTarget,
  breached,
});

describe('SLA report figures', () => {
  it('takes percentiles by nearest rank', () => {
    const values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(percentile(values, 0.5)).toBe(50);
    expect(percentile(values, 0.9)).toBe(90);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('summarises a target: only met clocks are measured, breaches counted whether met or not', () => {
    const summary = summarizeTarget([
      clock(30, true),
      clock(90, true),
      clock(600, false, true),
      clock(null, null, true),
      clock(null, null),
    ]);
    expect(summary).toEqual({
      measured: 3,
      medianBusinessMinutes: 90,
      p90BusinessMinutes: 600,
      withinTargetShare: 0.667,
      breaches: 2,
    });
    expect(summarizeTarget([])).toEqual({
      measured: 0,
      medianBusinessMinutes: null,
      p90BusinessMinutes: null,
      withinTargetShare: null,
      breaches: 0,
    });
  });

  it('bands open tickets by business age', () => {
    expect(ageBands([0, 479, 480, 1439, 1440, 3359, 3360, 99_999])).toEqual({
      'under 1 working day': 2,
      '1–3 working days': 2,
      '3–7 working days': 2,
      'over 7 working days': 2,
    });
  });
});
