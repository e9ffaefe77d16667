import { type PostedForm, textOf } from '../admin-rules/admin-form.js';

/**
 * An amount of đồng as an agent types it: "1500000", "1.500.000" (Vietnamese grouping), "1,500,000" or
 * "1 500 000". Anything else (decimals, letters) comes back as the text itself, so the DTO's integer check
 * names the field.
 */
export function vndOf(typed: string): number | string | undefined {
  const trimmed = typed.trim();
  if (trimmed === '') return undefined;
  if (/^\d{1,3}([., ]\d{3})+$/.test(trimmed) || /^\d+$/.test(trimmed)) {
    return Number(trimmed.replace(/[., ]/g, ''));
  }
  return trimmed;
}

/** Links one per line (or separated by spaces or commas), without blanks. */
export function linksOf(typed: string): string[] {
  return typed
    .split(/[\s,]+/)
    .map((link) => link.trim())
    .filter(Boolean);
}

/** The version a form was drawn from; missing or garbled becomes NaN so the DTO refuses it. */
export function versionOf(form: PostedForm): number {
  const typed = textOf(form, 'version');
  return /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
}

/** The propose-compensation form, shaped like ProposeCompensationDto. */
export function compensationToPropose(form: PostedForm) {
  const links = linksOf(textOf(form, 'evidenceLinks'));
  return {
    reasonCode: textOf(form, 'reasonCode'),
    explanation: textOf(form, 'explanation'),
    amountVnd: vndOf(textOf(form, 'amountVnd')),
    ...(links.length ? { evidenceLinks: links } : {}),
  };
}

/** The report-a-transaction form, shaped like OpenTransactionCaseDto (a blank booking reference: the ticket's). */
export function transactionCaseToOpen(form: PostedForm) {
  const bookingReference = textOf(form, 'bookingReference');
  const description = textOf(form, 'description');
  return {
    kind: textOf(form, 'kind'),
    ...(bookingReference ? { bookingReference } : {}),
    ...(description ? { description } : {}),
  };
}

/** A date typed as YYYY-MM-DD, or the fallback when the field is blank or garbled. */
export function dayOf(typed: unknown, fallback: string): string {
  return typeof typed === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(typed) ? typed : fallback;
}
