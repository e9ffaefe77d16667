import { Conflict, Invalid, Unauthenticated } from '../common/errors/domain-error.js';

export class InvalidCredentials extends Unauthenticated {
  constructor() {
    super('E-mail or password is wrong');
  }
}

export class AccountLocked extends Unauthenticated {
  constructor(lockedUntil: Date) {
    super(`Too many failed sign-ins: this account is locked until ${lockedUntil.toISOString()}`, {
      lockedUntil: lockedUntil.toISOString(),
    });
  }
}

export class AgentEmailTaken extends Conflict {
  constructor(email: string) {
    super(`An agent with e-mail ${email} already exists`);
  }
}

export class PasswordNotAccepted extends Invalid {}
