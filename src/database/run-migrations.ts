import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

const LOCK_NAME = 'offtrack_care_migrations';

/**
 * Runs pending migrations. On MySQL/MariaDB a named lock makes instances booting together take turns;
 * SQLite serialises writers by itself (busy_timeout).
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const logger = new Logger('Migrations');
  const isMysql = dataSource.options.type === 'mysql';
  const runner = dataSource.createQueryRunner();
  try {
    if (isMysql) {
      const [row] = await runner.query('SELECT GET_LOCK(?, 120) AS locked', [LOCK_NAME]);
      if (Number(row.locked) !== 1) throw new Error('could not take the migration lock within 120 s');
    }
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const migration of applied) logger.log(`applied ${migration.name}`);
    return applied.map((migration) => migration.name);
  } finally {
    if (isMysql) await runner.query('SELECT RELEASE_LOCK(?)', [LOCK_NAME]);
    await runner.release();
  }
}
