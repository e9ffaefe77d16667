// Runs a named benchmark against a freshly started app on a fresh database and prints one JSON report.
// Usage: node scripts/bench.mjs <name>   (npm run --silent bench -- <name>: without --silent npm's banner
// lands on stdout before the report)
//   api     paced HTTP load on ticket create and read (BENCH_DURATION_S per step, default 30)
//   intake  mail through a throw-away Dovecot into tickets (BENCH_MAILS, default 2000, appended at
//           BENCH_MAIL_RATE messages/s, default 120; 0 appends as fast as possible)
//   queues  bulk-loads BENCH_TICKETS tickets (default 1,000,000 on MySQL/MariaDB, 100,000 on SQLite) and 50,000
//           customers straight into the database, then times the busiest queue's page (first and deeper
//           pages), the sidebar counts, and "next ticket" claims by 8 agents at once on 2,000 waiting tickets.
//           Loading 1,000,000 takes minutes (about 7 on 2 cores with InnoDB's default 128 MiB buffer pool).
//   pages   loads the tickets and customers of `queues` (without its claimable ones), plus one ticket with a
//           20-message thread; signs an agent in to the console through its forms (first password included)
//           and times the busiest queue's console page and that ticket's page, BENCH_PAGE_SAMPLES requests each
//           (default 300), one after the other, checking that every answer is the whole page.
//   sla     bulk-loads BENCH_TICKETS open tickets (default 100,000), BENCH_OVERDUE of them (default 1,000) long
//           unanswered; times computing every ticket's SLA clocks, re-timing them all, and one escalation
//           scan over the due ones (each through `npm run sla`, in its own process, as an operator would)
//   retention  bulk-loads BENCH_CUSTOMERS customers (default 100,000) last active two years ago, with
//           BENCH_TICKETS_PER_CUSTOMER closed tickets each (default 5; two messages with e-mail addresses and
//           phone numbers per ticket, an attachment on every tenth, raw mail and an acknowledgement per
//           customer), then times one `npm run retention` pass in its own process, its progress on stderr
// SQLite by default; set DATABASE_URL=mysql://user:pass@host:port/db to use a throwaway database on that server.
// BENCH_CPU_PROF_DIR=dir starts the app with --cpu-prof and writes its profile there on exit.
// Progress goes to stderr so that stdout holds nothing but the report.
/* global fetch, AbortController, AbortSignal */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, URL } from 'node:url';
import Database from 'better-sqlite3';
import { ImapFlow } from 'imapflow';
import mysql from 'mysql2/promise';
import { loadExpiredCustomers } from './bench/bulk-retention.mjs';
import { loadTickets, openDatabase } from './bench/bulk-tickets.mjs';
import { pacedLoad, percentiles } from './bench/paced-load.mjs';
import {
  benchThread,
  consoleVisit,
  queuePageCheck,
  signInToConsole,
  ticketPageCheck,
  timePage,
} from './bench/pages.mjs';

const BENCHMARKS = {
  api: runApiBenchmark,
  intake: runIntakeBenchmark,
  queues: runQueuesBenchmark,
  pages: runPagesBenchmark,
  sla: runSlaBenchmark,
  retention: runRetentionBenchmark,
};

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const ADMIN = { email: 'bench-admin@offtrack.test', password: 'bench-password-not-secret' };
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 30_000;

const log = (...parts) => console.error('[bench]', ...parts);

// ---------------------------------------------------------------------------------------------------------
// Cleanup: the app and the database must go away on success, on failure and on Ctrl-C alike.

const cleanups = [];

async function runCleanups() {
  while (cleanups.length > 0) {
    try {
      await cleanups.pop()();
    } catch (error) {
      log('cleanup failed:', error.message);
    }
  }
}

// A signal stops the load and unwinds the run like a failure, so the cleanups still happen in order.
// A second signal quits at once.
const interruption = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interruption.signal.aborted) process.exit(130);
    log(`${signal}: stopping (again to quit without cleaning up)`);
    process.exitCode = 130;
    interruption.abort(new Error(`interrupted by ${signal}`));
  });
}

// ---------------------------------------------------------------------------------------------------------
// Fresh database

async function freshDatabase() {
  return process.env.DATABASE_URL ? freshMysqlDatabase(process.env.DATABASE_URL) : freshSqliteDatabase();
}

function freshSqliteDatabase() {
  const dir = mkdtempSync(join(os.tmpdir(), 'offtrack-bench-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  log(`database: SQLite in ${dir}`);
  // An empty DATABASE_URL counts as unset in the app and keeps a DATABASE_URL in ./.env from winning.
  return { label: 'sqlite', env: { DATABASE_URL: '', SQLITE_PATH: join(dir, 'offtrack-care.sqlite') } };
}

async function freshMysqlDatabase(databaseUrl) {
  const url = new URL(databaseUrl);
  const name = `${url.pathname.slice(1)}_bench_${timestamp()}`;
  const server = {
    host: url.hostname,
    port: Number(url.port) || 3306,
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  };
  await onServer(server, `CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  cleanups.push(async () => {
    await onServer(server, `DROP DATABASE IF EXISTS \`${name}\``);
    log(`dropped database ${name}`);
  });
  log(`database: ${name} on ${url.host}`);
  url.pathname = `/${name}`;
  return {
    label: 'mariadb/mysql',
    server: await serverSettings(server),
    // The database is thrown away afterwards, so any secret will do when none is given.
    env: {
      DATABASE_URL: url.toString(),
      APP_SECRET: process.env.APP_SECRET || randomBytes(32).toString('hex'),
    },
  };
}

async function onServer(server, sql) {
  const connection = await mysql.createConnection(server);
  try {
    await connection.query(sql);
  } finally {
    await connection.end();
  }
}

/**
 * The server settings the figures depend on most. A server left on InnoDB's 128 MiB default buffer pool reads
 * a data set larger than that from disk, and retention slows as the tables grow (see the README).
 */
async function serverSettings(server) {
  const connection = await mysql.createConnection(server);
  try {
    const [[row]] = await connection.query(
      `SELECT VERSION() AS version, @@innodb_buffer_pool_size AS bufferPool, @@innodb_log_file_size AS redoLog,
              @@innodb_flush_log_at_trx_commit AS flushLogAtCommit`,
    );
    const mib = (bytes) => Math.round(Number(bytes) / 2 ** 20);
    const settings = {
      version: row.version,
      innodbBufferPoolMiB: mib(row.bufferPool),
      innodbRedoLogMiB: mib(row.redoLog),
      innodbFlushLogAtTrxCommit: Number(row.flushLogAtCommit),
    };
    log(`server: ${JSON.stringify(settings)}`);
    return settings;
  } finally {
    await connection.end();
  }
}

function timestamp() {
  return new Date().toISOString().replace(/\D/g, '').slice(0, 14);
}

// ---------------------------------------------------------------------------------------------------------
// The app under test

async function startApp(databaseEnv, extraEnv = {}) {
  const port = await freePort();
  const env = {
    ...process.env,
    ...databaseEnv,
    ...extraEnv,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    // The load has stopped by the time we send SIGTERM, so waiting for requests to drain is wasted time.
    SHUTDOWN_GRACE_MS: '0',
  };
  // The app logs to its stdout; hand it our stderr so the report stays alone on stdout.
  const child = spawn(process.execPath, [...profilerArgs(), 'dist/main.js'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 2, 2],
  });
  const app = { child, pid: child.pid, baseUrl: `http://127.0.0.1:${port}`, stopping: false };
  child.once('exit', (code, signal) => {
    // On Ctrl-C in a terminal the app gets the signal too and stops on its own.
    if (!app.stopping && !interruption.signal.aborted) {
      log(`the app exited unexpectedly (code ${code}, signal ${signal})`);
    }
  });
  cleanups.push(() => stopApp(app));
  await waitUntilReady(app);
  log(`app ready at ${app.baseUrl} (pid ${app.pid})`);
  return app;
}

/** The app writes its CPU profile when it exits, which it does on SIGTERM after closing cleanly. */
function profilerArgs() {
  const dir = process.env.BENCH_CPU_PROF_DIR;
  return dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : [];
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(app) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    interruption.signal.throwIfAborted();
    if (app.child.exitCode !== null || app.child.signalCode !== null) {
      throw new Error('the app exited before it was ready (see its output above)');
    }
    try {
      const response = await fetch(`${app.baseUrl}/health/ready`, { signal: AbortSignal.timeout(2000) });
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`GET /health/ready did not answer 200 within ${READY_TIMEOUT_MS / 1000} s`);
}

async function stopApp(app) {
  if (app.child.exitCode !== null || app.child.signalCode !== null) return;
  app.stopping = true;
  const exited = once(app.child, 'exit');
  app.child.kill('SIGTERM');
  const timer = setTimeout(() => {
    log(`the app did not exit within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM; killing it`);
    app.child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS);
  const [code, signal] = await exited;
  clearTimeout(timer);
  log(`app stopped (code ${code}, signal ${signal})`);
}

/** Resident set size of the app process in MiB, or null where /proc is unavailable. */
function rssMiB(pid) {
  try {
    const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
    return Math.round((kib / 1024) * 10) / 10;
  } catch {
    return null;
  }
}

/** Samples RSS every second until stopped; returns the first and last samples and the peak. */
function watchRss(pid) {
  const first = rssMiB(pid);
  let peak = first;
  const timer = setInterval(() => (peak = Math.max(peak, rssMiB(pid))), 1000);
  return () => {
    clearInterval(timer);
    const last = rssMiB(pid);
    return { rssStart: first, rss: last, peakRss: last === null ? null : Math.max(peak, last) };
  };
}

// ---------------------------------------------------------------------------------------------------------
// HTTP helpers

async function call(app, method, path, { token, body, expect }) {
  // Checked here rather than passed to fetch: thousands of calls would pile listeners on the one signal.
  interruption.signal.throwIfAborted();
  const send = () =>
    fetch(`${app.baseUrl}${path}`, {
      method,
      headers: {
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body && { 'content-type': 'application/json' }),
      },
      body: body && JSON.stringify(body),
    });
  // A kept-alive connection the server closed while we were idle (a long bulk load) fails once; a GET can be
  // sent again.
  const response = await send().catch((error) => {
    if (method !== 'GET') throw error;
    return send();
  });
  const text = await response.text();
  if (response.status !== expect) {
    throw new Error(
      `${method} ${path} answered ${response.status}, expected ${expect}: ${text.slice(0, 500)}`,
    );
  }
  return text ? JSON.parse(text) : null;
}

async function login(app) {
  const { token } = await call(app, 'POST', '/api/v1/auth/login', { body: ADMIN, expect: 200 });
  return token;
}

/** Runs one evenly paced step (see scripts/bench/paced-load.mjs) and samples the app's memory meanwhile. */
async function loadStep(app, { rate, durationS, token, request }) {
  interruption.signal.throwIfAborted();
  const stopWatching = watchRss(app.pid);
  let step, memory;
  try {
    step = await pacedLoad({
      baseUrl: app.baseUrl,
      rate,
      durationS,
      nextRequest: () => {
        const next = request();
        return { ...next, headers: { authorization: `Bearer ${token}`, ...next.headers } };
      },
      signal: interruption.signal,
    });
  } finally {
    memory = stopWatching();
  }
  interruption.signal.throwIfAborted();
  return { ...step, ...memory };
}

// ---------------------------------------------------------------------------------------------------------
// Benchmark: api

const API_RATES = [50, 100, 200];
const API_READ_TICKETS = 200;
const API_GOAL = { operation: 'create', rate: 100, maxP99Ms: 20, database: 'mariadb/mysql' };

async function runApiBenchmark(database) {
  const durationS = Number(process.env.BENCH_DURATION_S) || 30;
  const app = await startApp(database.env);
  const token = await login(app);
  const customer = await call(app, 'POST', '/api/v1/customers', {
    token,
    body: { displayName: 'Nguyễn Thị Bench', emails: [`bench.${Date.now()}@example.com`] },
    expect: 201,
  });
  const nextTicket = ticketBodies(customer.id);
  const created = await createTickets(app, token, nextTicket, API_READ_TICKETS);
  const ticketIds = created.ids;
  const read = await readTickets(app, token, ticketIds);

  const json = { 'content-type': 'application/json' };
  // Per operation, a maker of request makers: each step gets its own, so every read step starts afresh.
  const operations = {
    create: () => () => ({
      method: 'POST',
      path: '/api/v1/tickets',
      headers: json,
      body: JSON.stringify(nextTicket()),
    }),
    read: () => {
      let next = 0;
      return () => ({ method: 'GET', path: `/api/v1/tickets/${ticketIds[next++ % ticketIds.length]}` });
    },
  };

  const figures = {
    durationS,
    load: 'open loop, evenly paced (one request every 1000/rate ms), keep-alive',
    preCreatedTickets: ticketIds.length,
    // One request at a time during setup: the cost of a request without any queueing, for comparison.
    sequential: { create: { latency: created.latency }, read: { latency: read.latency } },
  };
  for (const [operation, request] of Object.entries(operations)) {
    figures[operation] = {};
    for (const rate of API_RATES) {
      log(`${operation} at ${rate} req/s for ${durationS} s…`);
      const step = await loadStep(app, { rate, durationS, token, request: request() });
      log(describeStep(operation, step));
      figures[operation][rate] = step;
    }
  }
  figures.goal = apiGoal(figures[API_GOAL.operation][API_GOAL.rate], database.label);

  return {
    figures,
    units: {
      durationS: 's',
      requestedRate: 'req/s',
      sentRate: 'req/s',
      achievedRate: 'req/s',
      requests: 'count',
      latency: 'ms',
      ok: 'count',
      non2xx: 'count',
      errors: 'count',
      timeouts: 'count',
      maxInFlight: 'count',
      senderLag: 'ms',
      rssStart: 'MiB',
      rss: 'MiB',
      peakRss: 'MiB',
    },
  };
}

/** An endless supply of ticket bodies, each with its own number so no two are alike. */
function ticketBodies(customerId) {
  let n = 0;
  return () => {
    n += 1;
    return {
      customerId,
      subject: `Khiếu nại: hoàn tiền tour Đà Lạt #${n}`,
      body:
        `Tôi đã đặt tour Đà Lạt 3 ngày 2 đêm (yêu cầu số ${n}) nhưng công ty hủy tour trước ngày khởi hành ` +
        'hai hôm mà chưa hoàn tiền. Đề nghị hoàn lại toàn bộ số tiền đã thanh toán. Xin cảm ơn.',
    };
  };
}

async function createTickets(app, token, nextTicket, count) {
  log(`creating ${count} tickets to read…`);
  const ids = [];
  const latencies = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const ticket = await call(app, 'POST', '/api/v1/tickets', { token, body: nextTicket(), expect: 201 });
    latencies.push(performance.now() - started);
    ids.push(ticket.id);
  }
  return { ids, latency: percentiles(latencies) };
}

/** Reads every ticket once: checks they can be read and warms the read path before it is measured. */
async function readTickets(app, token, ids) {
  const latencies = [];
  for (const id of ids) {
    const started = performance.now();
    await call(app, 'GET', `/api/v1/tickets/${id}`, { token, expect: 200 });
    latencies.push(performance.now() - started);
  }
  return { latency: percentiles(latencies) };
}

function apiGoal(step, databaseLabel) {
  const failures = step.non2xx + step.errors + step.timeouts;
  return {
    description:
      `${API_GOAL.operation} p99 <= ${API_GOAL.maxP99Ms} ms at ${API_GOAL.rate} req/s with no errors, ` +
      `on ${API_GOAL.database}`,
    measuredOn: databaseLabel,
    met: step.latency.p99 <= API_GOAL.maxP99Ms && failures === 0 && databaseLabel === API_GOAL.database,
  };
}

function describeStep(operation, step) {
  const { p50, p90, p99, max } = step.latency;
  return (
    `${operation} @${step.requestedRate}: ${step.achievedRate} req/s, p50 ${p50} p90 ${p90} p99 ${p99} ` +
    `max ${max} ms, non2xx ${step.non2xx}, errors ${step.errors}, timeouts ${step.timeouts}, ` +
    `in flight ≤ ${step.maxInFlight}, RSS ${step.rss} MiB (peak ${step.peakRss})`
  );
}

// ---------------------------------------------------------------------------------------------------------
// Benchmark: queues

const QUEUES_GOAL = { pageP95Ms: 50, countsP95Ms: 100, tickets: 1_000_000, database: 'mariadb/mysql' };
const QUEUE_AGENTS = 8;
const CLAIMABLE = 2000;
const QUEUE_SAMPLES = 300;
const PAGE_LIMIT = 50;
const PAGES_DEEP = 6;
const AGENT_PASSWORD = 'bench-agent-password';

async function runQueuesBenchmark(database) {
  const tickets = Number(process.env.BENCH_TICKETS) || (database.label === 'sqlite' ? 100_000 : 1_000_000);
  // No jobs: the count compaction must not run in the middle of a measurement.
  const app = await startApp(database.env, { JOBS_ENABLED: 'false' });
  const token = await login(app);
  const claimQueue = await call(app, 'POST', '/api/v1/queues', {
    token,
    body: { name: 'Bench claims' },
    expect: 201,
  });
  const agents = [];
  for (let i = 0; i < QUEUE_AGENTS; i++) agents.push(await benchAgent(app, token, i));
  const queues = await joinEveryQueue(app, token, agents);

  log(`loading ${tickets} tickets…`);
  const db = await openDatabase(database.env);
  cleanups.push(() => db.close());
  const load = await loadTickets(db, {
    count: tickets,
    claimable: CLAIMABLE,
    claimQueueId: claimQueue.id,
    agentIds: agents.map((agent) => agent.id),
    log,
  });
  log(`loaded in ${load.loadSeconds} s`);

  const busiest = busiestQueue(queues, load.shape);
  // An agent who is a member of every queue: the sidebar counts go through the membership filter.
  const agentToken = agents[0].token;
  const page = await timeQueuePages(app, agentToken, busiest.id);
  log(`queue page: first ${JSON.stringify(page.first)}, deeper ${JSON.stringify(page.deeper)}`);
  const countsPath = '/api/v1/queues/counts';
  await checkCounts(app, agentToken, load.shape);
  const counts = await timeRequests(app, agentToken, countsPath, QUEUE_SAMPLES);
  log(`sidebar counts: ${JSON.stringify(counts)}`);
  const claims = await timeClaims(app, db, agents, claimQueue.id);
  log(`claims: ${claims.claimsPerSecond}/s, ${JSON.stringify(claims.latency)}`);
  // Each claim left two count deltas that the (disabled) compaction job would have folded by now.
  const countsAfterClaims = await timeRequests(app, agentToken, countsPath, QUEUE_SAMPLES);
  log(`sidebar counts after the claims: ${JSON.stringify(countsAfterClaims)}`);

  const figures = {
    tickets,
    customers: load.customers,
    loadSeconds: load.loadSeconds,
    engine: await engineDetails(db),
    busiestQueue: { name: busiest.name, ticketsInQueue: busiest.total, openTickets: busiest.open },
    queuePage: {
      limit: PAGE_LIMIT,
      pagesDeep: PAGES_DEEP,
      requests: page.requests,
      latency: page.latency,
      firstPage: page.first,
      deeperPages: page.deeper,
    },
    sidebarCounts: { requests: QUEUE_SAMPLES, countRows: load.countRows, latency: counts },
    sidebarCountsAfterClaims: {
      requests: QUEUE_SAMPLES,
      countRows: load.countRows + 2 * CLAIMABLE,
      latency: countsAfterClaims,
    },
    nextTicket: claims,
  };
  figures.goal = {
    description:
      `queue page p95 < ${QUEUES_GOAL.pageP95Ms} ms and sidebar counts p95 < ${QUEUES_GOAL.countsP95Ms} ms ` +
      `at ${QUEUES_GOAL.tickets} tickets on ${QUEUES_GOAL.database}`,
    measuredOn: `${tickets} tickets on ${database.label}`,
    queuePageP95: { value: page.latency.p95, met: page.latency.p95 < QUEUES_GOAL.pageP95Ms },
    sidebarCountsP95: { value: counts.p95, met: counts.p95 < QUEUES_GOAL.countsP95Ms },
    met:
      page.latency.p95 < QUEUES_GOAL.pageP95Ms &&
      counts.p95 < QUEUES_GOAL.countsP95Ms &&
      tickets >= QUEUES_GOAL.tickets &&
      database.label === QUEUES_GOAL.database,
  };
  return {
    figures,
    units: {
      loadSeconds: 's',
      latency: 'ms',
      claimsPerSecond: 'claims/s',
      seconds: 's',
      bufferPoolMiB: 'MiB',
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Benchmark: pages

const PAGES_GOAL = { p95Ms: 150, tickets: 1_000_000, database: 'mariadb/mysql' };
const PAGE_WARM_UP = 20;
/** The console's queue page shows this many tickets (ConsoleService.queuePage). */
const CONSOLE_QUEUE_ROWS = 50;

async function runPagesBenchmark(database) {
  const tickets = Number(process.env.BENCH_TICKETS) || (database.label === 'sqlite' ? 100_000 : 1_000_000);
  const samples = Number(process.env.BENCH_PAGE_SAMPLES) || 300;
  const app = await startApp(database.env, { JOBS_ENABLED: 'false' });
  const token = await login(app);
  // The first agent signs in to the console below and chooses their password there, as a new agent would.
  const pageAgent = await newAgent(app, token, 0);
  const agents = [pageAgent];
  for (let i = 1; i < QUEUE_AGENTS; i++) agents.push(await benchAgent(app, token, i));
  const queues = await joinEveryQueue(app, token, agents);

  log(`loading ${tickets} tickets…`);
  const db = await openDatabase(database.env);
  cleanups.push(() => db.close());
  const load = await loadTickets(db, { count: tickets, agentIds: agents.map((agent) => agent.id), log });
  log(`loaded in ${load.loadSeconds} s`);
  const busiest = busiestQueue(queues, load.shape);
  // The thread's ticket joins the busiest queue's open tickets.
  const queueRows = Math.min(CONSOLE_QUEUE_ROWS, busiest.open + 1);

  // A customer of the busiest queue with a history, so the page's "other tickets" panel has some to list.
  const [{ customerId }] = await db.run(
    'SELECT customer_id AS customerId FROM tickets WHERE queue_id = ? ORDER BY number LIMIT 1',
    [busiest.id],
  );
  const [{ n: customerTickets }] = await db.run('SELECT COUNT(*) AS n FROM tickets WHERE customer_id = ?', [
    customerId,
  ]);
  // The kept-alive connection has most likely been closed during the load, and call() resends only GETs.
  await call(app, 'GET', `/api/v1/customers/${customerId}`, { token, expect: 200 });
  const thread = benchThread();
  const ticket = await ticketWithThread(app, token, { customerId, queueId: busiest.id, thread });
  log(`${ticket.displayNumber} has ${thread.length} messages`);

  const visit = consoleVisit(app.baseUrl, interruption.signal);
  const signIn = await signInToConsole(visit, {
    email: pageAgent.email,
    password: AGENT_PASSWORD,
    newPassword: `${AGENT_PASSWORD}-changed`,
  });
  log(`signed in to the console as ${pageAgent.email}`);

  const queuePage = await timePage(visit, `/console/queues?queue=${busiest.id}`, {
    warmUp: PAGE_WARM_UP,
    samples,
    check: queuePageCheck({ queueName: busiest.name, rows: queueRows }),
  });
  log(`queue page: ${JSON.stringify(queuePage.latency)}, ${queuePage.bytes.max} bytes`);
  const ticketPage = await timePage(visit, `/console/tickets/${ticket.id}`, {
    warmUp: PAGE_WARM_UP,
    samples,
    check: ticketPageCheck({
      displayNumber: ticket.displayNumber,
      messages: thread.length,
      lastWords: thread.at(-1).body.split('\n')[0],
    }),
  });
  log(`ticket page: ${JSON.stringify(ticketPage.latency)}, ${ticketPage.bytes.max} bytes`);

  const [{ n: messages }] = await db.run('SELECT COUNT(*) AS n FROM messages');
  const figures = {
    tickets,
    customers: load.customers,
    messages: Number(messages),
    loadSeconds: load.loadSeconds,
    engine: await engineDetails(db),
    busiestQueue: { name: busiest.name, ticketsInQueue: busiest.total, openTickets: busiest.open },
    signIn: { throughForms: true, firstPasswordChanged: signIn.passwordChanged },
    load: `one request at a time, keep-alive, after ${PAGE_WARM_UP} uncounted requests per page`,
    queuePage: { ...queuePage, rows: queueRows },
    ticketPage: {
      ...ticketPage,
      ticket: ticket.displayNumber,
      threadMessages: thread.length,
      mix: countBy(thread, (message) => message.kind),
      htmlBodies: thread.filter((message) => message.bodyHtml).length,
      customerTickets: Number(customerTickets) + 1,
    },
  };
  figures.goal = {
    description:
      `queue page and ticket page (${thread.length} messages) p95 < ${PAGES_GOAL.p95Ms} ms ` +
      `at ${PAGES_GOAL.tickets} tickets on ${PAGES_GOAL.database}`,
    measuredOn: `${tickets} tickets on ${database.label}`,
    queuePageP95: { value: queuePage.latency.p95, met: queuePage.latency.p95 < PAGES_GOAL.p95Ms },
    ticketPageP95: { value: ticketPage.latency.p95, met: ticketPage.latency.p95 < PAGES_GOAL.p95Ms },
    met:
      queuePage.latency.p95 < PAGES_GOAL.p95Ms &&
      ticketPage.latency.p95 < PAGES_GOAL.p95Ms &&
      tickets >= PAGES_GOAL.tickets &&
      database.label === PAGES_GOAL.database,
  };
  return { figures, units: { loadSeconds: 's', latency: 'ms', bytes: 'bytes' } };
}

/** Opens a ticket for the customer in the queue and adds the rest of the thread through the API. */
async function ticketWithThread(app, token, { customerId, queueId, thread }) {
  const [opening, ...rest] = thread;
  const paths = { customer: 'customer-messages', reply: 'replies', note: 'notes' };
  const ticket = await call(app, 'POST', '/api/v1/tickets', {
    token,
    body: {
      customerId,
      queueId,
      subject: 'Khiếu nại: chưa được hoàn tiền tour Đà Lạt bị hủy',
      channel: 'email',
      body: opening.body,
      ...(opening.bodyHtml && { bodyHtml: opening.bodyHtml }),
    },
    expect: 201,
  });
  for (const { kind, body, bodyHtml } of rest) {
    await call(app, 'POST', `/api/v1/tickets/${ticket.id}/${paths[kind]}`, {
      token,
      body: { body, ...(bodyHtml && { bodyHtml }) },
      expect: 201,
    });
  }
  return ticket;
}

const SLA_GOAL = { scanMs: 1000, overdue: 1000, database: 'mariadb/mysql' };

async function runSlaBenchmark(database) {
  const tickets = Number(process.env.BENCH_TICKETS) || 100_000;
  const overdue = Number(process.env.BENCH_OVERDUE) || SLA_GOAL.overdue;
  const app = await startApp(database.env, { JOBS_ENABLED: 'false' });
  const token = await login(app);
  const agents = [];
  for (let i = 0; i < QUEUE_AGENTS; i++) agents.push(await benchAgent(app, token, i));
  // Breach notices go to the supervisors.
  await call(app, 'POST', '/api/v1/agents', {
    token,
    body: {
      email: 'bench-supervisor@offtrack.test',
      displayName: 'Bench supervisor',
      role: 'supervisor',
      initialPassword: AGENT_PASSWORD,
    },
    expect: 201,
  });
  await stopApp(app);

  log(`loading ${tickets} open tickets, ${overdue} of them overdue…`);
  const db = await openDatabase(database.env);
  cleanups.push(() => db.close());
  const load = await loadTickets(db, {
    count: tickets,
    agentIds: agents.map((agent) => agent.id),
    log,
    allOpen: { overdue },
  });
  log(`loaded in ${load.loadSeconds} s`);

  const firstCompute = await slaTask(database.env, 'recompute');
  log(`clocks computed for ${firstCompute.tickets} tickets in ${firstCompute.ms} ms`);
  const recompute = await slaTask(database.env, 'recompute');
  log(`clocks re-timed for ${recompute.tickets} tickets in ${recompute.ms} ms`);
  const [{ n: clocks }] = await db.run('SELECT COUNT(*) AS n FROM ticket_sla_clocks');
  const [{ n: due }] = await db.run(
    'SELECT COUNT(DISTINCT ticket_id) AS n FROM ticket_sla_clocks WHERE next_check_at <= ?',
    [new Date().toISOString().replace('T', ' ').replace('Z', '')],
  );
  const scan = await slaTask(database.env, 'sweep');
  log(`scan: ${scan.fired} steps on ${scan.clocks} clocks in ${scan.ms} ms`);
  const idle = await slaTask(database.env, 'sweep');
  log(`scan with nothing due: ${idle.ms} ms`);
  const [{ n: notifications }] = await db.run('SELECT COUNT(*) AS n FROM notifications');

  const figures = {
    tickets,
    loadSeconds: load.loadSeconds,
    clocks: Number(clocks),
    computeAllClocks: { tickets: firstCompute.tickets, ms: firstCompute.ms },
    retimeAllClocks: { tickets: recompute.tickets, ms: recompute.ms },
    scan: {
      dueTickets: Number(due),
      clocks: scan.clocks,
      stepsFired: scan.fired,
      notifications: Number(notifications),
      ms: scan.ms,
    },
    scanWithNothingDue: { ms: idle.ms },
  };
  figures.goal = {
    description: `one scan pass over ${SLA_GOAL.overdue} due tickets under ${SLA_GOAL.scanMs} ms on ${SLA_GOAL.database}`,
    measuredOn: `${Number(due)} due of ${tickets} open tickets on ${database.label}`,
    value: scan.ms,
    met: scan.ms < SLA_GOAL.scanMs && Number(due) >= SLA_GOAL.overdue && database.label === SLA_GOAL.database,
  };
  return { figures, units: { loadSeconds: 's', ms: 'ms' } };
}

/** Runs `npm run sla -- <task>` against the benchmark database in its own process; returns its JSON line. */
async function slaTask(databaseEnv, task) {
  const child = spawn(
    process.execPath,
    [...profilerArgs(), join(ROOT, 'dist', 'escalations', 'sla-once.js'), task],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...databaseEnv,
        LOG_LEVEL: 'warn',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`npm run sla -- ${task} exited with ${code}`);
  return JSON.parse(output.trim().split('\n').pop());
}

const RETENTION_GOAL = { seconds: 300, customers: 100_000, database: 'mariadb/mysql' };

async function runRetentionBenchmark(database) {
  const customers = Number(process.env.BENCH_CUSTOMERS) || RETENTION_GOAL.customers;
  const ticketsPerCustomer = Number(process.env.BENCH_TICKETS_PER_CUSTOMER) || 5;
  // Started once for its migrations and seed queues.
  await stopApp(await startApp(database.env, { JOBS_ENABLED: 'false' }));
  log(`loading ${customers} expired customers with ${ticketsPerCustomer} tickets each…`);
  const db = await openDatabase(database.env);
  cleanups.push(() => db.close());
  const load = await loadExpiredCustomers(db, { customers, ticketsPerCustomer, log });
  log(`loaded in ${load.loadSeconds} s; running npm run retention…`);

  const started = performance.now();
  const child = spawn(
    process.execPath,
    [...profilerArgs(), join(ROOT, 'dist', 'retention', 'retention-once.js')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        ...database.env,
        LOG_LEVEL: 'warn',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      },
      // Its progress lines pass straight through to our stderr.
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const [code] = await once(child, 'exit');
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`npm run retention exited with ${code}: ${output}`);
  const run = JSON.parse(output.trim().split('\n').pop());
  const [{ n: left }] = await db.run('SELECT COUNT(*) AS n FROM customers WHERE anonymised_at IS NULL');
  const [{ n: personal }] = await db.run(
    `SELECT COUNT(*) AS n FROM messages WHERE body_text LIKE '%@example.vn%' OR body_text LIKE '%4111 1111%'`,
  );
  const figures = {
    loaded: load,
    run: {
      state: run.state,
      customersAnonymised: run.customersAnonymised,
      customersSkipped: run.customersSkippedHold + run.customersSkippedDispute,
      customersFailed: run.customersFailed,
      tickets: run.tickets,
      messagesRedacted: run.messagesRedacted,
      attachmentsDeleted: run.attachmentsDeleted,
      rawMailsDeleted: run.rawMailsDeleted,
      outboxMailsDeleted: run.outboxMailsDeleted,
    },
    seconds: Math.round(seconds * 10) / 10,
    runSeconds: run.seconds,
    customersPerSecond: Math.round(run.customersAnonymised / seconds),
    customersLeft: Number(left),
    messagesStillPersonal: Number(personal),
  };
  figures.goal = {
    description: `anonymise ${RETENTION_GOAL.customers} expired customers (5 tickets each) in one run under ${RETENTION_GOAL.seconds} s on ${RETENTION_GOAL.database}`,
    measuredOn: `${customers} customers × ${ticketsPerCustomer} tickets on ${database.label}`,
    value: figures.seconds,
    met:
      figures.seconds < RETENTION_GOAL.seconds &&
      customers >= RETENTION_GOAL.customers &&
      Number(left) === 0 &&
      database.label === RETENTION_GOAL.database,
  };
  return { figures, units: { seconds: 's', runSeconds: 's', customersPerSecond: 'customers/s' } };
}

/** An agent who has yet to choose their own password. */
async function newAgent(app, adminToken, index) {
  const email = `bench-agent-${index}@offtrack.test`;
  const agent = await call(app, 'POST', '/api/v1/agents', {
    token: adminToken,
    body: { email, displayName: `Bench agent ${index}`, role: 'agent', initialPassword: AGENT_PASSWORD },
    expect: 201,
  });
  return { id: agent.id, email };
}

/** An agent who has set their own password, with a token. */
async function benchAgent(app, adminToken, index) {
  const { id, email } = await newAgent(app, adminToken, index);
  const { token } = await call(app, 'POST', '/api/v1/auth/login', {
    body: { email, password: AGENT_PASSWORD },
    expect: 200,
  });
  await call(app, 'POST', '/api/v1/auth/password', {
    token,
    body: { currentPassword: AGENT_PASSWORD, newPassword: `${AGENT_PASSWORD}-changed` },
    expect: 204,
  });
  return { id, token };
}

/** Makes the agents the members of every queue; returns the queues. */
async function joinEveryQueue(app, adminToken, agents) {
  const queues = await call(app, 'GET', '/api/v1/queues', { token: adminToken, expect: 200 });
  for (const queue of queues) {
    await call(app, 'PUT', `/api/v1/queues/${queue.id}/members`, {
      token: adminToken,
      body: { agentIds: agents.map((agent) => agent.id) },
      expect: 200,
    });
  }
  return queues;
}

const OPEN_STATES = ['new', 'open', 'pending_customer', 'on_hold'];

/** The seeded queue with the most tickets still being worked, from the loaded "queue|state|assigned" totals. */
function busiestQueue(queues, shape) {
  const sized = queues.map((queue) => {
    let total = 0;
    let open = 0;
    for (const [key, n] of Object.entries(shape)) {
      const [queueId, state] = key.split('|');
      if (queueId !== queue.id) continue;
      total += n;
      if (OPEN_STATES.includes(state)) open += n;
    }
    return { ...queue, total, open };
  });
  return sized.filter((queue) => queue.name !== 'Bench claims').sort((a, b) => b.open - a.open)[0];
}

/** The sidebar must show what was loaded: a wrong figure would make its timing meaningless. */
async function checkCounts(app, token, shape) {
  const counts = await call(app, 'GET', '/api/v1/queues/counts', { token, expect: 200 });
  for (const queue of counts) {
    for (const { state, assigned, unassigned } of queue.states) {
      const expected = [shape[`${queue.queueId}|${state}|1`] ?? 0, shape[`${queue.queueId}|${state}|0`] ?? 0];
      if (assigned !== expected[0] || unassigned !== expected[1]) {
        throw new Error(
          `sidebar counts for ${queue.name} ${state}: ${assigned}/${unassigned}, loaded ${expected}`,
        );
      }
    }
  }
}

/**
 * The first page of the queue and the pages after it, again and again, as agents scroll a queue. One round
 * beforehand warms caches and connections and is not counted.
 */
async function timeQueuePages(app, token, queueId) {
  const first = [];
  const deeper = [];
  const round = async (record) => {
    let cursor = null;
    for (let depth = 0; depth < PAGES_DEEP; depth++) {
      const query = cursor
        ? `?limit=${PAGE_LIMIT}&cursor=${encodeURIComponent(cursor)}`
        : `?limit=${PAGE_LIMIT}`;
      const started = performance.now();
      const page = await call(app, 'GET', `/api/v1/queues/${queueId}/tickets${query}`, {
        token,
        expect: 200,
      });
      record(depth, performance.now() - started);
      if (page.items.length !== PAGE_LIMIT) {
        throw new Error(`a queue page held ${page.items.length} tickets, not ${PAGE_LIMIT}`);
      }
      cursor = page.nextCursor;
    }
  };
  await round(() => undefined);
  while (first.length + deeper.length < QUEUE_SAMPLES) {
    await round((depth, ms) => (depth === 0 ? first : deeper).push(ms));
  }
  const ranks = [0.5, 0.95, 0.99, 1];
  return {
    requests: first.length + deeper.length,
    latency: percentiles([...first, ...deeper], ranks),
    first: percentiles(first, ranks),
    deeper: percentiles(deeper, ranks),
  };
}

/** Times `count` GETs one after the other, after five uncounted ones. */
async function timeRequests(app, token, path, count) {
  for (let i = 0; i < 5; i++) await call(app, 'GET', path, { token, expect: 200 });
  const latencies = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    await call(app, 'GET', path, { token, expect: 200 });
    latencies.push(performance.now() - started);
  }
  return percentiles(latencies, [0.5, 0.95, 0.99, 1]);
}

/** Every agent presses "next ticket" until the queue is empty; no ticket may be handed out twice. */
async function timeClaims(app, db, agents, queueId) {
  const latencies = [];
  const claimed = [];
  const started = performance.now();
  await Promise.all(
    agents.map(async (agent) => {
      for (;;) {
        const before = performance.now();
        const { ticket } = await call(app, 'POST', `/api/v1/queues/${queueId}/next`, {
          token: agent.token,
          expect: 200,
        });
        latencies.push(performance.now() - before);
        if (!ticket) return;
        if (ticket.assigneeId !== agent.id) throw new Error(`ticket ${ticket.id} claimed for someone else`);
        claimed.push(ticket.id);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const distinct = new Set(claimed).size;
  const [{ unassigned }] = await db.run(
    'SELECT COUNT(*) AS unassigned FROM tickets WHERE queue_id = ? AND assignee_id IS NULL',
    [queueId],
  );
  if (distinct !== claimed.length || claimed.length !== CLAIMABLE || Number(unassigned) !== 0) {
    throw new Error(
      `claimed ${claimed.length} tickets, ${distinct} distinct, of ${CLAIMABLE}; ${unassigned} left unassigned`,
    );
  }
  return {
    agents: agents.length,
    claimed: claimed.length,
    claimedTwice: claimed.length - distinct,
    seconds: Math.round(seconds * 10) / 10,
    claimsPerSecond: Math.round(claimed.length / seconds),
    latency: percentiles(latencies, [0.5, 0.95, 0.99, 1]),
  };
}

/** What the figures depend on besides the code: the server version and, for InnoDB, its cache size. */
async function engineDetails(db) {
  if (db.engine === 'sqlite') {
    const [{ version }] = await db.run('SELECT sqlite_version() AS version');
    return { name: 'sqlite', version };
  }
  const [row] = await db.run('SELECT VERSION() AS version, @@innodb_buffer_pool_size AS bufferPool');
  return { name: 'mariadb/mysql', version: row.version, bufferPoolMiB: Number(row.bufferPool) / 1048576 };
}

// ---------------------------------------------------------------------------------------------------------
// Benchmark: intake

const DOVECOT_SCRIPT = join(ROOT, '..', 'shared', 'recipes', 'dovecot.sh');
const MAIL_FIXTURES = join(ROOT, 'test', 'fixtures', 'mail');
const MAILBOX = { user: 'care@offtrack.test', password: 'secret' };
const INTAKE_GOAL = { messagesPerSecond: 100, p95Ms: 2000, peakRssMiB: 300 };
// 20% over the goal: at exactly the goal rate even an app that keeps up would score just under it, since
// messages/s is N / (last processed_at - first append) and the last message's latency is in there.
const DEFAULT_MAIL_RATE = 120;
// New complaints, in the order they take turns; every tenth mail is a reply instead (see buildMails).
const MAIL_KINDS = [
  { kind: 'vietnamese-utf8-qp', file: '01-vietnamese-utf8-qp.eml' },
  { kind: 'english-plain', file: '19-english-plain.eml' },
  { kind: 'html-inline-image', file: '14-inline-cid-image.eml' },
  { kind: 'pdf-attachment', file: '05-rfc2231-attachment.eml' },
  { kind: 'windows-1258', file: '03-windows-1258.eml' },
  { kind: 'vietnamese-base64-html', file: '02-vietnamese-base64-html.eml' },
];
const REPLY_KIND = { kind: 'reply-by-headers', file: '08-reply-by-headers.eml' };
const REPLY_EVERY = 10;
const POLL_MS = 250;
const STALL_TIMEOUT_MS = 60_000;

async function runIntakeBenchmark(database) {
  const count = Number(process.env.BENCH_MAILS) || 2000;
  const rate = Number(process.env.BENCH_MAIL_RATE ?? DEFAULT_MAIL_RATE);
  const mails = buildMails(count);
  const imap = await startDovecot();
  const app = await startApp(database.env, {
    IMAP_URL: `imap://${encodeURIComponent(MAILBOX.user)}:${MAILBOX.password}@127.0.0.1:${imap.port}/INBOX`,
    IMAP_TLS: 'false',
    MAIL_FROM: `Offtrack Care <${MAILBOX.user}>`,
    IMAP_IDLE: 'true',
    MAIL_POLL_SECONDS: '5',
    // Acknowledgements stay queued in the outbox: sending them is not what is measured.
    SMTP_URL: '',
  });
  const db = await openDatabaseReader(database.env);
  const stopWatching = watchRss(app.pid);
  let appended, done, memory;
  try {
    appended = await appendMails(imap.port, mails, rate);
    done = await waitUntilHandled(db, count);
  } finally {
    memory = stopWatching();
  }
  const rows = await db.query(
    'SELECT message_id, state, ticket_id, received_at, processed_at FROM inbound_mail',
  );
  return {
    figures: intakeFigures({ mails, rate, appended, done, rows, memory }),
    units: {
      appendRate: 'messages/s',
      messagesPerSecond: 'messages/s',
      latency: 'ms',
      phases: 'ms',
      rssStart: 'MiB',
      rss: 'MiB',
      peakRss: 'MiB',
    },
  };
}

// Mail

/** N raw messages (Buffers), each with its own Message-ID and, for new complaints, its own sender. */
function buildMails(count) {
  const run = `${timestamp()}${randomBytes(3).toString('hex')}`;
  const templates = new Map([...MAIL_KINDS, REPLY_KIND].map(({ kind, file }) => [kind, readFixture(file)]));
  const mails = [];
  let complaints = 0;
  for (let i = 0; i < count; i++) {
    const messageId = `<bench-${run}-${i}@mail.example.com>`;
    // A reply to the complaint sent five mails earlier, by the same customer, threaded by its headers.
    const original = i % REPLY_EVERY === REPLY_EVERY - 1 ? mails[i - REPLY_EVERY / 2] : null;
    const kind = original ? REPLY_KIND.kind : MAIL_KINDS[complaints++ % MAIL_KINDS.length].kind;
    const from = original ? original.from : `khach.${run}.${i}@example.vn`;
    let raw = templates.get(kind);
    if (original) {
      // Threading by In-Reply-To wins over the subject token, so any ticket number will do there.
      raw = raw.replaceAll('{{IN_REPLY_TO}}', original.messageId).replaceAll('{{TICKET_NUMBER}}', '999999');
    }
    raw = withHeader(raw, 'Message-ID', messageId);
    raw = withSenderAddress(raw, from);
    mails.push({
      kind,
      messageId,
      from,
      raw: Buffer.from(raw, 'latin1'),
    });
  }
  return mails;
}

// latin1 maps every byte to one character and back, so editing headers as text leaves the 8-bit
// (windows-1258, raw UTF-8) bytes of the fixtures exactly as they were.
function readFixture(file) {
  return readFileSync(join(MAIL_FIXTURES, file), 'latin1');
}

function editHeaderBlock(raw, edit) {
  const end = raw.indexOf('\r\n\r\n');
  return edit(raw.slice(0, end)) + raw.slice(end);
}

function withHeader(raw, name, value) {
  return editHeaderBlock(raw, (head) => {
    const header = new RegExp(`^${name}:.*(?:\\r\\n[ \\t].*)*`, 'im');
    if (!header.test(head)) throw new Error(`fixture without a ${name} header`);
    return head.replace(header, `${name}: ${value}`);
  });
}

/** Replaces the address in <…> on the From line, keeping the (encoded) display name. */
function withSenderAddress(raw, address) {
  return editHeaderBlock(raw, (head) => {
    const from = /^(From:[^\r\n]*<)[^<>\r\n]+>/im;
    if (!from.test(head)) throw new Error('fixture without a From: name <address> header');
    return head.replace(from, `$1${address}>`);
  });
}

// Dovecot

async function startDovecot() {
  const dir = mkdtempSync(join(os.tmpdir(), 'offtrack-bench-imap-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const port = await freePort();
  // Pushed before starting: stop does nothing when nothing runs, and a half-started server is stopped.
  cleanups.push(() => dovecot('stop', dir));
  await dovecot('start', dir, String(port), MAILBOX.user, MAILBOX.password);
  log(`Dovecot on 127.0.0.1:${port} (${dir})`);
  return { dir, port };
}

/** Runs the recipe with its output on our stderr: a pipe would stay open in the daemon it leaves behind. */
async function dovecot(...args) {
  const child = spawn('bash', [DOVECOT_SCRIPT, ...args], { stdio: ['ignore', 2, 2] });
  const [code] = await once(child, 'exit');
  if (code !== 0) throw new Error(`dovecot.sh ${args[0]} failed (exit code ${code})`);
}

/**
 * Appends the mails to INBOX one after the other, the n-th due at start + n / rate (all at once when rate
 * is 0), and records when each APPEND completed: from then on the message is in the mailbox.
 */
async function appendMails(port, mails, rate) {
  const client = new ImapFlow({
    host: '127.0.0.1',
    port,
    secure: false,
    auth: { user: MAILBOX.user, pass: MAILBOX.password },
    logger: false,
    disableAutoIdle: true,
  });
  await client.connect();
  cleanups.push(() => client.logout().catch(() => undefined));
  log(`appending ${mails.length} mails ${rate > 0 ? `at ${rate}/s` : 'as fast as possible'}…`);
  const appendedAt = new Map();
  const started = performance.now();
  const startedAt = Date.now();
  for (const [i, mail] of mails.entries()) {
    interruption.signal.throwIfAborted();
    const aheadMs = rate > 0 ? started + (i * 1000) / rate - performance.now() : 0;
    if (aheadMs > 0) await sleep(aheadMs);
    await client.append('INBOX', mail.raw);
    appendedAt.set(mail.messageId, Date.now());
  }
  const durationMs = Date.now() - startedAt;
  log(`appended ${mails.length} mails in ${(durationMs / 1000).toFixed(1)} s`);
  return { appendedAt, startedAt, durationMs };
}

// Database

/** Reads the app's database beside it: SQLite read-only (WAL lets it read while the app writes). */
async function openDatabaseReader(env) {
  if (env.DATABASE_URL) {
    // Times as the 'YYYY-MM-DD HH:MM:SS.SSS' UTC text that SQLite returns too, so one parser serves both.
    const connection = await mysql.createConnection({ uri: env.DATABASE_URL, dateStrings: true });
    cleanups.push(() => connection.end());
    return { query: async (sql) => (await connection.query(sql))[0] };
  }
  const sqlite = new Database(env.SQLITE_PATH, { readonly: true, fileMustExist: true });
  cleanups.push(() => sqlite.close());
  return { query: async (sql) => sqlite.prepare(sql).all() };
}

/** Milliseconds since the epoch of a UTC datetime(3) as the database returns it. */
function utcMs(value) {
  if (value === null) return null;
  if (value instanceof Date) return value.getTime();
  return Date.parse(`${value.replace(' ', 'T')}Z`);
}

/** Polls until every mail has left the 'stored' state (or nothing moves for a minute). */
async function waitUntilHandled(db, count) {
  let handled = 0;
  let lastProgress = Date.now();
  let lastLog = 0;
  for (;;) {
    interruption.signal.throwIfAborted();
    const states = await stateCounts(db);
    const now = Date.now();
    const nowHandled = states.processed + states.ignored + states.failed;
    if (nowHandled > handled) [handled, lastProgress] = [nowHandled, now];
    if (now - lastLog >= 2000 || handled >= count) {
      log(`mail: ${JSON.stringify(states)}`);
      lastLog = now;
    }
    if (handled >= count) return { complete: true, states };
    if (now - lastProgress > STALL_TIMEOUT_MS) {
      log(`no progress for ${STALL_TIMEOUT_MS / 1000} s; giving up with ${handled} of ${count} handled`);
      return { complete: false, states };
    }
    await sleep(POLL_MS);
  }
}

async function stateCounts(db) {
  const rows = await db.query('SELECT state, COUNT(*) AS n FROM inbound_mail GROUP BY state');
  const states = { stored: 0, processed: 0, ignored: 0, failed: 0 };
  for (const { state, n } of rows) states[state] = Number(n);
  return states;
}

// Figures

function intakeFigures({ mails, rate, appended, done, rows, memory }) {
  const byId = new Map(rows.map((row) => [row.message_id, row]));
  const latencies = [];
  const toStored = [];
  const toProcessed = [];
  let lastProcessed = 0;
  for (const mail of mails) {
    const row = byId.get(mail.messageId);
    if (row?.state !== 'processed') continue;
    const appendedAt = appended.appendedAt.get(mail.messageId);
    const [receivedAt, processedAt] = [utcMs(row.received_at), utcMs(row.processed_at)];
    latencies.push(processedAt - appendedAt);
    toStored.push(receivedAt - appendedAt);
    toProcessed.push(processedAt - receivedAt);
    lastProcessed = Math.max(lastProcessed, processedAt);
  }
  const firstAppend = appended.appendedAt.get(mails[0].messageId);
  const messagesPerSecond = latencies.length / ((lastProcessed - firstAppend) / 1000);
  const latency = percentiles(latencies, [0.5, 0.95, 0.99, 1]);
  return {
    mails: mails.length,
    mix: countBy(mails, (mail) => mail.kind),
    append: {
      pace: rate > 0 ? 'steady' : 'as fast as possible',
      requestedRate: rate > 0 ? rate : null,
      appendRate: Math.round((mails.length / (appended.durationMs / 1000)) * 10) / 10,
    },
    complete: done.complete,
    states: done.states,
    tickets: new Set(rows.filter((row) => row.ticket_id).map((row) => row.ticket_id)).size,
    messagesPerSecond: Math.round(messagesPerSecond * 10) / 10,
    // From the end of the APPEND to processed_at.
    latency,
    phases: {
      // APPEND done → row stored: IDLE notice, the intake run getting to it, IMAP FETCH, storing.
      appendToStored: percentiles(toStored, [0.5, 0.95, 1]),
      // Row stored → processed: waiting behind the rest of the batch, parsing, filing the ticket.
      storedToProcessed: percentiles(toProcessed, [0.5, 0.95, 1]),
    },
    ...memory,
    goals: intakeGoals({
      complete: done.complete,
      messagesPerSecond,
      p95: latency.p95,
      peakRss: memory.peakRss,
    }),
  };
}

function intakeGoals({ complete, messagesPerSecond, p95, peakRss }) {
  return {
    throughput: {
      description: `at least ${INTAKE_GOAL.messagesPerSecond} messages/s sustained (every message processed)`,
      value: Math.round(messagesPerSecond * 10) / 10,
      met: complete && messagesPerSecond >= INTAKE_GOAL.messagesPerSecond,
    },
    latency: {
      description: `p95 from append to processed under ${INTAKE_GOAL.p95Ms} ms`,
      value: p95,
      met: complete && p95 !== null && p95 < INTAKE_GOAL.p95Ms,
    },
    memory: {
      description: `peak RSS under ${INTAKE_GOAL.peakRssMiB} MiB`,
      value: peakRss,
      met: peakRss !== null && peakRss < INTAKE_GOAL.peakRssMiB,
    },
  };
}

function countBy(items, key) {
  const counts = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

// ---------------------------------------------------------------------------------------------------------

/** The 1, 5 and 15 minute load averages: anything else busy on the machine skews the figures. */
function loadAverages() {
  return os.loadavg().map((load) => Math.round(load * 100) / 100);
}

async function main() {
  const name = process.argv[2];
  if (!Object.hasOwn(BENCHMARKS, name)) {
    console.error(
      `Usage: node scripts/bench.mjs <name>\nKnown benchmarks: ${Object.keys(BENCHMARKS).join(', ')}`,
    );
    process.exit(2);
  }
  const startedAt = new Date().toISOString();
  const cpus = os.cpus();
  const machine = { cores: cpus.length, cpuModel: cpus[0]?.model ?? 'unknown', node: process.version };
  // Anything else busy on the machine skews the figures; say so where the reader of the log will see it.
  log(`load average at start: ${os.loadavg()[0].toFixed(2)} on ${cpus.length} cores`);
  const loadAverage = { start: loadAverages() };
  try {
    const database = await freshDatabase();
    const { figures, units } = await BENCHMARKS[name](database);
    loadAverage.end = loadAverages();
    const report = {
      name,
      database: database.label,
      ...(database.server && { server: database.server }),
      machine,
      loadAverage,
      startedAt,
      figures,
      units,
    };
    process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  } finally {
    await runCleanups();
  }
}

main().catch((error) => {
  if (interruption.signal.aborted) return log(error.message);
  log('failed:', error.stack ?? error);
  process.exitCode = 1;
});
