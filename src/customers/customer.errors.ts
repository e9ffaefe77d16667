import { Conflict, Invalid } from '../common/errors/domain-error.js';

export class CustomerEmailTaken extends Conflict {
  constructor(customerId: string) {
    super('That e-mail address already belongs to another customer', { customerId });
  }
}

export class InvalidPhoneNumber extends Invalid {
  constructor(input: string) {
    super(`"${input}" is not a valid phone number`);
  }
}
