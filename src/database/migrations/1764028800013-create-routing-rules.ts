import { randomUUID } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, engineOf, id, insertSeedRows, int, longText, seedTime, str, time } from '../column-types.js';

interface SeedRule {
  name: string;
  match: 'all' | 'any';
  conditions: { field: string; operator: string; value?: unknown }[];
  /** `set_queue` names the queue here; the migration stores its id. */
  actions: { type: string; value?: unknown }[];
}

/** Day-one routing (issue #5): each category to its queue, fraud paged at once, vulnerable customers first. */
const SEED_RULES: SeedRule[] = [
  {
    name: 'Vulnerable customers get raised priority',
    match: 'all',
    conditions: [{ field: 'customer_vulnerable', operator: 'equals', value: true }],
    actions: [{ type: 'set_priority', value: 'high' }],
  },
  {
    name: 'Fraud or tampering: urgent, supervisors notified',
    match: 'all',
    conditions: [{ field: 'category', operator: 'equals', value: 'fraud_or_tampering' }],
    actions: [
      { type: 'set_queue', value: 'Payments & fraud' },
      { type: 'set_priority', value: 'urgent' },
      { type: 'notify_supervisors' },
      { type: 'stop' },
    ],
  },
  {
    name: 'Payment incidents',
    match: 'all',
    conditions: [{ field: 'category', operator: 'equals', value: 'payment' }],
    actions: [{ type: 'set_queue', value: 'Payments & fraud' }],
  },
  {
    name: 'Cancellations and changes',
    match: 'all',
    conditions: [{ field: 'category', operator: 'equals', value: 'cancellation' }],
    actions: [{ type: 'set_queue', value: 'Bookings & cancellations' }],
  },
  {
    name: 'Personal-data requests',
    match: 'all',
    conditions: [{ field: 'category', operator: 'equals', value: 'privacy_request' }],
    actions: [{ type: 'set_queue', value: 'Privacy requests' }],
  },
  {
    name: 'Newsletter requests',
    match: 'all',
    conditions: [{ field: 'category', operator: 'equals', value: 'newsletter' }],
    actions: [{ type: 'add_tags', value: ['newsletter'] }],
  },
  {
    name: 'Other questions from overseas customers',
    match: 'all',
    conditions: [
      { field: 'category', operator: 'equals', value: 'general' },
      { field: 'customer_region', operator: 'equals', value: 'overseas' },
    ],
    actions: [{ type: 'set_queue', value: 'Overseas customers' }],
  },
];

/** Staff mail when a rule says supervisors must know at once. Placeholders: ticketNumber, subject, rule. */
const SEED_TEMPLATES = [
  {
    key: 'supervisor_alert',
    language: 'vi',
    subject: '[Cần xử lý ngay] {{ticketNumber}}: {{subject}}',
    body:
      'Phiếu {{ticketNumber}} vừa được tạo và quy tắc "{{rule}}" yêu cầu giám sát viên xem ngay.\n\n' +
      'Tiêu đề: {{subject}}\nHàng đợi: {{queueName}}\n',
  },
  {
    key: 'supervisor_alert',
    language: 'en',
    subject: '[Action needed] {{ticketNumber}}: {{subject}}',
    body:
      'Ticket {{ticketNumber}} was just opened and the rule "{{rule}}" asks a supervisor to look at it now.\n\n' +
      'Subject: {{subject}}\nQueue: {{queueName}}\n',
  },
];

export class CreateRoutingRules1764028800013 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const engine = engineOf(queryRunner.connection.options.type);
    await queryRunner.createTable(
      new Table({
        name: 'routing_rules',
        columns: [
          id(),
          int('position'),
          str('name', 100),
          bool('is_active', true),
          str('match_mode', 3),
          longText(engine, 'conditions', false),
          longText(engine, 'actions', false),
          int('version', false, 1),
          time('created_at'),
          time('updated_at'),
        ],
        indices: [{ name: 'idx_routing_rules_position', columnNames: ['position'] }],
      }),
    );
    const queues = (await queryRunner.query('SELECT id, name FROM queues')) as { id: string; name: string }[];
    const queueId = (name: string) => queues.find((queue) => queue.name === name)?.id;
    const now = seedTime(new Date());
    const rows = SEED_RULES.flatMap((rule) => {
      const actions = rule.actions.map((action) =>
        action.type === 'set_queue' ? { ...action, value: queueId(action.value as string) } : action,
      );
      // A renamed or deleted seed queue before this migration ran: leave that rule out rather than guess.
      if (actions.some((action) => action.type === 'set_queue' && !action.value)) return [];
      return [{ ...rule, actions }];
    });
    await insertSeedRows(
      queryRunner,
      'routing_rules',
      rows.map((rule, index) => ({
        id: randomUUID(),
        position: (index + 1) * 10,
        name: rule.name,
        is_active: 1,
        match_mode: rule.match,
        conditions: JSON.stringify(rule.conditions),
        actions: JSON.stringify(rule.actions),
        version: 1,
        created_at: now,
        updated_at: now,
      })),
    );
    await insertSeedRows(
      queryRunner,
      'mail_templates',
      SEED_TEMPLATES.map((template) => ({
        id: randomUUID(),
        key: template.key,
        language: template.language,
        subject: template.subject,
        body_text: template.body,
        updated_at: now,
      })),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DELETE FROM mail_templates WHERE ${queryRunner.connection.driver.escape('key')} = ?`,
      ['supervisor_alert'],
    );
    await queryRunner.dropTable('routing_rules');
  }
}
