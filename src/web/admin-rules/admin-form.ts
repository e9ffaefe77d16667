import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { type FieldReason, toFieldReasons } from '../../common/errors/validation.js';

/** What a save gave: the record's id, or what to show next to the fields (and a problem for the whole form). */
export type SaveOutcome =
  { saved: true; id: string } | { saved: false; problems: Record<string, string>; alert: string | null };

/** A posted urlencoded form: repeated fields arrive as arrays (body parser with `extended: false`). */
export type PostedForm = Record<string, string | string[] | undefined>;

/** The trimmed text of a field (the first one when it was posted twice). */
export function textOf(form: PostedForm, name: string): string {
  const value = form[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

/** Every value of a field that may be repeated (checkboxes), without blanks. */
export function listOf(form: PostedForm, name: string): string[] {
  const value = form[name];
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map((item) => item.trim()).filter(Boolean);
}

export function isChecked(form: PostedForm, name: string): boolean {
  return textOf(form, name) !== '';
}

/** "a, b ,c" → ["a", "b", "c"]. */
export function commaList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A number typed into a form; blank stays undefined and anything else unparsable becomes NaN for the checks. */
export function numberOf(text: string): number | undefined {
  return text === '' ? undefined : Number(text);
}

/**
 * The first reason for each place on the page, from the {field, reason} pairs of a DTO or a service: `place`
 * turns a field path (`conditions.2.value`) into the form field it came from.
 */
export function problemsByPlace(
  problems: FieldReason[],
  place: (field: string) => string,
): Record<string, string> {
  const byPlace: Record<string, string> = {};
  for (const { field, reason } of problems) byPlace[place(field)] ??= reason;
  return byPlace;
}

/** Everything a class-validator DTO finds wrong with a body built from a form, as {field, reason}. */
export async function dtoProblems<T extends object>(dto: new () => T, body: object): Promise<FieldReason[]> {
  return toFieldReasons(
    await validate(plainToInstance(dto, body), { whitelist: true, forbidNonWhitelisted: true }),
  );
}
