import { SYSTEM_ACTOR } from '../../src/auth/actor.js';
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

  it('filters a queue by priority, assignee and state, and pages through it', async () => {
    const admin = await givenAgent(t, 'admin');
    const queue = (
      await t
        .http()
        .post('/api/v1/queues')
        .set(admin.auth)
        .send({ name: unique('Lọc') })
        .expect(201)
    ).body;
    const worker = await givenAgent(t, 'agent', { queues: [queue.id] });
    const ticketIn = (subject: string, extra: Record<string, unknown> = {}) =>
      givenTicket(t, worker, { subject, body: 'Nội dung yêu cầu.', queueId: queue.id, ...extra });
    const urgent = await ticketIn('Giao dịch bị giả mạo', { priority: 'urgent' });
    const mine = await ticketIn('Đổi ngày tour Hạ Long');
    await t
      .http()
      .patch(`/api/v1/tickets/${mine.id}`)
      .set(worker.auth)
      .send({ assigneeId: worker.agent.id, version: mine.version })
      .expect(200);
    const plain = await ticketIn('Hỏi về tour Phú Quốc');
    const { browser } = await signedIn(worker.agent.email);
    const shownIn = async (query: string) => {
      const html = (await browser.get(`/console/queues?queue=${queue.id}&${query}`).expect(200)).text;
      return [urgent, mine, plain]
        .filter((ticket) => html.includes(`/console/tickets/${ticket.id}`))
        .map((ticket) => ticket.id);
    };
    expect(await shownIn('')).toHaveLength(3);
    expect(await shownIn('priority=urgent')).toEqual([urgent.id]);
    expect(await shownIn('assignee=me')).toEqual([mine.id]);
    expect(await shownIn('assignee=none&priority=normal')).toEqual([plain.id]);
    expect(await shownIn('state=resolved')).toEqual([]);
    // Nonsense in the address is ignored, not an error.
    expect(await shownIn('priority=extreme&order=random')).toHaveLength(3);

    const page = await browser.get(`/console/queues?queue=${queue.id}&order=urgency`).expect(200);
    expect(page.text).toContain('<option value="urgency" selected>');
    expect(page.text).toContain(`queue=${queue.id}" aria-current="page">`);
    expect(page.text).toContain('Khẩn cấp');
    // More tickets than a page holds: the next page continues where the first ended, with the same filters.
    await Promise.all(Array.from({ length: 50 }, (_, index) => ticketIn(`Yêu cầu số ${index}`)));
    const first = (await browser.get(`/console/queues?queue=${queue.id}&priority=normal`).expect(200)).text;
    const nextLink = /<a rel="next" href="([^"]+)"/.exec(first)![1].replaceAll('&amp;', '&');
    expect(nextLink).toContain('priority=normal');
    const second = (await browser.get(nextLink).expect(200)).text;
    const ids = (html: string) =>
      [...html.matchAll(/href="\/console\/tickets\/([0-9a-f-]+)"/g)].map((match) => match[1]);
    expect(ids(first)).toHaveLength(50);
    expect(ids(second)).toHaveLength(2);
    expect(ids(second).filter((id) => ids(first).includes(id))).toEqual([]);
  });

  it('switches the console to English and back for the agent, returning only to console pages', async () => {
    const polyglot = await givenAgent(t, 'agent', { queues: 'all' });
    const { browser } = await signedIn(polyglot.agent.email);
    const page = await browser.get('/console/search?q=tour').expect(200);
    expect(page.text).toContain('<button type="submit" class="link" lang="en">English</button>');
    await browser.post('/console/language').type('form').send({ language: 'en' }).expect(403);
    const switched = await browser
      .post('/console/language')
      .type('form')
      .send({ _csrf: tokenOf(page.text), language: 'en', back: '/console/search' })
      .expect(303);
    expect(switched.headers.location).toBe('/console/search');
    const english = await browser.get('/console/queues').expect(200);
    expect(english.text).toContain('Take the next ticket');
    expect((await t.get(AgentsService).get(polyglot.agent.id)).language).toBe('en');
    const away = await browser
      .post('/console/language')
      .type('form')
      .send({ _csrf: tokenOf(english.text), language: 'vi', back: 'https://phishing.example/console/' })
      .expect(303);
    expect(away.headers.location).toBe('/console/queues');
    expect((await browser.get('/console/queues').expect(200)).text).toContain('Nhận yêu cầu tiếp theo');
  });

  it('keeps the sidebar counts live and serves htmx itself', async () => {
    const ticket = await givenTicket(t, agent, { subject: 'Đếm hàng đợi', body: 'Kiểm tra số lượng.' });
    const { browser } = await signedIn(agent.agent.email);
    const openIn = (html: string) =>
      Number(new RegExp(`queue=${ticket.queueId}"[^>]*>[^<]+</a> <span class="count">(\\d+)`).exec(html)![1]);
    const before = await browser.get(`/console/queues/sidebar?queue=${ticket.queueId}`).expect(200);
    expect(before.text).not.toContain('<html');
    expect(before.text).toContain('hx-trigger="every 30s"');
    await givenTicket(t, agent, { subject: 'Đếm hàng đợi', body: 'Thêm một yêu cầu.' });
    const after = await browser.get(`/console/queues/sidebar?queue=${ticket.queueId}`).expect(200);
    expect(openIn(after.text)).toBe(openIn(before.text) + 1);
    const script = await browser.get('/assets/htmx/htmx.min.js').expect(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    const page = await browser.get('/console/queues').expect(200);
    expect(page.text).toContain('<script src="/assets/htmx/htmx.min.js" defer></script>');
  });

  it('tells an agent who else is viewing or writing a reply, and refuses a reply over a changed ticket', async () => {
    const ticket = await givenTicket(t, agent, { subject: 'Hai người cùng xem', body: 'Ai trả lời tôi?' });
    const supervisor = await givenAgent(t, 'supervisor');
    const first = await signedIn(agent.agent.email);
    const second = await signedIn(supervisor.agent.email);
    const firstPage = await first.browser.get(`/console/tickets/${ticket.id}`).expect(200);
    expect(firstPage.text).not.toContain('đang xem yêu cầu này');
    expect(firstPage.text).toContain('Bình thường');

    const secondPage = await second.browser.get(`/console/tickets/${ticket.id}`).expect(200);
    expect(secondPage.text).toContain('Test agent đang xem yêu cầu này.');
    await second.browser
      .post(`/console/tickets/${ticket.id}/presence?activity=replying`)
      .type('form')
      .send({ _csrf: tokenOf(secondPage.text), body: 'Đang viết' })
      .expect(200);
    const heartbeat = await first.browser
      .post(`/console/tickets/${ticket.id}/presence`)
      .type('form')
      .send({ _csrf: tokenOf(firstPage.text) })
      .expect(200);
    expect(heartbeat.text).not.toContain('<html');
    expect(heartbeat.text).toContain('Test supervisor đang soạn trả lời!');
    const forged = await first.browser.post(`/console/tickets/${ticket.id}/presence`).type('form').send({});
    expect(forged.status).toBe(403);
    expect(forged.text).not.toContain('hx-trigger');

    // The supervisor answers first; the agent's reply, written over the older version, is refused and kept.
    await second.browser
      .post(`/console/tickets/${ticket.id}/replies`)
      .field('_csrf', tokenOf(secondPage.text))
      .field('version', /name="version" value="(\d+)"/.exec(secondPage.text)![1])
      .field('body', 'Chúng tôi đã nhận được.')
      .expect(303);
    const refused = await first.browser
      .post(`/console/tickets/${ticket.id}/replies`)
      .field('_csrf', tokenOf(firstPage.text))
      .field('version', /name="version" value="(\d+)"/.exec(firstPage.text)![1])
      .field('body', 'Tôi cũng trả lời đây.')
      .expect(409);
    expect(refused.text).toContain('Yêu cầu đã thay đổi trong lúc bạn soạn trả lời');
    expect(refused.text).toContain('>Tôi cũng trả lời đây.</textarea>');
    const thread = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set(agent.auth).expect(200)).body
      .messages as { visibleText: string }[];
    expect(thread.map((message) => message.visibleText)).toEqual([
      'Ai trả lời tôi?',
      'Chúng tôi đã nhận được.',
    ]);
  });

  it('sends replies and notes with attachments, serves them sandboxed, and refuses files it does not take', async () => {
    const ticket = await givenTicket(t, agent, { subject: 'Gửi hóa đơn', body: 'Cho tôi xin hóa đơn.' });
    const { browser } = await signedIn(agent.agent.email);
    const page = await browser.get(`/console/tickets/${ticket.id}`).expect(200);
    const pdf = Buffer.from('%PDF-1.4 hóa đơn Đà Lạt');
    await browser
      .post(`/console/tickets/${ticket.id}/replies`)
      .field('_csrf', tokenOf(page.text))
      .field('body', 'Gửi quý khách hóa đơn.')
      .attach('attachments', pdf, { filename: 'hóa-đơn.pdf', contentType: 'application/pdf' })
      .expect(303);
    await browser
      .post(`/console/tickets/${ticket.id}/notes`)
      .field('_csrf', tokenOf(page.text))
      .field('body', 'Ảnh chụp từ ngân hàng.')
      .attach('attachments', Buffer.from('not really a png'), {
        filename: 'ngan-hang.png',
        contentType: 'image/png',
      })
      .expect(303);
    const refused = await browser
      .post(`/console/tickets/${ticket.id}/replies`)
      .field('_csrf', tokenOf(page.text))
      .field('body', 'Chạy tệp này.')
      .attach('attachments', Buffer.from('MZ'), {
        filename: 'setup.exe',
        contentType: 'application/x-msdownload',
      })
      .expect(400);
    expect(refused.text).toContain('>Chạy tệp này.</textarea>');

    const thread = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set(agent.auth).expect(200)).body
      .messages as { direction: string; attachments: { id: string; fileName: string }[] }[];
    expect(
      thread.map((message) => [message.direction, message.attachments.map((file) => file.fileName)]),
    ).toEqual([
      ['inbound', []],
      ['outbound', ['hóa-đơn.pdf']],
      ['note', ['ngan-hang.png']],
    ]);
    const shown = await browser.get(`/console/tickets/${ticket.id}`).expect(200);
    const link = `/console/tickets/${ticket.id}/attachments/${thread[1].attachments[0].id}`;
    expect(shown.text).toContain(`href="${link}"`);
    const download = await browser.get(link).buffer(true).expect(200);
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
    expect(download.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''h%C3%B3a-%C4%91%C6%A1n.pdf");
    await request(t.app.getHttpServer()).get(link).expect(303);
  });

  it('makes a first-time agent choose a password, and ends the session on sign-out', async () => {
    const email = `${unique('moi')}@offtrack.test`;
    await t
      .get(AgentsService)
      .create(
        { email, displayName: 'Nhân viên mới', role: 'agent', initialPassword: 'temporary password 1' },
        SYSTEM_ACTOR,
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
