/** One ticket's target as the report reads it: times already in business minutes. */
export interface ReportedClock {
  group: string;
  target: string;
  /** Business minutes from start to met, less the time paused; null while not met. */
  tookMinutes: number | null;
  /** Met by the due time (null while not met). */
  withinTarget: boolean | null;
  breached: boolean;
}

export interface TargetSummary {
  measured: number;
  medianBusinessMinutes: number | null;
  p90BusinessMinutes: number | null;
  /** Share of the measured ones met by their due time, 0–1. */
  withinTargetShare: number | null;
  breaches: number;
}

export const AGE_BANDS = [
  { label: 'under 1 working day', upTo: 480 },
  { label: '1–3 working days', upTo: 3 * 480 },
  { label: '3–7 working days', upTo: 7 * 480 },
  { label: 'over 7 working days', upTo: Infinity },
] as const;

/** The value below which `share` of the sorted values fall (nearest rank). */
export function percentile(sorted: number[], share: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}

export function summarizeTarget(clocks: ReportedClock[]): TargetSummary {
  const took = clocks
    .map((clock) => clock.tookMinutes)
    .filter((minutes): minutes is number => minutes !== null)
    .sort((a, b) => a - b);
  const within = clocks.filter((clock) => clock.withinTarget).length;
  const round = (value: number | null) => (value === null ? null : Math.round(value));
  return {
    measured: took.length,
    medianBusinessMinutes: round(percentile(took, 0.5)),
    p90BusinessMinutes: round(percentile(took, 0.9)),
    withinTargetShare: took.length ? Math.round((within / took.length) * 1000) / 1000 : null,
    breaches: clocks.filter((clock) => clock.breached).length,
  };
}

/** Open tickets counted per age band; ages in business minutes. */
export function ageBands(ages: number[]): Record<string, number> {
  const bands: Record<string, number> = Object.fromEntries(AGE_BANDS.map((band) => [band.label, 0]));
  for (const age of ages) bands[AGE_BANDS.find((band) => age < band.upTo)!.label] += 1;
  return bands;
}
