import type { FieldReason } from '../../common/errors/validation.js';
import type { RuleAction, RuleCondition } from '../../routing/routing-rules.rules.js';
import { commaList, isChecked, type PostedForm, problemsByPlace, textOf } from './admin-form.js';

/** Blank condition rows a form offers below the rule's own, to add conditions without script. */
const BLANK_CONDITION_ROWS = 3;
const MAX_CONDITION_ROWS = 40;

export interface ConditionRow {
  field: string;
  operator: string;
  /** Lists (operator `in`) as "a, b"; true/false for the vulnerable flag; blank for present/absent. */
  value: string;
}

/** A routing rule as its page's form holds it: condition rows, and one field per action type. */
export interface RoutingRuleForm {
  name: string;
  matchMode: string;
  isActive: boolean;
  conditions: ConditionRow[];
  queueId: string;
  priority: string;
  categoryKey: string;
  tags: string;
  assigneeId: string;
  notifySupervisors: boolean;
  stop: boolean;
}

/** What a form asks of the routing rules service, and which form field each condition and action came from. */
export interface RoutingRuleParts {
  name: string;
  matchMode: string;
  isActive: boolean;
  conditions: RuleCondition[];
  actions: RuleAction[];
  /** conditionRows[i] is the row of conditions[i] (blank rows are skipped). */
  conditionRows: number[];
  /** actionFields[i] is the form field of actions[i]. */
  actionFields: string[];
}

export function emptyRoutingRuleForm(): RoutingRuleForm {
  return withBlankRows({
    name: '',
    matchMode: 'all',
    isActive: true,
    conditions: [],
    queueId: '',
    priority: '',
    categoryKey: '',
    tags: '',
    assigneeId: '',
    notifySupervisors: false,
    stop: false,
  });
}

/** The form of a saved rule; several tag actions show as one list. */
export function routingRuleFormOf(rule: {
  name: string;
  matchMode: string;
  isActive: boolean;
  conditions: RuleCondition[];
  actions: RuleAction[];
}): RoutingRuleForm {
  const valueOf = (type: RuleAction['type']) => {
    const action = rule.actions.find((candidate) => candidate.type === type);
    return action ? String(action.value ?? '') : '';
  };
  const tags = rule.actions.flatMap((action) =>
    action.type === 'add_tags' ? (Array.isArray(action.value) ? action.value : [String(action.value)]) : [],
  );
  return withBlankRows({
    name: rule.name,
    matchMode: rule.matchMode,
    isActive: rule.isActive,
    conditions: rule.conditions.map((condition) => ({
      field: condition.field,
      operator: condition.operator,
      value: Array.isArray(condition.value) ? condition.value.join(', ') : String(condition.value ?? ''),
    })),
    queueId: valueOf('set_queue'),
    priority: valueOf('set_priority'),
    categoryKey: valueOf('set_category'),
    tags: [...new Set(tags)].join(', '),
    assigneeId: valueOf('assign_to'),
    notifySupervisors: rule.actions.some((action) => action.type === 'notify_supervisors'),
    stop: rule.actions.some((action) => action.type === 'stop'),
  });
}

/** Reads the posted form back, keeping every row as typed (blank rows included) to show it again. */
export function readRoutingRuleForm(posted: PostedForm): RoutingRuleForm {
  const conditions: ConditionRow[] = [];
  for (let row = 0; row < MAX_CONDITION_ROWS && `condition.${row}.field` in posted; row++) {
    conditions.push({
      field: textOf(posted, `condition.${row}.field`),
      operator: textOf(posted, `condition.${row}.operator`),
      value: textOf(posted, `condition.${row}.value`),
    });
  }
  return {
    name: textOf(posted, 'name'),
    matchMode: textOf(posted, 'matchMode') || 'all',
    isActive: isChecked(posted, 'isActive'),
    conditions,
    queueId: textOf(posted, 'queueId'),
    priority: textOf(posted, 'priority'),
    categoryKey: textOf(posted, 'categoryKey'),
    tags: textOf(posted, 'tags'),
    assigneeId: textOf(posted, 'assigneeId'),
    notifySupervisors: isChecked(posted, 'notifySupervisors'),
    stop: isChecked(posted, 'stop'),
  };
}

/** The form again with room for new conditions. */
export function withBlankRows(form: RoutingRuleForm): RoutingRuleForm {
  const filled = form.conditions.filter((row) => row.field !== '');
  const blanks = Array.from({ length: BLANK_CONDITION_ROWS }, () => ({ field: '', operator: '', value: '' }));
  return { ...form, conditions: [...filled, ...blanks] };
}

/**
 * The conditions and actions a form describes, in the shape of the rule DTOs. Values are converted only as far
 * as the form needs (lists, true/false); whether they make sense is the service's to say.
 */
export function routingRuleParts(form: RoutingRuleForm): RoutingRuleParts {
  const conditions: RuleCondition[] = [];
  const conditionRows: number[] = [];
  form.conditions.forEach((row, index) => {
    if (row.field === '') return;
    conditions.push({
      field: row.field,
      operator: row.operator,
      ...conditionValue(row),
    } as RuleCondition);
    conditionRows.push(index);
  });
  const actions: RuleAction[] = [];
  const actionFields: string[] = [];
  const add = (field: string, action: RuleAction) => {
    actions.push(action);
    actionFields.push(field);
  };
  if (form.queueId) add('queueId', { type: 'set_queue', value: form.queueId });
  if (form.priority) add('priority', { type: 'set_priority', value: form.priority });
  if (form.categoryKey) add('categoryKey', { type: 'set_category', value: form.categoryKey });
  if (form.tags) add('tags', { type: 'add_tags', value: commaList(form.tags) });
  if (form.assigneeId) add('assigneeId', { type: 'assign_to', value: form.assigneeId });
  if (form.notifySupervisors) add('notifySupervisors', { type: 'notify_supervisors' });
  // Last, because `stop` ends the run of rules after this one's actions.
  if (form.stop) add('stop', { type: 'stop' });
  return {
    name: form.name,
    matchMode: form.matchMode,
    isActive: form.isActive,
    conditions,
    actions,
    conditionRows,
    actionFields,
  };
}

function conditionValue(row: ConditionRow): Pick<RuleCondition, 'value'> {
  if (row.operator === 'present' || row.operator === 'absent') return {};
  if (row.field === 'customer_vulnerable' && (row.value === 'true' || row.value === 'false')) {
    return { value: row.value === 'true' };
  }
  if (row.operator === 'in') return { value: commaList(row.value) };
  return { value: row.value };
}

/** Problems named by DTO path (`conditions.1.value`, `actions.0.value`) placed on the form field they concern. */
export function routingRuleProblems(
  problems: FieldReason[],
  parts: Pick<RoutingRuleParts, 'conditionRows' | 'actionFields'>,
): Record<string, string> {
  return problemsByPlace(problems, (field) => {
    const [list, index] = field.split('.');
    if (list === 'conditions' && index !== undefined)
      return `condition.${parts.conditionRows[Number(index)]}`;
    if (list === 'actions' && index !== undefined) return parts.actionFields[Number(index)] ?? 'actions';
    return list;
  });
}

/**
 * New positions after moving one rule a step up or down, numbered 10, 20, … so rules that shared a position
 * get distinct ones; only the rules whose position changes are listed.
 */
export function movedPositions(
  rules: { id: string; position: number }[],
  id: string,
  direction: 'up' | 'down',
): { id: string; position: number }[] {
  const order = rules.map((rule) => rule.id);
  const from = order.indexOf(id);
  const to = direction === 'up' ? from - 1 : from + 1;
  if (from < 0 || to < 0 || to >= order.length) return [];
  [order[from], order[to]] = [order[to], order[from]];
  const current = new Map(rules.map((rule) => [rule.id, rule.position]));
  return order
    .map((ruleId, index) => ({ id: ruleId, position: (index + 1) * 10 }))
    .filter((rule) => current.get(rule.id) !== rule.position);
}
