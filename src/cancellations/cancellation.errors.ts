import { Conflict, Invalid } from '../common/errors/domain-error.js';

export class CancellationAlreadyDecided extends Conflict {
  constructor(id: string, state: string) {
    super(`cancellation ${id} is already decided (${state})`);
  }
}

export class TicketTakesNoCancellation extends Invalid {
  constructor(state: string) {
    super(`a ${state} ticket takes no cancellation requests`);
  }
}
