import type { FieldReason } from '../../common/errors/validation.js';
import type { WorkingPeriod, Weekday } from '../../sla/business-calendar.js';
import { SLA_TARGETS, type EscalationStep, type SlaTarget, type TargetSpec } from '../../sla/sla.rules.js';
import { isChecked, listOf, numberOf, type PostedForm, problemsByPlace, textOf } from './admin-form.js';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const TARGET_UNITS = ['businessMinutes', 'workingDays'] as const;
const BLANK_LADDER_ROWS = 2;
const MAX_LADDER_ROWS = 40;

export interface TargetRow {
  amount: string;
  unit: (typeof TARGET_UNITS)[number];
}

export interface LadderRow {
  at: string;
  percent: string;
  afterMinutes: string;
  action: string;
  queueId: string;
  /** The targets the step watches; none ticked means all of them. */
  targets: string[];
}

/** An SLA policy as its page's form holds it. */
export interface SlaPolicyForm {
  name: string;
  position: string;
  isActive: boolean;
  calendarId: string;
  urgentNotifications: boolean;
  priorities: string[];
  categoryKeys: string[];
  queueIds: string[];
  channels: string[];
  /** '' for any customer, 'yes' or 'no'. */
  vulnerable: string;
  targets: Record<SlaTarget, TargetRow>;
  pauseStates: string[];
  ladder: LadderRow[];
}

/** What the SLA policy DTO takes, and which ladder row each escalation step came from. */
export interface SlaPolicyParts {
  name: string;
  position?: number;
  isActive: boolean;
  calendarId?: string;
  urgentNotifications: boolean;
  conditions: {
    priorities?: string[];
    categoryKeys?: string[];
    queueIds?: string[];
    channels?: string[];
    vulnerable?: boolean;
  };
  targets: Record<string, TargetSpec>;
  pauseStates: string[];
  escalationLadder: EscalationStep[];
  ladderRows: number[];
}

export interface SavedPolicy {
  name: string;
  position: number;
  isActive: boolean;
  calendarId: string;
  urgentNotifications: boolean;
  conditions: SlaPolicyParts['conditions'];
  targets: Partial<Record<string, TargetSpec>>;
  pauseStates: string[];
  escalationLadder: EscalationStep[];
}

const blankLadderRow = (): LadderRow => ({
  at: '',
  percent: '',
  afterMinutes: '',
  action: '',
  queueId: '',
  targets: [],
});

export function emptySlaPolicyForm(calendarId: string): SlaPolicyForm {
  return withBlankLadderRows({
    name: '',
    position: '',
    isActive: true,
    calendarId,
    urgentNotifications: false,
    priorities: [],
    categoryKeys: [],
    queueIds: [],
    channels: [],
    vulnerable: '',
    targets: Object.fromEntries(
      SLA_TARGETS.map((target) => [target, { amount: '', unit: 'businessMinutes' }]),
    ) as Record<SlaTarget, TargetRow>,
    pauseStates: ['pending_customer'],
    ladder: [],
  });
}

export function slaPolicyFormOf(policy: SavedPolicy): SlaPolicyForm {
  const conditions = policy.conditions;
  return withBlankLadderRows({
    name: policy.name,
    position: String(policy.position),
    isActive: policy.isActive,
    calendarId: policy.calendarId,
    urgentNotifications: policy.urgentNotifications,
    priorities: conditions.priorities ?? [],
    categoryKeys: conditions.categoryKeys ?? [],
    queueIds: conditions.queueIds ?? [],
    channels: conditions.channels ?? [],
    vulnerable: conditions.vulnerable === undefined ? '' : conditions.vulnerable ? 'yes' : 'no',
    targets: Object.fromEntries(
      SLA_TARGETS.map((target) => {
        const spec = policy.targets[target];
        if (spec?.workingDays !== undefined)
          return [target, { amount: String(spec.workingDays), unit: 'workingDays' }];
        return [target, { amount: String(spec?.businessMinutes ?? ''), unit: 'businessMinutes' }];
      }),
    ) as Record<SlaTarget, TargetRow>,
    pauseStates: policy.pauseStates,
    ladder: policy.escalationLadder.map((step) => ({
      at: step.at,
      percent: step.percent === undefined ? '' : String(step.percent),
      afterMinutes: step.afterMinutes === undefined ? '' : String(step.afterMinutes),
      action: step.action,
      queueId: step.queueId ?? '',
      targets: step.targets ?? [],
    })),
  });
}

export function readSlaPolicyForm(posted: PostedForm): SlaPolicyForm {
  const ladder: LadderRow[] = [];
  for (let row = 0; row < MAX_LADDER_ROWS && `ladder.${row}.at` in posted; row++) {
    ladder.push({
      at: textOf(posted, `ladder.${row}.at`),
      percent: textOf(posted, `ladder.${row}.percent`),
      afterMinutes: textOf(posted, `ladder.${row}.afterMinutes`),
      action: textOf(posted, `ladder.${row}.action`),
      queueId: textOf(posted, `ladder.${row}.queueId`),
      targets: listOf(posted, `ladder.${row}.targets`),
    });
  }
  return {
    name: textOf(posted, 'name'),
    position: textOf(posted, 'position'),
    isActive: isChecked(posted, 'isActive'),
    calendarId: textOf(posted, 'calendarId'),
    urgentNotifications: isChecked(posted, 'urgentNotifications'),
    priorities: listOf(posted, 'priorities'),
    categoryKeys: listOf(posted, 'categoryKeys'),
    queueIds: listOf(posted, 'queueIds'),
    channels: listOf(posted, 'channels'),
    vulnerable: textOf(posted, 'vulnerable'),
    targets: Object.fromEntries(
      SLA_TARGETS.map((target) => {
        const unit = textOf(posted, `target.${target}.unit`);
        return [
          target,
          {
            amount: textOf(posted, `target.${target}.amount`),
            unit: unit === 'workingDays' ? 'workingDays' : 'businessMinutes',
          },
        ];
      }),
    ) as Record<SlaTarget, TargetRow>,
    pauseStates: listOf(posted, 'pauseStates'),
    ladder,
  };
}

export function withBlankLadderRows(form: SlaPolicyForm): SlaPolicyForm {
  const filled = form.ladder.filter((row) => row.at !== '' || row.action !== '');
  const blanks = Array.from({ length: BLANK_LADDER_ROWS }, blankLadderRow);
  return { ...form, ladder: [...filled, ...blanks] };
}

/** The policy DTO a form describes; targets left blank are left out, a ladder row with no trigger is skipped. */
export function slaPolicyParts(form: SlaPolicyForm): SlaPolicyParts {
  const listed = (values: string[]) => (values.length > 0 ? values : undefined);
  const conditions: SlaPolicyParts['conditions'] = {
    priorities: listed(form.priorities),
    categoryKeys: listed(form.categoryKeys),
    queueIds: listed(form.queueIds),
    channels: listed(form.channels),
    vulnerable: form.vulnerable === 'yes' ? true : form.vulnerable === 'no' ? false : undefined,
  };
  const targets: Record<string, TargetSpec> = {};
  for (const target of SLA_TARGETS) {
    const row = form.targets[target];
    if (row.amount !== '') targets[target] = { [row.unit]: Number(row.amount) };
  }
  const escalationLadder: EscalationStep[] = [];
  const ladderRows: number[] = [];
  form.ladder.forEach((row, index) => {
    if (row.at === '' && row.action === '') return;
    escalationLadder.push(
      dropUndefined({
        at: row.at,
        percent: numberOf(row.percent),
        afterMinutes: numberOf(row.afterMinutes),
        action: row.action,
        queueId: row.queueId || undefined,
        targets: listed(row.targets),
      }) as unknown as EscalationStep,
    );
    ladderRows.push(index);
  });
  return {
    name: form.name,
    position: numberOf(form.position),
    isActive: form.isActive,
    calendarId: form.calendarId || undefined,
    urgentNotifications: form.urgentNotifications,
    conditions: dropUndefined(conditions),
    targets,
    pauseStates: form.pauseStates,
    escalationLadder,
    ladderRows,
  };
}

/** Problems by DTO path (`targets.resolution.workingDays`, `escalationLadder.1.percent`) placed on the form. */
export function slaPolicyProblems(
  problems: FieldReason[],
  parts: Pick<SlaPolicyParts, 'ladderRows'>,
): Record<string, string> {
  return problemsByPlace(problems, (field) => {
    const [first, second] = field.split('.');
    if (first === 'targets' && second !== undefined) return `target.${second}`;
    if (first === 'escalationLadder' && second !== undefined)
      return `ladder.${parts.ladderRows[Number(second)]}`;
    return first;
  });
}

/** "08:00-12:00, 13:30-17:30" → working periods; a piece without a dash keeps what was typed for the checks. */
export function parsePeriods(text: string): WorkingPeriod[] {
  return text
    .split(',')
    .map((piece) => piece.trim())
    .filter(Boolean)
    .map((piece) => {
      const [start = '', end = ''] = piece.split('-').map((part) => part.trim());
      return { start, end };
    });
}

export function periodsText(periods: WorkingPeriod[]): string {
  return periods.map((period) => `${period.start}-${period.end}`).join(', ');
}

/** Calendar problems (`workingHours.mon[0]: …`, `timeZone: …`) placed on the weekday or zone field. */
export function calendarProblemPlace(field: string): string {
  const day = /^workingHours\.(\w+)/.exec(field);
  if (day) return `hours.${day[1]}`;
  return field.split(/[.[]/)[0];
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
