import { Forbidden } from '../common/errors/domain-error.js';

export class UnmaskRefused extends Forbidden {
  constructor() {
    super('Unmasking needs the sensitive-data permission, or the supervisor or admin role');
  }
}
