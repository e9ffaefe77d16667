import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Locks the selected rows until the transaction ends (`FOR UPDATE`, optionally `SKIP LOCKED`) on MySQL and
 * MariaDB. SQLite has no row locks and needs none: it runs one write transaction at a time.
 */
export function forUpdate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  options: { skipLocked?: boolean } = {},
): SelectQueryBuilder<T> {
  if (query.connection.options.type !== 'mysql') return query;
  query.setLock('pessimistic_write');
  if (options.skipLocked) query.setOnLocked('skip_locked');
  return query;
}
