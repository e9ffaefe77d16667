import type { Response } from 'express';
import type { Refusal } from './page-refusal.js';

/** The ticket page's sections that have forms, with the query parameter the page reads each one's refusal from. */
const REFUSAL_PARAMETERS = {
  'transaction-cases': 'caseRefused',
  compensation: 'compensationRefused',
  cancellations: 'cancellationRefused',
} as const;

export type TicketSection = keyof typeof REFUSAL_PARAMETERS;

/** Back to the ticket's section after its form, with the service's refusal shown there when it said no. */
export function backToTicketSection(
  res: Response,
  ticketId: string,
  section: TicketSection,
  refusal: Refusal | null,
): void {
  const query = refusal ? `?${REFUSAL_PARAMETERS[section]}=${encodeURIComponent(refusal.reason)}` : '';
  res.redirect(303, `/console/tickets/${ticketId}${query}#${section}`);
}
