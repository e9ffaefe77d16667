import { DateTime } from 'luxon';
import { hasRole, type Role } from '../auth/role.js';
import type { FieldReason } from '../common/errors/validation.js';
import type { Language } from '../tickets/ticket.entity.js';

/** Departure dates are calendar dates where the tours run; the policy counts days there, wherever the customer is. */
export const DEPARTURE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export const MAX_BAND_DAYS = 3650;

/** "Cancelled at least fromDays (and at most toDays, or more when null) days before departure → percentKept % kept." */
export interface PenaltyBand {
  fromDays: number;
  toDays: number | null;
  percentKept: number;
}

export interface PenaltyTerms {
  bands: PenaltyBand[];
  /** Kept when the cancellation comes after the departure date (the customer did not show up). */
  noShowPercentKept: number;
}

export type AppliedBand = PenaltyBand | 'no_show';

export const DECISIONS = ['accept', 'reduce', 'waive', 'refuse'] as const;
export type Decision = (typeof DECISIONS)[number];
export const CANCELLATION_STATES = ['quoted', 'accepted', 'reduced', 'waived', 'refused'] as const;
export type CancellationState = (typeof CANCELLATION_STATES)[number];
export type DecidedState = Exclude<CancellationState, 'quoted'>;

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real day written YYYY-MM-DD (2026-02-30 is not one). */
export function isCalendarDate(text: unknown): text is string {
  return typeof text === 'string' && CALENDAR_DATE.test(text) && DateTime.fromISO(text).isValid;
}

/**
 * Whole calendar days from the day of the request to the departure date, both read in `timeZone`: 0 on the
 * departure day itself, negative after it. The hour of the request does not matter, only its date there.
 */
export function daysBeforeDeparture(
  requestedAt: Date,
  departureDate: string,
  timeZone = DEPARTURE_TIME_ZONE,
): number {
  return dayNumber(departureDate) - dayNumber(calendarDateOf(requestedAt, timeZone));
}

/** The calendar date (YYYY-MM-DD) an instant falls on in `timeZone`. */
export function calendarDateOf(at: Date, timeZone = DEPARTURE_TIME_ZONE): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate()!;
}

function dayNumber(calendarDate: string): number {
  const [year, month, day] = calendarDate.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

/** The bands furthest from departure first, the way the policy reads them. */
export function sortedBands(bands: PenaltyBand[]): PenaltyBand[] {
  return [...bands].sort((a, b) => b.fromDays - a.fromDays);
}

/**
 * What is wrong with a set of bands, with the field (`bands.2.fromDays`, as submitted) and the reason. The
 * bands must cover every day count from 0 up exactly once: they start at 0, each starts the day after the
 * previous one ends, and only the furthest is open-ended.
 */
export function bandProblems(bands: PenaltyBand[]): FieldReason[] {
  if (bands.length === 0) return [{ field: 'bands', reason: 'bands must list at least one band' }];
  const problems: FieldReason[] = [];
  bands.forEach((band, index) => {
    if (band.toDays !== null && band.toDays < band.fromDays)
      problems.push({
        field: `bands.${index}.toDays`,
        reason: `toDays (${band.toDays}) must not be less than fromDays (${band.fromDays})`,
      });
  });
  if (problems.length > 0) return problems;
  const order = bands
    .map((band, index) => ({ band, index }))
    .sort((a, b) => a.band.fromDays - b.band.fromDays);
  if (order[0].band.fromDays !== 0)
    problems.push({
      field: `bands.${order[0].index}.fromDays`,
      reason: `the bands must start at 0 days; days 0–${order[0].band.fromDays - 1} are not covered`,
    });
  order.forEach(({ band, index }, position) => {
    const next = order[position + 1];
    if (!next) {
      if (band.toDays !== null)
        problems.push({
          field: `bands.${index}.toDays`,
          reason: `the furthest band must be open-ended (toDays null); days after ${band.toDays} are not covered`,
        });
      return;
    }
    const field = `bands.${next.index}.fromDays`;
    if (band.toDays === null) {
      problems.push({
        field,
        reason: `overlaps bands.${index}, which already covers ${band.fromDays} days and more`,
      });
    } else if (next.band.fromDays <= band.toDays) {
      problems.push({
        field,
        reason: `overlaps bands.${index}: days ${next.band.fromDays}–${band.toDays} are in both`,
      });
    } else if (next.band.fromDays > band.toDays + 1) {
      const gap = [band.toDays + 1, next.band.fromDays - 1];
      problems.push({
        field,
        reason: `gap after bands.${index}: ${gap[0] === gap[1] ? `day ${gap[0]} is` : `days ${gap[0]}–${gap[1]} are`} not covered`,
      });
    }
  });
  return problems;
}

/** The share kept for a cancellation `days` before departure; after departure the no-show share. */
export function penaltyFor(terms: PenaltyTerms, days: number): { percentKept: number; band: AppliedBand } {
  if (days < 0) return { percentKept: terms.noShowPercentKept, band: 'no_show' };
  const band = terms.bands.find(
    (candidate) => candidate.fromDays <= days && (candidate.toDays === null || days <= candidate.toDays),
  );
  if (!band) throw new RangeError(`the terms do not cover ${days} days`);
  return { percentKept: band.percentKept, band };
}

/**
 * The penalty is the price times the percentage, rounded down to the whole đồng: the customer is never
 * charged more than the stated share. The refund is the rest, so the two always add up to the price.
 */
export function penaltyAmounts(
  priceVnd: number,
  percentKept: number,
): { penaltyAmountVnd: number; refundAmountVnd: number } {
  // BigInt: price × percent passes 2^53 for prices above ~90 trillion đồng.
  const penaltyAmountVnd = Number((BigInt(priceVnd) * BigInt(percentKept)) / 100n);
  return { penaltyAmountVnd, refundAmountVnd: priceVnd - penaltyAmountVnd };
}

export interface DecisionInput {
  decision: Decision;
  penaltyAmountVnd?: number;
  reason?: string;
}

export type DecisionOutcome =
  | {
      allowed: true;
      state: DecidedState;
      penaltyAmountVnd: number | null;
      refundAmountVnd: number | null;
    }
  | { allowed: false; kind: 'forbidden' | 'invalid'; reason: string }
  | { allowed: false; kind: 'invalid_input'; errors: FieldReason[] };

const STATE_OF: Record<Decision, DecidedState> = {
  accept: 'accepted',
  reduce: 'reduced',
  waive: 'waived',
  refuse: 'refused',
};

/**
 * What a decision on a quote comes to. Accepting charges the quoted penalty; reducing (to a smaller amount)
 * or waiving it takes a supervisor; refusing keeps the booking, so nothing is charged or refunded. Every
 * decision but accepting needs a reason, which the customer reads in the letter.
 */
export function decideCancellation(
  quote: { priceVnd: number; penaltyAmountVnd: number },
  input: DecisionInput,
  role: Role,
): DecisionOutcome {
  const lowers = input.decision === 'reduce' || input.decision === 'waive';
  if (lowers && !hasRole(role, 'supervisor'))
    return { allowed: false, kind: 'forbidden', reason: 'Only a supervisor may reduce or waive a penalty' };
  const errors: FieldReason[] = [];
  if (input.decision !== 'accept' && !input.reason?.trim())
    errors.push({ field: 'reason', reason: `reason is required to ${input.decision}` });
  if (input.decision === 'reduce') {
    if (input.penaltyAmountVnd === undefined)
      errors.push({ field: 'penaltyAmountVnd', reason: 'penaltyAmountVnd is required to reduce' });
    else if (input.penaltyAmountVnd <= 0 || input.penaltyAmountVnd >= quote.penaltyAmountVnd)
      errors.push({
        field: 'penaltyAmountVnd',
        reason: `penaltyAmountVnd must be more than 0 and less than the quoted ${quote.penaltyAmountVnd} (to charge nothing, waive)`,
      });
  } else if (input.penaltyAmountVnd !== undefined) {
    errors.push({
      field: 'penaltyAmountVnd',
      reason: `penaltyAmountVnd must be left out to ${input.decision}`,
    });
  }
  if (errors.length > 0) return { allowed: false, kind: 'invalid_input', errors };
  if (lowers && quote.penaltyAmountVnd === 0)
    return { allowed: false, kind: 'invalid', reason: 'The quoted penalty is 0; there is nothing to lower' };
  const state = STATE_OF[input.decision];
  switch (input.decision) {
    case 'refuse':
      return { allowed: true, state, penaltyAmountVnd: null, refundAmountVnd: null };
    case 'accept':
    case 'reduce':
    case 'waive': {
      const penalty =
        input.decision === 'accept'
          ? quote.penaltyAmountVnd
          : input.decision === 'waive'
            ? 0
            : input.penaltyAmountVnd!;
      return { allowed: true, state, penaltyAmountVnd: penalty, refundAmountVnd: quote.priceVnd - penalty };
    }
  }
}

/** An amount as the customer reads it: "1.250.000 đ" in Vietnamese, "1,250,000 VND" in English. */
export function formatVnd(amount: number, language: Language): string {
  const digits = String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, language === 'vi' ? '.' : ',');
  return language === 'vi' ? `${digits} đ` : `${digits} VND`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A calendar date as the customer reads it: 15/07/2026 in Vietnamese, 15 July 2026 (never month-first) in English. */
export function formatCalendarDate(calendarDate: string, language: Language): string {
  const [year, month, day] = calendarDate.split('-');
  return language === 'vi'
    ? `${day}/${month}/${year}`
    : `${Number(day)} ${MONTHS[Number(month) - 1]} ${year}`;
}

/** When the cancellation came, in the letter's words. */
export function timingText(days: number, language: Language): string {
  if (language === 'vi') {
    if (days < 0) return 'sau ngày khởi hành (không tham gia dịch vụ)';
    if (days === 0) return 'ngay trong ngày khởi hành';
    return `${days} ngày trước ngày khởi hành`;
  }
  if (days < 0) return 'after the departure date (no-show)';
  if (days === 0) return 'on the day of departure';
  return `${days} ${days === 1 ? 'day' : 'days'} before departure`;
}
