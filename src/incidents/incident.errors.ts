import { Conflict } from '../common/errors/domain-error.js';

export class IncidentCannotMove extends Conflict {}

export class IncidentClosed extends Conflict {
  constructor(id: string) {
    super(`incident ${id} is closed`);
  }
}
