import { Conflict } from '../common/errors/domain-error.js';

export class QueueNameTaken extends Conflict {
  constructor(name: string) {
    super(`A queue named "${name}" already exists`);
  }
}

export class QueueInUse extends Conflict {
  constructor(name: string, reason: string) {
    super(`Queue "${name}" cannot be deleted: ${reason}; deactivate it instead`);
  }
}
