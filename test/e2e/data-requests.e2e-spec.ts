import request from 'supertest';
import { AuditEvent } from '../../src/audit/audit-event.entity.js';
import { NewslettersService } from '../../src/consent/newsletters.service.js';
import type { CustomerDataExport } from '../../src/data-requests/customer-data-export.service.js';
import { DataRequestRemindersService } from '../../src/data-requests/data-request-reminders.service.js';
import { OutboxMessage } from '../../src/mail/outbound/outbox-message.entity.js';
import { signedIn } from '../support/console-session.js';
import { givenAgent, givenCustomer, givenTicket, unique, type SignedInAgent } from '../support/factories.js';
import { startTestApp, TestClock, type TestApp } from '../support/test-app.js';

interface DataRequestView {
  id: string;
  ticketId: string;
  customerId: string;
  type: string;
  state: string;
  firstReplyDueAt: string;
  firstReplyStatus: string;
  dueAt: string;
  dueStatus: string;
  extendedAt: string | null;
  verificationSentTo: string;
  verifiedAt: string | null;
  outcome: string | null;
  version: number;
}

/** Friday 13 February 2026, 10:00 in Hồ Chí Minh City; Tết holidays run Monday 16 – Friday 20 February. */
const BEFORE_TET = new Date('2026-02-13T03:00:00Z');

describe('data-subject requests', () => {
  let t: TestApp;
  let clock: TestClock;
  let agent: SignedInAgent;
  let supervisor: SignedInAgent;

  beforeAll(async () => {
    clock = new TestClock(BEFORE_TET);
    t = await startTestApp({}, { clock });
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    supervisor = await givenAgent(t, 'supervisor', { queues: 'all' });
  });
  afterAll(() => t.close());

  /** A customer with an address on record, and the ticket they asked on. */
  const givenAsked = async (body = 'Tôi muốn nhận bản sao toàn bộ dữ liệu cá nhân của tôi.') => {
    const email = `${unique('lan')}@example.vn`;
    const customer = await givenCustomer(t, agent, {
      displayName: 'Phạm Thị Lan',
      emails: [email],
      phones: ['+84912345678'],
    });
    const ticket = await givenTicket(t, agent, { customerId: customer.id, body });
    return { email, customer, ticket };
  };

  const file = async (ticketId: string, type: string, as = agent) =>
    (
      await t
        .http()
        .post(`/api/v1/tickets/${ticketId}/data-requests`)
        .set(as.auth)
        .send({ type, channel: 'mail', details: 'Yêu cầu gửi qua e-mail' })
        .expect(201)
    ).body as DataRequestView;

  /**
   * The link in the newest identity-check letter to that address. The clock stands still, so letters
   * share a creation time: the newest is the one whose link no earlier call has returned.
   */
  const linksReturned = new Set<string>();
  const linkSentTo = async (address: string) => {
    const mails = await t.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { toAddress: address, kind: 'notification' } });
    const letters = mails.flatMap((mail) => {
      const url = /http:\/\/\S+\/privacy\/requests\/[\w-]+/.exec(mail.bodyText)?.[0];
      const path = url && new URL(url).pathname;
      return path && !linksReturned.has(path) ? [{ mail, path }] : [];
    });
    expect(letters).toHaveLength(1);
    linksReturned.add(letters[0].path);
    return letters[0];
  };

  /** Opens the link and presses the confirm button, as the customer's browser does. */
  const confirmAsCustomer = async (path: string) => {
    const browser = request.agent(t.app.getHttpServer());
    const page = await browser.get(path).expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    await browser.post(path).type('form').send({ _csrf: csrf }).expect(303);
    return browser;
  };

  const get = async (id: string) =>
    (await t.http().get(`/api/v1/data-requests/${id}`).set(agent.auth).expect(200)).body as DataRequestView;

  it('count the legal deadlines in working days on the business calendar, across Tết', async () => {
    const { ticket } = await givenAsked();
    const copy = await file(ticket.id, 'copy');
    expect(copy).toMatchObject({
      state: 'awaiting_verification',
      // 2 working days: Monday 23 and Tuesday 24 February, after the five days of Tết.
      firstReplyDueAt: '2026-02-24T17:00:00.000Z',
      firstReplyStatus: 'met',
      // 10 working days: 23 February – 6 March.
      dueAt: '2026-03-06T17:00:00.000Z',
      dueStatus: 'on_track',
    });
    const erase = await file(ticket.id, 'delete');
    expect(erase.dueAt).toBe('2026-03-20T17:00:00.000Z');

    clock.set(new Date('2026-03-06T10:00:00Z'));
    expect((await get(copy.id)).dueStatus).toBe('due_soon');
    clock.set(new Date('2026-03-07T00:00:00Z'));
    const open = (await t.http().get('/api/v1/data-requests').set(agent.auth).expect(200))
      .body as DataRequestView[];
    expect(open.find((row) => row.id === copy.id)?.dueStatus).toBe('overdue');
    // Soonest deadline first.
    expect(open.findIndex((row) => row.id === copy.id)).toBeLessThan(
      open.findIndex((row) => row.id === erase.id),
    );
    clock.set(BEFORE_TET);
  });

  it('release nothing until the customer confirms through the link sent to the address on record', async () => {
    const { email, ticket, customer } = await givenAsked();
    const copy = await file(ticket.id, 'copy');
    expect(copy.verificationSentTo).toBe(email);
    const { mail, path } = await linkSentTo(email);
    expect(mail.subject).toContain('Xác nhận yêu cầu về dữ liệu cá nhân');
    expect(mail.bodyText).toContain('Nhận bản sao dữ liệu cá nhân');
    expect(mail.bodyText).toContain('06/03/2026');
    // The link is a key: it is not in the ticket's thread, where every agent could read it.
    const thread = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set(agent.auth).expect(200)).body as {
      messages: { bodyText: string }[];
    };
    expect(thread.messages.some((message) => message.bodyText.includes('/privacy/requests/'))).toBe(false);

    await t
      .http()
      .post(`/api/v1/data-requests/${copy.id}/complete`)
      .set(agent.auth)
      .send({ version: copy.version, outcome: 'Đã gửi bản sao dữ liệu.' })
      .expect(409)
      .expect(({ body }) => expect(body.message).toMatch(/identity/));
    await t.http().get(`${path}/export.json`).expect(404);

    // Opening the link changes nothing (mail scanners follow links); a post without the page's token is refused.
    await t.http().get(path).expect(200);
    expect((await get(copy.id)).state).toBe('awaiting_verification');
    await t.http().post(path).type('form').send({}).expect(403);
    await t.http().get('/privacy/requests/not-a-real-link').expect(404);

    const browser = await confirmAsCustomer(path);
    const confirmed = await get(copy.id);
    expect(confirmed.state).toBe('in_progress');
    expect(confirmed.verifiedAt).not.toBeNull();
    const page = await browser.get(path).expect(200);
    expect(page.text).toContain(`${path}/export.json`);

    const audit = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { recordId: customer.id, action: 'customer.export' } });
    expect(audit).toHaveLength(0);
  });

  it('give a verified "copy" request everything held, as JSON and as a readable page, and audit the release', async () => {
    const { email, ticket, customer } = await givenAsked('Xin gửi tôi dữ liệu. <script>alert(1)</script>');
    await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/notes`)
      .set(agent.auth)
      .send({ body: 'Ghi chú nội bộ: khách gọi điện lúc 9 giờ.' })
      .expect(201);
    clock.set(new Date(BEFORE_TET.getTime() + 60_000));
    await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/replies`)
      .set(agent.auth)
      .send({ body: 'Chúng tôi đã nhận yêu cầu của Quý khách.', version: await ticketVersion(ticket.id) })
      .expect(201);
    await giveConsent(customer.id, ['newsletter']);
    const copy = await file(ticket.id, 'copy');
    const { path } = await linkSentTo(email);
    await confirmAsCustomer(path);

    const json = await t.http().get(`${path}/export.json`).expect(200);
    expect(json.headers['content-disposition']).toMatch(
      /attachment; filename="?offtrack-travel-personal-data-2026-02-13\.json/,
    );
    const data = JSON.parse(json.text as string) as CustomerDataExport;
    expect(data).toMatchObject({
      format: 'offtrack-care.customer-data-export',
      customer: {
        id: customer.id,
        name: 'Phạm Thị Lan',
        emails: [{ address: email, primary: true }],
        phones: [{ number: '+84912345678' }],
      },
      dataRequests: [{ type: 'copy', state: 'in_progress' }],
    });
    expect(data.tickets).toHaveLength(1);
    expect(data.tickets[0].messages.map((message) => [message.from, message.text])).toEqual([
      ['you', 'Xin gửi tôi dữ liệu. <script>alert(1)</script>'],
      ['offtrack', 'Chúng tôi đã nhận yêu cầu của Quý khách.'],
    ]);
    expect(data.tickets[0].internalNotes).toBe(1);
    expect(JSON.stringify(data)).not.toContain('khách gọi điện');
    expect(data.consents).toEqual([
      {
        purpose: 'newsletter',
        state: 'given',
        source: 'agent',
        policyVersion: expect.any(String),
        at: clock.now().toISOString(),
      },
    ]);
    expect(data.processingRestriction).toBeNull();

    const html = await t.http().get(`${path}/export.html`).set('Accept-Language', 'en').expect(200);
    expect(html.text).toContain('Your personal data at Offtrack Travel');
    expect(html.text).toContain('Phạm Thị Lan');
    expect(html.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html.text).not.toContain('<script>alert(1)');
    expect(html.text).toContain('internal notes: 1');
    expect(html.text).toContain('Newsletter: Given on');
    expect(html.text).not.toContain('restricted since');

    const releases = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { recordId: customer.id, action: 'customer.export' } });
    expect(releases).toHaveLength(2);
    expect(releases[0].reason).toContain(copy.id);

    // The export stops after 14 days.
    clock.set(new Date(BEFORE_TET.getTime() + 15 * 86_400_000));
    await t.http().get(`${path}/export.json`).expect(404);
    clock.set(BEFORE_TET);
  });

  it('extend once, by supervisors, with the reason told to the customer', async () => {
    const { ticket } = await givenAsked();
    const view = await file(ticket.id, 'view');
    await t
      .http()
      .post(`/api/v1/data-requests/${view.id}/extend`)
      .set(agent.auth)
      .send({ version: view.version, reason: 'Cần tra cứu hồ sơ lưu trữ.' })
      .expect(403);
    const extended = (
      await t
        .http()
        .post(`/api/v1/data-requests/${view.id}/extend`)
        .set(supervisor.auth)
        .send({ version: view.version, reason: 'Cần tra cứu hồ sơ lưu trữ giấy.' })
        .expect(200)
    ).body as DataRequestView;
    expect(extended.dueAt).toBe('2026-03-20T17:00:00.000Z');
    await t
      .http()
      .post(`/api/v1/data-requests/${view.id}/extend`)
      .set(supervisor.auth)
      .send({ version: extended.version, reason: 'Thêm lần nữa.' })
      .expect(409)
      .expect(({ body }) => expect(body.message).toMatch(/one extension/));
    const letter = await lastLetter(ticket.id);
    expect(letter).toContain('Cần tra cứu hồ sơ lưu trữ giấy.');
    expect(letter).toContain('20/03/2026');
  });

  it('carry out a correction through staff, audited before and after, and tell the customer', async () => {
    const { email, ticket, customer } = await givenAsked('Tên tôi bị ghi sai, đúng là Phạm Thị Lan Anh.');
    const correct = await file(ticket.id, 'correct');
    await confirmAsCustomer((await linkSentTo(email)).path);
    const current = await get(correct.id);
    const customerVersion = (
      (await t.http().get(`/api/v1/customers/${customer.id}`).set(agent.auth).expect(200)).body as {
        version: number;
      }
    ).version;

    await t
      .http()
      .post(`/api/v1/data-requests/${correct.id}/correct`)
      .set(agent.auth)
      .send({ version: current.version, customer: { version: customerVersion, reason: 'x' } })
      .expect(400)
      .expect(({ body }) => expect(JSON.stringify(body)).toMatch(/customer\.reason/));

    const done = (
      await t
        .http()
        .post(`/api/v1/data-requests/${correct.id}/correct`)
        .set(agent.auth)
        .send({
          version: current.version,
          customer: {
            version: customerVersion,
            reason: 'khách báo sai tên',
            displayName: 'Phạm Thị Lan Anh',
          },
        })
        .expect(200)
    ).body as DataRequestView;
    expect(done).toMatchObject({ state: 'completed', outcome: 'Corrected: displayName' });

    const [change] = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { recordId: customer.id, action: 'customer.update' } });
    expect(JSON.parse(change.fields!)).toEqual({ displayName: ['Phạm Thị Lan', 'Phạm Thị Lan Anh'] });
    expect(change.reason).toContain(correct.id);
    expect(await lastLetter(ticket.id)).toContain('Phạm Thị Lan Anh');
  });

  it('withdraw the consents named, in the consent log, and tell the customer', async () => {
    const { email, ticket, customer } = await givenAsked('Tôi không muốn nhận bản tin và quảng cáo nữa.');
    for (const purpose of ['newsletter', 'marketing'])
      await t
        .http()
        .post(`/api/v1/customers/${customer.id}/consents`)
        .set(agent.auth)
        .send({ purpose, state: 'given' })
        .expect(201);
    const withdraw = await file(ticket.id, 'withdraw_consent');
    await t
      .http()
      .post(`/api/v1/data-requests/${withdraw.id}/withdraw-consent`)
      .set(agent.auth)
      .send({ version: withdraw.version, purposes: ['newsletter'] })
      .expect(409);
    await confirmAsCustomer((await linkSentTo(email)).path);
    await t
      .http()
      .post(`/api/v1/data-requests/${withdraw.id}/withdraw-consent`)
      .set(agent.auth)
      .send({ version: withdraw.version + 1, purposes: ['selling'] })
      .expect(400);
    const done = (
      await t
        .http()
        .post(`/api/v1/data-requests/${withdraw.id}/withdraw-consent`)
        .set(agent.auth)
        .send({ version: withdraw.version + 1, purposes: ['newsletter', 'marketing'] })
        .expect(200)
    ).body as DataRequestView;
    expect(done).toMatchObject({ state: 'completed', outcome: 'Consent withdrawn: newsletter, marketing' });
    const consents = (
      await t.http().get(`/api/v1/customers/${customer.id}/consents`).set(agent.auth).expect(200)
    ).body as { current: { purpose: string; state: string; source: string }[] };
    expect(consents.current).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ purpose: 'newsletter', state: 'withdrawn', source: 'mail' }),
        expect.objectContaining({ purpose: 'marketing', state: 'withdrawn', source: 'mail' }),
      ]),
    );
    expect(await lastLetter(ticket.id)).toContain('bản tin du lịch, tiếp thị');
  });

  /** Files a request of the type on a new ticket and has the customer confirm it through their link. */
  const givenVerified = async (type: string, body: string) => {
    const asked = await givenAsked(body);
    const filed = await file(asked.ticket.id, type);
    await confirmAsCustomer((await linkSentTo(asked.email)).path);
    return { ...asked, filed: await get(filed.id) };
  };

  const giveConsent = async (customerId: string, purposes: string[]) => {
    for (const purpose of purposes)
      await t
        .http()
        .post(`/api/v1/customers/${customerId}/consents`)
        .set(agent.auth)
        .send({ purpose, state: 'given' })
        .expect(201);
  };

  /** Sends a mail of the purpose through the real send job; returns the addresses it wrote mail to. */
  const mailedBy = async (purpose: 'newsletter' | 'marketing') => {
    const admin = await givenAgent(t, 'admin');
    const subject = unique(purpose);
    const { body } = await t
      .http()
      .post('/api/v1/newsletters')
      .set(admin.auth)
      .send({ purpose, subjectVi: subject, subjectEn: subject, textVi: 'Giảm giá', textEn: 'Sale' })
      .expect(202);
    await t.get(NewslettersService).continueSends();
    const sent = (await t.http().get(`/api/v1/newsletters/${body.id}`).set(admin.auth).expect(200)).body;
    expect(sent).toMatchObject({ state: 'finished', purpose });
    const mails = await t.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { kind: 'newsletter', subject } });
    return new Set(mails.map((mail) => mail.toAddress));
  };

  const customerView = async (customerId: string) =>
    (await t.http().get(`/api/v1/customers/${customerId}`).set(agent.auth).expect(200)).body as {
      processingRestriction: { restrictedAt: string; dataRequestId: string } | null;
    };

  it('erase the customer for a verified delete request, unless a legal hold needs the data', async () => {
    const { email, ticket, customer } = await givenAsked(
      'Xin xóa toàn bộ dữ liệu của tôi. SĐT 0912 345 678.',
    );
    const hold = (
      await t
        .http()
        .post('/api/v1/legal-holds')
        .set(supervisor.auth)
        .send({ customerId: customer.id, reason: 'Tranh chấp thanh toán đang giải quyết với ngân hàng' })
        .expect(201)
    ).body as { id: string };
    const first = await file(ticket.id, 'delete');
    await confirmAsCustomer((await linkSentTo(email)).path);
    await t
      .http()
      .post(`/api/v1/data-requests/${first.id}/erase`)
      .set(agent.auth)
      .send({ version: first.version + 1 })
      .expect(403);
    const refused = (
      await t
        .http()
        .post(`/api/v1/data-requests/${first.id}/erase`)
        .set(supervisor.auth)
        .send({ version: first.version + 1 })
        .expect(200)
    ).body as DataRequestView;
    expect(refused.state).toBe('refused');
    expect(await lastLetter(ticket.id)).toContain('phong tỏa');
    expect(
      (
        (await t.http().get(`/api/v1/customers/${customer.id}`).set(agent.auth).expect(200)).body as {
          displayName: string;
        }
      ).displayName,
    ).toBe('Phạm Thị Lan');

    await t
      .http()
      .post(`/api/v1/legal-holds/${hold.id}/release`)
      .set(supervisor.auth)
      .send({ reason: 'Ngân hàng đã kết luận' })
      .expect(200);
    const second = await file(ticket.id, 'delete');
    await confirmAsCustomer((await linkSentTo(email)).path);
    const erased = (
      await t
        .http()
        .post(`/api/v1/data-requests/${second.id}/erase`)
        .set(supervisor.auth)
        .send({ version: second.version + 1 })
        .expect(200)
    ).body as DataRequestView;
    expect(erased.state).toBe('completed');
    const record = (await t.http().get(`/api/v1/customers/${customer.id}`).set(agent.auth).expect(200))
      .body as {
      displayName: string;
      emails: unknown[];
      phones: unknown[];
    };
    expect(record).toMatchObject({ emails: [], phones: [] });
    expect(record.displayName).not.toContain('Lan');
    const thread = JSON.stringify(
      (await t.http().get(`/api/v1/tickets/${ticket.id}`).set(supervisor.auth).expect(200)).body,
    );
    expect(thread).not.toContain('0912 345 678');
    expect(thread).toContain('đã được xóa');
    // The confirmation still reaches the address the customer wrote from.
    const mailed = await t.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { toAddress: email, ticketId: ticket.id } });
    expect(mailed.map((mail) => mail.subject)).toContainEqual(expect.stringContaining('đã được thực hiện'));
    const [anonymised] = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { recordId: customer.id, action: 'anonymised' } });
    expect(anonymised.reason).toContain(second.id);
  });

  it('refuse by supervisors with the reason told, and close the request to further changes', async () => {
    const { ticket } = await givenAsked();
    const object = await file(ticket.id, 'object');
    await t
      .http()
      .post(`/api/v1/data-requests/${object.id}/refuse`)
      .set(agent.auth)
      .send({ version: object.version, outcome: 'Không đủ căn cứ.' })
      .expect(403);
    const refused = (
      await t
        .http()
        .post(`/api/v1/data-requests/${object.id}/refuse`)
        .set(supervisor.auth)
        .send({ version: object.version, outcome: 'Dữ liệu cần để thực hiện hợp đồng tour đang diễn ra.' })
        .expect(200)
    ).body as DataRequestView;
    expect(refused.state).toBe('refused');
    expect(await lastLetter(ticket.id)).toContain('Dữ liệu cần để thực hiện hợp đồng tour đang diễn ra.');
    await t
      .http()
      .post(`/api/v1/data-requests/${object.id}/extend`)
      .set(supervisor.auth)
      .send({ version: refused.version, reason: 'Quá muộn rồi.' })
      .expect(409);
  });

  it('are filed by customers through the complaint form, and confirmed before anything is done', async () => {
    const email = `${unique('minh')}@example.com`;
    const browser = request.agent(t.app.getHttpServer());
    const page = await browser.get('/complaint').set('Accept-Language', 'en').expect(200);
    expect(page.text).toContain('Delete my personal data');
    const post = browser.post('/complaint').set('Accept-Language', 'en');
    for (const [name, value] of Object.entries({
      _csrf: /name="_csrf" value="([^"]+)"/.exec(page.text)![1],
      name: 'Lê Văn Minh',
      email,
      topic: 'general',
      dataRequest: 'delete',
      description: 'Please delete all the personal data you hold about me.',
      consent: 'yes',
    }))
      post.field(name, value);
    await post.expect(303);

    const [filed] = (
      (await t.http().get('/api/v1/data-requests').set(agent.auth).expect(200)).body as (DataRequestView & {
        channel: string;
      })[]
    ).filter((row) => row.verificationSentTo === email);
    expect(filed).toMatchObject({ type: 'delete', channel: 'form', state: 'awaiting_verification' });
    const ticket = (await t.http().get(`/api/v1/tickets/${filed.ticketId}`).set(agent.auth).expect(200))
      .body as { category: { key: string } | null };
    expect(ticket.category?.key).toBe('privacy_request');
    const { mail } = await linkSentTo(email);
    expect(mail.subject).toContain('Please confirm your personal data request');

    const wrong = browser.post('/complaint');
    for (const [name, value] of Object.entries({
      _csrf: /name="_csrf" value="([^"]+)"/.exec((await browser.get('/complaint').expect(200)).text)![1],
      name: 'Lê Văn Minh',
      email,
      topic: 'general',
      dataRequest: 'forget_everything',
      description: 'Please delete all the personal data you hold about me.',
      consent: 'yes',
    }))
      wrong.field(name, value);
    const refused = await wrong.expect(400);
    expect(refused.text).toContain('Xin chọn một yêu cầu trong danh sách.');
  });

  it('remind the assignee and supervisors a day before the deadline and once it has passed, each once', async () => {
    const { ticket } = await givenAsked();
    await t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(agent.auth)
      .send({ version: await ticketVersion(ticket.id), assigneeId: agent.agent.id })
      .expect(200);
    const view = await file(ticket.id, 'view');
    const reminders = t.get(DataRequestRemindersService);
    const noticesFor = async (as: SignedInAgent) =>
      (
        (await t.http().get('/api/v1/notifications').set(as.auth).expect(200)).body as {
          kind: string;
          title: string;
          ticketId: string;
        }[]
      ).filter((notice) => notice.kind === 'data_request_reminder' && notice.ticketId === ticket.id);

    clock.set(new Date('2026-03-05T10:00:00Z'));
    await reminders.remind(clock.now());
    expect(await noticesFor(supervisor)).toHaveLength(0);
    clock.set(new Date('2026-03-06T00:00:00Z'));
    await reminders.remind(clock.now());
    expect((await noticesFor(supervisor)).map((notice) => notice.title)).toEqual([
      expect.stringContaining('đến hạn 06/03/2026'),
    ]);
    expect(await noticesFor(agent)).toHaveLength(1);
    await reminders.remind(clock.now());
    expect(await noticesFor(supervisor)).toHaveLength(1);

    clock.set(new Date('2026-03-07T01:00:00Z'));
    await reminders.remind(clock.now());
    expect((await noticesFor(supervisor)).map((notice) => notice.title)).toContainEqual(
      expect.stringContaining('Quá hạn'),
    );
    await t
      .http()
      .post(`/api/v1/data-requests/${view.id}/refuse`)
      .set(supervisor.auth)
      .send({ version: view.version, outcome: 'Khách hàng đã rút yêu cầu.' })
      .expect(200);
    clock.set(BEFORE_TET);
  });

  it('are worked in the console: filed on the ticket page, listed by deadline, corrected, refused only by supervisors', async () => {
    const signedIn = async (as: SignedInAgent) => {
      const browser = request.agent(t.app.getHttpServer());
      const form = await browser.get('/console/sign-in').expect(200);
      await browser
        .post('/console/sign-in')
        .type('form')
        .send({ email: as.agent.email, password: 'correct horse battery staple', _csrf: tokenOf(form.text) })
        .expect(303);
      return browser;
    };
    const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];
    // Browsers compare the session cookie's expiry with real time: sign in at real "now".
    clock.set(new Date());
    const { email, ticket, customer } = await givenAsked('Xin sửa tên tôi thành Phạm Thị Lan Chi.');
    const console = await signedIn(agent);

    const ticketPage = await console.get(`/console/tickets/${ticket.id}`).expect(200);
    expect(ticketPage.text).toContain('Yêu cầu về dữ liệu cá nhân trên phiếu này');
    const filed = await console
      .post(`/console/tickets/${ticket.id}/data-requests`)
      .type('form')
      .send({ _csrf: tokenOf(ticketPage.text), type: 'correct', channel: 'mail', details: 'Sửa tên' })
      .expect(303);
    const requestPath = filed.headers.location.replace('?saved=1', '');
    const list = await console.get('/console/data-requests').expect(200);
    expect(list.text).toContain(requestPath);
    let page = await console.get(filed.headers.location).expect(200);
    expect(page.text).toContain('Đã lưu; khách hàng được thông báo qua e-mail.');
    expect(page.text).toContain('Khách hàng chưa xác nhận');
    expect(page.text).not.toContain('Chỉnh sửa hồ sơ khách hàng</h2>');

    await confirmAsCustomer((await linkSentTo(email)).path);
    page = await console.get(requestPath).expect(200);
    expect(page.text).toContain('Chỉnh sửa hồ sơ khách hàng</h2>');
    const refused = await console
      .post(`${requestPath}/refuse`)
      .type('form')
      .send({
        _csrf: tokenOf(page.text),
        version: /name="version" value="(\d+)"/.exec(page.text)![1],
        outcome: 'Không.',
      })
      .expect(403);
    expect(refused.text).toContain('Only supervisors and admins may refuse a request');

    page = await console.get(requestPath).expect(200);
    await console
      .post(`${requestPath}/correct`)
      .type('form')
      .send({
        _csrf: tokenOf(page.text),
        version: /name="version" value="(\d+)"/.exec(page.text)![1],
        customerVersion: /name="customerVersion" value="(\d+)"/.exec(page.text)![1],
        displayName: 'Phạm Thị Lan Chi',
        emails: email,
        phones: '+84912345678',
        reason: 'khách yêu cầu qua e-mail',
      })
      .expect(303);
    const corrected = (await t.http().get(`/api/v1/customers/${customer.id}`).set(agent.auth).expect(200))
      .body as {
      displayName: string;
    };
    expect(corrected.displayName).toBe('Phạm Thị Lan Chi');
    expect((await console.get(requestPath).expect(200)).text).toContain('Đã hoàn tất');
    clock.set(BEFORE_TET);
  });

  it('restrict processing when a restrict request is completed: no newsletter or marketing until a supervisor lifts it, audited and told', async () => {
    // Browsers compare the console session cookie's expiry with real time: work at real "now".
    clock.set(new Date());
    const { customer, email, ticket, filed } = await givenVerified(
      'restrict',
      'Xin tạm ngừng xử lý dữ liệu của tôi trong lúc tôi khiếu nại.',
    );
    await giveConsent(customer.id, ['newsletter', 'marketing']);
    const control = await givenAsked();
    await giveConsent(control.customer.id, ['marketing']);
    expect((await customerView(customer.id)).processingRestriction).toBeNull();

    await t
      .http()
      .post(`/api/v1/data-requests/${filed.id}/complete`)
      .set(agent.auth)
      .send({ version: filed.version, outcome: 'Đã hạn chế xử lý dữ liệu của Quý khách.' })
      .expect(200);
    expect((await customerView(customer.id)).processingRestriction).toEqual({
      restrictedAt: clock.now().toISOString(),
      dataRequestId: filed.id,
    });
    const browser = await signedIn(t, agent);
    expect((await browser.get(`/console/tickets/${ticket.id}`).expect(200)).text).toContain(
      `(yêu cầu ${filed.id}): không gửi bản tin hay thư tiếp thị`,
    );

    // The customer's copy of their data says the restriction stands, and which request set it.
    await file(ticket.id, 'copy');
    const { path } = await linkSentTo(email);
    await confirmAsCustomer(path);
    const copied = JSON.parse(
      (await t.http().get(`${path}/export.json`).expect(200)).text as string,
    ) as CustomerDataExport;
    expect(copied.processingRestriction).toEqual({
      since: clock.now().toISOString(),
      dataRequestType: 'restrict',
    });
    expect((await t.http().get(`${path}/export.html`).expect(200)).text).toContain(
      'Việc xử lý dữ liệu của Quý khách đang bị hạn chế từ',
    );

    const marketing = await mailedBy('marketing');
    expect(marketing.has(control.email)).toBe(true);
    expect(marketing.has(email)).toBe(false);
    expect((await mailedBy('newsletter')).has(email)).toBe(false);
    const lift = (as: SignedInAgent, body: object) =>
      t.http().post(`/api/v1/customers/${customer.id}/processing-restriction/lift`).set(as.auth).send(body);
    const reason = 'Khiếu nại đã giải quyết xong, khách đồng ý tiếp tục.';
    // A minute on, so the thread orders the lifting letter after the completion letter.
    clock.set(new Date(clock.now().getTime() + 60_000));
    await lift(agent, { reason }).expect(403);
    expect((await lift(supervisor, { reason: '' }).expect(400)).text).toContain('reason');
    // Two supervisors lift at once: one wins, the other is told the restriction changed under it.
    const lifts = await Promise.all([lift(supervisor, { reason }), lift(supervisor, { reason })]);
    expect(lifts.map((response) => response.status).sort()).toEqual([200, 409]);
    expect(lifts.find((response) => response.status === 200)!.body).toEqual({
      customerId: customer.id,
      dataRequestId: filed.id,
    });
    await lift(supervisor, { reason }).expect(409);
    expect((await customerView(customer.id)).processingRestriction).toBeNull();
    const audit = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { recordId: customer.id, action: 'customer.lift_restriction' } });
    expect(audit).toEqual([expect.objectContaining({ actorId: supervisor.agent.id, reason })]);
    const letter = await lastLetter(ticket.id);
    expect(letter).toContain('Việc hạn chế này nay được chấm dứt');
    expect(letter).toContain(reason);
    expect((await mailedBy('marketing')).has(email)).toBe(true);
  });

  it('withdraw newsletter and marketing consent and restrict processing when an object request is completed', async () => {
    const { customer, email, filed } = await givenVerified(
      'object',
      'Tôi phản đối việc dùng dữ liệu của tôi để gửi quảng cáo.',
    );
    await giveConsent(customer.id, ['service', 'newsletter', 'marketing']);
    await t
      .http()
      .post(`/api/v1/data-requests/${filed.id}/complete`)
      .set(agent.auth)
      .send({ version: filed.version, outcome: 'Đã ngừng gửi bản tin và thư tiếp thị.' })
      .expect(200);
    const consents = (
      await t.http().get(`/api/v1/customers/${customer.id}/consents`).set(agent.auth).expect(200)
    ).body as {
      current: { purpose: string; state: string; source: string }[];
      events: { purpose: string; state: string; ticketId: string | null; note: string | null }[];
    };
    expect(consents.current).toEqual([
      expect.objectContaining({ purpose: 'marketing', state: 'withdrawn', source: 'mail' }),
      expect.objectContaining({ purpose: 'newsletter', state: 'withdrawn', source: 'mail' }),
      expect.objectContaining({ purpose: 'service', state: 'given' }),
    ]);
    expect(consents.events.filter((event) => event.state === 'withdrawn')).toEqual([
      expect.objectContaining({ ticketId: filed.ticketId, note: `data-subject request ${filed.id}` }),
      expect.objectContaining({ ticketId: filed.ticketId, note: `data-subject request ${filed.id}` }),
    ]);
    expect((await customerView(customer.id)).processingRestriction).toMatchObject({
      dataRequestId: filed.id,
    });
    expect((await mailedBy('marketing')).has(email)).toBe(false);
  });

  it('refuse bad input with the field and the reason', async () => {
    const { ticket } = await givenAsked();
    await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/data-requests`)
      .set(agent.auth)
      .send({ type: 'forget_me', channel: 'pigeon' })
      .expect(400)
      .expect(({ body }) => {
        const text = JSON.stringify(body);
        expect(text).toContain('type');
        expect(text).toContain('channel');
      });
    await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/data-requests`)
      .set(agent.auth)
      .send({ type: 'view', channel: 'mail', receivedAt: '2030-01-01T00:00:00Z' })
      .expect(400)
      .expect(({ body }) => expect(JSON.stringify(body)).toContain('receivedAt'));
  });

  async function ticketVersion(ticketId: string): Promise<number> {
    return (
      (await t.http().get(`/api/v1/tickets/${ticketId}`).set(agent.auth).expect(200)).body as {
        version: number;
      }
    ).version;
  }

  async function lastLetter(ticketId: string): Promise<string> {
    const ticket = (await t.http().get(`/api/v1/tickets/${ticketId}`).set(agent.auth).expect(200)).body as {
      messages: { direction: string; bodyText: string }[];
    };
    return ticket.messages.filter((message) => message.direction === 'outbound').at(-1)!.bodyText;
  }
});
