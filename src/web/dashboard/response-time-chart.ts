/** One line of the chart: a value per bucket, null where nothing was measured. */
export interface ChartSeries {
  key: string;
  values: (number | null)[];
}

export interface ChartPoint {
  x: number;
  y: number;
  /** The value as the reader sees it, for the point's tooltip. */
  text: string;
  /** The bucket's label. */
  label: string;
}

export interface ChartLine {
  key: string;
  /** SVG polyline `points` lists; a bucket without a value breaks the line. */
  segments: string[];
  points: ChartPoint[];
}

export interface ResponseTimeChart {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  yTicks: { y: number; text: string }[];
  xLabels: { x: number; text: string }[];
  lines: ChartLine[];
  isEmpty: boolean;
}

const WIDTH = 640;
const HEIGHT = 300;
const PLOT = { left: 64, top: 40, right: WIDTH - 16, bottom: HEIGHT - 56 };
/** Beyond this many buckets only every n-th gets a label, so they do not overlap. */
const MAX_X_LABELS = 10;
const Y_STEPS = 5;

/**
 * The geometry of a line chart over equal buckets (days or weeks): each bucket is a band with its point in
 * the middle, the y axis runs from 0 to a round number above the largest value. Numbers only: the caller
 * writes the SVG, escaping every label.
 */
export function responseTimeChart(
  labels: string[],
  series: ChartSeries[],
  formatValue: (value: number) => string = String,
): ResponseTimeChart {
  const values = series.flatMap((line) => line.values).filter((value): value is number => value !== null);
  const largest = Math.max(0, ...values);
  const step = niceStep(largest, Y_STEPS);
  const yMax = largest > 0 ? Math.ceil(largest / step) * step : step * Y_STEPS;
  const band = (PLOT.right - PLOT.left) / Math.max(1, labels.length);
  const xOf = (index: number) => round(PLOT.left + band * (index + 0.5));
  const yOf = (value: number) => round(PLOT.bottom - (value / yMax) * (PLOT.bottom - PLOT.top));
  const every = Math.ceil(labels.length / MAX_X_LABELS);

  return {
    width: WIDTH,
    height: HEIGHT,
    plot: PLOT,
    yTicks: Array.from({ length: Math.round(yMax / step) + 1 }, (_, index) => {
      const value = tidy(index * step);
      return { y: yOf(value), text: formatValue(value) };
    }),
    xLabels: labels.flatMap((text, index) => (index % every === 0 ? [{ x: xOf(index), text }] : [])),
    lines: series.map(({ key, values: own }) => {
      const points = own.map((value, index) =>
        value === null
          ? null
          : { x: xOf(index), y: yOf(value), text: formatValue(value), label: labels[index] },
      );
      return {
        key,
        segments: runsOf(points).map((run) => run.map((point) => `${point.x},${point.y}`).join(' ')),
        points: points.filter((point): point is ChartPoint => point !== null),
      };
    }),
    isEmpty: values.length === 0,
  };
}

/** The tick spacing: 1, 2 or 5 times a power of ten, so that `steps` of them reach at least `max`. */
export function niceStep(max: number, steps: number): number {
  if (!(max > 0)) return 1;
  const rough = max / steps;
  const power = 10 ** Math.floor(Math.log10(rough));
  return tidy([1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough)!);
}

/** Consecutive non-null entries. */
function runsOf<T>(entries: (T | null)[]): T[][] {
  const runs: T[][] = [[]];
  for (const entry of entries) {
    if (entry === null) runs.push([]);
    else runs[runs.length - 1].push(entry);
  }
  return runs.filter((run) => run.length > 0);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Drops binary noise such as 0.30000000000000004. */
function tidy(value: number): number {
  return Number(value.toPrecision(12));
}
