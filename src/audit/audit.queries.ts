import { DateTime } from 'luxon';
import { Brackets, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { AuditEvent, AuditRecordType } from './audit-event.entity.js';

export interface AuditEventFilter {
  /** Events on the customer, on their tickets and on the cases, compensations and cancellations of those. */
  customerId?: string;
  actorId?: string;
  recordType?: AuditRecordType;
  recordId?: string;
  action?: string;
  /** First and last day (both included, 'YYYY-MM-DD') in `timeZone`. */
  from?: string;
  to?: string;
  timeZone: string;
}

export type RecordsOfCustomer = Partial<Record<AuditRecordType, string[]>>;

/**
 * The records audit events may name that belong to one customer. The audit log is read across the
 * modules, so this reads their tables by name: tickets carry the customer, and compensations, cancellations
 * and transaction cases hang off tickets (webhook deliveries off transaction cases).
 */
export async function auditedRecordsOfCustomer(
  em: EntityManager,
  customerId: string,
): Promise<RecordsOfCustomer> {
  const ids = async (sql: string) =>
    ((await em.query(sql, [customerId])) as { id: string }[]).map((row) => row.id);
  const onTickets = (table: string) =>
    ids(`SELECT x.id FROM ${table} x JOIN tickets t ON t.id = x.ticket_id WHERE t.customer_id = ?`);
  const [ticket, compensation, cancellation, transactionCase, webhookDelivery, dataRequest] =
    await Promise.all([
      ids('SELECT id FROM tickets WHERE customer_id = ?'),
      onTickets('compensations'),
      onTickets('cancellations'),
      onTickets('transaction_cases'),
      ids(
        `SELECT d.id FROM webhook_deliveries d JOIN transaction_cases c ON c.id = d.case_id
         JOIN tickets t ON t.id = c.ticket_id WHERE t.customer_id = ?`,
      ),
      ids('SELECT id FROM data_requests WHERE customer_id = ?'),
    ]);
  return {
    customer: [customerId],
    ticket,
    compensation,
    cancellation,
    transaction_case: transactionCase,
    webhook_delivery: webhookDelivery,
    data_request: dataRequest,
  };
}

/** The period's instants: from the start of `from` to the start of the day after `to`, in `timeZone`. */
export function periodBounds(filter: Pick<AuditEventFilter, 'from' | 'to' | 'timeZone'>) {
  const day = (date: string) => DateTime.fromISO(date, { zone: filter.timeZone }).startOf('day');
  return {
    start: filter.from ? day(filter.from).toJSDate() : null,
    end: filter.to ? day(filter.to).plus({ days: 1 }).toJSDate() : null,
  };
}

export function filterAuditEvents(
  query: SelectQueryBuilder<AuditEvent>,
  filter: AuditEventFilter,
  records: RecordsOfCustomer | null,
): SelectQueryBuilder<AuditEvent> {
  if (filter.recordType) query.andWhere('event.recordType = :recordType', { recordType: filter.recordType });
  if (filter.recordId) query.andWhere('event.recordId = :recordId', { recordId: filter.recordId });
  if (filter.actorId) query.andWhere('event.actorId = :actorId', { actorId: filter.actorId });
  if (filter.action) query.andWhere('event.action = :action', { action: filter.action });
  const { start, end } = periodBounds(filter);
  if (start) query.andWhere('event.occurredAt >= :start', { start });
  if (end) query.andWhere('event.occurredAt < :end', { end });
  if (records) {
    query.andWhere(
      new Brackets((ofCustomer) => {
        for (const [type, ids] of Object.entries(records)) {
          if (!ids || ids.length === 0) continue;
          ofCustomer.orWhere(`(event.recordType = :type_${type} AND event.recordId IN (:...ids_${type}))`, {
            [`type_${type}`]: type,
            [`ids_${type}`]: ids,
          });
        }
      }),
    );
  }
  return query;
}
