import {
  regionOf,
  routeTicket,
  ruleProblems,
  type RoutingRuleSpec,
  type TicketFacts,
} from './routing-rules.rules.js';

const QUEUE_A = '11111111-1111-4111-8111-111111111111';
const QUEUE_B = '22222222-2222-4222-8222-222222222222';

const facts = (overrides: Partial<TicketFacts> = {}): TicketFacts => ({
  senderAddress: 'khach@gmail.com',
  subject: 'Hỏi về tour',
  body: 'Xin chào',
  language: 'vi',
  channel: 'email',
  categoryKey: 'general',
  customerCountry: null,
  customerVulnerable: false,
  bookingReference: null,
  ...overrides,
});

const rule = (
  spec: Partial<RoutingRuleSpec> & Pick<RoutingRuleSpec, 'conditions' | 'actions'>,
): RoutingRuleSpec => ({
  id: spec.name ?? 'rule',
  name: spec.name ?? 'rule',
  matchMode: 'all',
  ...spec,
});

describe('routing rules', () => {
  it('matches text without caring about tone marks, đ/d, case or NFD input', () => {
    const rules = [
      rule({
        conditions: [{ field: 'text', operator: 'contains', value: 'HOÀN TIỀN' }],
        actions: [{ type: 'set_queue', value: QUEUE_A }],
      }),
    ];
    for (const body of ['toi muon hoan tien', 'Tôi muốn hoàn tiền', 'Tôi muốn hoàn tiền'.normalize('NFD')]) {
      expect(routeTicket(rules, facts({ body })).queueId).toBe(QUEUE_A);
    }
    const dong = [
      rule({
        conditions: [{ field: 'subject', operator: 'contains', value: 'đổi ngày' }],
        actions: [{ type: 'stop' }],
      }),
    ];
    expect(routeTicket(dong, facts({ subject: 'Xin doi ngay khoi hanh' })).fired).toHaveLength(1);
  });

  it('applies actions in order: later rules override, stop ends the run', () => {
    const rules = [
      rule({
        name: 'first',
        conditions: [{ field: 'channel', operator: 'equals', value: 'email' }],
        actions: [
          { type: 'set_queue', value: QUEUE_A },
          { type: 'set_priority', value: 'high' },
        ],
      }),
      rule({
        name: 'second',
        conditions: [{ field: 'language', operator: 'equals', value: 'vi' }],
        actions: [{ type: 'set_queue', value: QUEUE_B }, { type: 'stop' }],
      }),
      rule({
        name: 'never',
        conditions: [{ field: 'language', operator: 'equals', value: 'vi' }],
        actions: [{ type: 'set_priority', value: 'low' }],
      }),
    ];
    const outcome = routeTicket(rules, facts());
    expect(outcome).toMatchObject({ queueId: QUEUE_B, priority: 'high' });
    expect(outcome.fired.map((fired) => fired.name)).toEqual(['first', 'second']);
  });

  it('lets a later rule see the category an earlier rule set', () => {
    const rules = [
      rule({
        name: 'bank alerts are payments',
        conditions: [{ field: 'sender_domain', operator: 'equals', value: 'bank.example' }],
        actions: [{ type: 'set_category', value: 'payment' }],
      }),
      rule({
        conditions: [{ field: 'category', operator: 'equals', value: 'payment' }],
        actions: [{ type: 'set_queue', value: QUEUE_A }],
      }),
    ];
    const outcome = routeTicket(rules, facts({ senderAddress: 'alerts@Bank.Example' }));
    expect(outcome.queueId).toBe(QUEUE_A);
    expect(outcome.categorySetBy?.name).toBe('bank alerts are payments');
    expect(outcome.fired.at(-1)?.name).toBe('rule');
    expect(routeTicket(rules, facts()).queueId).toBeUndefined();
  });

  it('needs every condition for "all" and one for "any"', () => {
    const conditions = [
      { field: 'customer_vulnerable' as const, operator: 'equals' as const, value: true },
      { field: 'booking_reference' as const, operator: 'present' as const },
    ];
    const all = [rule({ conditions, actions: [{ type: 'notify_supervisors' }] })];
    const any = [rule({ matchMode: 'any', conditions, actions: [{ type: 'notify_supervisors' }] })];
    const onlyVulnerable = facts({ customerVulnerable: true });
    expect(routeTicket(all, onlyVulnerable).notifySupervisors).toBe(false);
    expect(routeTicket(any, onlyVulnerable).notifySupervisors).toBe(true);
    expect(
      routeTicket(all, facts({ customerVulnerable: true, bookingReference: 'OTV-2026-1234' }))
        .notifySupervisors,
    ).toBe(true);
  });

  it('tells Vietnam from overseas customers, and unknown from both', () => {
    expect(regionOf('VN')).toBe('vietnam');
    expect(regionOf('us')).toBe('overseas');
    expect(regionOf(null)).toBe('unknown');
    const overseas = [
      rule({
        conditions: [{ field: 'customer_region', operator: 'equals', value: 'overseas' }],
        actions: [{ type: 'add_tags', value: ['overseas'] }],
      }),
    ];
    expect(routeTicket(overseas, facts({ customerCountry: 'AU' })).tags).toEqual(['overseas']);
    expect(routeTicket(overseas, facts({ customerCountry: null })).tags).toEqual([]);
  });

  it('matches patterns against the original text, case-insensitively', () => {
    const rules = [
      rule({
        conditions: [{ field: 'subject', operator: 'matches', value: '^khiếu nại' }],
        actions: [{ type: 'set_priority', value: 'high' }],
      }),
    ];
    expect(routeTicket(rules, facts({ subject: 'KHIẾU NẠI về tour' })).priority).toBe('high');
    expect(routeTicket(rules, facts({ subject: 'Re: khiếu nại' })).priority).toBeUndefined();
  });

  it('requires "not contains" on text to hold for subject and body', () => {
    const rules = [
      rule({
        conditions: [{ field: 'text', operator: 'not_contains', value: 'test' }],
        actions: [{ type: 'stop' }],
      }),
    ];
    expect(routeTicket(rules, facts({ subject: 'a test', body: 'real' })).fired).toHaveLength(0);
    expect(routeTicket(rules, facts({ subject: 'real', body: 'real' })).fired).toHaveLength(1);
  });

  describe('validation', () => {
    it('accepts a well-formed rule', () => {
      expect(
        ruleProblems({
          conditions: [
            { field: 'sender_domain', operator: 'in', value: ['a.vn', 'b.vn'] },
            { field: 'booking_reference', operator: 'present' },
            { field: 'customer_vulnerable', operator: 'equals', value: false },
          ],
          actions: [
            { type: 'set_queue', value: QUEUE_A },
            { type: 'add_tags', value: ['vip'] },
            { type: 'stop' },
          ],
        }),
      ).toEqual([]);
    });

    it('names the field and the reason for each problem', () => {
      expect(
        ruleProblems({
          conditions: [
            { field: 'subject', operator: 'matches', value: '([unclosed' },
            { field: 'mood', operator: 'equals', value: 'angry' },
            { field: 'language', operator: 'contains', value: 'vi' },
            { field: 'channel', operator: 'equals', value: 'fax' },
            { field: 'customer_vulnerable', operator: 'equals', value: 'yes' },
          ],
          actions: [
            { type: 'set_priority', value: 'asap' },
            { type: 'set_queue', value: 'General' },
            { type: 'explode' },
          ],
        }),
      ).toEqual([
        { field: 'conditions.0.value', reason: expect.stringContaining('not a valid regular expression') },
        { field: 'conditions.1.field', reason: expect.stringContaining('field must be one of') },
        { field: 'conditions.2.operator', reason: 'operator for language must be one of equals, in' },
        { field: 'conditions.3.value', reason: 'value must be one of email, web, phone, api' },
        { field: 'conditions.4.value', reason: 'value must be true or false' },
        { field: 'actions.0.value', reason: 'value must be one of low, normal, high, urgent' },
        { field: 'actions.1.value', reason: 'value must be the id of a queue' },
        { field: 'actions.2.type', reason: expect.stringContaining('type must be one of') },
      ]);
    });

    it('refuses a rule without conditions or actions', () => {
      expect(ruleProblems({ conditions: [], actions: [] }).map((problem) => problem.field)).toEqual([
        'conditions',
        'actions',
      ]);
    });
  });
});
