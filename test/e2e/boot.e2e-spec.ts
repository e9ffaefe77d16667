import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../support/mail-servers.js';
import { until } from '../support/until.js';

/** The built app as `npm start` runs it: a real process, in an empty directory, on the zero-setup defaults. */
const MAIN = resolve('dist/main.js');

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

function start(cwd: string, env: Record<string, string>): Started {
  const { DATABASE_URL, ...inherited } = process.env; // the boot test always runs on the zero-setup SQLite default
  const child = spawn(process.execPath, [MAIN], { cwd, env: { ...inherited, LOG_LEVEL: 'warn', ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

describe('npm start', () => {
  let dir: string;

  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-if-needed.mjs'], { stdio: 'ignore' });
  }, 120_000);
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'offtrack-care-boot-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stops with one clear line when a setting is wrong', async () => {
    const app = start(dir, { PORT: 'eighty' });
    expect(await app.exited).toBe(1);
    expect(app.output().trim()).toBe('Configuration error: PORT must be an integer number (got "eighty")');
  });

  it('runs on SQLite under ./data, prints the first admin once, and answers readiness', async () => {
    const port = await freePort();
    const app = start(dir, { PORT: String(port), SHUTDOWN_GRACE_MS: '0' });
    try {
      await until(async () => ((await fetch(`http://127.0.0.1:${port}/health/ready`)).ok ? true : undefined));
      const password = /one-time password:\s+(\S+)/.exec(app.output())?.[1];
      expect(app.output()).toContain('admin@offtrack.local');
      const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'admin@offtrack.local', password }),
      });
      expect(login.status).toBe(200);
      expect(statSync(join(dir, 'data/offtrack-care.sqlite')).isFile()).toBe(true);
      expect(statSync(join(dir, 'data/app-secret')).mode & 0o777).toBe(0o600);
    } finally {
      app.child.kill('SIGTERM');
      await app.exited;
    }
  });

  it('lets an in-flight request finish after SIGTERM, then exits cleanly', async () => {
    const port = await freePort();
    const app = start(dir, { PORT: String(port), SHUTDOWN_GRACE_MS: '1500' });
    await until(async () => ((await fetch(`http://127.0.0.1:${port}/health/live`)).ok ? true : undefined));

    const body = JSON.stringify({ email: 'nobody@offtrack.test', password: 'not a password' });
    const socket = connect(port, '127.0.0.1');
    let response = '';
    socket.on('data', (chunk) => (response += chunk));
    const closed = new Promise((done) => socket.on('close', done));
    await new Promise((done) => socket.on('connect', done));
    socket.write(
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`,
    );
    socket.write(body.slice(0, 10));

    app.child.kill('SIGTERM');
    await until(async () =>
      (await fetch(`http://127.0.0.1:${port}/health/ready`)).status === 503 ? true : undefined,
    );
    socket.write(body.slice(10));
    await closed;

    expect(response).toMatch(/^HTTP\/1\.1 401 /);
    expect(await app.exited).toBe(0);
  });
});
