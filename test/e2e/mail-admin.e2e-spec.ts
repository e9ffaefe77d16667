import { OutboxSenderService } from '../../src/mail/outbound/outbox-sender.service.js';
import { MailIntakeJob } from '../../src/mail/inbound/mail-intake.job.js';
import { givenAgent, givenTicket } from '../support/factories.js';
import type { SignedInAgent } from '../support/factories.js';
import { fixture } from '../support/mail-fixtures.js';
import { mailSettings, startDovecot, startSmtpSink } from '../support/mail-servers.js';
import type { TestImapServer, TestSmtpSink } from '../support/mail-servers.js';
import { until } from '../support/until.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

describe('mail administration: mailboxes, dead letters, outbox, templates', () => {
  let t: TestApp;
  let imap: TestImapServer;
  let smtp: TestSmtpSink;
  let admin: SignedInAgent;

  beforeAll(async () => {
    imap = await startDovecot();
    smtp = await startSmtpSink();
    t = await startTestApp(mailSettings(imap, smtp));
    admin = await givenAgent(t, 'admin');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    await imap?.stop();
  });

  it('adds a mailbox with its password encrypted at rest, tests the connection, and never shows the password', async () => {
    const queues = (await t.http().get('/api/v1/queues').set(admin.auth)).body;
    const body = {
      name: 'Second address',
      address: 'booking@offtrack.test',
      imapHost: '127.0.0.1',
      imapPort: imap.port,
      imapSecurity: 'none',
      imapUsername: imap.user,
      imapPassword: imap.password,
      defaultQueueId: queues[1].id,
    };
    const created = await t.http().post('/api/v1/admin/mailboxes').set(admin.auth).send(body).expect(201);
    expect(JSON.stringify(created.body)).not.toContain(imap.password);
    const [row] = await t.dataSource.query(
      'SELECT imap_password_encrypted AS sealed FROM mailboxes WHERE id = ?',
      [created.body.id],
    );
    expect(row.sealed).toMatch(/^v1\./);
    expect(row.sealed).not.toContain(imap.password);

    const ok = await t
      .http()
      .post(`/api/v1/admin/mailboxes/${created.body.id}/test`)
      .set(admin.auth)
      .expect(200);
    expect(ok.body).toMatchObject({ ok: true, error: null });
    await t
      .http()
      .patch(`/api/v1/admin/mailboxes/${created.body.id}`)
      .set(admin.auth)
      .send({ imapPassword: 'wrong password', isActive: false })
      .expect(200);
    const failed = await t
      .http()
      .post(`/api/v1/admin/mailboxes/${created.body.id}/test`)
      .set(admin.auth)
      .expect(200);
    expect(failed.body.ok).toBe(false);
    expect(failed.body.error).toBeTruthy();

    await t
      .http()
      .post('/api/v1/admin/mailboxes')
      .set(admin.auth)
      .send({ ...body, address: 'x@offtrack.test', imapHost: 'imap.example.com' })
      .expect(422);
    const mailboxes = (await t.http().get('/api/v1/admin/mailboxes').set(admin.auth)).body;
    const fromEnv = mailboxes.find((mailbox: { source: string }) => mailbox.source === 'env');
    expect(fromEnv).toMatchObject({ address: 'care@offtrack.test', imapSecurity: 'none' });
    await t
      .http()
      .patch(`/api/v1/admin/mailboxes/${fromEnv.id}`)
      .set(admin.auth)
      .send({ name: 'x' })
      .expect(409);
  });

  it("starts over when a folder's UIDVALIDITY changes, without taking any mail twice", async () => {
    const queues = (await t.http().get('/api/v1/queues').set(admin.auth)).body;
    await imap.recreateFolder('Complaints');
    await t
      .http()
      .post('/api/v1/admin/mailboxes')
      .set(admin.auth)
      .send({
        name: 'Complaints folder',
        address: 'complaints@offtrack.test',
        imapHost: '127.0.0.1',
        imapPort: imap.port,
        imapSecurity: 'none',
        imapUsername: imap.user,
        imapPassword: imap.password,
        imapFolder: 'Complaints',
        defaultQueueId: queues[0].id,
      })
      .expect(201);
    const mail = (id: string) =>
      Buffer.from(
        fixture('19-english-plain.eml').toString('latin1').replace('<fixture-19@mail.example.com>', id),
        'latin1',
      );
    await imap.append(mail('<uidvalidity-a@example.com>'), [], 'Complaints');
    expect(await t.get(MailIntakeJob).runOnce()).toMatchObject({ stored: 1, duplicates: 0 });

    await imap.recreateFolder('Complaints');
    await imap.append(mail('<uidvalidity-a@example.com>'), [], 'Complaints');
    await imap.append(mail('<uidvalidity-b@example.com>'), [], 'Complaints');
    expect(await t.get(MailIntakeJob).runOnce()).toMatchObject({ stored: 1, duplicates: 1 });
  });

  it('keeps mail that fails to process as a dead letter with its error, and processes it on retry', async () => {
    await t.dataSource.query('ALTER TABLE mail_templates RENAME TO mail_templates_unavailable');
    try {
      await imap.append(fixture('02-vietnamese-base64-html.eml'));
      const report = await t.get(MailIntakeJob).runOnce();
      expect(report).toMatchObject({ stored: 1, failed: 1, tickets: 0 });
    } finally {
      await t.dataSource.query('ALTER TABLE mail_templates_unavailable RENAME TO mail_templates');
    }
    const failed = (
      await t.http().get('/api/v1/admin/inbound-mail').query({ state: 'failed' }).set(admin.auth)
    ).body;
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ messageId: '<fixture-02@mail.example.com>', ticketId: null });
    expect(failed[0].stateReason).toMatch(/mail_templates/);
    expect(
      await t.dataSource.query('SELECT id FROM messages WHERE message_id = ?', [
        '<fixture-02@mail.example.com>',
      ]),
    ).toHaveLength(0);

    const retried = await t
      .http()
      .post(`/api/v1/admin/inbound-mail/${failed[0].id}/retry`)
      .set(admin.auth)
      .expect(200);
    expect(retried.body).toMatchObject({ state: 'processed', stateReason: null });
    expect(retried.body.ticketId).toBeTruthy();
    await t.http().post(`/api/v1/admin/inbound-mail/${failed[0].id}/retry`).set(admin.auth).expect(409);
  });

  it('retries a temporary SMTP failure later, and lets an admin resend a failed mail', async () => {
    const agent = await givenAgent(t, 'agent', { queues: 'all' });
    const ticket = await givenTicket(t, agent, {
      customer: { email: 'flaky@example.com', displayName: 'Flaky' },
    });
    smtp.reject('flaky@example.com', 451);
    await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/replies`)
      .set(agent.auth)
      .send({ body: 'Xin chào' })
      .expect(201);
    await t.get(OutboxSenderService).sendDue(); // also sends what earlier tests queued
    const pending = (await t.http().get('/api/v1/admin/outbox').query({ state: 'pending' }).set(admin.auth))
      .body;
    const row = pending.find((mail: { ticketId: string }) => mail.ticketId === ticket.id);
    expect(row).toMatchObject({ attempts: 1, lastError: expect.stringContaining('451') });
    const [{ next }] = await t.dataSource.query('SELECT next_attempt_at AS next FROM outbox WHERE id = ?', [
      row.id,
    ]);
    expect(
      new Date(
        `${String(next instanceof Date ? next.toISOString() : next)
          .replace(' ', 'T')
          .replace(/Z?$/, 'Z')}`,
      ).getTime(),
    ).toBeGreaterThan(Date.now() + 50_000);

    smtp.reject('flaky@example.com', 550);
    await t.dataSource.query('UPDATE outbox SET next_attempt_at = created_at WHERE id = ?', [row.id]);
    expect(await t.get(OutboxSenderService).sendDue()).toMatchObject({ failed: 1 });
    smtp.accept('flaky@example.com');
    await t.http().post(`/api/v1/admin/outbox/${row.id}/retry`).set(admin.auth).expect(200);
    expect(await t.get(OutboxSenderService).sendDue()).toMatchObject({ sent: 1 });
    expect(smtp.sent.at(-1)!.envelope.to).toEqual(['flaky@example.com']);
  });

  it('sends acknowledgements from the templates admins edit', async () => {
    await t
      .http()
      .put('/api/v1/admin/mail-templates/acknowledgement/en')
      .set(admin.auth)
      .send({
        subject: 'Received: {{subject}}',
        bodyText: 'Hello {{customerName}}, your case is {{ticketNumber}}.',
      })
      .expect(200);
    await imap.append(fixture('07-no-message-id.eml'));
    await t.get(MailIntakeJob).runOnce();
    await t.get(OutboxSenderService).sendDue();
    const ack = smtp.sent.at(-1)!;
    expect(ack.envelope.to).toEqual(['emily.carter@example.com']);
    expect(ack.parsed.subject).toMatch(/^\[OT#\d+\] Received: Complaint about Sapa trekking guide$/);
    expect(ack.parsed.text?.trim()).toMatch(/^Hello Emily Carter, your case is OT#\d+\.$/);
  });
});

describe('mail intake with IDLE', () => {
  it('turns new mail into a ticket as soon as the server announces it, without waiting for the poll', async () => {
    const imap = await startDovecot();
    const t = await startTestApp({
      IMAP_URL: imap.url,
      IMAP_TLS: 'false',
      MAIL_FROM: 'Offtrack Care <care@offtrack.test>',
      MAIL_POLL_SECONDS: '3600',
      JOB_LEASE_SECONDS: '5',
    });
    try {
      const admin = await givenAgent(t, 'admin');
      const inbox = () => t.http().get('/api/v1/admin/inbound-mail').set(admin.auth);
      await until(async () => ((await inbox()).status === 200 ? true : undefined));
      await new Promise((tick) => setTimeout(tick, 1000)); // let the IDLE connection settle
      await imap.append(fixture('19-english-plain.eml'));
      const row = await until(async () => {
        const found = (await inbox()).body.find(
          (mail: { messageId: string }) => mail.messageId === '<fixture-19@mail.example.com>',
        );
        return found?.state === 'processed' ? found : undefined;
      });
      expect(row.ticketId).toBeTruthy();
    } finally {
      await t.close();
      await imap.stop();
    }
  });
});
