import { type MigrationInterface, type QueryRunner, TableIndex } from 'typeorm';
import { engineOf } from '../column-types.js';

/**
 * A ticket's thread in the order its messages were added: `messages.thread_seq` counts 1, 2, 3… per ticket,
 * drawn from `tickets.last_message_seq`. Timestamps cannot order a thread: a customer's mail and the note
 * that resolves it are written in the same millisecond, and a merge brings two threads together.
 *
 * Existing threads are numbered by (created_at, id), the order they were shown in until now. The column is
 * added with a default of 0 because SQLite cannot add a NOT NULL column without one (and dropping it there
 * means rebuilding the table); MySQL drops the default once the numbers are in. Every writer sets the
 * number, and the unique index refuses a second message that forgot to.
 *
 * Plain ALTER TABLE on both engines: TypeORM's addColumn and dropColumn rebuild the table on SQLite, which
 * copies every message, and when taken back (TypeORM turns foreign keys off only after its transaction has
 * begun, where SQLite ignores it) dropping the old tickets table would cascade to every message.
 */
export class AddMessageThreadSequence1764028800031 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    const engine = engineOf(queryRunner.connection.options.type);
    await queryRunner.query('ALTER TABLE tickets ADD COLUMN last_message_seq int NOT NULL DEFAULT 0');
    await queryRunner.query('ALTER TABLE messages ADD COLUMN thread_seq int NOT NULL DEFAULT 0');
    const numbered = `SELECT id, ROW_NUMBER() OVER (PARTITION BY ticket_id ORDER BY created_at, id) AS seq
                      FROM messages`;
    await queryRunner.query(
      engine === 'mysql'
        ? `UPDATE messages m JOIN (${numbered}) numbered ON numbered.id = m.id SET m.thread_seq = numbered.seq`
        : `UPDATE messages SET thread_seq = numbered.seq FROM (${numbered}) AS numbered
           WHERE numbered.id = messages.id`,
    );
    if (engine === 'mysql')
      await queryRunner.query('ALTER TABLE messages ALTER COLUMN thread_seq DROP DEFAULT');
    await queryRunner.query(
      `UPDATE tickets SET last_message_seq =
         (SELECT COALESCE(MAX(m.thread_seq), 0) FROM messages m WHERE m.ticket_id = tickets.id)`,
    );
    await queryRunner.createIndex(
      'messages',
      new TableIndex({
        name: 'uq_messages_thread_seq',
        columnNames: ['ticket_id', 'thread_seq'],
        isUnique: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('messages', 'uq_messages_thread_seq');
    await queryRunner.query('ALTER TABLE messages DROP COLUMN thread_seq');
    await queryRunner.query('ALTER TABLE tickets DROP COLUMN last_message_seq');
  }
}
