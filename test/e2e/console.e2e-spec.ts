import request from 'supertest';
import { AgentsService } from '../../src/auth/agents.service.js';
import { givenAgent, givenTicket, unique, type SignedInAgent } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PASSWORD = 'correct horse battery staple';

describe('agent console', () => {
  let t: TestApp;
  let agent: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' });
    agent = await givenAgent(t, 'agent', { queues: 'all' });
  });
  afterAll(() => t.close());

  /** A browser: keeps cookies, reads each form's CSRF token. */
  async function signedIn(email: string, password = PASSWORD) {
    const browser = request.agent(t.app.getHttpServer());
    const form = await browser.get('/console/sign-in').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const answer = await browser.post('/console/sign-in').type('form').send({ email, password, _csrf: csrf });
    return { browser, answer };
  }
  const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];

  it('sends anonymous visitors to sign in, and says why a sign-in failed', async () => {
    const anonymous = await request(t.app.getHttpServer()).get('/console/queues').expect(303);
    expect(anonymous.headers.location).toBe('/console/sign-in');
    const { answer } = await signedIn(agent.agent.email, 'not the password');
    expect(answer.status).toBe(401);
    expect(answer.text).toContain('Email hoặc mật khẩu không đúng.');
    expect(answer.text).toContain(`value="${agent.agent.email}"`);
  });

  it('shows the agent’s queues and a ticket, takes replies and notes only with the form’s token', async () => {
    const ticket = await givenTicket(t, agent, { subject: 'Hoàn tiền tour Đà Lạt', body: 'Xin hoàn tiền.' });
    const { browser, answer } = await signedIn(agent.agent.email);
    expect(answer.status).toBe(303);
    const cookies = answer.headers['set-cookie'] as unknown as string[];
    expect(cookies.join(';')).toMatch(/care_session=[^;]+; Path=\/console\/;.*HttpOnly/);
    const queues = await browser.get('/console/queues').expect(200);
    expect(queues.text).toContain('Payments &amp; fraud');
    const queue = await browser.get(`/console/queues?queue=${ticket.queueId}`).expect(200);
    expect(queue.text).toContain(`/console/tickets/${ticket.id}`);

    const page = await browser.get(`/console/tickets/${ticket.id}`).expect(200);
    expect(page.text).toContain('Hoàn tiền tour Đà Lạt');
    await browser
      .post(`/console/tickets/${ticket.id}/replies`)
      .type('form')
      .send({ body: 'Không có token' })
      .expect(403);
    await browser
      .post(`/console/tickets/${ticket.id}/replies`)
      .type('form')
      .send({ body: 'Chúng tôi đang kiểm tra.', _csrf: tokenOf(page.text) })
      .expect(303);
    const thread = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set(agent.auth).expect(200)).body
      .messages;
    expect(thread.map((message: { visibleText: string }) => message.visibleText)).toEqual([
      'Xin hoàn tiền.',
      'Chúng tôi đang kiểm tra.',
    ]);
    // The session cookie opens console pages only; the API wants a bearer token.
    const cookie = cookies.find((line) => line.startsWith('care_session='))!;
    await request(t.app.getHttpServer())
      .get('/api/v1/tickets')
      .set('Cookie', cookie.split(';')[0])
      .expect(401);
  });

  it('finds tickets without tone marks, hands out the next one, changes a ticket, and audits the customer panel', async () => {
    const admin = await givenAgent(t, 'admin');
    const queue = (
      await t
        .http()
        .post('/api/v1/queues')
        .set(admin.auth)
        .send({ name: unique('Hàng đợi thử') })
        .expect(201)
    ).body;
    const worker = await givenAgent(t, 'agent', { queues: [queue.id] });
    const ticket = await givenTicket(t, worker, {
      subject: 'Yêu cầu hoàn tiền tour Sa Pa',
      body: 'Xin hoàn tiền.',
      queueId: queue.id,
    });
    const { browser } = await signedIn(worker.agent.email);
    const found = await browser.get('/console/search?q=hoan%20tien%20tour%20sa%20pa').expect(200);
    expect(found.text).toContain(`/console/tickets/${ticket.id}`);
    expect((await browser.get('/console/search?q=khong%20co%20gi').expect(200)).text).toContain(
      'Không tìm thấy',
    );

    const page = await browser.get(`/console/queues?queue=${queue.id}`).expect(200);
    const next = await browser
      .post(`/console/queues/${queue.id}/next`)
      .type('form')
      .send({ _csrf: tokenOf(page.text) });
    expect(next.headers.location).toBe(`/console/tickets/${ticket.id}`);
    const empty = await browser
      .post(`/console/queues/${queue.id}/next`)
      .type('form')
      .send({ _csrf: tokenOf(page.text) });
    expect(empty.headers.location).toBe(`/console/queues?queue=${queue.id}&empty=1`);

    const view = await browser.get(`/console/tickets/${ticket.id}`).expect(200);
    expect(view.text).toContain('Nguyễn Văn A');
    const read = await t
      .http()
      .get(`/api/v1/audit-events?actorId=${worker.agent.id}`)
      .set(admin.auth)
      .expect(200);
    expect(JSON.stringify(read.body)).toContain('customer.read');
    const version = Number(/name="version" value="(\d+)"/.exec(view.text)![1]);
    const form = {
      _csrf: tokenOf(view.text),
      version,
      state: 'open',
      priority: 'high',
      queueId: queue.id,
      categoryKey: 'payment',
    };
    await browser.post(`/console/tickets/${ticket.id}`).type('form').send(form).expect(303);
    expect(
      (await t.http().get(`/api/v1/tickets/${ticket.id}`).set(worker.auth).expect(200)).body.priority,
    ).toBe('high');
    // The same form again carries a stale version: nothing changes, and the page says why.
    const stale = await browser
      .post(`/console/tickets/${ticket.id}`)
      .type('form')
      .send({ ...form, priority: 'low' });
    expect(stale.headers.location).toBe(`/console/tickets/${ticket.id}?conflict=1`);
    expect((await browser.get(stale.headers.location).expect(409)).text).toContain(
      'vừa được người khác thay đổi',
    );
  });

  it('lets admins keep canned responses and agents read them', async () => {
    const admin = await givenAgent(t, 'admin');
    const seeded = (await t.http().get('/api/v1/canned-responses').set(agent.auth).expect(200)).body;
    expect(seeded.map((response: { language: string }) => response.language)).toEqual([
      'en',
      'en',
      'vi',
      'vi',
    ]);
    const bad = await t
      .http()
      .post('/api/v1/canned-responses')
      .set(admin.auth)
      .send({ title: '', language: 'fr', body: 'x' })
      .expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'language',
      'title',
    ]);
    const created = (
      await t
        .http()
        .post('/api/v1/canned-responses')
        .set(admin.auth)
        .send({
          title: 'Chuyển bộ phận',
          language: 'vi',
          body: 'Chào {{customerName}}, yêu cầu {{ticketNumber}} đã được chuyển.',
        })
        .expect(201)
    ).body;
    await t
      .http()
      .put(`/api/v1/canned-responses/${created.id}`)
      .set(admin.auth)
      .send({ title: created.title, language: 'vi', body: created.body, isActive: false, version: 1 })
      .expect(200);
    await t
      .http()
      .put(`/api/v1/canned-responses/${created.id}`)
      .set(admin.auth)
      .send({ title: created.title, language: 'vi', body: created.body, version: 1 })
      .expect(409);
    const listed = (await t.http().get('/api/v1/canned-responses').set(agent.auth).expect(200)).body;
    expect(listed.find((response: { id: string }) => response.id === created.id).isActive).toBe(false);
  });

  it('makes a first-time agent choose a password, and ends the session on sign-out', async () => {
    const email = `${unique('moi')}@offtrack.test`;
    await t
      .get(AgentsService)
      .create(
        { email, displayName: 'Nhân viên mới', role: 'agent', initialPassword: 'temporary password 1' },
        true,
      );
    const { browser, answer } = await signedIn(email, 'temporary password 1');
    expect(answer.headers.location).toBe('/console/password');
    const form = await browser.get('/console/password').expect(200);
    const refused = await browser
      .post('/console/password')
      .type('form')
      .send({ currentPassword: 'temporary password 1', newPassword: 'short', _csrf: tokenOf(form.text) })
      .expect(400);
    expect(refused.text).toContain('at least 12 characters');
    await browser
      .post('/console/password')
      .type('form')
      .send({
        currentPassword: 'temporary password 1',
        newPassword: 'a much longer new password',
        _csrf: tokenOf(refused.text),
      })
      .expect(303);
    const queues = await browser.get('/console/queues').expect(200);
    await browser
      .post('/console/sign-out')
      .type('form')
      .send({ _csrf: tokenOf(queues.text) })
      .expect(303);
    expect((await browser.get('/console/queues').expect(303)).headers.location).toBe('/console/sign-in');
  });
});
