import type { EntityManager } from 'typeorm';
import { OPEN_STATES } from '../tickets/ticket-state.rules.js';
import type { SkipReason } from './retention.rules.js';

/** A time as both engines compare it with datetime(3) columns (UTC, the text form TypeORM writes on SQLite). */
export function sqlTime(date: Date): string {
  return date.toISOString().replace('T', ' ').replace('Z', '');
}

/** mysql2 hands back Date, better-sqlite3 the stored text. */
export function fromSqlTime(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

/** `?, ?, …`, one per value, for an IN list. */
export const placeholders = (values: readonly unknown[]) => values.map(() => '?').join(', ');

/**
 * Values per IN list in lookups: under MySQL's and MariaDB's eq_range_index_dive_limit (200). Past it the
 * optimizer estimates the list from index statistics, and on a freshly loaded table it chose to scan all of
 * it: a retention run got slower the more messages the desk held.
 */
const VALUES_PER_LOOKUP = 100;

/** The values cut into IN lists of VALUES_PER_LOOKUP. */
export function slicesOf(values: readonly string[]): string[][] {
  const slices: string[][] = [];
  for (let start = 0; start < values.length; start += VALUES_PER_LOOKUP) {
    slices.push(values.slice(start, start + VALUES_PER_LOOKUP));
  }
  return slices;
}

/** Runs a lookup on each slice of the values and joins the rows found. */
export async function findInSlices<T>(
  values: readonly string[],
  find: (slice: string[]) => Promise<T[]>,
): Promise<T[]> {
  const found: T[] = [];
  for (const slice of slicesOf(values)) found.push(...(await find(slice)));
  return found;
}

export interface DueCustomer {
  id: string;
  lastActivity: Date;
}

/**
 * Customers not yet anonymised whose record and tickets all last changed before `cutoff`, in id order after
 * `afterId` (keyset paging: customers skipped for a hold stay due, and must not be read again in one run).
 */
export async function findDueCustomers(
  em: EntityManager,
  cutoff: Date,
  afterId: string,
  limit: number,
): Promise<DueCustomer[]> {
  const at = sqlTime(cutoff);
  const rows: { id: string; updated_at: Date | string }[] = await em.query(
    `SELECT c.id, c.updated_at FROM customers c
      WHERE c.anonymised_at IS NULL AND c.updated_at < ? AND c.id > ?
        AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.id AND t.updated_at >= ?)
      ORDER BY c.id LIMIT ${Number(limit)}`,
    [at, afterId, at],
  );
  if (rows.length === 0) return [];
  const latest = new Map<string, Date>(
    (
      (await em.query(
        `SELECT customer_id, MAX(updated_at) AS latest FROM tickets
          WHERE customer_id IN (${placeholders(rows)}) GROUP BY customer_id`,
        rows.map((row) => row.id),
      )) as { customer_id: string; latest: Date | string }[]
    ).map((row) => [row.customer_id, fromSqlTime(row.latest)]),
  );
  return rows.map((row) => {
    const updatedAt = fromSqlTime(row.updated_at);
    const ticketAt = latest.get(row.id);
    return { id: row.id, lastActivity: ticketAt && ticketAt > updatedAt ? ticketAt : updatedAt };
  });
}

export async function countDueCustomers(em: EntityManager, cutoff: Date): Promise<number> {
  const at = sqlTime(cutoff);
  const [{ n }] = await em.query(
    `SELECT COUNT(*) AS n FROM customers c
      WHERE c.anonymised_at IS NULL AND c.updated_at < ?
        AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.customer_id = c.id AND t.updated_at >= ?)`,
    [at, at],
  );
  return Number(n);
}

/**
 * Why each of these customers must keep their data: an active legal hold on them or one of their tickets,
 * or a matter still open (a ticket not resolved, a transaction case not decided, compensation not paid, a
 * cancellation not decided). Customers with none are absent from the map.
 */
export async function skipReasonsOf(
  em: EntityManager,
  customerIds: readonly string[],
  /** Open tickets that do not count as an open matter: the ticket a deletion request itself arrived on. */
  exceptOpenTicketIds: readonly string[] = [],
): Promise<Map<string, SkipReason[]>> {
  const reasons = new Map<string, SkipReason[]>();
  if (customerIds.length === 0) return reasons;
  const ids = placeholders(customerIds);
  const onTickets = (table: string, states: readonly string[], reason: SkipReason) => ({
    sql: `SELECT DISTINCT t.customer_id, '${reason}' AS reason FROM ${table} x JOIN tickets t ON t.id = x.ticket_id
           WHERE t.customer_id IN (${ids}) AND x.state IN (${placeholders(states)})`,
    parameters: [...customerIds, ...states],
  });
  // One round trip for all five reasons: the run asks this once per customer.
  const parts = [
    {
      sql: `SELECT h.customer_id, 'legal_hold' AS reason FROM legal_holds h
             WHERE h.released_at IS NULL AND h.customer_id IN (${ids})`,
      parameters: customerIds,
    },
    {
      sql: `SELECT t.customer_id, 'legal_hold' AS reason FROM legal_holds h JOIN tickets t ON t.id = h.ticket_id
             WHERE h.released_at IS NULL AND t.customer_id IN (${ids})`,
      parameters: customerIds,
    },
    {
      sql: `SELECT DISTINCT customer_id, 'open_ticket' AS reason FROM tickets
             WHERE customer_id IN (${ids}) AND state IN (${placeholders(OPEN_STATES)})${
               exceptOpenTicketIds.length ? ` AND id NOT IN (${placeholders(exceptOpenTicketIds)})` : ''
             }`,
      parameters: [...customerIds, ...OPEN_STATES, ...exceptOpenTicketIds],
    },
    onTickets('transaction_cases', ['reported', 'suspended_for_verification'], 'open_transaction_case'),
    onTickets('compensations', ['proposed', 'approved'], 'unpaid_compensation'),
    onTickets('cancellations', ['quoted'], 'undecided_cancellation'),
  ];
  const rows: { customer_id: string; reason: SkipReason }[] = await em.query(
    parts.map((part) => part.sql).join(' UNION ALL '),
    parts.flatMap((part) => part.parameters),
  );
  for (const { customer_id: id, reason } of rows) {
    const list = reasons.get(id) ?? [];
    if (!list.includes(reason)) list.push(reason);
    reasons.set(id, list);
  }
  return reasons;
}

/** Rows per UPDATE in updateRows: each row adds a WHEN per column, and the engine scans them row by row. */
const ROWS_PER_UPDATE = 200;

/**
 * Sets each listed column of many rows, a statement per ROWS_PER_UPDATE rows:
 * `UPDATE … SET c = CASE id WHEN ? THEN ? … END`. One round trip per row would dominate a retention run.
 */
export async function updateRows(
  em: EntityManager,
  table: string,
  rows: readonly { id: string; values: Record<string, string | null> }[],
): Promise<void> {
  const escape = (name: string) => em.connection.driver.escape(name);
  for (let start = 0; start < rows.length; start += ROWS_PER_UPDATE) {
    const chunk = rows.slice(start, start + ROWS_PER_UPDATE);
    const columns = Object.keys(chunk[0].values);
    const parameters: (string | null)[] = [];
    const sets = columns.map((column) => {
      const cases = chunk.map((row) => {
        parameters.push(row.id, row.values[column]);
        return 'WHEN ? THEN ?';
      });
      return `${escape(column)} = CASE id ${cases.join(' ')} END`;
    });
    parameters.push(...chunk.map((row) => row.id));
    await em.query(
      `UPDATE ${escape(table)} SET ${sets.join(', ')} WHERE id IN (${placeholders(chunk)})`,
      parameters,
    );
  }
}

/**
 * Free text outside the messages that may quote a customer: what agents wrote on cases, compensations,
 * cancellations, holds and requests, notifications about the tickets, the ticket history and the bodies sent
 * to the booking system. Each place names its rows' owner (a ticket or a customer) and its varchar limits.
 */
export const FREE_TEXT_PLACES: readonly {
  table: string;
  /** FROM clause, the place's table aliased x. */
  from: string;
  owner: { kind: 'ticket' | 'customer'; column: string };
  columns: Record<string, number | null>;
}[] = [
  {
    table: 'transaction_cases',
    from: 'transaction_cases x',
    owner: { kind: 'ticket', column: 'x.ticket_id' },
    columns: { description: null, suspension_reason: null, decision_reason: null },
  },
  {
    table: 'webhook_deliveries',
    from: 'webhook_deliveries x JOIN transaction_cases c ON c.id = x.case_id',
    owner: { kind: 'ticket', column: 'c.ticket_id' },
    columns: { body: null },
  },
  {
    table: 'compensations',
    from: 'compensations x',
    owner: { kind: 'ticket', column: 'x.ticket_id' },
    columns: { explanation: null, decision_note: null },
  },
  {
    table: 'cancellations',
    from: 'cancellations x',
    owner: { kind: 'ticket', column: 'x.ticket_id' },
    columns: { decision_reason: null },
  },
  {
    table: 'notifications',
    from: 'notifications x',
    owner: { kind: 'ticket', column: 'x.ticket_id' },
    columns: { title: 255, body: null },
  },
  {
    table: 'ticket_events',
    from: 'ticket_events x',
    owner: { kind: 'ticket', column: 'x.ticket_id' },
    columns: { from_value: 255, to_value: 255 },
  },
  {
    table: 'data_requests',
    from: 'data_requests x',
    owner: { kind: 'customer', column: 'x.customer_id' },
    columns: { details: null, extension_reason: 1000, outcome: null, verification_sent_to: 254 },
  },
  {
    table: 'consent_events',
    from: 'consent_events x',
    owner: { kind: 'customer', column: 'x.customer_id' },
    columns: { note: 500 },
  },
  {
    table: 'legal_holds',
    from: 'legal_holds x',
    owner: { kind: 'customer', column: 'x.customer_id' },
    columns: { reason: 500, release_reason: 500 },
  },
];

/** The rows of one free-text place owned by these tickets or customers, with the owner's id. */
export function freeTextRows(
  em: EntityManager,
  place: (typeof FREE_TEXT_PLACES)[number],
  ownerIds: readonly string[],
): Promise<({ id: string; owner_id: string } & Record<string, string | null>)[]> {
  const columns = Object.keys(place.columns).map((column) => `x.${column}`);
  return em.query(
    `SELECT x.id, ${place.owner.column} AS owner_id, ${columns.join(', ')} FROM ${place.from}
      WHERE ${place.owner.column} IN (${placeholders(ownerIds)})`,
    [...ownerIds],
  );
}
