import { ConfigurationError, loadAppConfig } from './app-config.js';

const base = { SQLITE_PATH: '/tmp/offtrack-care-config-test/care.sqlite', APP_SECRET: 'x'.repeat(40) };

function errorOf(env: Record<string, string>): string {
  try {
    loadAppConfig({ ...base, ...env });
  } catch (error) {
    if (error instanceof ConfigurationError) return error.message;
    throw error;
  }
  throw new Error('expected a configuration error');
}

describe('loadAppConfig', () => {
  it('runs on defaults: SQLite under data/, port 3000, Asia/Ho_Chi_Minh', () => {
    const config = loadAppConfig(base);
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ type: 'sqlite', path: base.SQLITE_PATH });
    expect(config.defaultTimeZone).toBe('Asia/Ho_Chi_Minh');
  });

  it('switches to MySQL/MariaDB with DATABASE_URL', () => {
    const config = loadAppConfig({ ...base, DATABASE_URL: 'mysql://care:pw@db:3306/offtrack_care' });
    expect(config.database).toEqual({
      type: 'mysql',
      url: 'mysql://care:pw@db:3306/offtrack_care',
      database: 'offtrack_care',
    });
  });

  it('reads booleans from their words, "false" included', () => {
    expect(loadAppConfig({ ...base, TRUST_PROXY: 'false', JOBS_ENABLED: 'false' })).toMatchObject({
      trustProxy: false,
      jobsEnabled: false,
    });
    expect(loadAppConfig({ ...base, TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadAppConfig({ ...base, DEMO: '1' }).demo).toBe(true);
    expect(loadAppConfig({ ...base, DEMO: 'false' }).demo).toBe(false);
    expect(loadAppConfig(base).demo).toBe(false);
  });

  it('lets supervisors approve compensation up to 5,000,000 VND unless told otherwise', () => {
    expect(loadAppConfig(base).compensation).toEqual({ supervisorLimitVnd: 5_000_000 });
    expect(
      loadAppConfig({ ...base, COMPENSATION_SUPERVISOR_LIMIT_VND: '2000000' }).compensation
        .supervisorLimitVnd,
    ).toBe(2_000_000);
    expect(errorOf({ COMPENSATION_SUPERVISOR_LIMIT_VND: '1.5' })).toBe(
      'COMPENSATION_SUPERVISOR_LIMIT_VND must be an integer number (got "1.5")',
    );
    expect(errorOf({ COMPENSATION_SUPERVISOR_LIMIT_VND: '-1' })).toBe(
      'COMPENSATION_SUPERVISOR_LIMIT_VND must not be less than 0 (got "-1")',
    );
  });

  it('keeps sent mail 30 days unless told otherwise, between 1 and 365', () => {
    expect(loadAppConfig(base).mail.outboxSentKeepDays).toBe(30);
    expect(loadAppConfig({ ...base, OUTBOX_SENT_KEEP_DAYS: '7' }).mail.outboxSentKeepDays).toBe(7);
    expect(errorOf({ OUTBOX_SENT_KEEP_DAYS: '0' })).toBe(
      'OUTBOX_SENT_KEEP_DAYS must not be less than 1 (got "0")',
    );
    expect(errorOf({ OUTBOX_SENT_KEEP_DAYS: '366' })).toBe(
      'OUTBOX_SENT_KEEP_DAYS must not be greater than 365 (got "366")',
    );
  });

  it('refuses plain IMAP or SMTP to anything but this machine', () => {
    expect(errorOf({ IMAP_URL: 'imap://u:p@mail.example.com/INBOX', IMAP_TLS: 'false' })).toBe(
      'IMAP_TLS=false is only allowed for a loopback host (127.0.0.1, ::1, localhost)',
    );
    const config = loadAppConfig({
      ...base,
      IMAP_URL: 'imap://care%40x.vn:p%40ss@127.0.0.1:1143/INBOX',
      IMAP_TLS: 'false',
    });
    expect(config.mail.imap).toEqual({
      host: '127.0.0.1',
      port: 1143,
      tls: 'none',
      username: 'care@x.vn',
      password: 'p@ss',
      folder: 'INBOX',
    });
    expect(loadAppConfig({ ...base, SMTP_URL: 'smtp://mail.example.com' }).mail.smtp?.tls).toBe('starttls');
    expect(loadAppConfig({ ...base, SMTP_URL: 'smtps://mail.example.com' }).mail.smtp).toMatchObject({
      tls: 'implicit',
      port: 465,
    });
  });

  it('names the variable and what is wrong', () => {
    expect(errorOf({ PORT: 'eighty' })).toBe('PORT must be an integer number (got "eighty")');
    expect(errorOf({ DEFAULT_TIME_ZONE: 'Saigon' })).toBe(
      'DEFAULT_TIME_ZONE must be an IANA time zone such as Asia/Ho_Chi_Minh (got "Saigon")',
    );
  });

  it('never echoes a secret in an error', () => {
    const message = errorOf({ APP_SECRET: 'short-secret-value', DATABASE_URL: 'postgres://u:hunter2@h/db' });
    expect(message).toContain('APP_SECRET must be at least 32 characters long');
    expect(message).toContain('DATABASE_URL must look like mysql://user:pass@host:3306/database');
    expect(message).not.toContain('short-secret-value');
    expect(message).not.toContain('hunter2');
  });

  it('requires APP_SECRET in production (with DATABASE_URL) and admin e-mail and password together', () => {
    expect(errorOf({ APP_SECRET: '', DATABASE_URL: 'mysql://u:p@h:3306/db' })).toMatch(
      /^APP_SECRET is required/,
    );
    expect(errorOf({ ADMIN_EMAIL: 'a@b.vn' })).toBe('ADMIN_EMAIL and ADMIN_PASSWORD must be set together');
  });
});
