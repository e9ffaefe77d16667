import { randomUUID } from 'node:crypto';
import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, insertSeedRows, id, ref, seedTime, str, time } from '../column-types.js';

/** The queues DESIGN.md §3 names; General takes whatever no rule routes elsewhere. */
const SEED_QUEUES = [
  { name: 'General', description: 'Questions and complaints no other queue takes', isDefault: true },
  { name: 'Payments & fraud', description: 'Payment incidents, tampered or fraudulent transactions' },
  { name: 'Bookings & cancellations', description: 'Changes, cancellations and penalty questions' },
  { name: 'Privacy requests', description: 'Personal-data requests: view, copy, correct, delete, consent' },
  { name: 'Overseas customers', description: 'Customers outside Vietnam, often writing in English' },
];

export class CreateQueues1764028800004 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'queues',
        columns: [
          id(),
          str('name', 100),
          str('description', 500, true),
          bool('is_default', false),
          bool('is_active', true),
          time('created_at'),
          time('updated_at'),
        ],
        uniques: [{ name: 'uq_queues_name', columnNames: ['name'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'queue_members',
        columns: [
          { ...ref('queue_id'), isPrimary: true },
          { ...ref('agent_id'), isPrimary: true },
          time('created_at'),
        ],
        indices: [{ name: 'idx_queue_members_agent', columnNames: ['agent_id'] }],
        foreignKeys: [
          {
            name: 'fk_queue_members_queue',
            columnNames: ['queue_id'],
            referencedTableName: 'queues',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
          {
            name: 'fk_queue_members_agent',
            columnNames: ['agent_id'],
            referencedTableName: 'agents',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
    const now = seedTime(new Date());
    await insertSeedRows(
      queryRunner,
      'queues',
      SEED_QUEUES.map((queue) => ({
        id: randomUUID(),
        name: queue.name,
        description: queue.description,
        is_default: queue.isDefault ? 1 : 0,
        is_active: 1,
        created_at: now,
        updated_at: now,
      })),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('queue_members');
    await queryRunner.dropTable('queues');
  }
}
