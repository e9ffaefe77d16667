import { isLockConflict } from '../common/errors/database-errors.js';
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

/**
 * Runs a transaction again when the engine broke a deadlock by rolling it back (or gave up waiting for a
 * lock), as MySQL's manual asks of every application: the work must be safe to repeat from the start.
 */
export async function retryingLockConflicts<T>(work: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isLockConflict(error) || attempt >= attempts) throw error;
    }
  }
}
