import { SYSTEM_ACTOR } from '../../src/auth/actor.js';
import { AgentsService } from '../../src/auth/agents.service.js';
import { csrfTokenOf, signedIn, versionFor } from '../support/console-session.js';
import { givenAgent, unique, type SignedInAgent } from '../support/factories.js';
import { startDovecot, type TestImapServer } from '../support/mail-servers.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface RuleView {
  id: string;
  name: string;
  position: number;
  conditions: unknown[];
  actions: unknown[];
}

describe('admin pages for routing rules, SLA policies and holidays, mailboxes', () => {
  let t: TestApp;
  let imap: TestImapServer;
  let admin: SignedInAgent;
  let supervisor: SignedInAgent;
  let agent: SignedInAgent;

  beforeAll(async () => {
    imap = await startDovecot();
    t = await startTestApp({ JOBS_ENABLED: 'false' });
    admin = await givenAgent(t, 'admin');
    supervisor = await givenAgent(t, 'supervisor');
    agent = await givenAgent(t, 'agent');
  });
  afterAll(async () => {
    await t?.close();
    await imap?.stop();
  });

  const rules = async (): Promise<RuleView[]> =>
    (await t.http().get('/api/v1/routing-rules').set(admin.auth).expect(200)).body;
  const queues = async (): Promise<{ id: string; name: string }[]> =>
    (await t.http().get('/api/v1/queues').set(admin.auth).expect(200)).body;

  it('lets supervisors read the routing rules and try them, and only admins change them', async () => {
    const asAgent = await signedIn(t, agent);
    await asAgent.get('/console/admin/routing-rules').expect(403);
    await asAgent.get('/console/admin/sla').expect(403);
    await asAgent.get('/console/admin/mailboxes').expect(403);

    const asSupervisor = await signedIn(t, supervisor);
    const list = await asSupervisor.get('/console/admin/routing-rules').expect(200);
    expect(list.text).toContain('Chạy thử quy tắc');
    expect(list.text).not.toContain('href="/console/admin/routing-rules/new"');
    await asSupervisor.get('/console/admin/routing-rules/new').expect(403);
    await asSupervisor
      .post('/console/admin/routing-rules')
      .type('form')
      .send({ _csrf: csrfTokenOf(list.text), name: 'Không được phép' })
      .expect(403);
    await asSupervisor.get('/console/admin/mailboxes').expect(403);
  });

  it('adds, edits, reorders and deletes routing rules through the form, with errors beside the field', async () => {
    const browser = await signedIn(t, admin);
    const payments = (await queues()).find((queue) => queue.name === 'Payments & fraud')!;
    const form = await browser.get('/console/admin/routing-rules/new').expect(200);
    const csrf = csrfTokenOf(form.text);
    const refund = {
      name: unique('Hoàn tiền'),
      matchMode: 'all',
      isActive: '1',
      'condition.0.field': 'subject',
      'condition.0.operator': 'contains',
      'condition.0.value': 'hoàn tiền',
      'condition.1.field': 'channel',
      'condition.1.operator': 'in',
      'condition.1.value': 'email, web',
      'condition.2.field': '',
      'condition.2.operator': 'equals',
      'condition.2.value': '',
      queueId: payments.id,
      priority: 'high',
      categoryKey: '',
      tags: 'hoàn-tiền, vip',
      assigneeId: '',
      notifySupervisors: '1',
    };

    await browser.post('/console/admin/routing-rules').type('form').send(refund).expect(403);
    const unnamed = await browser
      .post('/console/admin/routing-rules')
      .type('form')
      .send({ ...refund, _csrf: csrf, name: '' })
      .expect(400);
    expect(unnamed.text).toMatch(/<div class="field invalid">\s*<label for="name">/);
    expect(unnamed.text).toContain('value="hoàn tiền"');
    const badPattern = await browser
      .post('/console/admin/routing-rules')
      .type('form')
      .send({
        ...refund,
        _csrf: csrf,
        'condition.1.field': 'subject',
        'condition.1.operator': 'matches',
        'condition.1.value': '(',
      })
      .expect(400);
    expect(badPattern.text).toContain('id="condition-1-error"');
    expect(badPattern.text).toContain('not a valid regular expression');
    expect(badPattern.text).toContain('value="("');
    expect((await rules()).map((rule) => rule.name)).not.toContain(refund.name);

    const created = await browser
      .post('/console/admin/routing-rules')
      .type('form')
      .send({ ...refund, _csrf: csrf })
      .expect(303);
    expect(created.headers.location).toBe('/console/admin/routing-rules?saved=1');
    const saved = (await rules()).find((rule) => rule.name === refund.name)!;
    expect(saved.conditions).toEqual([
      { field: 'subject', operator: 'contains', value: 'hoàn tiền' },
      { field: 'channel', operator: 'in', value: ['email', 'web'] },
    ]);
    expect(saved.actions).toEqual([
      { type: 'set_queue', value: payments.id },
      { type: 'set_priority', value: 'high' },
      { type: 'add_tags', value: ['hoàn-tiền', 'vip'] },
      { type: 'notify_supervisors' },
    ]);
    const listed = await browser.get(created.headers.location).expect(200);
    expect(listed.text).toContain('Đã lưu thay đổi.');
    expect(listed.text).toContain(refund.name);

    const fraud = unique('Gian lận');
    await browser
      .post('/console/admin/routing-rules')
      .type('form')
      .send({
        _csrf: csrf,
        name: fraud,
        matchMode: 'any',
        isActive: '1',
        'condition.0.field': 'booking_reference',
        'condition.0.operator': 'present',
        'condition.0.value': '',
        'condition.1.field': 'customer_vulnerable',
        'condition.1.operator': 'equals',
        'condition.1.value': 'true',
        priority: 'urgent',
        stop: '1',
      })
      .expect(303);
    const before = (await rules()).map((rule) => rule.name);
    expect(before.indexOf(fraud)).toBe(before.indexOf(refund.name) + 1);
    const fraudRule = (await rules()).find((rule) => rule.name === fraud)!;
    expect(fraudRule.conditions).toEqual([
      { field: 'booking_reference', operator: 'present' },
      { field: 'customer_vulnerable', operator: 'equals', value: true },
    ]);
    await browser
      .post(`/console/admin/routing-rules/${fraudRule.id}/move`)
      .type('form')
      .send({ _csrf: csrf, direction: 'up' })
      .expect(303);
    const after = (await rules()).map((rule) => rule.name);
    expect(after.indexOf(fraud)).toBe(after.indexOf(refund.name) - 1);

    const edit = await browser.get(`/console/admin/routing-rules/${saved.id}`).expect(200);
    expect(edit.text).toContain('value="email, web"');
    const action = `/console/admin/routing-rules/${saved.id}`;
    const edited = { ...refund, _csrf: csrfTokenOf(edit.text), version: versionFor(edit.text, action) };
    await browser
      .post(action)
      .type('form')
      .send({ ...edited, name: `${refund.name} (sửa)` })
      .expect(303);
    const stale = await browser.post(action).type('form').send(edited).expect(409);
    expect(stale.text).toContain('changed by someone else');
    expect((await rules()).map((rule) => rule.name)).toContain(`${refund.name} (sửa)`);

    await browser
      .post(`/console/admin/routing-rules/${fraudRule.id}/delete`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(303);
    expect((await rules()).map((rule) => rule.id)).not.toContain(fraudRule.id);
  });

  it('shows which rules a sample message fires and where it would land', async () => {
    const admins = await signedIn(t, admin);
    const name = unique('Khách nước ngoài');
    const overseas = (await queues()).find((queue) => queue.name === 'Overseas customers')!;
    const page = await admins.get('/console/admin/routing-rules/new').expect(200);
    await admins
      .post('/console/admin/routing-rules')
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        name,
        matchMode: 'all',
        isActive: '1',
        'condition.0.field': 'text',
        'condition.0.operator': 'contains',
        'condition.0.value': 'visa du lịch',
        queueId: overseas.id,
      })
      .expect(303);

    const browser = await signedIn(t, supervisor);
    const list = await browser.get('/console/admin/routing-rules').expect(200);
    const invalid = await browser
      .post('/console/admin/routing-rules/dry-run')
      .type('form')
      .send({ _csrf: csrfTokenOf(list.text), senderAddress: 'không phải email', subject: 'x', body: 'y' })
      .expect(400);
    expect(invalid.text).toContain('id="senderAddress-error"');
    expect(invalid.text).toContain('value="không phải email"');
    const tried = await browser
      .post('/console/admin/routing-rules/dry-run')
      .type('form')
      .send({
        _csrf: csrfTokenOf(list.text),
        senderAddress: 'khach@example.com',
        subject: 'Hỏi về VISA DU LICH',
        body: 'Tôi cần giấy mời.',
        language: 'vi',
        channel: 'email',
      })
      .expect(200);
    const outcome = tried.text.slice(tried.text.indexOf('id="dry-run-outcome"'));
    expect(outcome).toContain(name);
    expect(outcome).toContain('Overseas customers');
  });

  it('edits SLA policies with targets, pauses and escalation ladder, read-only for supervisors', async () => {
    const browser = await signedIn(t, admin);
    const blank = await browser.get('/console/admin/sla/policies/new').expect(200);
    const csrf = csrfTokenOf(blank.text);
    const payments = (await queues()).find((queue) => queue.name === 'Payments & fraud')!;
    const name = unique('Khách VIP');
    const policy = {
      _csrf: csrf,
      name,
      position: '5',
      isActive: '1',
      calendarId: /name="calendarId"[^>]*>\s*<option value="([^"]+)"/.exec(blank.text)![1],
      priorities: ['urgent', 'high'],
      'target.first_response.amount': '0',
      'target.first_response.unit': 'businessMinutes',
      'target.next_response.amount': '',
      'target.next_response.unit': 'businessMinutes',
      'target.resolution.amount': '5',
      'target.resolution.unit': 'workingDays',
      pauseStates: ['pending_customer', 'on_hold'],
      'ladder.0.at': 'before_breach',
      'ladder.0.percent': '75',
      'ladder.0.afterMinutes': '',
      'ladder.0.action': 'notify_assignee',
      'ladder.0.queueId': '',
      'ladder.1.at': 'after_breach',
      'ladder.1.percent': '',
      'ladder.1.afterMinutes': '60',
      'ladder.1.action': 'reassign',
      'ladder.1.queueId': payments.id,
      'ladder.1.targets': 'first_response',
      'ladder.2.at': '',
      'ladder.2.action': '',
    };
    const invalid = await browser.post('/console/admin/sla/policies').type('form').send(policy).expect(400);
    expect(invalid.text).toContain('id="target-first_response-error"');
    expect(invalid.text).toContain('value="0"');
    await browser
      .post('/console/admin/sla/policies')
      .type('form')
      .send({ ...policy, 'target.first_response.amount': '90' })
      .expect(303);
    const policies = (await t.http().get('/api/v1/sla/policies').set(admin.auth).expect(200)).body;
    const saved = policies.find((candidate: { name: string }) => candidate.name === name);
    expect(saved).toMatchObject({
      position: 5,
      conditions: { priorities: ['urgent', 'high'] },
      targets: { first_response: { businessMinutes: 90 }, resolution: { workingDays: 5 } },
      pauseStates: ['pending_customer', 'on_hold'],
      escalationLadder: [
        { at: 'before_breach', percent: 75, action: 'notify_assignee' },
        {
          at: 'after_breach',
          afterMinutes: 60,
          action: 'reassign',
          queueId: payments.id,
          targets: ['first_response'],
        },
      ],
    });

    const edit = await browser.get(`/console/admin/sla/policies/${saved.id}`).expect(200);
    await browser
      .post(`/console/admin/sla/policies/${saved.id}`)
      .type('form')
      .send({
        ...policy,
        version: versionFor(edit.text, `/console/admin/sla/policies/${saved.id}`),
        'target.first_response.amount': '45',
        'ladder.1.at': '',
        'ladder.1.action': '',
      })
      .expect(303);
    const changed = (await t.http().get('/api/v1/sla/policies').set(admin.auth).expect(200)).body.find(
      (candidate: { id: string }) => candidate.id === saved.id,
    );
    expect(changed.targets.first_response).toEqual({ businessMinutes: 45 });
    expect(changed.escalationLadder).toHaveLength(1);

    const asSupervisor = await signedIn(t, supervisor);
    const overview = await asSupervisor.get('/console/admin/sla').expect(200);
    expect(overview.text).toContain(name);
    const readOnly = await asSupervisor.get(`/console/admin/sla/policies/${saved.id}`).expect(200);
    expect(readOnly.text).toContain('<fieldset disabled>');
    await asSupervisor
      .post(`/console/admin/sla/policies/${saved.id}`)
      .type('form')
      .send({ ...policy, _csrf: csrfTokenOf(readOnly.text), version: '2' })
      .expect(403);
  });

  it('adds and removes holidays and changes business hours of a calendar', async () => {
    const browser = await signedIn(t, admin);
    const calendars = async () =>
      (await t.http().get('/api/v1/sla/calendars').set(admin.auth).expect(200)).body as {
        id: string;
        version: number;
        holidays: { date: string; name: string }[];
        workingHours: Record<string, { start: string; end: string }[]>;
      }[];
    const [calendar] = await calendars();
    const page = await browser.get('/console/admin/sla').expect(200);
    const csrf = csrfTokenOf(page.text);

    await browser
      .post(`/console/admin/sla/calendars/${calendar.id}/holidays`)
      .type('form')
      .send({ version: calendar.version, date: '2031-09-03', name: 'Nghỉ bù' })
      .expect(403);
    const badDate = await browser
      .post(`/console/admin/sla/calendars/${calendar.id}/holidays`)
      .type('form')
      .send({ _csrf: csrf, version: calendar.version, date: '3/9/2031', name: 'Nghỉ bù' })
      .expect(400);
    expect(badDate.text).toContain('Ngày phải có dạng NNNN-TT-NN.');
    expect(badDate.text).toContain('value="Nghỉ bù"');
    await browser
      .post(`/console/admin/sla/calendars/${calendar.id}/holidays`)
      .type('form')
      .send({ _csrf: csrf, version: calendar.version, date: '2031-09-03', name: 'Nghỉ bù' })
      .expect(303);
    const added = (await calendars()).find((candidate) => candidate.id === calendar.id)!;
    expect(added.holidays).toContainEqual({ date: '2031-09-03', name: 'Nghỉ bù' });
    expect((await browser.get('/console/admin/sla').expect(200)).text).toContain('Nghỉ bù');

    await browser
      .post(`/console/admin/sla/calendars/${calendar.id}/holidays/remove`)
      .type('form')
      .send({ _csrf: csrf, version: added.version, date: '2031-09-03' })
      .expect(303);
    const removed = (await calendars()).find((candidate) => candidate.id === calendar.id)!;
    expect(removed.holidays.map((holiday) => holiday.date)).not.toContain('2031-09-03');

    const hours = {
      _csrf: csrf,
      version: removed.version,
      timeZone: 'Asia/Ho_Chi_Minh',
      'hours.mon': '08:00-12:00, 13:00-17:00',
      'hours.tue': '08:00-12:00, 13:00-17:00',
      'hours.wed': '08:00-12:00, 13:00-17:00',
      'hours.thu': '08:00-12:00, 13:00-17:00',
      'hours.fri': '08:00-12:00, 13:00-17:00',
      'hours.sat': '08:00-11:00',
      'hours.sun': '',
    };
    const wrong = await browser
      .post(`/console/admin/sla/calendars/${calendar.id}`)
      .type('form')
      .send({ ...hours, 'hours.sat': '11:00-08:00' })
      .expect(400);
    expect(wrong.text).toContain(`id="${calendar.id}-hours-sat-error"`);
    expect(wrong.text).toContain('value="11:00-08:00"');
    await browser.post(`/console/admin/sla/calendars/${calendar.id}`).type('form').send(hours).expect(303);
    const rehoured = (await calendars()).find((candidate) => candidate.id === calendar.id)!;
    expect(rehoured.workingHours.sat).toEqual([{ start: '08:00', end: '11:00' }]);
    expect(rehoured.workingHours.mon).toEqual([
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
  });

  it('adds a mailbox without ever showing its password, and tests the real IMAP sign-in', async () => {
    const browser = await signedIn(t, admin);
    const form = await browser.get('/console/admin/mailboxes/new').expect(200);
    const csrf = csrfTokenOf(form.text);
    const mailbox = {
      _csrf: csrf,
      name: 'Hộp thư đặt tour',
      address: 'booking@offtrack.test',
      imapHost: '127.0.0.1',
      imapPort: String(imap.port),
      imapSecurity: 'none',
      imapUsername: imap.user,
      imapPassword: imap.password,
      imapFolder: 'INBOX',
      defaultQueueId: (await queues())[0].id,
    };
    const badPort = await browser
      .post('/console/admin/mailboxes')
      .type('form')
      .send({ ...mailbox, imapPort: 'abc' })
      .expect(400);
    expect(badPort.text).toContain('id="imapPort-error"');
    expect(badPort.text).toContain('value="Hộp thư đặt tour"');
    expect(badPort.text).not.toContain(imap.password);
    const notLoopback = await browser
      .post('/console/admin/mailboxes')
      .type('form')
      .send({ ...mailbox, imapHost: 'imap.example.com' })
      .expect(400);
    expect(notLoopback.text).toContain('id="imapSecurity-error"');

    await browser.post('/console/admin/mailboxes').type('form').send(mailbox).expect(303);
    const list = await browser.get('/console/admin/mailboxes?saved=1').expect(200);
    expect(list.text).toContain('booking@offtrack.test');
    expect(list.text).not.toContain(imap.password);
    const listed = (await t.http().get('/api/v1/admin/mailboxes').set(admin.auth).expect(200)).body;
    const created = listed.find(
      (candidate: { address: string }) => candidate.address === 'booking@offtrack.test',
    );
    expect(created).toMatchObject({ imapPort: imap.port, imapSecurity: 'none', imapUsername: imap.user });

    const works = await browser
      .post(`/console/admin/mailboxes/${created.id}/test`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(200);
    expect(works.text).toContain('Kết nối thành công');

    const edit = await browser.get(`/console/admin/mailboxes/${created.id}`).expect(200);
    expect(edit.text).toContain('name="imapPassword" type="password" autocomplete="new-password" value=""');
    expect(edit.text).not.toContain(imap.password);
    // A blank password keeps the stored one.
    await browser
      .post(`/console/admin/mailboxes/${created.id}`)
      .type('form')
      .send({ ...mailbox, _csrf: csrfTokenOf(edit.text), imapPassword: '', name: 'Đặt tour', isActive: '1' })
      .expect(303);
    expect(
      (await browser.post(`/console/admin/mailboxes/${created.id}/test`).type('form').send({ _csrf: csrf }))
        .text,
    ).toContain('Kết nối thành công');
    await browser
      .post(`/console/admin/mailboxes/${created.id}`)
      .type('form')
      .send({ ...mailbox, _csrf: csrf, imapPassword: 'sai mật khẩu', isActive: '1' })
      .expect(303);
    const refused = await browser
      .post(`/console/admin/mailboxes/${created.id}/test`)
      .type('form')
      .send({ _csrf: csrf })
      .expect(200);
    expect(refused.text).toContain('Máy chủ từ chối tên đăng nhập hoặc mật khẩu.');
    expect(refused.text).not.toContain('sai mật khẩu');
  });

  it('speaks English to an agent who works in English', async () => {
    await t.get(AgentsService).update(admin.agent.id, { language: 'en' }, SYSTEM_ACTOR);
    try {
      const browser = await signedIn(t, admin);
      const rulesPage = await browser.get('/console/admin/routing-rules?lang=en').expect(200);
      expect(rulesPage.text).toContain('<h1>Routing rules</h1>');
      expect(rulesPage.text).toContain('Try the rules');
      expect((await browser.get('/console/admin/sla').expect(200)).text).toContain('Public holidays');
      expect((await browser.get('/console/admin/mailboxes').expect(200)).text).toContain('Test connection');
    } finally {
      await t.get(AgentsService).update(admin.agent.id, { language: 'vi' }, SYSTEM_ACTOR);
    }
  });
});
