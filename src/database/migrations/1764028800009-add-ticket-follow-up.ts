import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { ref } from '../column-types.js';

/** A ticket opened by a late reply to a closed ticket, or by a stranger quoting its number, points back to it. */
export class AddTicketFollowUp1764028800009 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('tickets', new TableColumn(ref('follow_up_of_id', true)));
    await queryRunner.createIndex(
      'tickets',
      new TableIndex({ name: 'idx_tickets_follow_up', columnNames: ['follow_up_of_id'] }),
    );
    await queryRunner.createForeignKey(
      'tickets',
      new TableForeignKey({
        name: 'fk_tickets_follow_up_of',
        columnNames: ['follow_up_of_id'],
        referencedTableName: 'tickets',
        referencedColumnNames: ['id'],
        onDelete: 'SET NULL',
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropForeignKey('tickets', 'fk_tickets_follow_up_of');
    await queryRunner.dropIndex('tickets', 'idx_tickets_follow_up');
    await queryRunner.dropColumn('tickets', 'follow_up_of_id');
  }
}
