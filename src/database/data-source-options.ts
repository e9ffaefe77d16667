import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config.js';
import { migrations } from './migrations.js';

/**
 * Both engines store times in UTC: mysql2 with timezone 'Z' and datetime(3) columns; SQLite as ISO-like
 * text written by TypeORM in UTC. synchronize stays off: the schema is what the migrations say.
 */
export function dataSourceOptions(database: DatabaseConfig): DataSourceOptions {
  const common = {
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
  };
  if (database.type === 'sqlite') {
    mkdirSync(dirname(database.path), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: database.path,
      enableWAL: true,
      // Wait for a concurrent writer (another instance, the migrate script) instead of failing at once.
      prepareDatabase: (db: { pragma(sql: string): unknown }) => {
        db.pragma('busy_timeout = 5000');
      },
    };
  }
  return {
    ...common,
    type: 'mysql',
    url: database.url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    dateStrings: false,
    supportBigNumbers: true,
    extra: { connectionLimit: 20 },
  };
}
