import { In } from 'typeorm';
import { OutboxMessage } from '../../src/mail/outbound/outbox-message.entity.js';
import { OutboxPurgeJob } from '../../src/mail/outbound/outbox-purge.job.js';
import { OutboxSenderService } from '../../src/mail/outbound/outbox-sender.service.js';
import { OutboxService } from '../../src/mail/outbound/outbox.service.js';
import { givenAgent, givenTicket, type SignedInAgent } from '../support/factories.js';
import { startSmtpSink, type TestSmtpSink } from '../support/mail-servers.js';
import { startTestApp, TestClock, type TestApp } from '../support/test-app.js';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('outbox: sent mail does not linger', () => {
  let t: TestApp;
  let smtp: TestSmtpSink;
  let clock: TestClock;
  let agent: SignedInAgent;

  beforeAll(async () => {
    smtp = await startSmtpSink();
    clock = new TestClock(new Date('2026-05-04T03:00:00Z'));
    t = await startTestApp(
      {
        SMTP_URL: smtp.url,
        SMTP_TLS: 'false',
        JOBS_ENABLED: 'false',
        OUTBOX_SENT_KEEP_DAYS: '30',
      },
      { clock },
    );
    agent = await givenAgent(t, 'agent', { queues: 'all' });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
  });

  const outbox = () => t.dataSource.getRepository(OutboxMessage);
  const later = (days: number) => clock.set(new Date(clock.now().getTime() + days * DAY_MS));
  const reply = async (ticketId: string, body: string) => {
    const { version } = (await t.http().get(`/api/v1/tickets/${ticketId}`).set(agent.auth).expect(200))
      .body as { version: number };
    await t
      .http()
      .post(`/api/v1/tickets/${ticketId}/replies`)
      .set(agent.auth)
      .send({ version, body })
      .expect(201);
  };

  it('deletes sent mail older than the kept days, keeps failed and unsent mail, and the ticket still reads', async () => {
    const ticket = await givenTicket(t, agent, { language: 'en' });
    await reply(ticket.id, 'We are looking into it.');
    await t.get(OutboxSenderService).sendDue();
    const [sent] = await outbox().findBy({ ticketId: ticket.id, state: 'sent' });
    expect(sent).toBeDefined();
    // A mail that bounced, and a reply still waiting for the relay.
    await reply(ticket.id, 'Please send us the receipt.');
    await t.get(OutboxSenderService).sendDue();
    const bounced = (await outbox().findBy({ ticketId: ticket.id, state: 'sent' })).find(
      ({ id }) => id !== sent.id,
    )!;
    await t.get(OutboxService).markBounced(t.dataSource.manager, bounced, '550 no such user');
    await reply(ticket.id, 'Any news?');
    const pending = await outbox().findOneByOrFail({ ticketId: ticket.id, state: 'pending' });

    later(29);
    expect(await t.get(OutboxPurgeJob).purge()).toBe(0);
    later(2);
    expect(await t.get(OutboxPurgeJob).purge()).toBe(1);
    expect(await outbox().findOneBy({ id: sent.id })).toBeNull();
    expect(await outbox().findOneByOrFail({ id: bounced.id })).toMatchObject({ state: 'failed' });
    expect(await outbox().findOneByOrFail({ id: pending.id })).toMatchObject({ state: 'pending' });

    // The reply stays in the thread; only its mail is gone, and the bounce is still shown.
    const thread = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set(agent.auth).expect(200)).body as {
      messages: { bodyText: string; delivery: { state: string } | null }[];
    };
    const byText = (text: string) => thread.messages.find(({ bodyText }) => bodyText.includes(text))!;
    expect(byText('We are looking into it.').delivery).toBeNull();
    expect(byText('Please send us the receipt.').delivery).toMatchObject({ state: 'failed' });
    expect(byText('Any news?').delivery).toMatchObject({ state: 'pending' });
  });

  it('works through a backlog in batches until none is left', async () => {
    const mails = Array.from({ length: 1_203 }, (_, index) => ({
      kind: 'notification' as const,
      to: `staff-${index}@offtrack.test`,
      subject: 'Notice',
      bodyText: 'A notice',
    }));
    const rows = await t.dataSource.transaction((em) => t.get(OutboxService).enqueueMany(em, mails));
    const ids = rows.map(({ id }) => id);
    await outbox().update({ id: In(ids) }, { state: 'sent', sentAt: clock.now() });
    later(31);
    expect(await t.get(OutboxPurgeJob).purge()).toBe(1_203);
    expect(await outbox().countBy({ id: In(ids.slice(0, 500)) })).toBe(0);
    expect(await outbox().countBy({ state: 'sent' })).toBe(0);
  });
});
