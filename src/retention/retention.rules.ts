/** The retention period the policy promises: personal data is kept one year after the customer's last contact. */
export const DEFAULT_RETENTION_MONTHS = 12;

/**
 * Customers whose last activity is before this moment are due for anonymisation: `months` calendar months
 * before `now`, the day clamped to the month's end (31 March less one month is 28 or 29 February).
 */
export function retentionCutoff(now: Date, months: number): Date {
  const cutoff = new Date(now);
  const day = cutoff.getUTCDate();
  cutoff.setUTCDate(1);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
  cutoff.setUTCDate(Math.min(day, lastDay));
  return cutoff;
}

/** A customer's last activity: the latest change to their record or to any of their tickets (messages included). */
export function lastActivity(customerUpdatedAt: Date, ticketsUpdatedAt: readonly (Date | null)[]): Date {
  return ticketsUpdatedAt.reduce<Date>(
    (latest, at) => (at && at.getTime() > latest.getTime() ? at : latest),
    customerUpdatedAt,
  );
}

export function isDue(activity: Date, cutoff: Date): boolean {
  return activity.getTime() < cutoff.getTime();
}

/** Why a due customer is kept as is: a legal hold, or a matter still open that may need their data. */
export const SKIP_REASONS = [
  'legal_hold',
  'open_ticket',
  'open_transaction_case',
  'unpaid_compensation',
  'undecided_cancellation',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const RETENTION_RUN_STATES = ['running', 'completed', 'failed', 'interrupted'] as const;
export type RetentionRunState = (typeof RETENTION_RUN_STATES)[number];
