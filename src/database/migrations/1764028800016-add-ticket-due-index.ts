import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';

/** Queue pages in SLA due order: one index range per queue and state, soonest due first. */
export class AddTicketDueIndex1764028800016 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'tickets',
      new TableIndex({ name: 'idx_tickets_queue_due', columnNames: ['queue_id', 'state', 'due_at', 'id'] }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('tickets', 'idx_tickets_queue_due');
  }
}
