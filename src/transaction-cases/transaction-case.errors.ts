import { Conflict } from '../common/errors/domain-error.js';

/** Two open cases on one booking would send the booking system contradicting calls: link the tickets instead. */
export class BookingHasOpenCase extends Conflict {
  constructor(
    bookingReference: string,
    existing: { caseId: string; ticketId: string; ticketNumber: string },
  ) {
    super(
      `Booking ${bookingReference} already has an open transaction case (${existing.caseId}) on ticket ` +
        `${existing.ticketNumber}: work it there, or merge this ticket into it`,
      {
        existingCaseId: existing.caseId,
        existingTicketId: existing.ticketId,
        existingTicketNumber: existing.ticketNumber,
      },
    );
  }
}
