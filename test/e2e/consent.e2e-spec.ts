import { createHmac, hkdfSync } from 'node:crypto';
import request from 'supertest';
import { NewslettersService } from '../../src/consent/newsletters.service.js';
import { NewsletterSendJob } from '../../src/consent/newsletter-send.job.js';
import { AppConfig } from '../../src/config/app-config.js';
import { CustomerEmail } from '../../src/customers/customer.entity.js';
import { MailIntakeJob } from '../../src/mail/inbound/mail-intake.job.js';
import { OutboxSenderService } from '../../src/mail/outbound/outbox-sender.service.js';
import { givenAgent, givenCustomer, givenTicket, unique, type SignedInAgent } from '../support/factories.js';
import {
  mailSettings,
  startDovecot,
  startSmtpSink,
  type SentMail,
  type TestImapServer,
  type TestSmtpSink,
} from '../support/mail-servers.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface ConsentHistory {
  current: { purpose: string; state: string; source: string; policyVersion: string }[];
  events: { purpose: string; state: string; source: string; ticketId: string | null; note: string | null }[];
}

const ISSUE = {
  subjectVi: 'Bản tin tháng 12: tour Tết 2027',
  subjectEn: 'December newsletter: Tết 2027 tours',
  textVi: 'Tour Tết 2027 đã mở bán.',
  textEn: 'Tết 2027 tours are on sale.',
  htmlVi: '<p>Tour Tết 2027 đã mở bán.</p>',
  htmlEn: '<p>Tết 2027 tours are on sale.</p>',
};

/** A plain mail from a customer, as their mail client would send it. */
function customerMail(from: string, subject: string, body: string) {
  const messageId = `<${unique('consent')}@mail.example.com>`;
  const raw =
    `From: ${from}\r\nTo: care@offtrack.test\r\nSubject: =?UTF-8?B?${Buffer.from(subject).toString('base64')}?=\r\n` +
    `Message-ID: ${messageId}\r\nDate: Fri, 04 Dec 2026 09:00:00 +0700\r\nMIME-Version: 1.0\r\n` +
    'Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
    `${Buffer.from(body).toString('base64')}\r\n`;
  return { raw: Buffer.from(raw), messageId };
}

describe('newsletter consent and unsubscribing (Dovecot + SMTP sink)', () => {
  let t: TestApp;
  let imap: TestImapServer;
  let smtp: TestSmtpSink;
  let admin: SignedInAgent;
  let agent: SignedInAgent;

  beforeAll(async () => {
    imap = await startDovecot();
    smtp = await startSmtpSink();
    t = await startTestApp({ ...mailSettings(imap, smtp), PUBLIC_URL: 'https://care.offtrack.test' });
    admin = await givenAgent(t, 'admin');
    agent = await givenAgent(t, 'agent');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    await imap?.stop();
  });

  async function consents(customerId: string): Promise<ConsentHistory> {
    const { body } = await t
      .http()
      .get(`/api/v1/customers/${customerId}/consents`)
      .set(agent.auth)
      .expect(200);
    return body as ConsentHistory;
  }
  const stateOf = (history: ConsentHistory, purpose: string) =>
    history.current.find((row) => row.purpose === purpose);

  async function subscribedCustomer(language: 'vi' | 'en' = 'vi', purposes = ['newsletter']) {
    const customer = await givenCustomer(t, agent, { preferredLanguage: language });
    for (const purpose of purposes)
      await t
        .http()
        .post(`/api/v1/customers/${customer.id}/consents`)
        .set(agent.auth)
        .send({ purpose, state: 'given' })
        .expect(201);
    return { id: customer.id, address: customer.emails[0].value };
  }

  /** Sends an issue (a marketing mail with `purpose: 'marketing'`) and delivers the outbox; returns what reached the SMTP sink. */
  async function sendNewsletter(purpose?: 'newsletter' | 'marketing') {
    const before = smtp.sent.length;
    const { body: started } = await t
      .http()
      .post('/api/v1/newsletters')
      .set(admin.auth)
      .send(purpose ? { ...ISSUE, purpose } : ISSUE)
      .expect(202);
    expect(started).toMatchObject({ state: 'sending', queued: 0, purpose: purpose ?? 'newsletter' });
    await t.get(NewsletterSendJob).run();
    await t.get(OutboxSenderService).sendDue();
    const { body } = await t.http().get(`/api/v1/newsletters/${started.id}`).set(admin.auth).expect(200);
    return { send: body as { queued: number; state: string }, sent: smtp.sent.slice(before) };
  }

  async function deliverOutbox() {
    const before = smtp.sent.length;
    await t.get(OutboxSenderService).sendDue();
    return smtp.sent.slice(before);
  }

  const to = (mails: SentMail[], address: string) =>
    mails.filter((mail) => mail.envelope.to.includes(address));
  const header = (mail: SentMail, name: string) =>
    mail.parsed.headerLines.find((line) => line.key === name)?.line.replace(/^[^:]+:\s*/, '');

  it('records the complaint form ticks as consent events (service, and newsletter when ticked)', async () => {
    const ticked = `${unique('mai')}@example.com`;
    const unticked = `${unique('lan')}@example.com`;
    for (const [email, newsletter] of [
      [ticked, 'yes'],
      [unticked, ''],
    ]) {
      const browser = request.agent(t.app.getHttpServer());
      const page = await browser.get('/complaint').expect(200);
      const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      const post = browser.post('/complaint');
      const fields = {
        name: 'Nguyễn Thị Mai',
        email,
        topic: 'payment',
        description: 'Tôi bị trừ tiền hai lần cho tour Hạ Long, xin hoàn lại một lần.',
        consent: 'yes',
        _csrf: csrf,
        ...(newsletter ? { newsletter } : {}),
      };
      for (const [name, value] of Object.entries(fields)) post.field(name, value);
      await post.expect(303);
    }
    const customerOf = async (address: string) =>
      (await t.dataSource.getRepository(CustomerEmail).findOneByOrFail({ address })).customerId;

    const withNewsletter = await consents(await customerOf(ticked));
    expect(withNewsletter.current).toEqual([
      expect.objectContaining({
        purpose: 'newsletter',
        state: 'given',
        source: 'form',
        policyVersion: '2026-11-25',
      }),
      expect.objectContaining({ purpose: 'service', state: 'given', source: 'form' }),
    ]);
    expect(withNewsletter.events).toHaveLength(2);
    expect(withNewsletter.events.every((event) => event.ticketId !== null)).toBe(true);

    const serviceOnly = await consents(await customerOf(unticked));
    expect(serviceOnly.current.map((row) => row.purpose)).toEqual(['service']);
  });

  it('unsubscribes one-click from the List-Unsubscribe header of a real sent newsletter, and later sends skip them', async () => {
    const english = await subscribedCustomer('en');
    const vietnamese = await subscribedCustomer('vi');
    const bounced = await subscribedCustomer('vi');
    await t.dataSource
      .getRepository(CustomerEmail)
      .update({ address: bounced.address }, { bouncedAt: new Date() });

    const first = await sendNewsletter();
    expect(first.send).toMatchObject({ state: 'finished' });
    expect(to(first.sent, bounced.address)).toHaveLength(0);
    const [mail] = to(first.sent, english.address);
    expect(mail.parsed.subject).toBe(ISSUE.subjectEn);
    expect(to(first.sent, vietnamese.address)[0].parsed.subject).toBe(ISSUE.subjectVi);
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const listUnsubscribe = header(mail, 'list-unsubscribe')!;
    const [oneClick, mailto] = [...listUnsubscribe.matchAll(/<([^>]+)>/g)].map((match) => match[1]);
    expect(mailto).toBe('mailto:care@offtrack.test?subject=unsubscribe');
    expect(oneClick).toMatch(/^https:\/\/care\.offtrack\.test\/unsubscribe\/one-click\?token=/);
    expect(mail.parsed.text).toContain('https://care.offtrack.test/unsubscribe?token=');
    expect(mail.parsed.html).toContain('href="https://care.offtrack.test/unsubscribe?token=');

    // As a mail client does it (RFC 8058 §3.2): a POST to the URL, no cookies, the fixed body.
    const url = new URL(oneClick);
    const click = () =>
      t.http().post(`${url.pathname}${url.search}`).type('form').send('List-Unsubscribe=One-Click');
    await click().expect(200);
    expect(stateOf(await consents(english.id), 'newsletter')).toMatchObject({
      state: 'withdrawn',
      source: 'link',
    });
    const confirmations = await deliverOutbox();
    expect(to(confirmations, english.address).map((sent) => sent.parsed.subject)).toEqual([
      'You have unsubscribed from the Offtrack Travel newsletter',
    ]);

    // Clients retry; a second POST answers 200 and neither logs nor mails again.
    await click().expect(200);
    expect((await consents(english.id)).events.filter((event) => event.state === 'withdrawn')).toHaveLength(
      1,
    );
    expect(to(await deliverOutbox(), english.address)).toHaveLength(0);

    const next = await sendNewsletter();
    expect(to(next.sent, english.address)).toHaveLength(0);
    expect(to(next.sent, vietnamese.address)).toHaveLength(1);
    expect(next.send.queued).toBe(first.send.queued - 1);

    const { body: sends } = await t.http().get('/api/v1/newsletters').set(admin.auth).expect(200);
    expect(sends[0]).toMatchObject({ sentById: admin.agent.id, queued: next.send.queued, state: 'finished' });
  });

  const oneClickOf = (mail: SentMail) => {
    const [oneClick] = [...header(mail, 'list-unsubscribe')!.matchAll(/<([^>]+)>/g)].map((match) => match[1]);
    const url = new URL(oneClick);
    return () =>
      t.http().post(`${url.pathname}${url.search}`).type('form').send('List-Unsubscribe=One-Click');
  };

  it('sends marketing mail only where marketing consent stands; its one-click link stops marketing and leaves the newsletter', async () => {
    const both = await subscribedCustomer('en', ['newsletter', 'marketing']);
    const newsletterOnly = await subscribedCustomer('vi', ['newsletter']);
    const withdrawn = await subscribedCustomer('vi', ['marketing']);
    await t
      .http()
      .post(`/api/v1/customers/${withdrawn.id}/consents`)
      .set(agent.auth)
      .send({ purpose: 'marketing', state: 'withdrawn', note: 'Khách gọi điện xin ngừng nhận khuyến mãi' })
      .expect(201);

    const first = await sendNewsletter('marketing');
    expect(to(first.sent, newsletterOnly.address)).toHaveLength(0);
    expect(to(first.sent, withdrawn.address)).toHaveLength(0);
    const [mail] = to(first.sent, both.address);
    expect(mail.parsed.subject).toBe(ISSUE.subjectEn);
    expect(mail.parsed.text).toContain('you agreed to receive marketing mail');
    expect(header(mail, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    const page = /https:\/\/care\.offtrack\.test(\/unsubscribe\?token=\S+)/.exec(mail.parsed.text!)![1];
    const shown = await t.http().get(page).expect(200);
    expect(shown.text).toContain('Unsubscribe from marketing mail');
    expect(shown.text).not.toContain('from the newsletter');

    const click = oneClickOf(mail);
    await click().expect(200);
    const after = await consents(both.id);
    expect(stateOf(after, 'marketing')).toMatchObject({ state: 'withdrawn', source: 'link' });
    expect(stateOf(after, 'newsletter')).toMatchObject({ state: 'given' });
    expect(to(await deliverOutbox(), both.address).map((sent) => sent.parsed.subject)).toEqual([
      'You have unsubscribed from Offtrack Travel marketing mail',
    ]);
    await click().expect(200);
    expect(to(await deliverOutbox(), both.address)).toHaveLength(0);

    expect(to((await sendNewsletter('marketing')).sent, both.address)).toHaveLength(0);
    expect(to((await sendNewsletter()).sent, both.address)).toHaveLength(1);
  });

  it('refuses a send for a purpose that is not a mailing, with the field and the reason', async () => {
    const { body } = await t
      .http()
      .post('/api/v1/newsletters')
      .set(admin.auth)
      .send({ ...ISSUE, purpose: 'service' })
      .expect(400);
    expect(JSON.stringify(body)).toContain('purpose');
  });

  it('still honours the first-form token ("<customer id>.<signature>") that earlier newsletters carry, as the newsletter', async () => {
    const customer = await subscribedCustomer('vi', ['newsletter', 'marketing']);
    const key = Buffer.from(
      hkdfSync('sha256', t.get(AppConfig).appSecret, 'offtrack-care', 'newsletter-unsubscribe-link', 32),
    );
    const token = `${customer.id}.${createHmac('sha256', key).update(customer.id).digest('base64url')}`;
    const page = await t.http().get(`/unsubscribe?token=${token}`).expect(200);
    expect(page.text).toContain('Hủy đăng ký bản tin');
    await t
      .http()
      .post(`/unsubscribe/one-click?token=${token}`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(200);
    const after = await consents(customer.id);
    expect(stateOf(after, 'newsletter')).toMatchObject({ state: 'withdrawn', source: 'link' });
    expect(stateOf(after, 'marketing')).toMatchObject({ state: 'given' });
  });

  it('refuses a one-click POST with a forged token with 400, and changes nothing', async () => {
    const customer = await subscribedCustomer();
    await t
      .http()
      .post(`/unsubscribe/one-click?token=${customer.id}.forged`)
      .type('form')
      .send('List-Unsubscribe=One-Click')
      .expect(400);
    await t.http().post('/unsubscribe/one-click').type('form').send('List-Unsubscribe=One-Click').expect(400);
    expect(stateOf(await consents(customer.id), 'newsletter')).toMatchObject({ state: 'given' });
  });

  it('shows a confirm button on GET (which changes nothing), and unsubscribes on the button', async () => {
    const customer = await subscribedCustomer('vi');
    const { sent } = await sendNewsletter();
    const link = /https:\/\/care\.offtrack\.test(\/unsubscribe\?token=\S+)/.exec(
      to(sent, customer.address)[0].parsed.text!,
    )![1];

    const browser = request.agent(t.app.getHttpServer());
    const page = await browser.get(link).expect(200);
    expect(page.text).toContain('Hủy đăng ký bản tin');
    expect(page.text).toContain('<form method="post" action="/unsubscribe">');
    expect(stateOf(await consents(customer.id), 'newsletter')).toMatchObject({ state: 'given' });

    const token = /name="token" value="([^"]+)"/.exec(page.text)![1];
    await browser.post('/unsubscribe').type('form').send({ token }).expect(403);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const done = await browser.post('/unsubscribe').type('form').send({ token, _csrf: csrf }).expect(200);
    expect(done.text).toContain('Quý khách đã hủy đăng ký bản tin. Chúng tôi đã gửi email xác nhận.');
    expect(stateOf(await consents(customer.id), 'newsletter')).toMatchObject({
      state: 'withdrawn',
      source: 'link',
    });
    expect(to(await deliverOutbox(), customer.address).map((mail) => mail.parsed.subject)).toEqual([
      'Quý khách đã hủy đăng ký bản tin Offtrack Travel',
    ]);
  });

  it('answers a bad unsubscribe link with a clear error page', async () => {
    const page = await t.http().get('/unsubscribe?token=not-a-token&lang=en').expect(400);
    expect(page.text).toContain('This unsubscribe link is not valid');
    expect(page.text).not.toContain('action="/unsubscribe"');
    await t.http().get('/unsubscribe').expect(400);
  });

  it('honours "hủy đăng ký bản tin" mailed by a known customer: consent withdrawn, ticket resolved, confirmation sent', async () => {
    const customer = await subscribedCustomer('vi');
    const { raw, messageId } = customerMail(
      customer.address,
      'Hủy đăng ký bản tin',
      'Chào Offtrack,\nXin ngung gui ban tin cho toi nua. Cam on.\n',
    );
    await imap.append(raw);
    await t.get(MailIntakeJob).runOnce();
    const sent = to(await deliverOutbox(), customer.address);

    const history = await consents(customer.id);
    expect(stateOf(history, 'newsletter')).toMatchObject({ state: 'withdrawn', source: 'mail' });
    // The mail names no list, and the confirmation says marketing stops too.
    expect(stateOf(history, 'marketing')).toMatchObject({ state: 'withdrawn', source: 'mail' });
    const ticketId = history.events[0].ticketId!;
    const { body: ticket } = await t.http().get(`/api/v1/tickets/${ticketId}`).set(admin.auth).expect(200);
    expect(ticket).toMatchObject({
      state: 'resolved',
      category: expect.objectContaining({ key: 'newsletter' }),
    });
    const note = ticket.messages.find((message: { direction: string }) => message.direction === 'note');
    expect(note).toMatchObject({ authorType: 'system', visibility: 'internal' });
    expect(note.bodyText).toContain('newsletter consent withdrawn automatically');

    // The confirmation replaces the acknowledgement, threaded to their mail and carrying the ticket number.
    expect(sent).toHaveLength(1);
    expect(sent[0].parsed.subject).toContain('Quý khách đã hủy đăng ký bản tin Offtrack Travel');
    expect(sent[0].parsed.subject).toContain(`OT#${ticket.number}`);
    expect(sent[0].parsed.inReplyTo).toBe(messageId);

    const next = await sendNewsletter();
    expect(to(next.sent, customer.address)).toHaveLength(0);
  });

  it('leaves a complaint that only mentions unsubscribing to an agent, and ignores strangers', async () => {
    const customer = await subscribedCustomer('en');
    await imap.append(
      customerMail(
        customer.address,
        'Refund for my cancelled tour',
        'I want to unsubscribe from nothing, my tour was cancelled and I want my money back.',
      ).raw,
    );
    const stranger = `${unique('stranger')}@example.com`;
    await imap.append(customerMail(stranger, 'unsubscribe', '').raw);
    await t.get(MailIntakeJob).runOnce();

    const history = await consents(customer.id);
    expect(stateOf(history, 'newsletter')).toMatchObject({ state: 'given' });
    const strangerId = (
      await t.dataSource.getRepository(CustomerEmail).findOneByOrFail({ address: stranger })
    ).customerId;
    expect((await consents(strangerId)).events).toHaveLength(0);
    const sent = await deliverOutbox();
    expect(to(sent, stranger)[0].parsed.subject).not.toMatch(/unsubscribed|hủy đăng ký bản tin/);
  });

  it('lets agents record consent, a withdrawal on the customer’s behalf only with a note, all audited', async () => {
    const customer = await givenCustomer(t, agent);
    const path = `/api/v1/customers/${customer.id}/consents`;
    const refused = await t
      .http()
      .post(path)
      .set(agent.auth)
      .send({ purpose: 'marketing', state: 'withdrawn' })
      .expect(400);
    expect(JSON.stringify(refused.body)).toContain('note');
    const badPurpose = await t
      .http()
      .post(path)
      .set(agent.auth)
      .send({ purpose: 'spam', state: 'given' })
      .expect(400);
    expect(JSON.stringify(badPurpose.body)).toContain('purpose');

    await t.http().post(path).set(agent.auth).send({ purpose: 'marketing', state: 'given' }).expect(201);
    const { body } = await t
      .http()
      .post(path)
      .set(agent.auth)
      .send({
        purpose: 'marketing',
        state: 'withdrawn',
        note: 'Khách gọi điện ngày 04/12 xin ngừng nhận quảng cáo',
      })
      .expect(201);
    expect(body.current).toEqual([
      expect.objectContaining({ purpose: 'marketing', state: 'withdrawn', source: 'agent' }),
    ]);
    expect(body.events.map((event: { state: string }) => event.state)).toEqual(['withdrawn', 'given']);
    expect(body.events[0]).toMatchObject({
      note: 'Khách gọi điện ngày 04/12 xin ngừng nhận quảng cáo',
      actorType: 'agent',
    });

    await consents(customer.id);
    const { body: audit } = await t
      .http()
      .get('/api/v1/audit-events')
      .query({ recordId: customer.id, limit: 50 })
      .set(admin.auth)
      .expect(200);
    const actions = (audit.items as { action: string; actorId: string }[]).map((event) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['consent.give', 'consent.withdraw', 'consent.read']));

    await t
      .http()
      .get('/api/v1/customers/00000000-0000-4000-8000-000000000000/consents')
      .set(agent.auth)
      .expect(404);
  });

  it('shows the consent history in the console customer panel', async () => {
    const consoleAgent = await givenAgent(t, 'agent', { queues: 'all' });
    const customer = await subscribedCustomer('vi');
    await t
      .http()
      .post(`/api/v1/customers/${customer.id}/consents`)
      .set(agent.auth)
      .send({ purpose: 'newsletter', state: 'withdrawn', note: 'Khách gọi tổng đài xin ngừng bản tin' })
      .expect(201);
    const ticket = await givenTicket(t, consoleAgent, { customerId: customer.id });

    const browser = request.agent(t.app.getHttpServer());
    const form = await browser.get('/console/sign-in').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    await browser
      .post('/console/sign-in')
      .type('form')
      .send({ email: consoleAgent.agent.email, password: 'correct horse battery staple', _csrf: csrf })
      .expect(303);
    const page = await browser.get(`/console/tickets/${ticket.id}`).expect(200);
    expect(page.text).toContain('Bản tin: <strong>Đã rút lại</strong> · nhân viên');
    expect(page.text).toContain('Lịch sử đồng ý (2)');
    expect(page.text).toContain('Khách gọi tổng đài xin ngừng bản tin');
  });

  it('goes on after an interrupted send where it stopped, sending nobody twice', async () => {
    const subscribers = [
      await subscribedCustomer(),
      await subscribedCustomer('en'),
      await subscribedCustomer(),
    ];
    const before = smtp.sent.length;
    const { body: started } = await t
      .http()
      .post('/api/v1/newsletters')
      .set(admin.auth)
      .send(ISSUE)
      .expect(202);
    // One batch of one, then the process "dies"; the next run picks the send up from its progress.
    expect(await t.get(NewslettersService).continueSends(1, 1)).toBe(1);
    const { body: halfway } = await t
      .http()
      .get(`/api/v1/newsletters/${started.id}`)
      .set(admin.auth)
      .expect(200);
    expect(halfway).toMatchObject({ state: 'sending', queued: 1, batches: 1 });
    await t.get(NewslettersService).continueSends(2);
    await t.get(OutboxSenderService).sendDue();
    const { body: finished } = await t
      .http()
      .get(`/api/v1/newsletters/${started.id}`)
      .set(admin.auth)
      .expect(200);
    expect(finished.state).toBe('finished');
    const sent = smtp.sent
      .slice(before)
      .filter(
        (mail) => mail.parsed.subject?.startsWith('December') || mail.parsed.subject?.startsWith('Bản tin'),
      );
    expect(sent).toHaveLength(finished.queued);
    expect(new Set(sent.map((mail) => mail.envelope.to[0])).size).toBe(finished.queued);
    for (const subscriber of subscribers) expect(to(sent, subscriber.address)).toHaveLength(1);
  });

  it('lets only admins send newsletters', async () => {
    const supervisor = await givenAgent(t, 'supervisor');
    await t.http().post('/api/v1/newsletters').set(supervisor.auth).send(ISSUE).expect(403);
    await t.http().get('/api/v1/newsletters').set(supervisor.auth).expect(403);
    const missing = await t
      .http()
      .post('/api/v1/newsletters')
      .set(admin.auth)
      .send({ ...ISSUE, subjectEn: ' ' })
      .expect(400);
    expect(JSON.stringify(missing.body)).toContain('subjectEn');
  });
});
