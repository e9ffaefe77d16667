import { DateTime } from 'luxon';
import { type PostedForm, textOf } from '../admin-rules/admin-form.js';
import { vndOf } from './policy-forms.js';

/**
 * A moment typed into a datetime-local field ("2026-07-01T09:30"), read in the agent's zone, as an ISO instant
 * with its offset. Blank is undefined; anything else comes back as typed, so the DTO's ISO check names the field.
 */
export function instantOf(typed: string, timeZone: string): string | undefined {
  if (typed === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(typed)) return typed;
  const at = DateTime.fromISO(typed, { zone: timeZone });
  return at.isValid ? at.toISO({ suppressMilliseconds: true })! : typed;
}

/** A whole number typed into a form; blank is undefined and anything else stays text for the DTO to refuse. */
export function wholeOf(typed: string): number | string | undefined {
  if (typed === '') return undefined;
  return /^\d+$/.test(typed) ? Number(typed) : typed;
}

/** The quote form, shaped like CreateCancellationDto (a blank booking reference: the ticket's). */
export function cancellationToQuote(form: PostedForm, timeZone: string) {
  const bookingReference = textOf(form, 'bookingReference');
  const requestedAt = instantOf(textOf(form, 'requestedAt'), timeZone);
  return {
    productType: textOf(form, 'productType'),
    departureDate: textOf(form, 'departureDate'),
    priceVnd: vndOf(textOf(form, 'priceVnd')),
    ...(bookingReference ? { bookingReference } : {}),
    ...(requestedAt !== undefined ? { requestedAt } : {}),
  };
}

/** The decision form, shaped like DecideCancellationDto: the button pressed names the decision. */
export function cancellationDecision(form: PostedForm, version: number) {
  const reason = textOf(form, 'reason');
  const decision = textOf(form, 'decision');
  // The reduced amount is asked only when reducing; the field may be on the form with something typed anyway.
  const penaltyAmountVnd = decision === 'reduce' ? vndOf(textOf(form, 'penaltyAmountVnd')) : undefined;
  return {
    version,
    decision,
    ...(penaltyAmountVnd !== undefined ? { penaltyAmountVnd } : {}),
    ...(reason ? { reason } : {}),
  };
}

/** Every value of a field posted once per row, blanks kept so rows stay aligned. */
function columnOf(form: PostedForm, name: string): string[] {
  const value = form[name];
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).map((cell) => cell.trim());
}

export interface TypedBand {
  fromDays: string;
  toDays: string;
  percentKept: string;
}

/** The band rows as typed, without the rows left wholly blank. */
export function bandRowsOf(form: PostedForm): TypedBand[] {
  const from = columnOf(form, 'fromDays');
  const to = columnOf(form, 'toDays');
  const percent = columnOf(form, 'percentKept');
  return Array.from({ length: Math.max(from.length, to.length, percent.length) }, (_, index) => ({
    fromDays: from[index] ?? '',
    toDays: to[index] ?? '',
    percentKept: percent[index] ?? '',
  })).filter((row) => row.fromDays !== '' || row.toDays !== '' || row.percentKept !== '');
}

/**
 * The terms form, shaped like SaveCancellationTermsDto: one band per row, a blank "to" is open-ended (and
 * more), the version the admin read (none for a new product type).
 */
export function termsToSave(form: PostedForm) {
  const version = textOf(form, 'version');
  return {
    ...(version ? { version: wholeOf(version) } : {}),
    nameVi: textOf(form, 'nameVi'),
    nameEn: textOf(form, 'nameEn'),
    bands: bandRowsOf(form).map((row) => ({
      fromDays: wholeOf(row.fromDays),
      toDays: row.toDays === '' ? null : wholeOf(row.toDays),
      percentKept: wholeOf(row.percentKept),
    })),
    noShowPercentKept: wholeOf(textOf(form, 'noShowPercentKept')),
  };
}
