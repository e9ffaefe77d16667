import { type MigrationInterface, type QueryRunner, Table } from 'typeorm';
import { bool, id, int, ref, str, time } from '../column-types.js';

export class CreateAgents1764028800001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'agents',
        columns: [
          id(),
          str('email', 254),
          str('display_name', 200),
          str('role', 20),
          str('password_hash', 255, true),
          bool('password_must_change', false),
          bool('is_active', true),
          int('failed_login_count', false, 0),
          time('locked_until', true),
          time('last_login_at', true),
          str('language', 5),
          str('time_zone', 64),
          int('version', false, 1),
          time('created_at'),
          time('updated_at'),
        ],
        uniques: [{ name: 'uq_agents_email', columnNames: ['email'] }],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'access_tokens',
        columns: [
          id(),
          ref('agent_id'),
          str('name', 100),
          str('kind', 20),
          str('token_hash', 64),
          str('token_prefix', 16),
          time('created_at'),
          time('expires_at', true),
          time('last_used_at', true),
          time('revoked_at', true),
        ],
        uniques: [{ name: 'uq_access_tokens_hash', columnNames: ['token_hash'] }],
        indices: [{ name: 'idx_access_tokens_agent', columnNames: ['agent_id', 'created_at'] }],
        foreignKeys: [
          {
            name: 'fk_access_tokens_agent',
            columnNames: ['agent_id'],
            referencedTableName: 'agents',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('access_tokens');
    await queryRunner.dropTable('agents');
  }
}
