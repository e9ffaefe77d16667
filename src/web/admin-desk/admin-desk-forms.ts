import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import type { adminDeskVi } from './admin-desk.i18n.js';

/** A posted urlencoded form: repeated fields arrive as arrays (`extended: false`). */
export type PostedForm = Record<string, string | string[] | undefined>;

type ProblemKey = keyof typeof adminDeskVi;
/** What is wrong with each field, as the words to show next to it. */
export type FieldProblems = Record<string, ProblemKey>;

/** One value of a field; the last one when a form sent it twice. */
export function text(form: PostedForm, name: string): string {
  const value = form[name];
  return Array.isArray(value) ? (value.at(-1) ?? '') : (value ?? '');
}

/** Every value of a repeated field (checkboxes), without blanks or repeats. */
export function values(form: PostedForm, name: string): string[] {
  const value = form[name];
  const all = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [...new Set(all.filter((entry) => entry !== ''))];
}

/** A ticked checkbox sends its value; an unticked one sends nothing. */
export function isTicked(form: PostedForm, name: string): boolean {
  return form[name] !== undefined;
}

/** A number typed in a field, or the text itself when it is not one, so the DTO's check reports it. */
function whole(typed: string): number | string | undefined {
  if (typed.trim() === '') return undefined;
  return /^\s*-?\d+\s*$/.test(typed) ? Number(typed) : typed;
}

/** The fields of the create-agent form, shaped like CreateAgentDto (the first password comes separately). */
export function agentToCreate(form: PostedForm) {
  return {
    email: text(form, 'email').trim(),
    displayName: text(form, 'displayName').trim(),
    role: text(form, 'role'),
    language: text(form, 'language') || undefined,
    timeZone: text(form, 'timeZone').trim() || undefined,
    capacity: whole(text(form, 'capacity')),
  };
}

/** The fields of the edit-agent form, shaped like UpdateAgentDto. */
export function agentToUpdate(form: PostedForm) {
  return {
    displayName: text(form, 'displayName').trim(),
    role: text(form, 'role'),
    language: text(form, 'language'),
    timeZone: text(form, 'timeZone').trim(),
    capacity: whole(text(form, 'capacity')),
    availability: text(form, 'availability'),
    isActive: isTicked(form, 'isActive'),
    canViewSensitive: isTicked(form, 'canViewSensitive'),
  };
}

/**
 * The fields of a queue form, shaped like CreateQueueDto/UpdateQueueDto. An unticked "default" box sends
 * nothing: the default moves only by making another queue the default.
 */
export function queueFields(form: PostedForm) {
  return {
    name: text(form, 'name').trim(),
    description: text(form, 'description').trim(),
    assignmentMode: text(form, 'assignmentMode'),
    ...(isTicked(form, 'isDefault') ? { isDefault: true } : {}),
    isActive: isTicked(form, 'isActive'),
  };
}

/** The fields of a canned-response form, shaped like SaveCannedResponseDto. */
export function cannedResponseFields(form: PostedForm) {
  return {
    title: text(form, 'title').trim(),
    language: text(form, 'language'),
    body: text(form, 'body'),
    isActive: isTicked(form, 'isActive'),
  };
}

/** The fields of a mail-template form, shaped like UpdateMailTemplateDto. */
export function mailTemplateFields(form: PostedForm) {
  return { subject: text(form, 'subject').trim(), bodyText: text(form, 'bodyText') };
}

/** The version a form was drawn from; NaN when it is missing, which never matches a current version. */
export function formVersion(form: PostedForm): number {
  return /^\d+$/.test(text(form, 'version')) ? Number(text(form, 'version')) : Number.NaN;
}

/** class-validator's constraint names, as the words a form shows. */
const PROBLEM_OF: Record<string, ProblemKey> = {
  isEmail: 'adminDesk.error.email',
  minLength: 'adminDesk.error.tooShort',
  maxLength: 'adminDesk.error.tooLong',
  isIn: 'adminDesk.error.choice',
  isTimeZone: 'adminDesk.error.timeZone',
  isIso8601: 'adminDesk.error.date',
  matches: 'adminDesk.error.date',
  isUuid: 'adminDesk.error.uuid',
  isInt: 'adminDesk.error.number',
  min: 'adminDesk.error.number',
  max: 'adminDesk.error.number',
};

/** The first problem of each field; an empty text is "required" whatever the rule that caught it. */
export function fieldProblems(errors: ValidationError[]): FieldProblems {
  const problems: FieldProblems = {};
  for (const error of errors) {
    const constraint = Object.keys(error.constraints ?? {})[0];
    if (constraint === undefined || problems[error.property]) continue;
    problems[error.property] =
      error.value === '' ? 'adminDesk.error.required' : (PROBLEM_OF[constraint] ?? 'adminDesk.error.invalid');
  }
  return problems;
}

/** Checks a form's fields with the API's own DTO, so pages accept exactly what the API accepts. */
export async function checkWith<T extends object>(
  dto: new () => T,
  fields: Record<string, unknown>,
): Promise<FieldProblems> {
  return fieldProblems(await validate(plainToInstance(dto, fields)));
}

/** What a posted form came to: saved, or refused with the reasons to show beside the fields. */
export type FormOutcome<T> =
  { ok: true; saved: T } | { ok: false; problems: FieldProblems; reason?: string; isStale?: boolean };

export function refused(problems: FieldProblems, extra: { reason?: string; isStale?: boolean } = {}) {
  return { ok: false as const, problems, ...extra };
}
