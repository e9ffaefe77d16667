import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, id, int, ref, str, time } from '../column-types.js';

const ownedByCustomer = (table: string) => ({
  name: `fk_${table}_customer`,
  columnNames: ['customer_id'],
  referencedTableName: 'customers',
  referencedColumnNames: ['id'],
  onDelete: 'CASCADE',
});

export class CreateCustomers1764028800003 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'customers',
        columns: [
          id(),
          str('display_name', 200),
          str('search_text', 1000),
          str('preferred_language', 5),
          str('time_zone', 64),
          str('country', 2, true),
          bool('is_vulnerable', false),
          time('anonymised_at', true),
          int('version', false, 1),
          time('created_at'),
          time('updated_at'),
        ],
        indices: [{ name: 'idx_customers_created', columnNames: ['created_at'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'customer_emails',
        columns: [
          id(),
          ref('customer_id'),
          str('address', 254),
          bool('is_primary', false),
          time('created_at'),
        ],
        uniques: [{ name: 'uq_customer_emails_address', columnNames: ['address'] }],
        indices: [{ name: 'idx_customer_emails_customer', columnNames: ['customer_id'] }],
        foreignKeys: [ownedByCustomer('customer_emails')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'customer_phones',
        columns: [id(), ref('customer_id'), str('number', 20), bool('is_primary', false), time('created_at')],
        indices: [
          { name: 'idx_customer_phones_number', columnNames: ['number'] },
          { name: 'idx_customer_phones_customer', columnNames: ['customer_id'] },
        ],
        foreignKeys: [ownedByCustomer('customer_phones')],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('customer_phones');
    await queryRunner.dropTable('customer_emails');
    await queryRunner.dropTable('customers');
  }
}
