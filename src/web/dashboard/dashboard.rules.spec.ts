import type { MetClock } from './dashboard.rules.js';
import { ageBandCutoffs, businessHours, chartBuckets, responseTimesByBucket } from './dashboard.rules.js';

const hanoi = (local: string) => new Date(`${local}+07:00`);

describe('dashboard rules', () => {
  it('separates the backlog age bands 1, 3 and 7 days before now', () => {
    expect(ageBandCutoffs(new Date('2026-12-03T03:00:00Z'))).toEqual({
      oneDayAgo: new Date('2026-12-02T03:00:00Z'),
      threeDaysAgo: new Date('2026-11-30T03:00:00Z'),
      sevenDaysAgo: new Date('2026-11-26T03:00:00Z'),
    });
  });

  it('charts the last days up to today in the viewer’s zone', () => {
    // 06:30 on 3 December in Hà Nội is still 2 December in UTC.
    const buckets = chartBuckets(hanoi('2026-12-03T06:30:00'), 'Asia/Ho_Chi_Minh', 7);
    expect(buckets.map((bucket) => bucket.label)).toEqual([
      '27/11',
      '28/11',
      '29/11',
      '30/11',
      '01/12',
      '02/12',
      '03/12',
    ]);
    expect(buckets[0].start).toEqual(hanoi('2026-11-27T00:00:00'));
    expect(buckets[6].end).toEqual(hanoi('2026-12-04T00:00:00'));
    expect(chartBuckets(hanoi('2026-12-03T06:30:00'), 'Asia/Ho_Chi_Minh', 30)).toHaveLength(30);
  });

  it('charts 90 days week by week, Monday to Monday', () => {
    const buckets = chartBuckets(hanoi('2026-12-03T06:30:00'), 'Asia/Ho_Chi_Minh', 90);
    expect(buckets).toHaveLength(13);
    expect(buckets[12]).toEqual({
      start: hanoi('2026-11-30T00:00:00'),
      end: hanoi('2026-12-07T00:00:00'),
      label: '30/11',
    });
    expect(buckets[0].label).toBe('07/09');
  });

  it('takes the median of the targets met in each bucket', () => {
    const buckets = chartBuckets(hanoi('2026-12-03T10:00:00'), 'Asia/Ho_Chi_Minh', 7);
    const met = (target: string, local: string, tookMinutes: number): MetClock => ({
      group: 'q',
      target,
      tookMinutes,
      withinTarget: true,
      breached: false,
      metAt: hanoi(local),
    });
    const times = responseTimesByBucket(buckets, [
      met('first_response', '2026-12-01T09:00:00', 60),
      met('first_response', '2026-12-01T23:59:00', 180),
      met('first_response', '2026-12-01T12:00:00', 120),
      met('resolution', '2026-12-02T00:00:00', 2400),
      met('next_response', '2026-12-02T10:00:00', 5),
      met('first_response', '2026-11-26T23:59:00', 1),
    ]);
    expect(times.map((entry) => entry.firstResponse.medianBusinessMinutes)).toEqual([
      null,
      null,
      null,
      null,
      120,
      null,
      null,
    ]);
    expect(times[4].firstResponse.measured).toBe(3);
    expect(times[5].resolution).toMatchObject({ measured: 1, medianBusinessMinutes: 2400 });
  });

  it('shows business minutes as hours in the reader’s number style', () => {
    expect(businessHours(90, 'vi')).toBe('1,5');
    expect(businessHours(90, 'en')).toBe('1.5');
    expect(businessHours(2400, 'vi')).toBe('40');
  });
});
