import { QueryFailedError } from 'typeorm';

function driverCode(error: unknown): string | undefined {
  return error instanceof QueryFailedError ? (error.driverError as { code?: string }).code : undefined;
}

/** A unique key refused the row: the engines' ways of saying "already exists". */
export function isUniqueViolation(error: unknown): boolean {
  const code = driverCode(error);
  return (
    code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/** A foreign key refused the change: a referenced row is missing, or a row still references this one. */
export function isForeignKeyViolation(error: unknown): boolean {
  const code = driverCode(error);
  return (
    code === 'ER_NO_REFERENCED_ROW_2' ||
    code === 'ER_ROW_IS_REFERENCED_2' ||
    code === 'SQLITE_CONSTRAINT_FOREIGNKEY'
  );
}

/** The engine gave up waiting for a row lock, or broke a deadlock by rolling this transaction back. */
export function isLockConflict(error: unknown): boolean {
  const code = driverCode(error);
  return code === 'ER_LOCK_DEADLOCK' || code === 'ER_LOCK_WAIT_TIMEOUT' || code === 'SQLITE_BUSY';
}
