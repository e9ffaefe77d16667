import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource } from 'typeorm';

/**
 * TypeORM's better-sqlite3 driver runs every query over one connection, so two transactions started at
 * the same time interleave on it (and the second BEGIN fails). On SQLite, transactions therefore take
 * turns: each waits for the one before it. A transaction started inside another joins it, as before.
 */
export function serializeSqliteTransactions(dataSource: DataSource): void {
  if (dataSource.options.type !== 'better-sqlite3') return;
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  const inside = new AsyncLocalStorage<true>();
  let turn: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    if (inside.getStore()) return transaction(...args);
    const run = turn.then(() => inside.run(true, () => transaction(...args)));
    turn = run.catch(() => undefined);
    return run;
  }) as typeof manager.transaction;
}
