import {
  addBusinessMinutes,
  addWorkingDays,
  businessMinutesBetween,
  type BusinessCalendar,
} from './business-calendar.js';

export const SLA_TARGETS = ['first_response', 'next_response', 'resolution'] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

/** A target in business minutes (within working hours) or in working days (Civil Code counting). */
export interface TargetSpec {
  businessMinutes?: number;
  workingDays?: number;
}

export interface PolicyConditions {
  priorities?: string[];
  categoryKeys?: string[];
  queueIds?: string[];
  channels?: string[];
  vulnerable?: boolean;
}

export const ESCALATION_TRIGGERS = ['before_breach', 'breach', 'after_breach'] as const;
export const ESCALATION_ACTIONS = [
  'notify_assignee',
  'notify_supervisors',
  'raise_priority',
  'reassign',
] as const;
export type EscalationAction = (typeof ESCALATION_ACTIONS)[number];

export interface EscalationStep {
  at: (typeof ESCALATION_TRIGGERS)[number];
  /** before_breach: the share of the target used up, 1–99. */
  percent?: number;
  /** after_breach: business minutes after the due time. */
  afterMinutes?: number;
  action: EscalationAction;
  /** reassign: where the ticket goes. */
  queueId?: string;
  /** The targets the step watches; all of them when absent. */
  targets?: SlaTarget[];
}

export interface SlaPolicySpec {
  id: string;
  conditions: PolicyConditions;
  targets: Partial<Record<SlaTarget, TargetSpec>>;
  pauseStates: string[];
  ladder: EscalationStep[];
}

export interface TicketSlaFacts {
  priority: string;
  categoryKey: string | null;
  queueId: string;
  channel: string;
  vulnerable: boolean;
}

/** The first policy, in order, whose every condition holds; an empty condition list holds for all. */
export function choosePolicy<P extends SlaPolicySpec>(policies: P[], facts: TicketSlaFacts): P | null {
  return policies.find((policy) => conditionsHold(policy.conditions, facts)) ?? null;
}

function conditionsHold(conditions: PolicyConditions, facts: TicketSlaFacts): boolean {
  const allows = (list: string[] | undefined, value: string | null) =>
    !list?.length || (value !== null && list.includes(value));
  return (
    allows(conditions.priorities, facts.priority) &&
    allows(conditions.categoryKeys, facts.categoryKey) &&
    allows(conditions.queueIds, facts.queueId) &&
    allows(conditions.channels, facts.channel) &&
    (conditions.vulnerable === undefined || conditions.vulnerable === facts.vulnerable)
  );
}

/** The due time of a target started at `startedAt`, pushed back by the business minutes spent paused. */
export function dueTime(
  calendar: BusinessCalendar,
  target: TargetSpec,
  startedAt: Date,
  pausedMinutes: number,
) {
  const base =
    target.workingDays !== undefined
      ? addWorkingDays(calendar, startedAt, target.workingDays)
      : addBusinessMinutes(calendar, startedAt, target.businessMinutes ?? 0);
  return pausedMinutes > 0 ? addBusinessMinutes(calendar, base, pausedMinutes) : base;
}

/** How many business minutes the target allows, for the "75% used" steps. */
export function budgetMinutes(calendar: BusinessCalendar, target: TargetSpec, startedAt: Date): number {
  if (target.workingDays === undefined) return target.businessMinutes ?? 0;
  return businessMinutesBetween(calendar, startedAt, dueTime(calendar, target, startedAt, 0));
}

/** What a clock stores about its own progress. */
export interface ClockTimes {
  target: SlaTarget;
  startedAt: Date;
  pausedMinutes: number;
  pausedAt: Date | null;
  dueAt: Date | null;
  metAt: Date | null;
  breachedAt: Date | null;
}

export type ClockState = 'running' | 'paused' | 'met' | 'breached';

export function clockState(clock: ClockTimes, now: Date): ClockState {
  if (clock.metAt) return 'met';
  if (clock.pausedAt) return 'paused';
  if (clock.breachedAt || (clock.dueAt && clock.dueAt <= now)) return 'breached';
  return 'running';
}

/** Business minutes left (negative once overdue), counted up to the pause while paused; null once met. */
export function remainingMinutes(calendar: BusinessCalendar, clock: ClockTimes, now: Date): number | null {
  if (clock.metAt || !clock.dueAt) return null;
  return Math.round(businessMinutesBetween(calendar, clock.pausedAt ?? now, clock.dueAt));
}

/** The steps of a ladder that watch this target, with their index in the ladder (the firing's key). */
export function stepsFor(
  ladder: EscalationStep[],
  target: SlaTarget,
): { step: EscalationStep; index: number }[] {
  return ladder
    .map((step, index) => ({ step, index }))
    .filter(({ step }) => !step.targets?.length || step.targets.includes(target));
}

/** When a step falls due for a running clock. */
export function stepTime(
  calendar: BusinessCalendar,
  spec: TargetSpec,
  clock: ClockTimes & { dueAt: Date },
  step: EscalationStep,
): Date {
  switch (step.at) {
    case 'before_breach': {
      const used = (budgetMinutes(calendar, spec, clock.startedAt) * (step.percent ?? 75)) / 100;
      return addBusinessMinutes(calendar, clock.startedAt, used + clock.pausedMinutes);
    }
    case 'breach':
      return clock.dueAt;
    case 'after_breach':
      return addBusinessMinutes(calendar, clock.dueAt, step.afterMinutes ?? 0);
  }
}

export interface ClockPlan {
  /** Steps due now that have not fired yet, in ladder order. */
  due: { step: EscalationStep; index: number }[];
  /** Whether the clock has just passed its due time. */
  breachedNow: boolean;
  /** When the scanner must look at this clock again; null when nothing is left to do. */
  nextCheckAt: Date | null;
}

/** What the scanner does with a clock at `now`, given the steps already fired for its current cycle. */
export function planClock(
  calendar: BusinessCalendar,
  spec: TargetSpec,
  clock: ClockTimes,
  ladder: EscalationStep[],
  fired: ReadonlySet<number>,
  now: Date,
): ClockPlan {
  if (clock.metAt || clock.pausedAt || !clock.dueAt)
    return { due: [], breachedNow: false, nextCheckAt: null };
  const running = { ...clock, dueAt: clock.dueAt };
  const due: ClockPlan['due'] = [];
  const breachedNow = !clock.breachedAt && clock.dueAt <= now;
  let next: Date | null = !clock.breachedAt && !breachedNow ? clock.dueAt : null;
  for (const entry of stepsFor(ladder, clock.target)) {
    if (fired.has(entry.index)) continue;
    const at = stepTime(calendar, spec, running, entry.step);
    if (at <= now) due.push(entry);
    else if (!next || at < next) next = at;
  }
  return { due, breachedNow, nextCheckAt: next };
}

/** One priority up, for the "raise priority" step; urgent stays urgent. */
export function raisedPriority(priority: string): string | null {
  const order = ['low', 'normal', 'high', 'urgent'];
  const index = order.indexOf(priority);
  return index >= 0 && index < order.length - 1 ? order[index + 1] : null;
}

const PAUSABLE_STATES = ['new', 'open', 'pending_customer', 'on_hold'];
const KNOWN_PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const KNOWN_CHANNELS = ['email', 'web', 'phone', 'api'];

export interface PolicyInput {
  conditions?: PolicyConditions;
  targets: Partial<Record<string, TargetSpec>>;
  pauseStates?: string[];
  escalationLadder?: EscalationStep[];
}

/** What is wrong with a policy an admin sends, field by field; [] when it can be saved. */
export function policyProblems(
  policy: PolicyInput,
  queueExists: (id: string) => boolean,
): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  const problem = (field: string, reason: string) => problems.push({ field, reason });
  const unknown = (list: unknown, known: readonly string[]) =>
    Array.isArray(list) ? list.filter((item) => !known.includes(item as string)) : [];

  const conditions = policy.conditions ?? {};
  for (const value of unknown(conditions.priorities, KNOWN_PRIORITIES))
    problem('conditions.priorities', `unknown priority "${value}"`);
  for (const value of unknown(conditions.channels, KNOWN_CHANNELS))
    problem('conditions.channels', `unknown channel "${value}"`);
  for (const id of conditions.queueIds ?? [])
    if (!queueExists(id)) problem('conditions.queueIds', `no queue ${id}`);

  const targets = Object.entries(policy.targets ?? {});
  if (targets.length === 0) problem('targets', 'set at least one target');
  for (const [target, spec] of targets) {
    const field = `targets.${target}`;
    if (!SLA_TARGETS.includes(target as SlaTarget)) {
      problem(field, `unknown target; use ${SLA_TARGETS.join(', ')}`);
      continue;
    }
    const minutes = spec?.businessMinutes;
    const days = spec?.workingDays;
    if ((minutes === undefined) === (days === undefined)) {
      problem(field, 'give either businessMinutes or workingDays');
    } else if (
      minutes !== undefined &&
      !(Number.isInteger(minutes) && minutes >= 1 && minutes <= 60 * 24 * 365)
    ) {
      problem(`${field}.businessMinutes`, 'must be a whole number of minutes from 1 to 525600');
    } else if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 365)) {
      problem(`${field}.workingDays`, 'must be a whole number of days from 1 to 365');
    }
  }

  for (const state of unknown(policy.pauseStates, PAUSABLE_STATES))
    problem('pauseStates', `"${state}" cannot pause a clock; use ${PAUSABLE_STATES.join(', ')}`);

  (policy.escalationLadder ?? []).forEach((step, index) => {
    const field = `escalationLadder.${index}`;
    if (!ESCALATION_TRIGGERS.includes(step.at))
      problem(`${field}.at`, `use ${ESCALATION_TRIGGERS.join(', ')}`);
    if (!ESCALATION_ACTIONS.includes(step.action))
      problem(`${field}.action`, `use ${ESCALATION_ACTIONS.join(', ')}`);
    if (
      step.at === 'before_breach' &&
      !(Number.isInteger(step.percent) && step.percent! >= 1 && step.percent! <= 99)
    )
      problem(`${field}.percent`, 'a warning before breach needs a percent from 1 to 99');
    if (step.at === 'after_breach' && !(Number.isInteger(step.afterMinutes) && step.afterMinutes! >= 0))
      problem(
        `${field}.afterMinutes`,
        'a step after breach needs afterMinutes (business minutes, 0 or more)',
      );
    if (step.action === 'reassign' && !(step.queueId && queueExists(step.queueId)))
      problem(`${field}.queueId`, 'reassigning needs an existing queue');
    for (const target of unknown(step.targets, SLA_TARGETS))
      problem(`${field}.targets`, `unknown target "${target}"`);
  });
  return problems;
}
