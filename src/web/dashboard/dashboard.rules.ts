import { DateTime } from 'luxon';
import { type ReportedClock, summarizeTarget, type TargetSummary } from '../../sla/sla-report.rules.js';

/** The periods a supervisor can chart, in days. */
export const DASHBOARD_PERIODS = [7, 30, 90] as const;
export type DashboardPeriod = (typeof DASHBOARD_PERIODS)[number];
export const DEFAULT_PERIOD: DashboardPeriod = 30;

/** How far ahead a running SLA target counts as about to breach. */
export const AT_RISK_HOURS = 24;

/** Ages of open tickets, in calendar days since they were created. */
export const BACKLOG_AGE_BANDS = [
  'underOneDay',
  'oneToThreeDays',
  'threeToSevenDays',
  'overSevenDays',
] as const;
export type BacklogAgeBand = (typeof BACKLOG_AGE_BANDS)[number];

export interface AgeBandCutoffs {
  oneDayAgo: Date;
  threeDaysAgo: Date;
  sevenDaysAgo: Date;
}

const DAY_MS = 86_400_000;

/** The creation times that separate the age bands at `now`. */
export function ageBandCutoffs(now: Date): AgeBandCutoffs {
  const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return { oneDayAgo: ago(1), threeDaysAgo: ago(3), sevenDaysAgo: ago(7) };
}

export interface ChartBucket {
  start: Date;
  end: Date;
  /** The bucket's first day as the viewer reads it, e.g. 27/11. */
  label: string;
}

/** Days (weeks, beyond a month) of the period up to and including today in the viewer's zone, oldest first. */
export function chartBuckets(now: Date, timeZone: string, period: DashboardPeriod): ChartBucket[] {
  const weekly = isWeekly(period);
  const count = weekly ? Math.ceil(period / 7) : period;
  const step = (amount: number) => (weekly ? { weeks: amount } : { days: amount });
  const current = DateTime.fromJSDate(now, { zone: timeZone }).startOf(weekly ? 'week' : 'day');
  return Array.from({ length: count }, (_, index) => {
    const start = current.minus(step(count - 1 - index));
    return { start: start.toJSDate(), end: start.plus(step(1)).toJSDate(), label: start.toFormat('dd/MM') };
  });
}

export function isWeekly(period: DashboardPeriod): boolean {
  return period > 31;
}

/** A met SLA target as the chart reads it. */
export type MetClock = ReportedClock & { metAt: Date };

export interface ResponseTimes {
  label: string;
  firstResponse: TargetSummary;
  resolution: TargetSummary;
}

/** First-response and resolution times of the targets met within each bucket. */
export function responseTimesByBucket(buckets: ChartBucket[], clocks: MetClock[]): ResponseTimes[] {
  return buckets.map((bucket) => {
    const met = clocks.filter((clock) => clock.metAt >= bucket.start && clock.metAt < bucket.end);
    const of = (target: string) => summarizeTarget(met.filter((clock) => clock.target === target));
    return { label: bucket.label, firstResponse: of('first_response'), resolution: of('resolution') };
  });
}

/** Business minutes as hours with at most one decimal, in the reader's number style. */
export function businessHours(minutes: number, language: 'vi' | 'en'): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(minutes / 60);
}
