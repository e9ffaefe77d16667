import { SYSTEM_ACTOR } from '../../src/auth/actor.js';
import request from 'supertest';
import { AgentsService } from '../../src/auth/agents.service.js';
import { Agent } from '../../src/auth/agent.entity.js';
import { CannedResponsesService } from '../../src/canned-responses/canned-responses.service.js';
import { MailTemplatesService } from '../../src/mail/outbound/mail-templates.service.js';
import { QueuesService } from '../../src/queues/queues.service.js';
import { csrfTokenOf, signedIn, signInToConsole, versionFor } from '../support/console-session.js';
import { givenAgent, unique, type SignedInAgent } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CSRF_REFUSAL = 'Phiên làm việc đã hết hạn';
const PAGES = [
  '/console/admin/agents',
  '/console/admin/queues',
  '/console/admin/templates',
  '/console/admin/canned-responses',
];

describe('admin pages for agents, queues, mail templates and canned responses', () => {
  let t: TestApp;
  let admin: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' });
    admin = await givenAgent(t, 'admin');
  });
  afterAll(() => t.close());

  const asAdmin = () => signedIn(t, admin);

  it('lets only admins in: agents and supervisors are refused, anonymous visitors sent to sign in', async () => {
    for (const role of ['agent', 'supervisor'] as const) {
      const browser = await signedIn(t, await givenAgent(t, role));
      for (const page of PAGES) await browser.get(page).expect(403);
      await browser.post('/console/admin/agents').type('form').send({ email: 'x@offtrack.test' }).expect(403);
    }
    for (const page of PAGES) {
      expect((await request(t.app.getHttpServer()).get(page).expect(303)).headers.location).toBe(
        '/console/sign-in',
      );
    }
    const browser = await asAdmin();
    for (const page of PAGES) {
      const html = (await browser.get(page).expect(200)).text;
      expect(html).toContain('<nav class="admin-nav"');
      expect(html).toContain(`<a href="${page}" aria-current="page">`);
    }
  });

  it('creates an agent with a one-time password shown once, which signs them in to choose their own', async () => {
    const browser = await asAdmin();
    const page = await browser.get('/console/admin/agents').expect(200);
    expect(page.text).toContain('Nhân viên và vai trò');
    expect(page.text).toContain(admin.agent.email);
    const form = { displayName: 'Trần Văn Bình', email: 'not-an-email', role: 'supervisor', language: 'vi' };
    const forged = await browser.post('/console/admin/agents').type('form').send(form).expect(403);
    expect(forged.text).toContain(CSRF_REFUSAL);

    const invalid = await browser
      .post('/console/admin/agents')
      .type('form')
      .send({ ...form, displayName: '', capacity: 'many', _csrf: csrfTokenOf(page.text) })
      .expect(400);
    expect(invalid.text).toMatch(/class="field invalid">\s*<label for="email">/);
    expect(invalid.text).toContain('Địa chỉ email không hợp lệ.');
    expect(invalid.text).toContain('value="not-an-email"');
    expect(invalid.text).toMatch(/<label for="displayName">[^]*?Vui lòng điền mục này\./);
    expect(invalid.text).toContain('Vui lòng nhập số nguyên từ 1 đến 1000.');

    const email = `${unique('binh')}@offtrack.test`;
    const created = await browser
      .post('/console/admin/agents')
      .type('form')
      .send({ ...form, email, capacity: '7', timeZone: 'Asia/Bangkok', _csrf: csrfTokenOf(page.text) })
      .expect(200);
    const password = /<code id="one-time-password">([^<]+)<\/code>/.exec(created.text)![1];
    expect(password.length).toBeGreaterThanOrEqual(12);
    expect(created.text).toContain('Mật khẩu này chỉ hiển thị một lần.');
    const agent = (await t.get(AgentsService).list()).find((candidate) => candidate.email === email)!;
    expect(agent).toMatchObject({ role: 'supervisor', capacity: 7, timeZone: 'Asia/Bangkok' });
    expect(agent.passwordMustChange).toBe(true);
    // Only this answer carries the password: not the list, not the agent's page.
    expect((await browser.get('/console/admin/agents').expect(200)).text).not.toContain(password);
    expect((await browser.get(`/console/admin/agents/${agent.id}`).expect(200)).text).not.toContain(password);

    const { answer } = await signInToConsole(t, email, password);
    expect(answer.headers.location).toBe('/console/password');

    const again = await browser
      .post('/console/admin/agents')
      .type('form')
      .send({ ...form, email: email.toUpperCase(), _csrf: csrfTokenOf(page.text) })
      .expect(400);
    expect(again.text).toContain('Đã có nhân viên dùng email này.');
  });

  it('changes role, language, zone, presence and sign-in, and refuses a form someone else outdated', async () => {
    const { agent } = await givenAgent(t, 'agent');
    const browser = await asAdmin();
    const page = await browser.get(`/console/admin/agents/${agent.id}`).expect(200);
    const form = {
      _csrf: csrfTokenOf(page.text),
      version: versionFor(page.text, `/console/admin/agents/${agent.id}`),
      displayName: 'Lê Thị Cúc',
      role: 'supervisor',
      language: 'en',
      timeZone: 'Europe/London',
      capacity: '5',
      availability: 'away',
      canViewSensitive: 'true',
    };
    expect(page.text).toContain(
      'id="canViewSensitive" name="canViewSensitive" type="checkbox" value="true">',
    );
    const invalid = await browser
      .post(`/console/admin/agents/${agent.id}`)
      .type('form')
      .send({ ...form, timeZone: 'Mars/Olympus' })
      .expect(400);
    expect(invalid.text).toContain('Múi giờ không hợp lệ');
    expect(invalid.text).toContain('value="Mars/Olympus"');
    expect((await t.get(AgentsService).get(agent.id)).role).toBe('agent');

    const saved = await browser.post(`/console/admin/agents/${agent.id}`).type('form').send(form).expect(303);
    expect(saved.headers.location).toBe(`/console/admin/agents/${agent.id}?saved=1`);
    expect((await browser.get(saved.headers.location).expect(200)).text).toContain('Đã lưu thay đổi.');
    expect(await t.get(AgentsService).get(agent.id)).toMatchObject({
      displayName: 'Lê Thị Cúc',
      role: 'supervisor',
      language: 'en',
      timeZone: 'Europe/London',
      capacity: 5,
      availability: 'away',
      isActive: false,
      canViewSensitive: true,
    });

    const stale = await browser
      .post(`/console/admin/agents/${agent.id}`)
      .type('form')
      .send({ ...form, role: 'admin', isActive: 'true' })
      .expect(409);
    expect(stale.text).toContain('Người khác vừa thay đổi mục này.');
    expect(stale.text).toContain('<option value="supervisor" selected>');
    expect((await t.get(AgentsService).get(agent.id)).role).toBe('supervisor');
  });

  it('shows a locked account and unlocks it with a new one-time password', async () => {
    const { agent } = await givenAgent(t, 'agent');
    await t.dataSource
      .getRepository(Agent)
      .update({ id: agent.id }, { lockedUntil: new Date(Date.now() + 3_600_000), failedLoginCount: 5 });
    const browser = await asAdmin();
    const list = await browser.get('/console/admin/agents').expect(200);
    expect(list.text).toMatch(/Bị khóa đến \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(GMT\+7\)/);
    const page = await browser.get(`/console/admin/agents/${agent.id}`).expect(200);
    await browser.post(`/console/admin/agents/${agent.id}/password`).type('form').send({}).expect(403);
    const reset = await browser
      .post(`/console/admin/agents/${agent.id}/password`)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text) })
      .expect(200);
    const password = /<code id="one-time-password">([^<]+)<\/code>/.exec(reset.text)![1];
    expect(reset.text).toContain('tài khoản đã được mở khóa');
    expect((await t.get(AgentsService).get(agent.id)).lockedUntil).toBeNull();
    expect((await signInToConsole(t, agent.email, password)).answer.headers.location).toBe(
      '/console/password',
    );
  });

  it('creates a queue, changes how it assigns, sets its members and shows what the service refuses', async () => {
    const queues = t.get(QueuesService);
    const [first, second] = [await givenAgent(t, 'agent'), await givenAgent(t, 'agent')];
    const browser = await asAdmin();
    const page = await browser.get('/console/admin/queues').expect(200);
    expect(page.text).toContain('Payments &amp; fraud');
    await browser.post('/console/admin/queues').type('form').send({ name: 'Không token' }).expect(403);
    const blank = await browser
      .post('/console/admin/queues')
      .type('form')
      .send({
        name: ' ',
        description: 'Khách ở nước ngoài',
        assignmentMode: 'manual',
        _csrf: csrfTokenOf(page.text),
      })
      .expect(400);
    expect(blank.text).toMatch(/class="field invalid">\s*<label for="name">[^]*?Vui lòng điền mục này\./);
    expect(blank.text).toContain('Khách ở nước ngoài');

    const name = unique('Khách đoàn');
    const created = await browser
      .post('/console/admin/queues')
      .type('form')
      .send({ name, assignmentMode: 'round_robin', _csrf: csrfTokenOf(page.text) })
      .expect(303);
    const id = /\/console\/admin\/queues\/([0-9a-f-]+)\?saved=1/.exec(created.headers.location)![1];
    expect((await queues.get(id)).queue).toMatchObject({
      name,
      assignmentMode: 'round_robin',
      isActive: true,
    });

    const edit = await browser.get(created.headers.location).expect(200);
    expect(edit.text).toContain('Đã lưu thay đổi.');
    const form = {
      _csrf: csrfTokenOf(edit.text),
      version: versionFor(edit.text, `/console/admin/queues/${id}`),
      name,
      description: 'Đoàn trên 10 khách',
      assignmentMode: 'least_loaded',
      isActive: 'true',
    };
    await browser.post(`/console/admin/queues/${id}`).type('form').send(form).expect(303);
    expect((await queues.get(id)).queue).toMatchObject({
      assignmentMode: 'least_loaded',
      description: 'Đoàn trên 10 khách',
    });
    const stale = await browser
      .post(`/console/admin/queues/${id}`)
      .type('form')
      .send({ ...form, assignmentMode: 'manual' })
      .expect(409);
    expect(stale.text).toContain('Người khác vừa thay đổi mục này.');
    expect(stale.text).toContain('<option value="least_loaded" selected>');

    const taken = await browser
      .post(`/console/admin/queues/${id}`)
      .type('form')
      .send({
        ...form,
        version: versionFor(stale.text, `/console/admin/queues/${id}`),
        name: 'Payments & fraud',
      })
      .expect(400);
    expect(taken.text).toContain('Đã có hàng đợi mang tên này.');

    await browser
      .post(`/console/admin/queues/${id}/members`)
      .type('form')
      .send(`_csrf=${encodeURIComponent(form._csrf)}&agentIds=${first.agent.id}&agentIds=${second.agent.id}`)
      .expect(303);
    expect((await queues.get(id)).memberIds.sort()).toEqual([first.agent.id, second.agent.id].sort());
    const listed = (await browser.get('/console/admin/queues').expect(200)).text;
    expect(listed).toContain('Thành viên đang ít việc nhất');
    const unknown = await browser
      .post(`/console/admin/queues/${id}/members`)
      .type('form')
      .send({ _csrf: form._csrf, agentIds: '00000000-0000-4000-8000-000000000000' })
      .expect(400);
    expect(unknown.text).toContain('Một nhân viên được chọn không còn tồn tại.');
    expect((await queues.get(id)).memberIds).toHaveLength(2);

    const fallback = await queues.defaultQueue();
    const defaultPage = await browser.get(`/console/admin/queues/${fallback.id}`).expect(200);
    const refused = await browser
      .post(`/console/admin/queues/${fallback.id}`)
      .type('form')
      .send({
        _csrf: csrfTokenOf(defaultPage.text),
        version: versionFor(defaultPage.text, `/console/admin/queues/${fallback.id}`),
        name: fallback.name,
        assignmentMode: fallback.assignmentMode,
      })
      .expect(422);
    expect(refused.text).toContain('Thay đổi không được chấp nhận: The default queue cannot be deactivated');
    expect((await queues.get(fallback.id)).queue.isActive).toBe(true);
  });

  it('edits a mail template per language with its blanks listed and an escaped preview', async () => {
    const templates = t.get(MailTemplatesService);
    const browser = await asAdmin();
    const list = await browser.get('/console/admin/templates').expect(200);
    expect(list.text).toContain('/console/admin/templates/acknowledgement/vi');
    expect(list.text).toContain('/console/admin/templates/acknowledgement/en');
    expect(list.text).toContain('Xác nhận đã nhận yêu cầu');

    const page = await browser.get('/console/admin/templates/acknowledgement/vi').expect(200);
    expect(page.text).toContain('<code>{{statusUrl}}</code>');
    expect(page.text).toContain('Kính gửi Nguyễn Thị Hương,');
    expect(page.text).toContain('Hoàn tiền tour Đà Lạt &lt;3 ngày&gt;');

    const typed = {
      _csrf: csrfTokenOf(page.text),
      version: versionFor(page.text, '/console/admin/templates/acknowledgement/vi'),
      subject: 'Đã nhận: {{subject}}',
      bodyText: 'Chào <b>{{customerName}}</b>, mã {{ticketNumber}}. {{custmerName}}',
    };
    const shown = await browser
      .post('/console/admin/templates/acknowledgement/vi')
      .type('form')
      .send({ ...typed, intent: 'preview' })
      .expect(200);
    expect(shown.text).toContain('Chào &lt;b&gt;Nguyễn Thị Hương&lt;/b&gt;, mã OT#100231.');
    expect(shown.text).toContain('Chỗ trống không được hỗ trợ, sẽ được gửi nguyên văn: {{custmerName}}');
    const before = (await templates.list()).find(
      (row) => row.key === 'acknowledgement' && row.language === 'vi',
    )!;
    expect(before.subject).not.toBe(typed.subject);

    const { _csrf: _token, ...unsigned } = typed;
    const forged = await browser
      .post('/console/admin/templates/acknowledgement/vi')
      .type('form')
      .send({ ...unsigned, intent: 'save' })
      .expect(403);
    expect(forged.text).toContain(CSRF_REFUSAL);
    const blank = await browser
      .post('/console/admin/templates/acknowledgement/vi')
      .type('form')
      .send({ ...typed, subject: '', intent: 'save' })
      .expect(400);
    expect(blank.text).toMatch(/<label for="subject">[^]*?Vui lòng điền mục này\./);
    expect(blank.text).toContain('Chào &lt;b&gt;{{customerName}}&lt;/b&gt;');

    const saved = await browser
      .post('/console/admin/templates/acknowledgement/vi')
      .type('form')
      .send({ ...typed, intent: 'save' })
      .expect(303);
    expect(saved.headers.location).toBe('/console/admin/templates/acknowledgement/vi?saved=1');
    const api = await t.http().get('/api/v1/admin/mail-templates').set(admin.auth).expect(200);
    const stored = api.body.find(
      (row: { key: string; language: string }) => row.key === 'acknowledgement' && row.language === 'vi',
    );
    expect(stored).toMatchObject({ subject: typed.subject, bodyText: typed.bodyText });

    const stale = await browser
      .post('/console/admin/templates/acknowledgement/vi')
      .type('form')
      .send({ ...typed, subject: 'Bản cũ', intent: 'save' })
      .expect(409);
    expect(stale.text).toContain('Người khác vừa thay đổi mục này.');
    expect(stale.text).toContain('Bản cũ');
    expect(stale.text).toContain(`value="${typed.subject}"`);

    await browser.get('/console/admin/templates/no_such_mail/vi').expect(404);
  });

  it('keeps canned responses: create, edit with version, deactivate, all audited', async () => {
    const responses = t.get(CannedResponsesService);
    const browser = await asAdmin();
    const page = await browser.get('/console/admin/canned-responses').expect(200);
    await browser
      .post('/console/admin/canned-responses')
      .type('form')
      .send({ title: 'x', language: 'vi', body: 'y' })
      .expect(403);
    const invalid = await browser
      .post('/console/admin/canned-responses')
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), title: 'Xin lỗi vì chậm trễ', language: 'fr', body: '' })
      .expect(400);
    expect(invalid.text).toContain('Vui lòng chọn một giá trị trong danh sách.');
    expect(invalid.text).toMatch(/<label for="body">[^]*?Vui lòng điền mục này\./);
    expect(invalid.text).toContain('value="Xin lỗi vì chậm trễ"');

    const title = unique('Xin lỗi vì chậm trễ');
    const created = await browser
      .post('/console/admin/canned-responses')
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        title,
        language: 'vi',
        body: 'Kính gửi {{customerName}}, về yêu cầu {{ticketNumber}}…',
        isActive: 'true',
      })
      .expect(303);
    expect(created.headers.location).toBe('/console/admin/canned-responses?saved=1');
    const row = (await responses.list(false)).find((candidate) => candidate.title === title)!;
    expect(row).toMatchObject({ language: 'vi', isActive: true, version: 1 });

    const edit = await browser.get(`/console/admin/canned-responses/${row.id}`).expect(200);
    expect(edit.text).toContain('<code>{{agentName}}</code>');
    expect(edit.text).toContain('Kính gửi Nguyễn Thị Hương, về yêu cầu OT#100231…');
    const form = {
      _csrf: csrfTokenOf(edit.text),
      version: versionFor(edit.text, `/console/admin/canned-responses/${row.id}`),
      title,
      language: 'en',
      body: 'Dear {{customerName}}, about {{ticketNumber}}…',
      isActive: 'true',
    };
    await browser.post(`/console/admin/canned-responses/${row.id}`).type('form').send(form).expect(303);
    expect((await responses.list(false)).find((candidate) => candidate.id === row.id)).toMatchObject({
      language: 'en',
      version: 2,
    });
    const stale = await browser
      .post(`/console/admin/canned-responses/${row.id}`)
      .type('form')
      .send({ ...form, body: 'Outdated text' })
      .expect(409);
    expect(stale.text).toContain('Người khác vừa thay đổi mục này.');
    expect(stale.text).toContain('Outdated text');
    expect(stale.text).toContain('name="version" value="2"');

    const list = await browser.get('/console/admin/canned-responses').expect(200);
    expect(list.text).toContain(`/console/admin/canned-responses/${row.id}/deactivate`);
    await browser
      .post(`/console/admin/canned-responses/${row.id}/deactivate`)
      .type('form')
      .send({ _csrf: csrfTokenOf(list.text), version: '2' })
      .expect(303);
    expect((await responses.list(true)).map((candidate) => candidate.id)).not.toContain(row.id);
    const audit = await t
      .http()
      .get(`/api/v1/audit-events?actorId=${admin.agent.id}`)
      .set(admin.auth)
      .expect(200);
    const actions = JSON.stringify(audit.body);
    expect(actions).toContain('canned_response.create');
    expect(actions).toContain('canned_response.update');
  });

  it('speaks English to an admin who works in English', async () => {
    const english = await givenAgent(t, 'admin');
    await t.get(AgentsService).update(english.agent.id, { language: 'en' }, SYSTEM_ACTOR);
    const browser = await signedIn(t, english);
    const agents = await browser.get('/console/admin/agents?lang=en').expect(200);
    expect(agents.text).toContain('<html lang="en">');
    expect(agents.text).toContain('Agents and roles');
    const template = await browser.get('/console/admin/templates/acknowledgement/en').expect(200);
    expect(template.text).toContain('Dear Emily Carter,');
    expect(template.text).toContain('Blanks filled in automatically');
    const invalid = await browser
      .post('/console/admin/queues')
      .type('form')
      .send({ _csrf: csrfTokenOf(agents.text), name: '', assignmentMode: 'sometimes' })
      .expect(400);
    expect(invalid.text).toContain('Please choose one of the listed values.');
    expect(invalid.text).toContain('Please fill this in.');
  });
});
