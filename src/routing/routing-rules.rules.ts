import type { FieldReason } from '../common/errors/validation.js';
import { foldForSearch } from '../common/text/search-text.js';
import { CHANNELS, LANGUAGES, PRIORITIES, type Priority } from '../tickets/ticket.entity.js';

export const CONDITION_OPERATORS = {
  sender: ['equals', 'ends_with', 'contains', 'matches'],
  sender_domain: ['equals', 'ends_with', 'in'],
  subject: ['contains', 'not_contains', 'matches'],
  body: ['contains', 'not_contains', 'matches'],
  /** Subject or body. */
  text: ['contains', 'not_contains', 'matches'],
  language: ['equals', 'in'],
  channel: ['equals', 'in'],
  category: ['equals', 'not_equals', 'in'],
  customer_region: ['equals'],
  customer_vulnerable: ['equals'],
  booking_reference: ['present', 'absent'],
} as const;
export type ConditionField = keyof typeof CONDITION_OPERATORS;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[ConditionField][number];
export const CONDITION_FIELDS = Object.keys(CONDITION_OPERATORS) as ConditionField[];

export const ACTION_TYPES = [
  'set_queue',
  'set_priority',
  'set_category',
  'add_tags',
  'assign_to',
  'notify_supervisors',
  'stop',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const REGIONS = ['vietnam', 'overseas', 'unknown'] as const;
export const MATCH_MODES = ['all', 'any'] as const;
export type MatchMode = (typeof MATCH_MODES)[number];

export interface RuleCondition {
  field: ConditionField;
  operator: ConditionOperator;
  value?: string | string[] | boolean;
}

export interface RuleAction {
  type: ActionType;
  value?: string | string[];
}

export interface RoutingRuleSpec {
  id: string;
  name: string;
  matchMode: MatchMode;
  conditions: RuleCondition[];
  actions: RuleAction[];
}

/** What rules may look at about a new ticket. */
export interface TicketFacts {
  senderAddress: string | null;
  subject: string;
  body: string;
  language: string;
  channel: string;
  categoryKey: string;
  customerCountry: string | null;
  customerVulnerable: boolean;
  bookingReference: string | null;
}

export interface RoutingOutcome {
  queueId?: string;
  priority?: Priority;
  categoryKey?: string;
  /** The rule whose action set categoryKey, so the ticket can say why it has that category. */
  categorySetBy?: { id: string; name: string };
  tags: string[];
  assigneeId?: string;
  notifySupervisors: boolean;
  /** The rules whose conditions held, in the order they ran. */
  fired: { id: string; name: string }[];
}

/**
 * Runs the rules in order over a new ticket. Actions apply as they come, so a later rule sees the category an
 * earlier one set and can override its queue or priority; `stop` ends the run.
 */
export function routeTicket(rules: RoutingRuleSpec[], facts: TicketFacts): RoutingOutcome {
  const outcome: RoutingOutcome = { tags: [], notifySupervisors: false, fired: [] };
  const folded = { subject: foldForSearch(facts.subject), body: foldForSearch(facts.body) };
  for (const rule of rules) {
    const current = { ...facts, categoryKey: outcome.categoryKey ?? facts.categoryKey };
    const holds = (condition: RuleCondition) => conditionHolds(condition, current, folded);
    const matched = rule.matchMode === 'all' ? rule.conditions.every(holds) : rule.conditions.some(holds);
    if (!matched) continue;
    outcome.fired.push({ id: rule.id, name: rule.name });
    if (applyActions(rule, outcome) === 'stop') break;
  }
  return outcome;
}

function applyActions(rule: RoutingRuleSpec, outcome: RoutingOutcome): 'stop' | 'continue' {
  for (const action of rule.actions) {
    const value = action.value;
    switch (action.type) {
      case 'set_queue':
        outcome.queueId = value as string;
        break;
      case 'set_priority':
        outcome.priority = value as Priority;
        break;
      case 'set_category':
        outcome.categoryKey = value as string;
        outcome.categorySetBy = { id: rule.id, name: rule.name };
        break;
      case 'add_tags':
        outcome.tags = [...new Set([...outcome.tags, ...(value as string[])])];
        break;
      case 'assign_to':
        outcome.assigneeId = value as string;
        break;
      case 'notify_supervisors':
        outcome.notifySupervisors = true;
        break;
      case 'stop':
        return 'stop';
    }
  }
  return 'continue';
}

function conditionHolds(
  condition: RuleCondition,
  facts: TicketFacts,
  folded: { subject: string; body: string },
): boolean {
  const { field, operator, value } = condition;
  switch (field) {
    case 'sender':
      return compareText(
        operator,
        facts.senderAddress?.toLowerCase() ?? '',
        value,
        facts.senderAddress ?? '',
      );
    case 'sender_domain':
      return compareText(operator, domainOf(facts.senderAddress), value, domainOf(facts.senderAddress));
    case 'subject':
      return compareText(operator, folded.subject, value, facts.subject);
    case 'body':
      return compareText(operator, folded.body, value, facts.body);
    case 'text': {
      const either = (text: string, original: string) => compareText(operator, text, value, original);
      // "does not contain" must hold for both parts; the positive operators for either.
      return operator === 'not_contains'
        ? either(folded.subject, facts.subject) && either(folded.body, facts.body)
        : either(folded.subject, facts.subject) || either(folded.body, facts.body);
    }
    case 'language':
      return compareValue(operator, facts.language, value);
    case 'channel':
      return compareValue(operator, facts.channel, value);
    case 'category':
      return compareValue(operator, facts.categoryKey, value);
    case 'customer_region':
      return regionOf(facts.customerCountry) === value;
    case 'customer_vulnerable':
      return facts.customerVulnerable === value;
    case 'booking_reference':
      return (facts.bookingReference !== null) === (operator === 'present');
  }
}

/** Contains and equals compare folded text (diacritics, đ/d and case ignored); patterns see the original. */
function compareText(operator: ConditionOperator, folded: string, value: unknown, original: string): boolean {
  switch (operator) {
    case 'contains':
      return folded.includes(foldForSearch(String(value)));
    case 'not_contains':
      return !folded.includes(foldForSearch(String(value)));
    case 'equals':
      return folded === foldForSearch(String(value));
    case 'ends_with':
      return folded.endsWith(foldForSearch(String(value)));
    case 'in':
      return (value as string[]).some((item) => folded === foldForSearch(item));
    case 'matches':
      return compilePattern(String(value)).test(original.normalize('NFC'));
    default:
      return false;
  }
}

function compareValue(operator: ConditionOperator, actual: string, value: unknown): boolean {
  if (operator === 'in') return (value as string[]).includes(actual);
  if (operator === 'not_equals') return actual !== value;
  return actual === value;
}

function domainOf(address: string | null): string {
  return address?.split('@').pop()?.toLowerCase() ?? '';
}

export function regionOf(country: string | null): (typeof REGIONS)[number] {
  if (!country) return 'unknown';
  return country.toUpperCase() === 'VN' ? 'vietnam' : 'overseas';
}

const patterns = new Map<string, RegExp>();

function compilePattern(source: string): RegExp {
  let pattern = patterns.get(source);
  if (!pattern) {
    pattern = new RegExp(source, 'iu');
    if (patterns.size > 500) patterns.clear();
    patterns.set(source, pattern);
  }
  return pattern;
}

const MAX_PATTERN = 200;

/**
 * Everything wrong with a rule's conditions and actions, as {field, reason} with paths like
 * `conditions.0.value`; empty when the rule is usable. Whether queues, agents and categories exist is the
 * service's to check.
 */
export function ruleProblems(rule: { conditions: unknown; actions: unknown }): FieldReason[] {
  const problems: FieldReason[] = [];
  const conditions = Array.isArray(rule.conditions) ? (rule.conditions as Record<string, unknown>[]) : [];
  const actions = Array.isArray(rule.actions) ? (rule.actions as Record<string, unknown>[]) : [];
  if (conditions.length === 0)
    problems.push({ field: 'conditions', reason: 'conditions must list at least one condition' });
  if (actions.length === 0)
    problems.push({ field: 'actions', reason: 'actions must list at least one action' });
  conditions.forEach((condition, index) =>
    problems.push(...conditionProblems(condition, `conditions.${index}`)),
  );
  actions.forEach((action, index) => problems.push(...actionProblems(action, `actions.${index}`)));
  return problems;
}

function conditionProblems(condition: Record<string, unknown>, path: string): FieldReason[] {
  const field = condition.field as ConditionField;
  if (!CONDITION_FIELDS.includes(field)) {
    return [{ field: `${path}.field`, reason: `field must be one of ${CONDITION_FIELDS.join(', ')}` }];
  }
  const operators: readonly string[] = CONDITION_OPERATORS[field];
  const operator = condition.operator as string;
  if (!operators.includes(operator)) {
    return [
      { field: `${path}.operator`, reason: `operator for ${field} must be one of ${operators.join(', ')}` },
    ];
  }
  const reason = valueProblem(field, operator, condition.value);
  return reason ? [{ field: `${path}.value`, reason }] : [];
}

function valueProblem(field: ConditionField, operator: string, value: unknown): string | null {
  if (operator === 'present' || operator === 'absent') {
    return value === undefined || value === null ? null : `value must be left out for ${operator}`;
  }
  if (field === 'customer_vulnerable')
    return typeof value === 'boolean' ? null : 'value must be true or false';
  if (operator === 'in') {
    if (!Array.isArray(value) || value.length === 0 || !value.every(isText)) {
      return 'value must be a non-empty list of texts';
    }
    return value.map((item) => choiceProblem(field, item as string)).find(Boolean) ?? null;
  }
  if (!isText(value)) return 'value must be a non-empty text';
  if (value.length > MAX_PATTERN) return `value must be at most ${MAX_PATTERN} characters`;
  if (operator === 'matches') return patternProblem(value);
  return choiceProblem(field, value);
}

function choiceProblem(field: ConditionField, value: string): string | null {
  const choices: Partial<Record<ConditionField, readonly string[]>> = {
    language: LANGUAGES,
    channel: CHANNELS,
    customer_region: REGIONS,
  };
  const allowed = choices[field];
  return allowed && !allowed.includes(value) ? `value must be one of ${allowed.join(', ')}` : null;
}

export function patternProblem(source: string): string | null {
  try {
    new RegExp(source, 'iu');
    return null;
  } catch (error) {
    return `value is not a valid regular expression: ${(error as Error).message}`;
  }
}

function actionProblems(action: Record<string, unknown>, path: string): FieldReason[] {
  const type = action.type as ActionType;
  if (!ACTION_TYPES.includes(type)) {
    return [{ field: `${path}.type`, reason: `type must be one of ${ACTION_TYPES.join(', ')}` }];
  }
  const value = action.value;
  const problem = (reason: string) => [{ field: `${path}.value`, reason }];
  switch (type) {
    case 'set_queue':
    case 'assign_to':
      return isUuid(value)
        ? []
        : problem(`value must be the id of ${type === 'set_queue' ? 'a queue' : 'an agent'}`);
    case 'set_priority':
      return PRIORITIES.includes(value as Priority)
        ? []
        : problem(`value must be one of ${PRIORITIES.join(', ')}`);
    case 'set_category':
      return isText(value) ? [] : problem('value must be a category key');
    case 'add_tags':
      return Array.isArray(value) && value.length > 0 && value.every((tag) => isText(tag) && tag.length <= 50)
        ? []
        : problem('value must be a non-empty list of tags of at most 50 characters');
    case 'notify_supervisors':
    case 'stop':
      return value === undefined || value === null ? [] : problem(`value must be left out for ${type}`);
  }
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function isUuid(value: unknown): value is string {
  return (
    typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  );
}
