// Runs a named benchmark against a freshly started app on a fresh database and prints one JSON report.
// Usage: node scripts/bench.mjs <name>   (npm run bench -- <name>)
//   api     paced HTTP load on ticket create and read (BENCH_DURATION_S per step, default 30)
//   intake  mail through a throw-away Dovecot into tickets (BENCH_MAILS, default 2000, appended at
//           BENCH_MAIL_RATE messages/s, default 120; 0 appends as fast as possible)
// SQLite by default; set DATABASE_URL=mysql://user:pass@host:port/db to use a throwaway database on that server.
// BENCH_CPU_PROF_DIR=dir starts the app with --cpu-prof and writes its profile there on exit.
// Progress goes to stderr so that stdout holds nothing but the report.
/* global fetch, AbortController, AbortSignal */
import { execFile, spawn } from 'node:child_process';
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
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { ImapFlow } from 'imapflow';
import mysql from 'mysql2/promise';
import { pacedLoad, percentiles } from './bench/paced-load.mjs';

const BENCHMARKS = { api: runApiBenchmark, intake: runIntakeBenchmark };

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
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: {
      ...(token && { authorization: `Bearer ${token}` }),
      ...(body && { 'content-type': 'application/json' }),
    },
    body: body && JSON.stringify(body),
    signal: interruption.signal,
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
    const report = { name, database: database.label, machine, loadAverage, startedAt, figures, units };
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
