import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import mysql from 'mysql2/promise';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/app.setup.js';
import { Clock } from '../../src/common/clock.js';
import { AppConfig, loadAppConfig } from '../../src/config/app-config.js';
import { createRootLogger, PinoNestLogger } from '../../src/common/logging.js';
import { LogCapture } from './log-capture.js';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  dataSource: DataSource;
  engine: 'sqlite' | 'mysql';
  http: () => ReturnType<typeof request>;
  get<T>(type: new (...args: never[]) => T): T;
  close(): Promise<void>;
}

export const TEST_ADMIN = { email: 'admin@offtrack.test', password: 'admin password for tests' };
export const TEST_SECRET = 'test-secret-that-is-at-least-32-characters-long';

/**
 * The real app on a database of its own: a temporary SQLite file, or (when DATABASE_URL names a MySQL/MariaDB
 * server, as in CI's second run) a new database on that server, dropped afterwards.
 *
 * Unless a test takes the logs itself, they are written at debug level into a LogCapture, and closing the app
 * fails if any line held an e-mail address, a phone, card or ID number: every e2e test is a log-leak test.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { logs?: DestinationStream; clock?: Clock; database?: FreshDatabase } = {},
): Promise<TestApp> {
  const serverUrl = process.env.DATABASE_URL;
  // A database passed in is shared with another instance and dropped by whoever made it.
  const database = options.database ?? (await freshDatabase(serverUrl));
  const capture = options.logs ? undefined : new LogCapture();
  const config = loadAppConfig({
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'debug',
    APP_SECRET: TEST_SECRET,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    ...database.env,
    ...env,
  });
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
  if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
  const moduleRef = await builder.compile();
  const logger = createRootLogger(config, options.logs ?? capture);
  const app = moduleRef.createNestApplication<NestExpressApplication>({
    bodyParser: false,
    logger: new PinoNestLogger(logger),
  });
  configureApp(app, config, logger);
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    engine: serverUrl ? 'mysql' : 'sqlite',
    http: () => request(server),
    get: (type) => app.get(type),
    close: async () => {
      await app.close();
      if (!options.database) await database.drop();
      capture?.assertClean();
    },
  };
}

/** A clock a test sets and moves by hand. */
export class TestClock extends Clock {
  constructor(private current: Date) {
    super();
  }
  override now(): Date {
    return new Date(this.current);
  }
  set(at: Date): void {
    this.current = new Date(at);
  }
}

/** A database of its own for one test: env to reach it, and a way to drop it. */
export interface FreshDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

export async function freshDatabase(
  serverUrl: string | undefined = process.env.DATABASE_URL,
): Promise<FreshDatabase> {
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'offtrack-care-test-'));
    return {
      env: { SQLITE_PATH: join(dir, 'care.sqlite') },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = new URL(serverUrl);
  const name = `${url.pathname.slice(1)}_${randomBytes(4).toString('hex')}`;
  const admin = async (sql: string) => {
    const connection = await mysql.createConnection({
      uri: `${url.protocol}//${url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : ''}${url.host}/`,
    });
    try {
      await connection.query(sql);
    } finally {
      await connection.end();
    }
  };
  await admin(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, drop: () => admin(`DROP DATABASE IF EXISTS \`${name}\``) };
}
