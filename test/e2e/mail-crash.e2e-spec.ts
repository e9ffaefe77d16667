import { DataSource } from 'typeorm';
import { OutboxSenderService } from '../../src/mail/outbound/outbox-sender.service.js';
import { buildApp, childEnv, runChild, watchDatabase } from '../support/child-app.js';
import { fixture } from '../support/mail-fixtures.js';
import { startDovecot, startSmtpSink } from '../support/mail-servers.js';
import type { TestImapServer, TestSmtpSink } from '../support/mail-servers.js';
import { freshDatabase, startTestApp } from '../support/test-app.js';
import type { FreshDatabase } from '../support/test-app.js';

const MAILS = 40;

/** Mail from MAILS different customers, each with its own Message-ID. */
function complaint(i: number): Buffer {
  const raw = fixture('19-english-plain.eml')
    .toString('latin1')
    .replace(/john\.smith@example\.com/g, `customer${i}@example.com`)
    .replace('<fixture-19@mail.example.com>', `<crash-${i}@example.com>`)
    .replace(
      'Subject: Ha Long Bay cruise cancelled',
      `Subject: Complaint ${i}: Ha Long Bay cruise cancelled`,
    );
  return Buffer.from(raw, 'latin1');
}

describe('mail intake survives being killed at any moment', () => {
  let imap: TestImapServer;
  let smtp: TestSmtpSink;
  let database: FreshDatabase;
  let env: Record<string, string>;
  let db: DataSource;
  let count: (sql: string) => Promise<number>;

  beforeAll(async () => {
    buildApp();
    imap = await startDovecot();
    smtp = await startSmtpSink();
    database = await freshDatabase();
    env = childEnv(database, {
      IMAP_URL: imap.url,
      IMAP_TLS: 'false',
      SMTP_URL: smtp.url,
      SMTP_TLS: 'false',
      MAIL_FROM: 'Offtrack Care <care@offtrack.test>',
    });
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
    await smtp?.stop();
    await imap?.stop();
  });

  /** Runs `npm run mail:fetch`'s program; kills it with SIGKILL once `killWhen` says so. */
  const fetchOnce = (killWhen?: () => Promise<boolean>) =>
    runChild('mail/inbound/fetch-once.js', env, killWhen);

  it('yields exactly one ticket per mail and at most one acknowledgement, however often it is killed', async () => {
    for (let i = 0; i < MAILS; i++) await imap.append(complaint(i));

    // Watching from here: until the child has migrated the schema, the count queries fail and read as "not yet".
    ({ db, count } = await watchDatabase(env));
    const first = await fetchOnce(async () => (await count('SELECT COUNT(*) AS n FROM inbound_mail')) >= 5);
    const kills = [first.signal];

    // Kill mid-batch again while mail is being turned into tickets.
    for (let round = 0; round < 3; round++) {
      const processedBefore = await count("SELECT COUNT(*) AS n FROM inbound_mail WHERE state = 'processed'");
      if (processedBefore >= MAILS) break;
      const run = await fetchOnce(
        async () =>
          (await count("SELECT COUNT(*) AS n FROM inbound_mail WHERE state = 'processed'")) >=
          processedBefore + 3,
      );
      kills.push(run.signal);
    }
    const last = await fetchOnce();
    // On failure this shows what the runs printed.
    expect({ code: last.code, stdout: last.stdout, stderr: last.stderr, kills }).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/stored \d+, tickets \d+, threaded 0, ignored 0, failed 0/),
    });
    expect(kills.filter((signal) => signal === 'SIGKILL').length).toBeGreaterThanOrEqual(2);

    expect(await count('SELECT COUNT(*) AS n FROM inbound_mail')).toBe(MAILS);
    expect(await count("SELECT COUNT(*) AS n FROM inbound_mail WHERE state = 'processed'")).toBe(MAILS);
    expect(await count('SELECT COUNT(*) AS n FROM tickets')).toBe(MAILS);
    expect(await count("SELECT COUNT(*) AS n FROM messages WHERE direction = 'inbound'")).toBe(MAILS);
    expect(await count('SELECT COUNT(*) AS n FROM customers')).toBe(MAILS);
    expect(await count("SELECT COUNT(*) AS n FROM outbox WHERE kind = 'acknowledgement'")).toBe(MAILS);
    expect(await count('SELECT COUNT(DISTINCT ticket_id) AS n FROM outbox')).toBe(MAILS);

    const t = await startTestApp({ ...env, JOBS_ENABLED: 'false' });
    try {
      await t.get(OutboxSenderService).sendDue();
    } finally {
      await t.close().catch(() => undefined);
    }
    const recipients = smtp.sent.map((mail) => mail.envelope.to[0]);
    expect(recipients).toHaveLength(MAILS);
    expect(new Set(recipients).size).toBe(MAILS);
    expect((await imap.messages()).every((message) => message.flags.includes('\\Seen'))).toBe(true);
  });
});
