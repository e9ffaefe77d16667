import { Conflict } from '../common/errors/domain-error.js';

export class LegalHoldReleased extends Conflict {
  constructor(id: string) {
    super(`legal hold ${id} is already released`);
  }
}

export class CustomerAlreadyAnonymised extends Conflict {
  constructor(id: string) {
    super(`customer ${id} is already anonymised: there is no personal data left to hold`);
  }
}

export class RetentionRunInProgress extends Conflict {
  constructor() {
    super('a retention run is in progress');
  }
}
