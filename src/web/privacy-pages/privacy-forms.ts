import { type PostedForm, textOf } from '../admin-rules/admin-form.js';
import { instantOf, wholeOf } from '../policy-pages/cancellation-forms.js';

/** A ticket number as agents write it: "OT#100231", "#100231" or "100231"; null for anything else. */
export function ticketNumberOf(typed: string): number | null {
  const match = /^(?:OT)?#?\s*(\d{1,12})$/i.exec(typed.trim());
  return match ? Number(match[1]) : null;
}

/** The record-an-incident form, shaped like ReportIncidentDto; the discovery is typed in the agent's zone. */
export function incidentToReport(form: PostedForm, timeZone: string) {
  return {
    kind: textOf(form, 'kind'),
    title: textOf(form, 'title'),
    description: textOf(form, 'description'),
    discoveredAt: instantOf(textOf(form, 'discoveredAt'), timeZone) ?? '',
  };
}

const CONTENT_TEXTS = [
  'dataCategories',
  'contactPerson',
  'consequences',
  'measuresTaken',
  'measuresProposed',
  'delayReason',
] as const;

/**
 * The notification content form, shaped like UpdateIncidentDto. The page shows every field, so each is sent:
 * a field emptied clears it (a count emptied becomes null), as the API does for an empty value.
 */
export function incidentContent(form: PostedForm, version: number) {
  const count = (name: string) => wholeOf(textOf(form, name)) ?? null;
  return {
    version,
    title: textOf(form, 'title'),
    description: textOf(form, 'description'),
    ...Object.fromEntries(CONTENT_TEXTS.map((field) => [field, textOf(form, field)])),
    subjectsAffected: count('subjectsAffected'),
    recordsAffected: count('recordsAffected'),
  };
}

/** The notified form, shaped like RecordNotificationDto (a blank time: now; a blank delay reason: the incident's). */
export function notificationOf(form: PostedForm, version: number, timeZone: string) {
  const reference = textOf(form, 'reference');
  const notifiedAt = instantOf(textOf(form, 'notifiedAt'), timeZone);
  const delayReason = textOf(form, 'delayReason');
  return {
    version,
    notifiedTo: textOf(form, 'notifiedTo'),
    ...(reference ? { reference } : {}),
    ...(notifiedAt !== undefined ? { notifiedAt } : {}),
    ...(delayReason ? { delayReason } : {}),
  };
}

export type ClockState = 'met' | 'late' | 'overdue' | 'due';

/**
 * Where one notification clock stands: notified in time (met) or late, past due without a notification
 * (overdue, with the time since) or running (due, with the time left).
 */
export function clockOf(deadline: { isMet: boolean; isOverdue: boolean; minutesLeft: number | null }): {
  state: ClockState;
  hours: number;
  minutes: number;
} {
  const state: ClockState = deadline.isMet
    ? 'met'
    : deadline.minutesLeft === null
      ? 'late'
      : deadline.isOverdue
        ? 'overdue'
        : 'due';
  const span = Math.abs(deadline.minutesLeft ?? 0);
  return { state, hours: Math.floor(span / 60), minutes: span % 60 };
}
