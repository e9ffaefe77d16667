import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { Environment, SECRET_VARIABLES } from './environment.js';

export type DatabaseConfig =
  { type: 'sqlite'; path: string } | { type: 'mysql'; url: string; database: string };

/** Typed settings, read from the environment once at boot. Nothing else reads process.env. */
/** How to reach a mail server: implicit TLS, STARTTLS, or (loopback only, by explicit opt-out) plain. */
export interface MailServer {
  host: string;
  port: number;
  tls: 'implicit' | 'starttls' | 'none';
  username: string;
  password: string;
}

export interface MailConfig {
  from: { name: string; address: string };
  smtp: MailServer | null;
  imap: (MailServer & { folder: string }) | null;
  idle: boolean;
  pollSeconds: number;
  attachmentLimitBytes: number;
  acksPerSenderPerHour: number;
  reopenDays: number;
  outboxPollSeconds: number;
  outboxMaxAttempts: number;
  outboxSentKeepDays: number;
}

export class AppConfig {
  readonly port: number;
  /** Where customers reach the desk (links in mail), without a trailing slash. */
  readonly publicUrl: string;
  readonly host: string;
  readonly database: DatabaseConfig;
  readonly appSecret: string;
  readonly admin: { email?: string; password?: string };
  readonly logLevel: string;
  readonly bodyLimit: string;
  readonly trustProxy: boolean;
  readonly defaultTimeZone: string;
  readonly login: { maxFailures: number; lockMinutes: number; ratePerMinute: number };
  readonly sessionTokenDays: number;
  readonly shutdownGraceMs: number;
  readonly mail: MailConfig;
  readonly jobsEnabled: boolean;
  readonly jobLeaseMs: number;
  /** Load the sample desk at boot (once per database). */
  readonly demo: boolean;
  /** How often the escalation scan looks for SLA steps that have fallen due. */
  readonly slaScanMs: number;
  /** Months after a customer's last activity before the retention job anonymises them. */
  readonly retentionMonths: number;
  /** Finds booking references in complaints, e.g. OTV-2026-001234. */
  readonly bookingReferencePattern: string;
  /** The most a supervisor may approve as compensation; admins approve any amount. */
  readonly compensation: { supervisorLimitVnd: number };
  /** The booking/payment system's webhook; `target` is null when TRANSACTION_WEBHOOK_URL is unset. */
  readonly transactionWebhook: {
    target: { url: string; secret: string } | null;
    maxAttempts: number;
    timeoutMs: number;
  };

  constructor(env: Environment, appSecret: string) {
    this.port = env.PORT;
    this.publicUrl = (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, '');
    this.host = env.HOST;
    this.database = env.DATABASE_URL
      ? { type: 'mysql', url: env.DATABASE_URL, database: new URL(env.DATABASE_URL).pathname.slice(1) }
      : { type: 'sqlite', path: resolve(env.SQLITE_PATH) };
    this.appSecret = appSecret;
    this.admin = { email: env.ADMIN_EMAIL?.toLowerCase(), password: env.ADMIN_PASSWORD };
    this.logLevel = env.LOG_LEVEL;
    this.bodyLimit = env.BODY_LIMIT;
    this.trustProxy = env.TRUST_PROXY;
    this.defaultTimeZone = env.DEFAULT_TIME_ZONE;
    this.login = {
      maxFailures: env.LOGIN_MAX_FAILURES,
      lockMinutes: env.LOGIN_LOCK_MINUTES,
      ratePerMinute: env.LOGIN_RATE_PER_MINUTE,
    };
    this.sessionTokenDays = env.SESSION_TOKEN_DAYS;
    this.shutdownGraceMs = env.SHUTDOWN_GRACE_MS;
    this.jobsEnabled = env.JOBS_ENABLED;
    this.jobLeaseMs = env.JOB_LEASE_SECONDS * 1000;
    this.demo = env.DEMO;
    this.slaScanMs = env.SLA_SCAN_SECONDS * 1000;
    this.retentionMonths = env.RETENTION_MONTHS;
    this.bookingReferencePattern = env.BOOKING_REFERENCE_PATTERN;
    this.compensation = { supervisorLimitVnd: env.COMPENSATION_SUPERVISOR_LIMIT_VND };
    this.transactionWebhook = {
      target: env.TRANSACTION_WEBHOOK_URL
        ? { url: env.TRANSACTION_WEBHOOK_URL, secret: env.TRANSACTION_WEBHOOK_SECRET! }
        : null,
      maxAttempts: env.TRANSACTION_WEBHOOK_MAX_ATTEMPTS,
      timeoutMs: env.TRANSACTION_WEBHOOK_TIMEOUT_SECONDS * 1000,
    };
    this.mail = {
      from: parseMailbox(env.MAIL_FROM),
      smtp: env.SMTP_URL ? mailServer('SMTP', env.SMTP_URL, env.SMTP_TLS, { smtps: 465, smtp: 587 }) : null,
      imap: env.IMAP_URL
        ? {
            ...mailServer('IMAP', env.IMAP_URL, env.IMAP_TLS, { imaps: 993, imap: 143 }),
            folder: decodeURIComponent(new URL(env.IMAP_URL).pathname.slice(1)) || 'INBOX',
          }
        : null,
      idle: env.IMAP_IDLE,
      pollSeconds: env.MAIL_POLL_SECONDS,
      attachmentLimitBytes: env.MAIL_ATTACHMENT_LIMIT_MB * 1024 * 1024,
      acksPerSenderPerHour: env.MAIL_ACKS_PER_SENDER_PER_HOUR,
      reopenDays: env.MAIL_REOPEN_DAYS,
      outboxPollSeconds: env.OUTBOX_POLL_SECONDS,
      outboxMaxAttempts: env.OUTBOX_MAX_ATTEMPTS,
      outboxSentKeepDays: env.OUTBOX_SENT_KEEP_DAYS,
    };
  }
}

export class ConfigurationError extends Error {}

function parseMailbox(value: string): { name: string; address: string } {
  const match = /^\s*(?:"?([^"<]*?)"?\s*<)?([^\s<>]+@[^\s<>]+)>?\s*$/.exec(value);
  return { name: match?.[1]?.trim() || 'Offtrack Care', address: (match?.[2] ?? value).toLowerCase() };
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** TLS is on unless turned off, and turning it off is refused for anything but this machine. */
function mailServer(
  name: 'SMTP' | 'IMAP',
  url: string,
  tls: boolean,
  ports: Record<string, number>,
): MailServer {
  const parsed = new URL(url);
  const scheme = parsed.protocol.replace(':', '');
  const implicit = scheme.endsWith('s');
  if (!tls && !isLoopbackHost(parsed.hostname)) {
    throw new ConfigurationError(
      `${name}_TLS=false is only allowed for a loopback host (127.0.0.1, ::1, localhost)`,
    );
  }
  return {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port ? Number(parsed.port) : ports[scheme],
    tls: implicit ? 'implicit' : tls ? 'starttls' : 'none',
    username: decodeURIComponent(parsed.username),
    password: decodeURIComponent(parsed.password),
  };
}

/** One line per problem, naming the variable and what is wrong, never echoing a secret. */
export function describeEnvironmentErrors(errors: ValidationError[], raw: Record<string, unknown>): string {
  return errors
    .map((error) => {
      const reasons = Object.values(error.constraints ?? {})
        .map((message) => message.replace(new RegExp(`^${error.property}\\s*`), ''))
        .join('; ');
      const shown = SECRET_VARIABLES.has(error.property)
        ? ''
        : ` (got ${JSON.stringify(raw[error.property])})`;
      return `${error.property} ${reasons}${shown}`;
    })
    .join('\n');
}

/**
 * Reads and validates the environment. Empty strings count as unset. Without DATABASE_URL or APP_SECRET
 * (the zero-setup trial on SQLite) a random secret is generated once and kept beside the database file.
 */
export function loadAppConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const env = plainToInstance(Environment, raw, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(env, { forbidUnknownValues: false, stopAtFirstError: true });
  if (errors.length > 0) throw new ConfigurationError(describeEnvironmentErrors(errors, raw));
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    throw new ConfigurationError('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  }
  if (env.TRANSACTION_WEBHOOK_URL) checkTransactionWebhook(env.TRANSACTION_WEBHOOK_URL, env);
  if (env.DATABASE_URL && !env.APP_SECRET) {
    throw new ConfigurationError('APP_SECRET is required when DATABASE_URL is set (at least 32 characters)');
  }
  return new AppConfig(env, env.APP_SECRET ?? localTrialSecret(resolve(env.SQLITE_PATH)));
}

/** The body names bookings and why they are held: only over TLS, except to this machine. */
function checkTransactionWebhook(url: string, env: Environment): void {
  if (!env.TRANSACTION_WEBHOOK_SECRET) {
    throw new ConfigurationError(
      'TRANSACTION_WEBHOOK_SECRET is required when TRANSACTION_WEBHOOK_URL is set',
    );
  }
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && !isLoopbackHost(parsed.hostname)) {
    throw new ConfigurationError('TRANSACTION_WEBHOOK_URL must use https (http only for a loopback host)');
  }
}

function localTrialSecret(databasePath: string): string {
  const file = resolve(dirname(databasePath), 'app-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
