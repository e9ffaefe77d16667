import { Conflict, DomainError, Invalid } from '../common/errors/domain-error.js';
import type { TicketEvent } from './ticket-event.entity.js';

export class StateMoveRefused extends Conflict {
  constructor(reason: string) {
    super(`State change refused: ${reason}`);
  }
}

/** Someone changed the ticket since the version the caller read; the details say what. */
export class TicketChanged extends DomainError {
  readonly kind = 'conflict';
  constructor(sentVersion: number, currentVersion: number, since: TicketEvent[]) {
    super(
      `The ticket changed since version ${sentVersion} (it is now ${currentVersion}); reload it and try again`,
      {
        currentVersion,
        changes: since.map((event) => ({
          kind: event.kind,
          from: event.fromValue,
          to: event.toValue,
          version: event.ticketVersion,
          actorType: event.actorType,
          actorId: event.actorId,
          at: event.occurredAt.toISOString(),
        })),
      },
    );
  }
}

export class UnknownCategory extends Invalid {
  constructor(key: string) {
    super(`There is no active category "${key}"`);
  }
}

export class AttachmentsTooLarge extends Invalid {
  constructor(totalBytes: number, limitBytes: number) {
    super(`Attachments total ${totalBytes} bytes; the limit is ${limitBytes} bytes per message`);
  }
}
