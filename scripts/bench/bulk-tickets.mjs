// Bulk-loads customers and tickets straight into the database for the queues benchmark: multi-row INSERTs in
// batches, every column filled as the app would, plus the sidebar count rows that match them.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';

/** Rows per INSERT: 5,000 on MySQL/MariaDB; SQLite takes at most 32,766 bound values per statement. */
const ROWS_PER_INSERT = 5_000;
const SQLITE_MAX_VALUES = 32_766;
/** Rows per transaction. */
const ROWS_PER_COMMIT = 50_000;
const CUSTOMERS = 50_000;
const DAY_MS = 86_400_000;
/** Ticket numbers far above what the app allocates (100001, 100002, …), so the two never collide. */
const FIRST_NUMBER = 10_000_000;

// A care desk's year: tickets older than a month are nearly all closed; of the last month's, about a third
// are still being worked. Overall a few percent are open.
const RECENT_DAYS = 30;
const OLD_STATES = [
  ['closed', 0.975],
  ['resolved', 0.02],
  ['on_hold', 0.003],
  ['pending_customer', 0.002],
];
const RECENT_STATES = [
  ['closed', 0.5],
  ['resolved', 0.2],
  ['new', 0.08],
  ['open', 0.14],
  ['pending_customer', 0.06],
  ['on_hold', 0.02],
];
/** Tickets an agent has answered and that are still being worked. */
const ANSWERED_OPEN_STATES = [
  ['open', 0.7],
  ['pending_customer', 0.2],
  ['on_hold', 0.1],
];
const PRIORITIES = [
  ['urgent', 0.02, 0],
  ['high', 0.1, 1],
  ['normal', 0.8, 2],
  ['low', 0.08, 3],
];
const QUEUE_SHARE = {
  General: 0.35,
  'Payments & fraud': 0.2,
  'Bookings & cancellations': 0.25,
  'Privacy requests': 0.05,
  'Overseas customers': 0.15,
};
const TICKET_COLUMNS = [
  'id',
  'number',
  'subject',
  'search_text',
  'state',
  'priority',
  'priority_rank',
  'category_id',
  'category_source',
  'category_explanation',
  'channel',
  'language',
  'queue_id',
  'assignee_id',
  'customer_id',
  'booking_reference',
  'tags',
  'merged_into_id',
  'follow_up_of_id',
  'version',
  'created_at',
  'updated_at',
  'first_responded_at',
  'last_customer_message_at',
  'last_agent_message_at',
  'due_at',
  'resolved_at',
  'closed_at',
];
const EMAIL_COLUMNS = ['id', 'customer_id', 'address', 'is_primary', 'created_at', 'bounced_at'];
const CUSTOMER_COLUMNS = [
  'id',
  'display_name',
  'search_text',
  'preferred_language',
  'time_zone',
  'country',
  'is_vulnerable',
  'anonymised_at',
  'version',
  'created_at',
  'updated_at',
];

/** A tiny seeded generator (mulberry32), so two runs load the same data. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(rand, weighted) {
  let roll = rand();
  for (const entry of weighted) {
    roll -= entry[1];
    if (roll < 0) return entry;
  }
  return weighted[weighted.length - 1];
}

/** The text form both engines take for datetime(3) columns, in UTC. */
function sqlTime(ms) {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** Connects to the benchmark's database: `run(sql, params)` and `close()`, whatever the engine. */
export async function openDatabase(env) {
  if (env.DATABASE_URL) {
    const connection = await mysql.createConnection({ uri: env.DATABASE_URL, multipleStatements: false });
    return {
      engine: 'mysql',
      quote: (name) => `\`${name}\``,
      run: async (sql, params = []) => (await connection.query(sql, params))[0],
      close: () => connection.end(),
    };
  }
  const db = new Database(env.SQLITE_PATH);
  db.pragma('busy_timeout = 5000');
  return {
    engine: 'sqlite',
    quote: (name) => `"${name}"`,
    run: async (sql, params = []) => {
      const statement = db.prepare(sql);
      return statement.reader ? statement.all(params) : statement.run(params);
    },
    close: async () => db.close(),
  };
}

export async function insertRows(db, table, columns, rows) {
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const sql = `INSERT INTO ${db.quote(table)} (${columns.map(db.quote).join(', ')}) VALUES `;
  const perInsert = db.engine === 'sqlite' ? Math.floor(SQLITE_MAX_VALUES / columns.length) : ROWS_PER_INSERT;
  for (let start = 0; start < rows.length; start += perInsert) {
    const batch = rows.slice(start, start + perInsert);
    await db.run(sql + batch.map(() => placeholders).join(', '), batch.flat());
  }
}

export async function inTransaction(db, work) {
  await db.run(db.engine === 'mysql' ? 'START TRANSACTION' : 'BEGIN');
  await work();
  await db.run('COMMIT');
}

/**
 * Loads `count` tickets spread over the seeded queues, plus `claimable` unassigned new or open ones in the
 * queue `claimQueueId`, assigning worked tickets among `agentIds`. `allOpen: { overdue }` loads only tickets
 * still being worked instead of a year's history: `overdue` of them new and unanswered since six days ago,
 * the rest answered and opened within the last two days (so only those few have SLA steps due). Returns the time taken, the customers
 * loaded, the number of tickets per "queue|state|is_assigned" (`shape`) and of count rows written for them.
 */
export async function loadTickets(db, { count, claimable = 0, claimQueueId, agentIds, log, allOpen }) {
  const started = performance.now();
  const rand = random(20261125);
  const now = Date.now();
  const queues = await db.run('SELECT id, name FROM queues');
  const categories = await db.run('SELECT id FROM categories ORDER BY sort_order');
  const shares = queues
    .filter((queue) => queue.name in QUEUE_SHARE)
    .map((queue) => [queue.id, QUEUE_SHARE[queue.name]]);
  if (shares.length !== Object.keys(QUEUE_SHARE).length) {
    throw new Error(`expected the seeded queues ${Object.keys(QUEUE_SHARE).join(', ')}`);
  }

  // The rows are valid anyway; this session skips checking them row by row while it loads.
  if (db.engine === 'mysql') {
    await db.run('SET foreign_key_checks = 0');
    await db.run('SET unique_checks = 0');
  }
  const customerIds = await loadCustomers(db, rand, now);
  log(`loaded ${customerIds.length} customers`);

  const shape = {};
  const ticketRow = (number, { queueId, state, priority, rank, assigneeId, createdMs }) => {
    const category = categories[Math.floor(rand() * categories.length)];
    const created = sqlTime(createdMs);
    const closedOrResolved = state === 'closed' || state === 'resolved';
    const later = sqlTime(Math.min(now, createdMs + Math.floor(rand() * 5 * DAY_MS)));
    const key = `${queueId}|${state}|${assigneeId ? 1 : 0}`;
    shape[key] = (shape[key] ?? 0) + 1;
    const subject = `Yêu cầu hỗ trợ số ${number}`;
    return [
      randomUUID(),
      number,
      subject,
      // foldForSearch(`OT#${number} ${subject}`), as the app stores it.
      `ot#${number} yeu cau ho tro so ${number}`,
      state,
      priority,
      rank,
      category.id,
      'auto',
      null,
      rand() < 0.8 ? 'email' : 'web',
      rand() < 0.8 ? 'vi' : 'en',
      queueId,
      assigneeId,
      customerIds[Math.floor(rand() * customerIds.length)],
      null,
      '[]',
      null,
      null,
      1,
      created,
      later,
      state === 'new' ? null : later,
      created,
      state === 'new' ? null : later,
      closedOrResolved ? null : sqlTime(createdMs + 3 * DAY_MS),
      closedOrResolved ? later : null,
      state === 'closed' ? later : null,
    ];
  };

  // Tickets arrive in time order over the year, as they would in a live desk: the indexes that end in
  // created_at then grow at their ends, and numbers rise with time.
  const yearStart = now - 365 * DAY_MS;
  const spacingMs = (365 * DAY_MS) / count;
  let number = FIRST_NUMBER;
  for (let start = 0; start < count; start += ROWS_PER_COMMIT) {
    const rows = [];
    for (let i = start; i < Math.min(count, start + ROWS_PER_COMMIT); i++) {
      let createdMs = Math.floor(yearStart + (i + rand()) * spacingMs);
      let [state] = pick(rand, now - createdMs > RECENT_DAYS * DAY_MS ? OLD_STATES : RECENT_STATES);
      if (allOpen) {
        const overdue = i >= count - allOpen.overdue;
        createdMs = overdue
          ? now - 6 * DAY_MS - Math.floor(rand() * 3_600_000)
          : now - Math.floor(rand() * 2 * DAY_MS);
        [state] = overdue ? ['new'] : pick(rand, ANSWERED_OPEN_STATES);
      }
      const [priority, , rank] = pick(rand, PRIORITIES);
      const [queueId] = pick(rand, shares);
      // Closed and resolved tickets were worked by someone; a new one by nobody yet.
      const assigned = state !== 'new' && (state === 'closed' || state === 'resolved' || rand() < 0.6);
      rows.push(
        ticketRow(number++, {
          queueId,
          state,
          priority,
          rank,
          assigneeId: assigned ? agentIds[Math.floor(rand() * agentIds.length)] : null,
          createdMs,
        }),
      );
    }
    await inTransaction(db, () => insertRows(db, 'tickets', TICKET_COLUMNS, rows));
    log(`loaded ${Math.min(count, start + ROWS_PER_COMMIT)} of ${count} tickets`);
  }
  const claimRows = [];
  for (let i = 0; i < claimable; i++) {
    const [priority, , rank] = pick(rand, PRIORITIES);
    claimRows.push(
      ticketRow(number++, {
        queueId: claimQueueId,
        // Mostly new; some open ones an agent handed back to the queue.
        state: rand() < 0.8 ? 'new' : 'open',
        priority,
        rank,
        assigneeId: null,
        createdMs: now - Math.floor(rand() * DAY_MS),
      }),
    );
  }
  await inTransaction(db, () => insertRows(db, 'tickets', TICKET_COLUMNS, claimRows));
  // One folded row per queue, state and assignment, as the count compaction leaves them.
  await inTransaction(db, () =>
    insertRows(
      db,
      'queue_ticket_counts',
      ['queue_id', 'state', 'is_assigned', 'delta'],
      Object.entries(shape).map(([key, total]) => {
        const [queueId, state, assigned] = key.split('|');
        return [queueId, state, Number(assigned), total];
      }),
    ),
  );
  if (db.engine === 'mysql') {
    await db.run('SET unique_checks = 1');
    await db.run('SET foreign_key_checks = 1');
    await db.run('ANALYZE TABLE tickets, customers, customer_emails, queue_ticket_counts');
  } else {
    await db.run('ANALYZE');
  }
  return {
    loadSeconds: Math.round((performance.now() - started) / 100) / 10,
    customers: customerIds.length,
    countRows: Object.keys(shape).length,
    shape,
  };
}

/** Customers with one e-mail address each; most in Vietnam, some overseas. Returns their ids. */
async function loadCustomers(db, rand, now) {
  const ids = [];
  const customers = [];
  const emails = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const id = randomUUID();
    ids.push(id);
    const at = sqlTime(now - Math.floor(rand() * 365 * DAY_MS));
    const overseas = rand() < 0.15;
    const address = `khach.${i}@example.com`;
    customers.push([
      id,
      `Khách hàng ${i}`,
      // foldForSearch of the name and the address, as the app stores it.
      `khach hang ${i} ${address}`,
      overseas ? 'en' : 'vi',
      overseas ? 'America/Los_Angeles' : 'Asia/Ho_Chi_Minh',
      overseas ? 'US' : 'VN',
      rand() < 0.02 ? 1 : 0,
      null,
      1,
      at,
      at,
    ]);
    emails.push([randomUUID(), id, address, 1, at, null]);
  }
  await inTransaction(db, async () => {
    await insertRows(db, 'customers', CUSTOMER_COLUMNS, customers);
    await insertRows(db, 'customer_emails', EMAIL_COLUMNS, emails);
  });
  return ids;
}
