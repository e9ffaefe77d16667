import { execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { loadAppConfig } from '../../src/config/app-config.js';
import { dataSourceOptions } from '../../src/database/data-source-options.js';
import { TEST_ADMIN, TEST_SECRET } from './test-app.js';
import type { FreshDatabase } from './test-app.js';

/**
 * Tests that kill the app mid-run run its built programs (`npm run …`) as child processes: a SIGKILL has to
 * hit a real process, not a Nest app inside the test.
 */
export function buildApp(): void {
  execFileSync(process.execPath, ['scripts/build-if-needed.mjs'], { stdio: 'ignore' });
}

/** Settings for a child on `database`, with short leases so that a killed run's lease frees soon. */
export function childEnv(database: FreshDatabase, env: Record<string, string> = {}): Record<string, string> {
  return {
    ...database.env,
    APP_SECRET: TEST_SECRET,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    LOG_LEVEL: 'silent',
    JOB_LEASE_SECONDS: '2',
    ...env,
  };
}

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `dist/<program>` on `env`; kills it with SIGKILL as soon as `killWhen` says so. */
export async function runChild(
  program: string,
  env: Record<string, string>,
  killWhen?: () => Promise<boolean>,
): Promise<ChildRun> {
  // The child's database is the one `env` names, not the server the test run was pointed at.
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  const child = spawn(process.execPath, [resolve('dist', program)], { env: { ...inherited, ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.on('exit', (code, signal) => done({ code, signal })),
  );
  if (killWhen) {
    let finished = false;
    void exited.then(() => (finished = true));
    while (!finished) {
      if (await killWhen().catch(() => false)) {
        child.kill('SIGKILL');
        break;
      }
      await new Promise((tick) => setTimeout(tick, 10));
    }
  }
  return { ...(await exited), stdout, stderr };
}

/** The test's own connection to the child's database, to watch its progress. */
export async function watchDatabase(env: Record<string, string>) {
  const db = await new DataSource(dataSourceOptions(loadAppConfig(env).database)).initialize();
  const count = async (sql: string): Promise<number> => Number((await db.query(sql))[0].n);
  return { db, count };
}
