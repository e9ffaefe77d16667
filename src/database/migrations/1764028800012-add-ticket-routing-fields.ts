import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { DEFAULT_KEYWORD_LISTS } from '../../classification/classifier.rules.js';
import { int, str, text, time } from '../column-types.js';

/**
 * What classification and queue work need on a ticket: an urgency rank the queue page sorts by (urgent 0 …
 * low 3, so every index column sorts ascending on both engines), the due time SLAs set, why the classifier
 * chose the category, and the order of events within one change. Categories get their admin-editable keyword lists.
 */
export class AddTicketRoutingFields1764028800012 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('tickets', [
      new TableColumn(int('priority_rank', false, 2)),
      new TableColumn(time('due_at', true)),
      new TableColumn(str('category_explanation', 255, true)),
    ]);
    await queryRunner.query(
      `UPDATE tickets SET priority_rank = CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'low' THEN 3 ELSE 2 END`,
    );
    await queryRunner.createIndices('tickets', [
      // The queue page: one range per state, already in urgency order.
      new TableIndex({
        name: 'idx_tickets_queue_urgency',
        columnNames: ['queue_id', 'state', 'priority_rank', 'created_at', 'id'],
      }),
      // "Next ticket": the most urgent unassigned one.
      new TableIndex({
        name: 'idx_tickets_queue_unassigned',
        columnNames: ['queue_id', 'assignee_id', 'priority_rank', 'created_at', 'id'],
      }),
    ]);
    // Several events of one change share time and version; their order within the change is kept here.
    await queryRunner.addColumn('ticket_events', new TableColumn(int('seq', false, 0)));
    await queryRunner.addColumn('categories', new TableColumn(text('keywords', true)));
    const key = queryRunner.connection.driver.escape('key');
    for (const list of DEFAULT_KEYWORD_LISTS) {
      await queryRunner.query(`UPDATE categories SET keywords = ? WHERE ${key} = ?`, [
        JSON.stringify(list.keywords),
        list.categoryKey,
      ]);
    }
    await queryRunner.query(`UPDATE categories SET keywords = '[]' WHERE keywords IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('categories', 'keywords');
    await queryRunner.dropColumn('ticket_events', 'seq');
    await queryRunner.dropIndex('tickets', 'idx_tickets_queue_unassigned');
    await queryRunner.dropIndex('tickets', 'idx_tickets_queue_urgency');
    for (const column of ['category_explanation', 'due_at', 'priority_rank']) {
      await queryRunner.dropColumn('tickets', column);
    }
  }
}
