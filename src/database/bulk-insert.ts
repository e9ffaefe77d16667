import { randomUUID } from 'node:crypto';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per statement: SQLite binds at most 32,766 values; MySQL's packet limit is far away at 1,000 rows. */
const SQLITE_MAX_VALUES = 32_766;
const MYSQL_ROWS = 1_000;

/**
 * Inserts many rows with plain multi-row INSERTs, for the jobs that write thousands at once: TypeORM's
 * insert builder spends tens of microseconds per value. Values are converted exactly as TypeORM persists
 * them; generated uuid keys are filled in on the rows, as em.insert does.
 */
export async function bulkInsert<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: Partial<T>[],
): Promise<void> {
  await write(em, target, rows, false);
}

/** bulkInsert for whole rows that may exist already: those are overwritten, matched on the primary key. */
export async function bulkUpsert<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: T[],
): Promise<void> {
  await write(em, target, rows, true);
}

async function write<T extends ObjectLiteral>(
  em: EntityManager,
  target: EntityTarget<T>,
  rows: Partial<T>[],
  overwrite: boolean,
): Promise<void> {
  if (rows.length === 0) return;
  const metadata = em.connection.getMetadata(target);
  const driver = em.connection.driver;
  const columns = metadata.columns.filter((column) => column.generationStrategy !== 'increment');
  for (const column of metadata.columns.filter((candidate) => candidate.generationStrategy === 'uuid')) {
    for (const row of rows)
      if (column.getEntityValue(row) === undefined) column.setEntityValue(row, randomUUID());
  }
  const perStatement =
    driver.options.type === 'mysql' ? MYSQL_ROWS : Math.floor(SQLITE_MAX_VALUES / columns.length);
  const head =
    `INSERT INTO ${driver.escape(metadata.tableName)} ` +
    `(${columns.map((column) => driver.escape(column.databaseName)).join(', ')}) VALUES `;
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const mysql = driver.options.type === 'mysql';
  const updated = columns
    .filter((column) => !column.isPrimary)
    .map((column) => driver.escape(column.databaseName));
  const keys = metadata.primaryColumns.map((column) => driver.escape(column.databaseName)).join(', ');
  // VALUES() rather than MySQL 8's row alias, which MariaDB does not know.
  const tail = !overwrite
    ? ''
    : mysql
      ? ` ON DUPLICATE KEY UPDATE ${updated.map((name) => `${name} = VALUES(${name})`).join(', ')}`
      : ` ON CONFLICT (${keys}) DO UPDATE SET ${updated.map((name) => `${name} = excluded.${name}`).join(', ')}`;
  for (let start = 0; start < rows.length; start += perStatement) {
    const batch = rows.slice(start, start + perStatement);
    const values = batch.flatMap((row) =>
      columns.map((column) => driver.preparePersistentValue(column.getEntityValue(row) ?? null, column)),
    );
    await em.query(head + batch.map(() => tuple).join(', ') + tail, values);
  }
}
