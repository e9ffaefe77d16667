export const INCIDENT_KINDS = ['personal_data_breach', 'system_attack', 'both'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_STATES = ['open', 'notified', 'closed'] as const;
export type IncidentState = (typeof INCIDENT_STATES)[number];

/** What the authority must be told, and how fast: each is its own clock. */
export const OBLIGATIONS = ['system_attack_24h', 'personal_data_72h'] as const;
export type Obligation = (typeof OBLIGATIONS)[number];

/**
 * Wall-clock hours from discovery, not business hours: an attack on the information system is reported within
 * 24 hours, a personal-data breach within 72 (Decree 13/2023 art. 23, Law 91/2025).
 */
const HOURS: Record<Obligation, number> = { system_attack_24h: 24, personal_data_72h: 72 };

const OBLIGATIONS_OF: Record<IncidentKind, Obligation[]> = {
  system_attack: ['system_attack_24h'],
  personal_data_breach: ['personal_data_72h'],
  both: ['system_attack_24h', 'personal_data_72h'],
};

const HOUR_MS = 3_600_000;

export interface Deadline {
  obligation: Obligation;
  hours: number;
  dueAt: Date;
  /** Notified by the due time. */
  isMet: boolean;
  /** Past the due time without a notification, or notified after it. */
  isOverdue: boolean;
  /** Until the due time (negative once past); null once notified. */
  minutesLeft: number | null;
}

/** The incident's notification deadlines, earliest first, as they stand at `now`. */
export function deadlinesFor(
  kind: IncidentKind,
  discoveredAt: Date,
  notifiedAt: Date | null,
  now: Date,
): Deadline[] {
  return OBLIGATIONS_OF[kind].map((obligation) => {
    const hours = HOURS[obligation];
    const dueAt = new Date(discoveredAt.getTime() + hours * HOUR_MS);
    const answeredAt = notifiedAt ?? now;
    return {
      obligation,
      hours,
      dueAt,
      isMet: notifiedAt !== null && notifiedAt <= dueAt,
      isOverdue: answeredAt > dueAt,
      minutesLeft: notifiedAt ? null : Math.floor((dueAt.getTime() - now.getTime()) / 60_000),
    };
  });
}

/** Notified (or notifying at `at`) after a deadline: the decree then asks for the reason for the delay. */
export function isLate(kind: IncidentKind, discoveredAt: Date, at: Date): boolean {
  return deadlinesFor(kind, discoveredAt, at, at).some((deadline) => deadline.isOverdue);
}

/** Reminders to supervisors and admins, in the order they fall due. */
export const REMINDER_STAGES = ['12h_left', '2h_left', 'overdue'] as const;
export type ReminderStage = (typeof REMINDER_STAGES)[number];

const isReached: Record<ReminderStage, (msLeft: number) => boolean> = {
  '12h_left': (msLeft) => msLeft <= 12 * HOUR_MS,
  '2h_left': (msLeft) => msLeft <= 2 * HOUR_MS,
  overdue: (msLeft) => msLeft < 0,
};

/**
 * The reminder to send now for one deadline, if any: the latest stage reached and not yet sent. Stages passed
 * over (an incident recorded 23 hours after discovery) are not sent late: the one that matters now is.
 */
export function reminderDue(dueAt: Date, sent: ReadonlySet<ReminderStage>, now: Date): ReminderStage | null {
  const msLeft = dueAt.getTime() - now.getTime();
  const reached = REMINDER_STAGES.filter((stage) => isReached[stage](msLeft));
  const latest = reached.at(-1);
  if (!latest) return null;
  const alreadySent = REMINDER_STAGES.slice(REMINDER_STAGES.indexOf(latest)).some((stage) => sent.has(stage));
  return alreadySent ? null : latest;
}

export type StateMove = { allowed: true } | { allowed: false; reason: string };

/**
 * open → notified → closed. An open incident may also be closed, with a reason, when it turns out to need no
 * notification (a false alarm).
 */
export function canMove(from: IncidentState, to: IncidentState): StateMove {
  if (from === 'open' && (to === 'notified' || to === 'closed')) return { allowed: true };
  if (from === 'notified' && to === 'closed') return { allowed: true };
  return { allowed: false, reason: `an incident that is ${from} cannot become ${to}` };
}
