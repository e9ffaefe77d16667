import request from 'supertest';
import { StatusLinks } from '../../src/auth/status-links.js';
import { OutboxMessage } from '../../src/mail/outbound/outbox-message.entity.js';
import { Ticket } from '../../src/tickets/ticket.entity.js';
import { givenAgent, givenCustomer, givenTicket, type SignedInAgent } from '../support/factories.js';
import { startTestApp, TEST_SECRET, TestClock, type TestApp } from '../support/test-app.js';

const NOW = new Date('2026-11-27T09:00:00Z');

/** A browser-like visitor: keeps its cookies, reads the form's CSRF token. */
function visitor(t: TestApp) {
  const agent = request.agent(t.app.getHttpServer());
  return {
    agent,
    async token(path = '/complaint'): Promise<string> {
      const page = await agent.get(path).expect(200);
      return /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    },
    /** Posts the complaint form as a browser would: read the page (cookies, token) first, then send. */
    async file(values: Record<string, string>, status?: number) {
      const csrf = await this.token();
      const post = agent.post('/complaint');
      for (const [name, value] of Object.entries({ ...values, _csrf: csrf })) post.field(name, value);
      return status === undefined ? await post : await post.expect(status);
    },
  };
}

const form = {
  name: 'Nguyễn Thị Mai',
  email: 'mai.nguyen@example.com',
  phone: '0912 345 678',
  bookingReference: 'OTV-2026-001234',
  topic: 'payment',
  description: 'Tôi bị trừ tiền hai lần cho tour Hạ Long, xin hoàn lại một lần.',
  consent: 'yes',
  newsletter: 'yes',
};

describe('customer pages', () => {
  const clock = new TestClock(NOW);
  let t: TestApp;
  let agent: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' }, { clock });
    agent = await givenAgent(t, 'agent', { queues: 'all' });
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(NOW));

  const fields = (post: request.Test, values: Record<string, string>) => {
    for (const [name, value] of Object.entries(values)) post.field(name, value);
    return post;
  };

  it('files a complaint with an attachment and opens its status page through the signed link', async () => {
    const browser = visitor(t);
    const page = await browser.agent.get('/complaint').set('Accept-Language', 'vi-VN,vi;q=0.9').expect(200);
    expect(page.text).toContain('Gửi khiếu nại hoặc yêu cầu hỗ trợ');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const filed = await fields(browser.agent.post('/complaint'), { ...form, _csrf: csrf })
      .attach('attachments', Buffer.from('%PDF-1.4 biên lai'), {
        filename: 'biên-lai.pdf',
        contentType: 'application/pdf',
      })
      .expect(303);
    expect(filed.headers.location).toMatch(/^\/status\/[^/]+\?filed=1$/);
    const status = await browser.agent.get(filed.headers.location).expect(200);
    expect(status.text).toContain('Chúng tôi đã nhận được yêu cầu của quý khách');
    expect(status.text).toMatch(/OT#\d{6}/);
    expect(status.text).toContain('biên-lai.pdf');

    const ticket = await t.dataSource.getRepository(Ticket).findOneByOrFail({ channel: 'web' });
    const view = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set(agent.auth).expect(200)).body;
    expect(view).toMatchObject({
      channel: 'web',
      language: 'vi',
      category: { key: 'payment' },
      categorySource: 'customer',
      bookingReference: 'OTV-2026-001234',
      tags: [],
    });
    // The newsletter tick is a consent event now, not a tag (consent.e2e-spec.ts covers the log).
    const consents = (
      await t.http().get(`/api/v1/customers/${view.customer.id}/consents`).set(agent.auth).expect(200)
    ).body;
    expect(consents.current).toEqual([
      expect.objectContaining({ purpose: 'newsletter', state: 'given', source: 'form' }),
      expect.objectContaining({ purpose: 'service', state: 'given', source: 'form' }),
    ]);
    const customer = (await t.http().get(`/api/v1/customers/${view.customer.id}`).set(agent.auth).expect(200))
      .body;
    expect(JSON.stringify(customer.phones)).toContain('+84912345678');
    const mails = await t.dataSource.getRepository(OutboxMessage).find({ where: { ticketId: ticket.id } });
    expect(mails.map((mail) => mail.kind)).toEqual(['acknowledgement']);
    // The acknowledgement carries the status link, in the customer's language.
    expect(mails[0].bodyText).toContain('Quý khách theo dõi và trả lời yêu cầu tại: http://localhost:');
    const link = /http:\/\/localhost:\d+(\/status\/\S+)/.exec(mails[0].bodyText)![1];
    expect((await browser.agent.get(link).expect(200)).text).toContain('Đã tiếp nhận');
  });

  it('publishes the complaint procedure from the desk’s own SLA settings, and the privacy policy', async () => {
    const procedure = (await request(t.app.getHttpServer()).get('/procedure').expect(200)).text;
    expect(procedure).toContain('nhân viên phản hồi trong vòng 3 ngày làm việc');
    expect(procedure).toContain('trả lời bằng văn bản trong vòng 7 ngày làm việc');
    expect(procedure).toContain('phản hồi trong vòng 1 giờ làm việc');
    expect(procedure).toContain('phản hồi đầu tiên trong vòng 2 ngày làm việc');
    expect(procedure).toContain(t.config.mail.from.address);
    const english = (await request(t.app.getHttpServer()).get('/procedure?lang=en').expect(200)).text;
    expect(english).toContain('they answer within 3 working days');
    const privacy = (await request(t.app.getHttpServer()).get('/privacy').expect(200)).text;
    expect(privacy).toContain('Thời gian lưu trữ thông tin là 1 năm');
    expect(privacy).toContain('50 Tôn Thất Đạm');
    const privacyEn = (await request(t.app.getHttpServer()).get('/privacy?lang=en').expect(200)).text;
    expect(privacyEn).toContain('never sells customer information');
  });

  it('refuses a form without its CSRF token, and keeps what was typed when a field is wrong', async () => {
    const browser = visitor(t);
    await browser.token();
    const forged = await fields(browser.agent.post('/complaint'), form).expect(403);
    expect(forged.text).toContain('Phiên làm việc đã hết hạn');
    const csrf = await browser.token('/complaint?lang=en');
    const wrong = await fields(browser.agent.post('/complaint'), {
      ...form,
      email: 'mai.nguyen@',
      consent: '',
      _csrf: csrf,
    }).expect(400);
    expect(wrong.text).toContain('This email address is not valid.');
    expect(wrong.text).toContain('We need your consent to handle your request.');
    expect(wrong.text).toContain('value="Nguyễn Thị Mai"');
    expect(wrong.text).toContain('Tôi bị trừ tiền hai lần cho tour Hạ Long');
    expect(wrong.text).toContain('<option value="payment" selected>');
  });

  it('shows what a customer wrote as text, never as markup', async () => {
    const browser = visitor(t);
    const filed = await browser.file(
      {
        ...form,
        email: 'xss@example.com',
        description: 'Xin xem <script>alert("xss")</script><img src=x onerror=alert(1)>',
      },
      303,
    );
    const status = await browser.agent.get(filed.headers.location).expect(200);
    expect(status.text).not.toContain('<script>alert');
    expect(status.text).not.toContain('<img src=x');
    expect(status.text).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
  });

  it('shows staff replies but never internal notes, and takes the customer’s answer', async () => {
    const browser = visitor(t);
    const filed = await browser.file(
      {
        ...form,
        email: 'answers@example.com',
      },
      303,
    );
    const token = filed.headers.location.split('/')[2].split('?')[0];
    const ticketId = token.split('.')[0];
    await t
      .http()
      .post(`/api/v1/tickets/${ticketId}/notes`)
      .set(agent.auth)
      .send({ body: 'Nội bộ: khách VIP' })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/tickets/${ticketId}/replies`)
      .set(agent.auth)
      .send({ body: 'Chúng tôi đã hoàn tiền.' })
      .expect(201);
    const page = await browser.agent.get(`/status/${token}`).expect(200);
    expect(page.text).toContain('Chúng tôi đã hoàn tiền.');
    expect(page.text).not.toContain('khách VIP');

    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const empty = await browser.agent
      .post(`/status/${token}/replies`)
      .field('_csrf', csrf)
      .field('body', ' ')
      .expect(400);
    expect(empty.text).toContain('Vui lòng điền mục này.');
    const csrfAgain = /name="_csrf" value="([^"]+)"/.exec(empty.text)![1];
    clock.set(new Date(NOW.getTime() + 3_600_000));
    await browser.agent
      .post(`/status/${token}/replies`)
      .field('_csrf', csrfAgain)
      .field('body', 'Cảm ơn, tôi đã nhận được.')
      .expect(303);
    const thread = (await t.http().get(`/api/v1/tickets/${ticketId}`).set(agent.auth).expect(200)).body
      .messages;
    expect(thread.at(-1)).toMatchObject({ direction: 'inbound', visibleText: 'Cảm ơn, tôi đã nhận được.' });
  });

  it('opens no ticket with a tampered, expired or borrowed link', async () => {
    const browser = visitor(t);
    const filed = await browser.file(
      {
        ...form,
        email: 'links@example.com',
      },
      303,
    );
    const token = filed.headers.location.split('/')[2].split('?')[0];
    const [ticketId, customerId, expires, signature] = token.split('.');
    const invalid = 'Đường dẫn không hợp lệ hoặc đã hết hạn';
    expect(
      (
        await browser.agent
          .get(`/status/${ticketId}.${customerId}.${Number(expires) + 60}.${signature}`)
          .expect(404)
      ).text,
    ).toContain(invalid);
    clock.set(new Date(NOW.getTime() + 31 * 86_400_000));
    expect((await browser.agent.get(`/status/${token}`).expect(404)).text).toContain(invalid);
    clock.set(NOW);
    // Even a correctly signed link for another customer's ticket shows nothing.
    const other = await givenTicket(t, agent);
    const borrowed = new StatusLinks(TEST_SECRET).issue({
      ticketId: other.id,
      customerId,
      expiresAt: new Date(NOW.getTime() + 86_400_000),
    });
    expect((await browser.agent.get(`/status/${borrowed}`).expect(404)).text).toContain(invalid);
  });

  it('shows the thread in the customer’s own time zone, and language when the browser names neither', async () => {
    const customer = await givenCustomer(t, agent, { timeZone: 'Australia/Sydney', preferredLanguage: 'en' });
    const ticket = await givenTicket(t, agent, { customerId: customer.id });
    const link = new StatusLinks(TEST_SECRET).issue({
      ticketId: ticket.id,
      customerId: customer.id,
      expiresAt: new Date(NOW.getTime() + 86_400_000),
    });
    const page = await visitor(t).agent.get(`/status/${link}`).set('Accept-Language', 'fr-FR').expect(200);
    expect(page.text).toContain('<html lang="en">');
    const inVietnamese = await visitor(t)
      .agent.get(`/status/${link}`)
      .set('Accept-Language', 'vi-VN')
      .expect(200);
    expect(inVietnamese.text).toContain('<html lang="vi">');
    // 09:00 UTC is 20:00 in Sydney in summer; the desk's own zone would have said 16:00.
    expect(page.text).toContain('27/11/2026 20:00 (GMT+11)');
  });

  it('mails a fresh link when number and address match, and answers the same either way', async () => {
    const browser = visitor(t);
    const filed = await browser.file({ ...form, email: 'lookup@example.com' }, 303);
    const ticketId = filed.headers.location.split('/')[2].split('.')[0];
    const ticket = await t.dataSource.getRepository(Ticket).findOneByOrFail({ id: ticketId });
    const links = () =>
      t.dataSource.getRepository(OutboxMessage).count({ where: { ticketId, kind: 'notification' } });
    const ask = async (email: string) => {
      const csrf = await browser.token('/status');
      const answer = await browser.agent
        .post('/status')
        .type('form')
        .send({ number: `OT#${ticket.number}`, email, _csrf: csrf })
        .expect(200);
      return answer.text;
    };
    const wrong = await ask('someone.else@example.com');
    expect(await links()).toBe(0);
    const right = await ask('LOOKUP@example.com');
    expect(await links()).toBe(1);
    const withoutToken = (html: string) => html.replace(/name="_csrf" value="[^"]+"/, '');
    expect(withoutToken(right)).toBe(withoutToken(wrong));
    const [mail] = await t.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { ticketId, kind: 'notification' } });
    const link = /http:\/\/localhost:\d+(\/status\/\S+)/.exec(mail.bodyText)![1];
    await browser.agent.get(link).expect(200);
  });

  // Last: it uses up this address's allowance.
  it('files nothing for a bot that fills the hidden field, and slows down repeated sending', async () => {
    const count = () => t.dataSource.getRepository(Ticket).count();
    const before = await count();
    const browser = visitor(t);
    await browser.file(
      {
        ...form,
        website: 'http://spam.example',
      },
      200,
    );
    expect(await count()).toBe(before);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const sent = await browser.file({ ...form, email: 'repeat@example.com' });
      statuses.push(sent.status);
    }
    expect(statuses).toEqual([303, 303, 303, 303, 303, 429]);
  });
});
