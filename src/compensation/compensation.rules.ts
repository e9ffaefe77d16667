import { DateTime } from 'luxon';
import type { Role } from '../auth/role.js';

export const COMPENSATION_REASONS = [
  'double_charge',
  'service_failure',
  'delay',
  'goodwill',
  'other',
] as const;
export type CompensationReason = (typeof COMPENSATION_REASONS)[number];

/** proposed → approved | rejected | withdrawn; approved → paid. */
export const COMPENSATION_STATES = ['proposed', 'approved', 'rejected', 'paid', 'withdrawn'] as const;
export type CompensationState = (typeof COMPENSATION_STATES)[number];

export type CompensationDecision = 'approve' | 'reject';

export interface Refusal {
  kind: 'forbidden' | 'conflict';
  reason: string;
}

interface ProposalFacts {
  state: CompensationState;
  proposedById: string;
  amountVnd: number;
}

/**
 * Why `decider` may not approve or reject this proposal, or null when they may. Four eyes: whoever proposed
 * never decides, whatever their role. Supervisors approve up to the limit, admins any amount; a rejection
 * pays nothing out, so supervisors may reject any amount.
 */
export function decisionRefusal(
  proposal: ProposalFacts,
  decider: { id: string; role: Role },
  decision: CompensationDecision,
  supervisorLimitVnd: number,
): Refusal | null {
  if (proposal.state !== 'proposed') {
    return { kind: 'conflict', reason: `This compensation is already ${proposal.state}` };
  }
  if (decider.id === proposal.proposedById) {
    return {
      kind: 'forbidden',
      reason: 'You proposed this compensation: another supervisor or an admin must decide it',
    };
  }
  if (decider.role === 'agent') {
    return { kind: 'forbidden', reason: 'Only a supervisor or an admin decides on compensation' };
  }
  if (decision === 'approve' && decider.role === 'supervisor' && proposal.amountVnd > supervisorLimitVnd) {
    return {
      kind: 'forbidden',
      reason: `Supervisors approve compensation up to ${supervisorLimitVnd} VND; an admin must approve this one`,
    };
  }
  return null;
}

export function paymentRefusal(state: CompensationState): Refusal | null {
  if (state === 'approved') return null;
  return { kind: 'conflict', reason: `Only an approved compensation can be paid; this one is ${state}` };
}

export function withdrawalRefusal(proposal: ProposalFacts, actorId: string): Refusal | null {
  if (proposal.proposedById !== actorId) {
    return { kind: 'forbidden', reason: 'Only the agent who proposed a compensation can withdraw it' };
  }
  if (proposal.state !== 'proposed') {
    return {
      kind: 'conflict',
      reason: `Only a compensation awaiting decision can be withdrawn; this one is ${proposal.state}`,
    };
  }
  return null;
}

/** The longest report, so its one grouped query stays small (one CASE branch per month). */
export const REPORT_MAX_MONTHS = 24;

export interface ReportPeriod {
  /** The first instant of `from` and the first instant after `to`, in UTC. */
  start: Date;
  end: Date;
  /** Each calendar month the period touches, as 'YYYY-MM', with the instant it ends (clipped to `end`). */
  months: { month: string; end: Date }[];
}

/**
 * The period from `from` to `to` (whole days, both included, as 'YYYY-MM-DD') in the desk's time zone, cut
 * into calendar months there: a payment at 18:00 UTC on 31 March counts for April in Ho Chi Minh City.
 * When the dates make no period, the field at fault and why.
 */
export function reportPeriod(
  from: string,
  to: string,
  timeZone: string,
): ReportPeriod | { field: 'from' | 'to'; reason: string } {
  const first = DateTime.fromISO(from, { zone: timeZone });
  const last = DateTime.fromISO(to, { zone: timeZone });
  if (!first.isValid) return { field: 'from', reason: 'from must be a real date such as 2026-03-01' };
  if (!last.isValid) return { field: 'to', reason: 'to must be a real date such as 2026-03-31' };
  if (last < first) return { field: 'to', reason: 'to must not be before from' };
  const end = last.plus({ days: 1 }).startOf('day');
  const months: { month: string; end: Date }[] = [];
  for (let month = first.startOf('month'); month < end; month = month.plus({ months: 1 })) {
    const monthEnd = month.plus({ months: 1 });
    months.push({ month: month.toFormat('yyyy-MM'), end: (monthEnd < end ? monthEnd : end).toJSDate() });
    if (months.length > REPORT_MAX_MONTHS) {
      return { field: 'to', reason: `to must be within ${REPORT_MAX_MONTHS} months of from` };
    }
  }
  return { start: first.startOf('day').toJSDate(), end: end.toJSDate(), months };
}

export interface PaidGroup {
  reasonCode: CompensationReason;
  month: string;
  count: number;
  totalVnd: number;
}

export interface PaidTotal {
  count: number;
  totalVnd: number;
}

export interface PaidSummary extends PaidTotal {
  byReason: ({ reasonCode: CompensationReason } & PaidTotal)[];
  byMonth: ({ month: string } & PaidTotal)[];
}

/** Totals by reason and by month from the grouped rows; every reason and month is listed, zeros included. */
export function summarisePaid(groups: PaidGroup[], months: string[]): PaidSummary {
  const sum = (rows: PaidGroup[]): PaidTotal => ({
    count: rows.reduce((total, row) => total + row.count, 0),
    totalVnd: rows.reduce((total, row) => total + row.totalVnd, 0),
  });
  return {
    ...sum(groups),
    byReason: COMPENSATION_REASONS.map((reasonCode) => ({
      reasonCode,
      ...sum(groups.filter((row) => row.reasonCode === reasonCode)),
    })),
    byMonth: months.map((month) => ({ month, ...sum(groups.filter((row) => row.month === month)) })),
  };
}

/** An amount as the customer reads it: "1.500.000 ₫" in Vietnamese, "VND 1,500,000" in English. */
export function formatVnd(amountVnd: number, language: string): string {
  if (language === 'en') return `VND ${amountVnd.toLocaleString('en-US')}`;
  return `${amountVnd.toLocaleString('en-US').replaceAll(',', '.')} ₫`;
}

/** The reason in the customer's words, for the letter. */
export function reasonInWords(reasonCode: CompensationReason, language: string): string {
  const words: Record<CompensationReason, [vi: string, en: string]> = {
    double_charge: ['khoản thanh toán bị trừ hai lần', 'a payment charged twice'],
    service_failure: ['dịch vụ không được cung cấp như đã cam kết', 'a service not delivered as promised'],
    delay: ['sự chậm trễ', 'a delay'],
    goodwill: ['thiện chí của Offtrack Travel', "Offtrack Travel's goodwill"],
    other: ['sự cố thanh toán quý khách đã báo', 'the payment incident you reported'],
  };
  return words[reasonCode][language === 'en' ? 1 : 0];
}
