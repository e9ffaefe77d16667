import type { FieldReason } from './validation.js';

export type DomainErrorKind =
  'unauthenticated' | 'not_found' | 'forbidden' | 'conflict' | 'invalid' | 'invalid_input';

/**
 * What services throw when a rule says no. Jobs call the same services as controllers, so services never
 * throw HttpException; the filter maps `kind` to a status.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: DomainErrorKind;
  /** Extra facts for the caller, e.g. what changed under a stale version. Never personal data. */
  readonly details?: Record<string, unknown>;

  constructor(message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class NotFound extends DomainError {
  readonly kind = 'not_found';
  constructor(what: string, id: string | number) {
    super(`${what} ${id} was not found`);
  }
}

export class Conflict extends DomainError {
  readonly kind = 'conflict';
}

export class Invalid extends DomainError {
  readonly kind = 'invalid';
}

/** Input that passed the DTO's checks but not the service's (a bad pattern, an unknown queue): a 400 per field. */
export class InvalidInput extends DomainError {
  readonly kind = 'invalid_input';
  constructor(readonly errors: FieldReason[]) {
    super('Validation failed');
  }
}

export class Unauthenticated extends DomainError {
  readonly kind = 'unauthenticated';
}

export class Forbidden extends DomainError {
  readonly kind = 'forbidden';
}

/** The version a client sent is not the current one: someone else changed the record in between. */
export class StaleVersion extends DomainError {
  readonly kind = 'conflict';
  constructor(
    what: string,
    sentVersion: number,
    current: { version: number; changed: Record<string, unknown> },
  ) {
    super(
      `${what} was changed by someone else (you sent version ${sentVersion}, it is now ${current.version})`,
      {
        currentVersion: current.version,
        changed: current.changed,
      },
    );
  }
}
