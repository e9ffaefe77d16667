import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { engineOf } from '../column-types.js';

/**
 * Every table created after this inherits utf8mb4, so Vietnamese (and emoji) round-trip on MySQL/MariaDB
 * whatever the server's default. SQLite stores UTF-8 already.
 */
export class UseUtf8mb41764028800000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    if (engineOf(queryRunner.connection.options.type) !== 'mysql') return;
    await queryRunner.query('ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
  }

  async down(): Promise<void> {
    // The previous character set is unknown; utf8mb4 is harmless to keep.
  }
}
