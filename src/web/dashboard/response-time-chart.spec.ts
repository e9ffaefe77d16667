import { niceStep, responseTimeChart } from './response-time-chart.js';

describe('response-time chart geometry', () => {
  it('scales the y axis from 0 to a round number above the largest value', () => {
    const chart = responseTimeChart(['01/12', '02/12'], [{ key: 'firstResponse', values: [3, 7.5] }]);
    expect(chart.yTicks.map((tick) => tick.text)).toEqual(['0', '2', '4', '6', '8']);
    const [low, high] = chart.lines[0].points;
    // 0 sits on the bottom of the plot, 8 on its top: 7.5 is 15/16 of the way up, 3 is 3/8.
    expect(chart.yTicks[0].y).toBe(chart.plot.bottom);
    expect(chart.yTicks[4].y).toBe(chart.plot.top);
    const height = chart.plot.bottom - chart.plot.top;
    expect(high.y).toBeCloseTo(chart.plot.bottom - (7.5 / 8) * height, 1);
    expect(low.y).toBeCloseTo(chart.plot.bottom - (3 / 8) * height, 1);
    // Two buckets: the points sit in the middle of each half.
    const width = chart.plot.right - chart.plot.left;
    expect(low.x).toBeCloseTo(chart.plot.left + width / 4, 1);
    expect(high.x).toBeCloseTo(chart.plot.left + (3 * width) / 4, 1);
    expect(chart.lines[0].segments).toEqual([`${low.x},${low.y} ${high.x},${high.y}`]);
    expect(chart.isEmpty).toBe(false);
  });

  it('draws nothing but the axes when nothing was measured', () => {
    const chart = responseTimeChart(
      ['01/12', '02/12', '03/12'],
      [
        { key: 'firstResponse', values: [null, null, null] },
        { key: 'resolution', values: [null, null, null] },
      ],
    );
    expect(chart.isEmpty).toBe(true);
    expect(chart.lines.map((line) => [line.points.length, line.segments.length])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(chart.yTicks.map((tick) => tick.text)).toEqual(['0', '1', '2', '3', '4', '5']);
    expect(chart.xLabels.map((label) => label.text)).toEqual(['01/12', '02/12', '03/12']);
  });

  it('puts a single point in the middle of the plot, below the top of the axis', () => {
    const chart = responseTimeChart(
      ['30/11'],
      [{ key: 'resolution', values: [40] }],
      (value) => `${value} h`,
    );
    const [point] = chart.lines[0].points;
    expect(point).toEqual({
      x: (chart.plot.left + chart.plot.right) / 2,
      y: chart.plot.top,
      text: '40 h',
      label: '30/11',
    });
    expect(chart.lines[0].segments).toEqual([`${point.x},${point.y}`]);
    expect(chart.yTicks.at(-1)!.text).toBe('40 h');
  });

  it('breaks the line where a bucket has no value, and labels at most ten buckets', () => {
    const labels = Array.from({ length: 30 }, (_, index) => `d${index}`);
    const values = labels.map((_, index) => (index === 10 ? null : 1));
    const chart = responseTimeChart(labels, [{ key: 'firstResponse', values }]);
    expect(chart.lines[0].points).toHaveLength(29);
    expect(chart.lines[0].segments.map((segment) => segment.split(' ').length)).toEqual([10, 19]);
    expect(chart.xLabels.map((label) => label.text)).toEqual([
      'd0',
      'd3',
      'd6',
      'd9',
      'd12',
      'd15',
      'd18',
      'd21',
      'd24',
      'd27',
    ]);
  });

  it('picks steps of 1, 2 or 5 times a power of ten', () => {
    expect(niceStep(0, 5)).toBe(1);
    expect(niceStep(0.7, 5)).toBe(0.2);
    expect(niceStep(16, 5)).toBe(5);
    expect(niceStep(40, 5)).toBe(10);
    expect(niceStep(1234, 5)).toBe(500);
  });
});
