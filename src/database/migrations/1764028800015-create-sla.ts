import { randomUUID } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, Table, type TableColumnOptions } from 'typeorm';
import {
  bool,
  engineOf,
  id,
  insertSeedRows,
  int,
  longText,
  ref,
  seedTime,
  str,
  text,
  time,
} from '../column-types.js';

const double = (name: string, defaultValue: number): TableColumnOptions => ({
  name,
  type: 'double',
  default: defaultValue,
});

/** Vietnam's public holidays 2026–2028 with their substitute days off, as shipped (admins edit them yearly). */
const HOLIDAYS: [string, string][] = [
  ['2026-01-01', "New Year's Day (Tết Dương lịch)"],
  ['2026-02-16', 'Lunar New Year (Tết Nguyên Đán)'],
  ['2026-02-17', 'Lunar New Year (Tết Nguyên Đán)'],
  ['2026-02-18', 'Lunar New Year (Tết Nguyên Đán)'],
  ['2026-02-19', 'Lunar New Year (Tết Nguyên Đán)'],
  ['2026-02-20', 'Lunar New Year (Tết Nguyên Đán)'],
  ['2026-04-26', "Hùng Kings' Commemoration (Giỗ Tổ Hùng Vương)"],
  ['2026-04-27', 'Day off in lieu of 2026-04-26'],
  ['2026-04-30', 'Reunification Day (Ngày Giải phóng miền Nam)'],
  ['2026-05-01', "International Workers' Day (Quốc tế Lao động)"],
  ['2026-09-01', 'National Day holiday (Quốc khánh)'],
  ['2026-09-02', 'National Day (Quốc khánh)'],
  ['2027-01-01', "New Year's Day (Tết Dương lịch)"],
  ['2027-02-05', 'Lunar New Year (Tết Nguyên Đán)'],
  ['2027-02-06', 'Lunar New Year (Tết Nguyên Đán)'],
  ['2027-02-07', 'Lunar New Year (Tết Nguyên Đán)'],
  ['2027-02-08', 'Lunar New Year (Tết Nguyên Đán)'],
  ['2027-02-09', 'Lunar New Year (Tết Nguyên Đán)'],
  ['2027-02-10', 'Day off in lieu of 2027-02-06'],
  ['2027-02-11', 'Day off in lieu of 2027-02-07'],
  ['2027-04-16', "Hùng Kings' Commemoration (Giỗ Tổ Hùng Vương)"],
  ['2027-04-30', 'Reunification Day (Ngày Giải phóng miền Nam)'],
  ['2027-05-01', "International Workers' Day (Quốc tế Lao động)"],
  ['2027-05-03', 'Day off in lieu of 2027-05-01'],
  ['2027-09-01', 'National Day holiday (Quốc khánh)'],
  ['2027-09-02', 'National Day (Quốc khánh)'],
  ['2028-01-01', "New Year's Day (Tết Dương lịch)"],
  ['2028-01-03', 'Day off in lieu of 2028-01-01'],
  ['2028-01-25', 'Lunar New Year (Tết Nguyên Đán)'],
  ['2028-01-26', 'Lunar New Year (Tết Nguyên Đán)'],
  ['2028-01-27', 'Lunar New Year (Tết Nguyên Đán)'],
  ['2028-01-28', 'Lunar New Year (Tết Nguyên Đán)'],
  ['2028-01-29', 'Lunar New Year (Tết Nguyên Đán)'],
  ['2028-01-31', 'Day off in lieu of 2028-01-29'],
  ['2028-04-04', "Hùng Kings' Commemoration (Giỗ Tổ Hùng Vương)"],
  ['2028-04-30', 'Reunification Day (Ngày Giải phóng miền Nam)'],
  ['2028-05-01', "International Workers' Day (Quốc tế Lao động)"],
  ['2028-05-02', 'Day off in lieu of 2028-04-30'],
  ['2028-09-01', 'National Day holiday (Quốc khánh)'],
  ['2028-09-02', 'National Day (Quốc khánh)'],
  ['2028-09-04', 'Day off in lieu of 2028-09-02'],
];

const WEEKDAY_HOURS = [
  { start: '08:00', end: '12:00' },
  { start: '13:30', end: '17:30' },
];
const WORKING_HOURS = {
  mon: WEEKDAY_HOURS,
  tue: WEEKDAY_HOURS,
  wed: WEEKDAY_HOURS,
  thu: WEEKDAY_HOURS,
  fri: WEEKDAY_HOURS,
  sat: [],
  sun: [],
};

/** The usual ladder: warn the assignee at 75%, tell supervisors and raise priority at breach, then move it. */
const ladder = (reassignAfterMinutes: number) => [
  { at: 'before_breach', percent: 75, action: 'notify_assignee' },
  { at: 'breach', action: 'notify_supervisors' },
  { at: 'breach', action: 'raise_priority' },
  { at: 'after_breach', afterMinutes: reassignAfterMinutes, action: 'reassign', queue: 'Escalations' },
];

/** Day-one policies (issue #6, DESIGN.md §2), most specific first; the last one takes every other ticket. */
const SEED_POLICIES = [
  {
    name: 'Fraud or tampering',
    conditions: { categoryKeys: ['fraud_or_tampering'] },
    targets: {
      first_response: { businessMinutes: 60 },
      next_response: { businessMinutes: 240 },
      resolution: { workingDays: 7 },
    },
    urgent: true,
    ladder: ladder(120),
  },
  {
    name: 'Personal-data requests',
    conditions: { categoryKeys: ['privacy_request'] },
    // First reply within 2 working days (Decree 356/2025); view, correct or copy within 10.
    targets: {
      first_response: { workingDays: 2 },
      next_response: { workingDays: 2 },
      resolution: { workingDays: 10 },
    },
    urgent: false,
    ladder: ladder(480),
  },
  {
    name: 'Complaints',
    conditions: {},
    // Acknowledge within 3 working days; negotiate or refuse in writing within 7 (Decree 55/2024).
    targets: {
      first_response: { workingDays: 3 },
      next_response: { workingDays: 3 },
      resolution: { workingDays: 7 },
    },
    urgent: false,
    ladder: ladder(480),
  },
];

/** Staff notifications. Placeholders: ticketNumber, subject, target, dueAt, queueName. */
const SEED_TEMPLATES = [
  {
    key: 'sla_warning',
    language: 'vi',
    subject: '[Sắp quá hạn] {{ticketNumber}}: {{subject}}',
    body:
      'Phiếu {{ticketNumber}} sắp quá hạn {{target}}: hạn chót {{dueAt}}.\n\n' +
      'Tiêu đề: {{subject}}\nHàng đợi: {{queueName}}\n',
  },
  {
    key: 'sla_warning',
    language: 'en',
    subject: '[Due soon] {{ticketNumber}}: {{subject}}',
    body:
      'Ticket {{ticketNumber}} is close to its {{target}} target, due {{dueAt}}.\n\n' +
      'Subject: {{subject}}\nQueue: {{queueName}}\n',
  },
  {
    key: 'sla_breach',
    language: 'vi',
    subject: '[Quá hạn] {{ticketNumber}}: {{subject}}',
    body:
      'Phiếu {{ticketNumber}} đã quá hạn {{target}} (hạn chót {{dueAt}}).\n\n' +
      'Tiêu đề: {{subject}}\nHàng đợi: {{queueName}}\n',
  },
  {
    key: 'sla_breach',
    language: 'en',
    subject: '[Overdue] {{ticketNumber}}: {{subject}}',
    body:
      'Ticket {{ticketNumber}} missed its {{target}} target (due {{dueAt}}).\n\n' +
      'Subject: {{subject}}\nQueue: {{queueName}}\n',
  },
];

/**
 * SLA: business calendars, policies with their escalation ladders, one clock per ticket and target, a record
 * of every escalation step fired (unique, so a step fires once however many instances scan), and in-app
 * notifications for staff.
 */
export class CreateSla1764028800015 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const engine = engineOf(queryRunner.connection.options.type);
    await queryRunner.createTable(
      new Table({
        name: 'business_calendars',
        columns: [
          id(),
          str('name', 100),
          str('time_zone', 64),
          text('working_hours', false),
          longText(engine, 'holidays', false),
          text('extra_working_days', false),
          bool('is_default', false),
          int('version', false, 1),
          time('created_at'),
          time('updated_at'),
        ],
        uniques: [{ name: 'uq_business_calendars_name', columnNames: ['name'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sla_policies',
        columns: [
          id(),
          int('position'),
          str('name', 100),
          bool('is_active', true),
          ref('calendar_id'),
          text('conditions', false),
          text('targets', false),
          text('pause_states', false),
          text('escalation_ladder', false),
          bool('urgent_notifications', false),
          int('version', false, 1),
          time('created_at'),
          time('updated_at'),
        ],
        indices: [{ name: 'idx_sla_policies_position', columnNames: ['position'] }],
        foreignKeys: [
          {
            name: 'fk_sla_policies_calendar',
            columnNames: ['calendar_id'],
            referencedTableName: 'business_calendars',
            referencedColumnNames: ['id'],
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'ticket_sla_clocks',
        columns: [
          id(),
          ref('ticket_id'),
          str('target', 20),
          ref('policy_id', true),
          int('cycle', false, 1),
          time('started_at'),
          // Business minutes spent paused, added to the target; fractional because pauses are timed to the ms.
          double('paused_minutes', 0),
          time('paused_at', true),
          time('due_at', true),
          time('met_at', true),
          time('breached_at', true),
          time('next_check_at', true),
        ],
        uniques: [{ name: 'uq_ticket_sla_clocks_target', columnNames: ['ticket_id', 'target'] }],
        indices: [{ name: 'idx_ticket_sla_clocks_next_check', columnNames: ['next_check_at'] }],
        foreignKeys: [
          {
            name: 'fk_ticket_sla_clocks_ticket',
            columnNames: ['ticket_id'],
            referencedTableName: 'tickets',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sla_escalation_firings',
        columns: [
          id(),
          ref('clock_id'),
          ref('ticket_id'),
          str('target', 20),
          int('cycle'),
          int('step'),
          str('action', 30),
          time('fired_at'),
        ],
        uniques: [{ name: 'uq_sla_escalation_firings_step', columnNames: ['clock_id', 'cycle', 'step'] }],
        indices: [{ name: 'idx_sla_escalation_firings_ticket', columnNames: ['ticket_id'] }],
        foreignKeys: [
          {
            name: 'fk_sla_escalation_firings_clock',
            columnNames: ['clock_id'],
            referencedTableName: 'ticket_sla_clocks',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          id(),
          ref('agent_id'),
          ref('ticket_id', true),
          str('kind', 30),
          str('title', 255),
          text('body', false),
          time('deliver_at'),
          time('created_at'),
          time('read_at', true),
        ],
        indices: [{ name: 'idx_notifications_agent', columnNames: ['agent_id', 'deliver_at'] }],
        foreignKeys: [
          {
            name: 'fk_notifications_agent',
            columnNames: ['agent_id'],
            referencedTableName: 'agents',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            name: 'fk_notifications_ticket',
            columnNames: ['ticket_id'],
            referencedTableName: 'tickets',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );

    const now = seedTime(new Date());
    const calendarId = randomUUID();
    await insertSeedRows(queryRunner, 'business_calendars', [
      {
        id: calendarId,
        name: 'Việt Nam (Hà Nội)',
        time_zone: 'Asia/Ho_Chi_Minh',
        working_hours: JSON.stringify(WORKING_HOURS),
        holidays: JSON.stringify(HOLIDAYS.map(([date, name]) => ({ date, name }))),
        extra_working_days: '[]',
        is_default: 1,
        version: 1,
        created_at: now,
        updated_at: now,
      },
    ]);
    const existing = (await queryRunner.query('SELECT id FROM queues WHERE name = ?', ['Escalations'])) as {
      id: string;
    }[];
    const escalationQueueId = existing[0]?.id ?? randomUUID();
    if (existing.length === 0)
      await insertSeedRows(queryRunner, 'queues', [
        {
          id: escalationQueueId,
          name: 'Escalations',
          description: 'Tickets past their SLA target, for supervisors',
          is_default: 0,
          is_active: 1,
          assignment_mode: 'manual',
          created_at: now,
          updated_at: now,
        },
      ]);
    await insertSeedRows(
      queryRunner,
      'sla_policies',
      SEED_POLICIES.map((policy, index) => ({
        id: randomUUID(),
        position: (index + 1) * 10,
        name: policy.name,
        is_active: 1,
        calendar_id: calendarId,
        conditions: JSON.stringify(policy.conditions),
        targets: JSON.stringify(policy.targets),
        pause_states: JSON.stringify(['pending_customer']),
        escalation_ladder: JSON.stringify(
          policy.ladder.map(({ queue, ...step }) => (queue ? { ...step, queueId: escalationQueueId } : step)),
        ),
        urgent_notifications: policy.urgent ? 1 : 0,
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
    const key = queryRunner.connection.driver.escape('key');
    await queryRunner.query(`DELETE FROM mail_templates WHERE ${key} IN (?, ?)`, [
      'sla_warning',
      'sla_breach',
    ]);
    await queryRunner.dropTable('notifications');
    await queryRunner.dropTable('sla_escalation_firings');
    await queryRunner.dropTable('ticket_sla_clocks');
    await queryRunner.dropTable('sla_policies');
    await queryRunner.dropTable('business_calendars');
    await queryRunner.query('DELETE FROM queues WHERE name = ?', ['Escalations']);
  }
}
