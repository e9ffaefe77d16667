import { type EntityManager, type EntityTarget, In, type ObjectLiteral } from 'typeorm';
import { Customer, CustomerEmail, CustomerPhone } from '../customers/customer.entity.js';
import { OutboxMessage } from '../mail/outbound/outbox-message.entity.js';
import { TicketSlaClock } from '../sla/ticket-sla-clock.entity.js';
import { Message } from '../tickets/message.entity.js';
import { TicketEvent } from '../tickets/ticket-event.entity.js';
import { Ticket } from '../tickets/ticket.entity.js';
import { shownTime, type TimeMark } from './demo-timeline.rules.js';

/** The tables the demo's services write, and the column that ties each row to a demo ticket or customer. */
const DATED_ROWS: { entity: EntityTarget<ObjectLiteral>; owner: string; of: 'tickets' | 'customers' }[] = [
  { entity: Ticket, owner: 'id', of: 'tickets' },
  { entity: Message, owner: 'ticketId', of: 'tickets' },
  { entity: TicketEvent, owner: 'ticketId', of: 'tickets' },
  { entity: TicketSlaClock, owner: 'ticketId', of: 'tickets' },
  { entity: OutboxMessage, owner: 'ticketId', of: 'tickets' },
  { entity: Customer, owner: 'id', of: 'customers' },
  { entity: CustomerEmail, owner: 'customerId', of: 'customers' },
  { entity: CustomerPhone, owner: 'customerId', of: 'customers' },
];

/**
 * The one place where the demo rewrites history. The services stamp everything with the Clock's "now", so a
 * desk loaded in seconds would look born this minute: every time the load wrote is moved to the moment on
 * the demo timeline that its event stands for (shownTime). Due times lie after the load and are left for the
 * SLA service to re-time; the audit log keeps the real times, because it records what was done and when.
 */
export async function moveOntoDemoTimeline(
  em: EntityManager,
  marks: TimeMark[],
  loadedAt: Date,
  ids: { tickets: string[]; customers: string[] },
): Promise<void> {
  for (const { entity, owner, of } of DATED_ROWS) {
    const metadata = em.connection.getMetadata(entity);
    const columns = metadata.columns
      .filter((column) => column.type === 'datetime')
      .map((column) => column.propertyName);
    const rows = await em.find(entity, { where: { [owner]: In(ids[of]) } });
    for (const row of rows) {
      const moved: Record<string, Date> = {};
      for (const column of columns) {
        const value: unknown = row[column];
        if (!(value instanceof Date)) continue;
        const shown = shownTime(value, marks, loadedAt);
        if (shown.getTime() !== value.getTime()) moved[column] = shown;
      }
      if (Object.keys(moved).length > 0) await em.update(entity, metadata.getEntityIdMap(row)!, moved);
    }
  }
}
