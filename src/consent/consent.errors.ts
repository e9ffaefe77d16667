import { InvalidInput } from '../common/errors/domain-error.js';

/** Staff withdrawing consent on a customer's behalf must say how the customer asked. */
export class WithdrawalNeedsNote extends InvalidInput {
  constructor() {
    super([{ field: 'note', reason: 'note is required when withdrawing consent on behalf of the customer' }]);
  }
}
