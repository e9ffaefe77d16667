import { randomUUID } from 'node:crypto';
import type { QueryRunner, TableColumnOptions } from 'typeorm';

/** Column definitions that mean the same on SQLite and MySQL/MariaDB, for migrations. */
export type Engine = 'sqlite' | 'mysql';

export function engineOf(type: string): Engine {
  return type === 'mysql' || type === 'mariadb' ? 'mysql' : 'sqlite';
}

export const id = (name = 'id'): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isPrimary: true,
});
export const ref = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});
export const str = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
export const int = (name: string, nullable = false, defaultValue?: number): TableColumnOptions => ({
  name,
  type: 'int',
  isNullable: nullable,
  default: defaultValue,
});
export const bool = (name: string, defaultValue: boolean): TableColumnOptions => ({
  name,
  type: 'boolean',
  default: defaultValue ? 1 : 0,
});
export const time = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'datetime',
  precision: 3,
  isNullable: nullable,
});
/** Up to 64 KiB on MySQL: names, short JSON. */
export const text = (name: string, nullable = true): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});
/** Up to 16 MiB on MySQL: message bodies and sanitised HTML. */
export const longText = (engine: Engine, name: string, nullable = true): TableColumnOptions => ({
  name,
  type: engine === 'mysql' ? 'mediumtext' : 'text',
  isNullable: nullable,
});
/** Up to 16 MiB on MySQL: one slice of stored content (ContentStore writes 1 MiB slices). */
export const chunk = (engine: Engine, name: string): TableColumnOptions => ({
  name,
  type: engine === 'mysql' ? 'mediumblob' : 'blob',
  isNullable: false,
});

/** A UTC time in the text form both engines accept and TypeORM writes, for seed rows inserted without entities. */
export function seedTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/**
 * Inserts seed rows with plain SQL: migrations must not depend on today's entities, and both drivers take
 * `?` placeholders. Values must already be in column form (0/1 for booleans, seedTime for times).
 */
export async function insertSeedRows(
  queryRunner: QueryRunner,
  table: string,
  rows: Record<string, string | number | null>[],
): Promise<void> {
  const escape = (name: string) => queryRunner.connection.driver.escape(name);
  for (const row of rows) {
    const columns = Object.keys(row);
    await queryRunner.query(
      `INSERT INTO ${escape(table)} (${columns.map(escape).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
      Object.values(row),
    );
  }
}

/** A mail template as a migration seeds it. */
export interface SeedMailTemplate {
  key: string;
  language: 'vi' | 'en';
  subject: string;
  body: string;
}

/** Seeds mail templates (each key in each language) for the feature a migration adds. */
export function seedMailTemplates(
  queryRunner: QueryRunner,
  templates: readonly SeedMailTemplate[],
): Promise<void> {
  const now = seedTime(new Date());
  return insertSeedRows(
    queryRunner,
    'mail_templates',
    templates.map((template) => ({
      id: randomUUID(),
      key: template.key,
      language: template.language,
      subject: template.subject,
      body_text: template.body,
      updated_at: now,
    })),
  );
}

/** Removes the templates of a migration being reverted, in every language. */
export async function removeMailTemplates(queryRunner: QueryRunner, templates: readonly SeedMailTemplate[]) {
  const keys = [...new Set(templates.map((template) => template.key))];
  await queryRunner.query(
    `DELETE FROM mail_templates WHERE ${queryRunner.connection.driver.escape('key')} IN (${keys.map(() => '?').join(', ')})`,
    keys,
  );
}
