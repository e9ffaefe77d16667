import { DateTime } from 'luxon';
import { givenAgent, givenCustomer, givenTicket, type SignedInAgent } from '../support/factories.js';
import { csrfTokenOf, signedIn, versionFor } from '../support/console-session.js';
import { startTestApp, TestClock, type TestApp } from '../support/test-app.js';
import { until } from '../support/until.js';

const CSRF_REFUSAL = 'Phiên làm việc đã hết hạn';
const ZONE = 'Asia/Ho_Chi_Minh';
/** The real time to the minute (console sessions are cookies that must not have expired), held still. */
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
/** As a datetime-local field holds it, in Ho Chi Minh City. */
const typedAt = (at: DateTime) => at.setZone(ZONE).toFormat("yyyy-MM-dd'T'HH:mm");
const shownAt = (at: DateTime) => at.setZone(ZONE).toFormat('dd/MM/yyyy HH:mm');

/** Legal holds, retention and the incident register worked from the console, through the API's services. */
describe('console pages for legal holds, retention and incidents', () => {
  let t: TestApp;
  const clock = new TestClock(NOW);
  let agent: SignedInAgent;
  let supervisor: SignedInAgent;
  let admin: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' }, { clock });
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    supervisor = await givenAgent(t, 'supervisor', { queues: 'all' });
    admin = await givenAgent(t, 'admin');
  });
  afterAll(() => t.close());

  const rowOf = (html: string, attribute: string, id: string) =>
    html.slice(html.indexOf(`${attribute}="${id}"`)).split('</tr>')[0];

  it('shows supervisors and admins the links and pages, and refuses agents', async () => {
    const console = await signedIn(t, agent);
    const home = await console.get('/console/queues').expect(200);
    expect(home.text).not.toContain('href="/console/legal-holds"');
    expect(home.text).not.toContain('href="/console/incidents"');
    for (const page of ['/console/legal-holds', '/console/incidents', '/console/admin/retention'])
      await console.get(page).expect(403);
    await console.post('/console/legal-holds').type('form').send({}).expect(403);
    await console.post('/console/incidents').type('form').send({}).expect(403);

    const desk = await signedIn(t, supervisor);
    const page = await desk.get('/console/queues').expect(200);
    expect(page.text).toContain('<a href="/console/legal-holds">Lưu giữ pháp lý</a>');
    expect(page.text).toContain('<a href="/console/incidents">Sự cố dữ liệu</a>');
    await desk.get('/console/admin/retention').expect(403);
    // In English for a supervisor who works in English.
    const inEnglish = await signedIn(t, await givenAgent(t, 'supervisor'));
    const before = await inEnglish.get('/console/incidents').expect(200);
    await inEnglish
      .post('/console/language')
      .type('form')
      .send({ _csrf: csrfTokenOf(before.text), language: 'en', back: '/console/incidents' })
      .expect(303);
    const english = await inEnglish.get('/console/incidents').expect(200);
    expect(english.text).toContain('<h2 id="record">Record an incident</h2>');
    expect(english.text).toContain('<a href="/console/legal-holds">Legal holds</a>');
    await desk.post('/console/admin/retention/runs').type('form').send({}).expect(403);

    const adminDesk = await signedIn(t, admin);
    const retention = await adminDesk.get('/console/admin/retention').expect(200);
    expect(retention.text).toContain('<a href="/console/admin/retention" aria-current="page">');
  });

  it('places a legal hold on a ticket by its number or on a customer, and releases it with a reason', async () => {
    const desk = await signedIn(t, supervisor);
    const ticket = await givenTicket(t, agent);
    const customer = await givenCustomer(t, agent);
    const number = `OT#${ticket.number}`;
    let page = await desk.get('/console/legal-holds').expect(200);

    const forged = await desk
      .post('/console/legal-holds')
      .type('form')
      .send({ ticket: number, reason: 'Tranh chấp' })
      .expect(403);
    expect(forged.text).toContain(CSRF_REFUSAL);

    page = await desk
      .post('/console/legal-holds')
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), ticket: 'OT#999999999', customerId: '', reason: 'Tranh chấp' })
      .expect(404);
    expect(page.text).toContain('Không thực hiện được: ticket OT#999999999 was not found');
    page = await desk
      .post('/console/legal-holds')
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), ticket: number, customerId: '', reason: ' ', reference: 'TA-1' })
      .expect(400);
    expect(page.text).toContain('reason: reason must not be blank');
    // What was typed stays on the form.
    expect(page.text).toContain(`name="ticket" value="${number}"`);

    await desk
      .post('/console/legal-holds')
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        ticket: number,
        customerId: '',
        reason: 'Tranh chấp hoàn tiền đang chờ tòa xét xử',
        reference: 'TA-Q1-2026-0153',
      })
      .expect(303);
    await desk
      .post('/console/legal-holds')
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        ticket: '',
        customerId: customer.id,
        reason: 'Khiếu nại lên Sở',
      })
      .expect(303);
    page = await desk.get('/console/legal-holds?saved=1').expect(200);
    expect(page.text).toContain('Đã lưu.');
    const active = page.text.split('<h2>Đã gỡ</h2>')[0];
    expect(active).toContain(
      `<a href="/console/tickets/${ticket.id}">Phiếu ${number} (và khách hàng của phiếu)</a>`,
    );
    expect(active).toContain('Tranh chấp hoàn tiền đang chờ tòa xét xử · Số hồ sơ: TA-Q1-2026-0153');
    expect(active).toContain(`Khách hàng ${customer.id}`);
    expect(active).toContain(`Test supervisor, ${shownAt(DateTime.fromJSDate(NOW))} (GMT+7)`);

    const holdId = /data-hold="([^"]+)">\s*<td><a href="\/console\/tickets/.exec(page.text)![1];
    const release = `/console/legal-holds/${holdId}/release`;
    page = await desk
      .post(release)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), reason: '' })
      .expect(400);
    expect(page.text).toContain('reason: reason must not be blank');
    await desk
      .post(release)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), reason: 'Bản án đã có hiệu lực' })
      .expect(303);
    page = await desk.get('/console/legal-holds').expect(200);
    const released = page.text.split('<h2>Đã gỡ</h2>')[1];
    expect(rowOf(released, 'data-hold', holdId)).toContain('Test supervisor');
    expect(rowOf(released, 'data-hold', holdId)).toContain(': Bản án đã có hiệu lực');
    expect(page.text.split('<h2>Đã gỡ</h2>')[0]).not.toContain(holdId);

    page = await desk
      .post(release)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), reason: 'Lần nữa' })
      .expect(409);
    expect(page.text).toContain(`legal hold ${holdId} is already released`);
  });

  it('previews the next retention run with its counts and first customers, and lets an admin start one', async () => {
    // Two customers last heard from over a year ago; one is on hold.
    clock.set(DateTime.fromJSDate(NOW).minus({ months: 13 }).toJSDate());
    const due = await givenCustomer(t, agent, { displayName: 'Khách cũ' });
    const held = await givenCustomer(t, agent, { displayName: 'Khách đang tranh chấp' });
    clock.set(NOW);
    const desk = await signedIn(t, supervisor);
    let page = await desk.get('/console/legal-holds').expect(200);
    await desk
      .post('/console/legal-holds')
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), customerId: held.id, reason: 'Vụ kiện đang xử' })
      .expect(303);

    const console = await signedIn(t, admin);
    page = await console.get('/console/admin/retention').expect(200);
    expect(page.text).toContain('<dd class="to-anonymise">1</dd>');
    expect(page.text).toContain('<dd class="skipped-hold">1</dd>');
    expect(page.text).toContain(`data-customer="${due.id}"`);
    expect(rowOf(page.text, 'data-customer', held.id)).toContain('lưu giữ pháp lý');
    // Names, so the admin can check a few by hand; reading them is audited like any customer read.
    expect(rowOf(page.text, 'data-customer', due.id)).toContain('Khách cũ');
    expect(rowOf(page.text, 'data-customer', held.id)).toContain('Khách đang tranh chấp');
    const { body: reads } = await t
      .http()
      .get('/api/v1/audit-events')
      .query({ recordType: 'customer', recordId: due.id, action: 'customer.read' })
      .set(admin.auth)
      .expect(200);
    expect(reads.items).toContainEqual(
      expect.objectContaining({ actorId: admin.agent.id, reason: 'retention preview' }),
    );
    expect(page.text).toContain('Chưa có lần chạy nào.');

    const forged = await console.post('/console/admin/retention/runs').type('form').send({}).expect(403);
    expect(forged.text).toContain(CSRF_REFUSAL);
    const started = await console
      .post('/console/admin/retention/runs')
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text) })
      .expect(303);
    expect(started.headers.location).toBe('/console/admin/retention?started=1');
    page = await until(async () => {
      const shown = await console.get('/console/admin/retention').expect(200);
      return shown.text.includes('class="run-state">Đang chạy') ? undefined : shown;
    });
    expect(page.text).toMatch(/<td>Test admin<\/td>\s*<td class="run-state">Hoàn tất<\/td>/);
    expect(page.text).toContain('1 ẩn danh hóa · 1 lưu giữ · 0 còn việc · 0 lỗi');
    expect(page.text).toContain('<dd class="to-anonymise">0</dd>');
  });

  it('records an incident with its discovery time and shows the 24h and 72h clocks', async () => {
    const desk = await signedIn(t, supervisor);
    let page = await desk.get('/console/incidents').expect(200);
    const discovered = DateTime.fromJSDate(NOW).minus({ hours: 30 });

    page = await desk
      .post('/console/incidents')
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        kind: 'both',
        title: 'Lộ dữ liệu đặt tour',
        description: 'Máy chủ sao lưu mở công khai.',
        discoveredAt: typedAt(DateTime.fromJSDate(NOW).plus({ hours: 2 })),
      })
      .expect(400);
    expect(page.text).toContain('discoveredAt must not be in the future');
    expect(page.text).toContain('value="Lộ dữ liệu đặt tour"');
    expect(page.text).toContain('<option value="both" selected>');

    const recorded = await desk
      .post('/console/incidents')
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        kind: 'both',
        title: 'Lộ dữ liệu đặt tour',
        description: 'Máy chủ sao lưu mở công khai.',
        discoveredAt: typedAt(discovered),
      })
      .expect(303);
    const path = recorded.headers.location.replace('?saved=1', '');
    const id = path.split('/').at(-1)!;
    page = await desk.get('/console/incidents').expect(200);
    const row = rowOf(page.text, 'data-incident', id);
    expect(row).toContain(`${shownAt(discovered)} (GMT+7)`);
    expect(row).toContain(
      `24 giờ (tấn công hệ thống): QUÁ HẠN ${shownAt(discovered.plus({ hours: 24 }))} (GMT+7), đã quá 6 giờ 0 phút`,
    );
    expect(row).toContain(
      `72 giờ (dữ liệu cá nhân): hạn ${shownAt(discovered.plus({ hours: 72 }))} (GMT+7), còn 42 giờ 0 phút`,
    );
    expect(row).toContain('class="clock-overdue"');
    expect((await desk.get('/console/incidents?state=closed').expect(200)).text).not.toContain(id);
  });

  it('shows the notification draft read-only with its deadlines and what is missing, and audits the reading', async () => {
    const desk = await signedIn(t, supervisor);
    let page = await desk.get('/console/incidents').expect(200);
    const discovered = DateTime.fromJSDate(NOW).minus({ hours: 2 });
    const recorded = await desk
      .post('/console/incidents')
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        kind: 'personal_data_breach',
        title: 'Lộ danh sách khách',
        description: 'Tệp xuất gửi nhầm địa chỉ.',
        discoveredAt: typedAt(discovered),
      })
      .expect(303);
    const id = recorded.headers.location.replace('?saved=1', '').split('/').at(-1)!;
    page = await desk.get(`/console/incidents/${id}`).expect(200);
    expect(page.text).toContain(`href="/console/incidents/${id}/notification-draft"`);

    page = await desk.get(`/console/incidents/${id}/notification-draft`).expect(200);
    expect(page.text).toContain('Bản nháp thông báo cho cơ quan chức năng');
    expect(page.text).toContain(
      `72 giờ (dữ liệu cá nhân): hạn ${shownAt(discovered.plus({ hours: 72 }))} (GMT+7)`,
    );
    expect(page.text).toContain('Thông báo vi phạm quy định bảo vệ dữ liệu cá nhân: Lộ danh sách khách');
    expect(page.text).toContain(`- Hạn thông báo 72 giờ: ${shownAt(discovered.plus({ hours: 72 }))}`);
    expect(page.text).toContain('Còn thiếu nội dung Nghị định yêu cầu:');
    expect(page.text).not.toContain('<textarea');
    const { body: events } = await t
      .http()
      .get('/api/v1/audit-events')
      .query({ recordType: 'incident', recordId: id })
      .set(admin.auth)
      .expect(200);
    expect(JSON.stringify(events)).toContain('incident.draft');

    const agentConsole = await signedIn(t, agent);
    await agentConsole.get(`/console/incidents/${id}/notification-draft`).expect(403);
  });

  it("edits the decree's content, records the late notification with its reason, and closes", async () => {
    const desk = await signedIn(t, supervisor);
    let page = await desk.get('/console/incidents').expect(200);
    const discovered = DateTime.fromJSDate(NOW).minus({ hours: 30 });
    const recorded = await desk
      .post('/console/incidents')
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        kind: 'system_attack',
        title: 'Tấn công từ chối dịch vụ',
        description: 'Trang đặt tour không truy cập được.',
        discoveredAt: typedAt(discovered),
      })
      .expect(303);
    const path = recorded.headers.location.replace('?saved=1', '');
    page = await desk.get(recorded.headers.location).expect(200);
    expect(page.text).toContain('Đã lưu.');

    const content = {
      title: '',
      description: 'Trang đặt tour không truy cập được trong 3 giờ.',
      dataCategories: 'Không có dữ liệu cá nhân bị lộ',
      contactPerson: 'Nguyễn Thị Lan, dpo@offtrack.vn',
      consequences: '',
      measuresTaken: 'Chặn dải IP tấn công',
      measuresProposed: '',
      delayReason: '',
      subjectsAffected: '0',
      recordsAffected: '',
    };
    page = await desk
      .post(path)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), version: versionFor(page.text, path), ...content })
      .expect(400);
    expect(page.text).toContain('title: title must not be blank');
    // The long texts typed are still there.
    expect(page.text).toContain('>Chặn dải IP tấn công</textarea>');
    await desk
      .post(path)
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        version: versionFor(page.text, path),
        ...content,
        title: 'Tấn công DDoS',
      })
      .expect(303);
    page = await desk.get(path).expect(200);
    expect(page.text).toContain('<h1>Tấn công DDoS</h1>');
    expect(page.text).toContain('>Chặn dải IP tấn công</textarea>');
    expect(page.text).toContain('name="subjectsAffected" inputmode="numeric" value="0"');

    // Notified 26 hours after discovery: late, so the decree asks why.
    const notified = `${path}/notified`;
    const notifiedAt = typedAt(discovered.plus({ hours: 26 }));
    page = await desk
      .post(notified)
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        version: versionFor(page.text, notified),
        notifiedTo: 'Cục A05 – Bộ Công an',
        reference: 'CV-123/2026',
        notifiedAt,
        delayReason: '',
      })
      .expect(400);
    expect(page.text).toContain('delayReason: delayReason is required: the notification is late');
    await desk
      .post(notified)
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        version: versionFor(page.text, notified),
        notifiedTo: 'Cục A05 – Bộ Công an',
        reference: 'CV-123/2026',
        notifiedAt,
        delayReason: 'Chờ xác minh phạm vi tấn công',
      })
      .expect(303);
    page = await desk.get(path).expect(200);
    expect(page.text).toContain('<strong class="incident-state">Đã thông báo</strong>');
    expect(page.text).toContain(
      `24 giờ (tấn công hệ thống): đã thông báo trễ hạn (${shownAt(discovered.plus({ hours: 26 }))} (GMT+7))`,
    );
    expect(page.text).toMatch(/class="notified">Test supervisor, [^<]+: Cục A05 – Bộ Công an · CV-123\/2026/);
    expect(page.text).not.toContain(`action="${notified}"`);

    const close = `${path}/close`;
    await desk
      .post(close)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), version: versionFor(page.text, close), reason: '' })
      .expect(303);
    page = await desk.get(path).expect(200);
    expect(page.text).toContain('<strong class="incident-state">Đã đóng</strong>');
    expect(page.text).not.toContain(`action="${close}"`);

    // A form drawn before the close is refused with the service's words.
    page = await desk
      .post(path)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), version: '3', ...content, title: 'X' })
      .expect(409);
    expect(page.text).toContain('is closed');
  });
});
