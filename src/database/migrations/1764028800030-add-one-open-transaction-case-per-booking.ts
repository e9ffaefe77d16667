import { type MigrationInterface, type QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { str } from '../column-types.js';

const OPEN_STATES = ['reported', 'suspended_for_verification'];

/**
 * One open transaction case per booking: `open_booking_reference` holds the booking reference (trimmed,
 * upper case) while a case is reported or suspended and NULL once it is decided, and a unique index on it
 * refuses a second open case on both engines (NULLs never collide), however many writers race.
 */
export class AddOneOpenTransactionCasePerBooking1764028800030 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'transaction_cases',
      new TableColumn(str('open_booking_reference', 100, true)),
    );
    await this.keyOpenCases(queryRunner);
    await queryRunner.createIndex(
      'transaction_cases',
      new TableIndex({
        name: 'uq_transaction_cases_open_booking',
        columnNames: ['open_booking_reference'],
        isUnique: true,
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex('transaction_cases', 'uq_transaction_cases_open_booking');
    await queryRunner.dropColumn('transaction_cases', 'open_booking_reference');
  }

  /**
   * Keys the open cases already there. Where old data already holds several open cases for one booking, only
   * the oldest is keyed: the others stay open and workable, the index cannot hold them, and any new case for
   * that booking is refused until the oldest is decided. Open cases are few, so this walks them in code,
   * which also spares MySQL's refusal of a subquery on the table being updated.
   */
  private async keyOpenCases(queryRunner: QueryRunner): Promise<void> {
    const rows: { id: string; booking_reference: string }[] = await queryRunner.query(
      `SELECT id, booking_reference FROM transaction_cases WHERE state IN (?, ?) ORDER BY reported_at, id`,
      OPEN_STATES,
    );
    const keyed = new Set<string>();
    for (const row of rows) {
      // As openBookingKey in transaction-case.rules.ts, repeated: a migration must not depend on today's code.
      const key = row.booking_reference.trim().toUpperCase();
      if (keyed.has(key)) continue;
      keyed.add(key);
      await queryRunner.query('UPDATE transaction_cases SET open_booking_reference = ? WHERE id = ?', [
        key,
        row.id,
      ]);
    }
  }
}
