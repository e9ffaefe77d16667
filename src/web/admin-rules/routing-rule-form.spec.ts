import {
  movedPositions,
  readRoutingRuleForm,
  routingRuleFormOf,
  routingRuleParts,
  routingRuleProblems,
} from './routing-rule-form.js';

describe('routing rule form', () => {
  const posted = {
    name: ' Hoàn tiền ',
    matchMode: 'any',
    isActive: '1',
    'condition.0.field': 'subject',
    'condition.0.operator': 'contains',
    'condition.0.value': 'hoàn tiền',
    'condition.1.field': '',
    'condition.1.operator': 'equals',
    'condition.1.value': '',
    'condition.2.field': 'language',
    'condition.2.operator': 'in',
    'condition.2.value': 'vi, en,',
    'condition.3.field': 'customer_vulnerable',
    'condition.3.operator': 'equals',
    'condition.3.value': 'false',
    'condition.4.field': 'booking_reference',
    'condition.4.operator': 'present',
    'condition.4.value': 'ignored',
    queueId: 'q1',
    tags: 'a, b',
    stop: '1',
    notifySupervisors: '1',
  };

  it('turns rows and action fields into the DTO, skipping blank rows and remembering where each came from', () => {
    const parts = routingRuleParts(readRoutingRuleForm(posted));
    expect(parts).toMatchObject({ name: 'Hoàn tiền', matchMode: 'any', isActive: true });
    expect(parts.conditions).toEqual([
      { field: 'subject', operator: 'contains', value: 'hoàn tiền' },
      { field: 'language', operator: 'in', value: ['vi', 'en'] },
      { field: 'customer_vulnerable', operator: 'equals', value: false },
      { field: 'booking_reference', operator: 'present' },
    ]);
    expect(parts.conditionRows).toEqual([0, 2, 3, 4]);
    expect(parts.actions).toEqual([
      { type: 'set_queue', value: 'q1' },
      { type: 'add_tags', value: ['a', 'b'] },
      { type: 'notify_supervisors' },
      { type: 'stop' },
    ]);
    expect(parts.actionFields).toEqual(['queueId', 'tags', 'notifySupervisors', 'stop']);
  });

  it('places service problems on the row or action field they concern', () => {
    const parts = routingRuleParts(readRoutingRuleForm(posted));
    expect(
      routingRuleProblems(
        [
          { field: 'conditions.1.value', reason: 'bad language' },
          { field: 'conditions.1.operator', reason: 'second reason for the same row' },
          { field: 'actions.1.value', reason: 'bad tags' },
          { field: 'name', reason: 'name must be shorter' },
        ],
        parts,
      ),
    ).toEqual({ 'condition.2': 'bad language', tags: 'bad tags', name: 'name must be shorter' });
  });

  it('shows a saved rule in its form with lists joined and room for new conditions', () => {
    const form = routingRuleFormOf({
      name: 'VIP',
      matchMode: 'all',
      isActive: false,
      conditions: [{ field: 'channel', operator: 'in', value: ['email', 'web'] }],
      actions: [
        { type: 'add_tags', value: ['vip'] },
        { type: 'add_tags', value: ['vip', 'khẩn'] },
        { type: 'set_priority', value: 'urgent' },
      ],
    });
    expect(form.conditions[0]).toEqual({ field: 'channel', operator: 'in', value: 'email, web' });
    expect(form.conditions).toHaveLength(4);
    expect(form).toMatchObject({ tags: 'vip, khẩn', priority: 'urgent', queueId: '', stop: false });
  });

  it('moves a rule one place and renumbers only the rules whose position changes', () => {
    const rules = [
      { id: 'a', position: 10 },
      { id: 'b', position: 10 },
      { id: 'c', position: 30 },
    ];
    expect(movedPositions(rules, 'c', 'up')).toEqual([
      { id: 'c', position: 20 },
      { id: 'b', position: 30 },
    ]);
    // b already sits at 10, so only a moves: the tie is broken by the new numbering.
    expect(movedPositions(rules, 'a', 'down')).toEqual([{ id: 'a', position: 20 }]);
    expect(movedPositions(rules, 'a', 'up')).toEqual([]);
    expect(movedPositions(rules, 'c', 'down')).toEqual([]);
    expect(movedPositions(rules, 'missing', 'down')).toEqual([]);
  });
});
