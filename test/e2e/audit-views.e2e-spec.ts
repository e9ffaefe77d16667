import request from 'supertest';
import { givenAgent, givenCustomer, givenTicket, unique, type SignedInAgent } from '../support/factories.js';
import { startTestApp, TEST_ADMIN, TestClock, type TestApp } from '../support/test-app.js';

interface AuditEventView {
  id: string;
  seq: number | null;
  occurredAt: string;
  actorId: string | null;
  action: string;
  recordType: string;
  recordId: string;
  fields: unknown;
  reason: string | null;
}

/** 00:30 on Saturday 5 December 2026 in Ho Chi Minh City: still the 4th in UTC. */
const NOW = new Date('2026-12-04T17:30:00.000Z');

describe('audit log views and export for auditors', () => {
  let t: TestApp;
  let clock: TestClock;
  let admin: SignedInAgent;
  let agent: SignedInAgent;

  beforeAll(async () => {
    clock = new TestClock(NOW);
    t = await startTestApp({}, { clock });
    admin = await givenAgent(t, 'admin');
    agent = await givenAgent(t, 'agent', { queues: 'all' });
  });
  afterAll(() => t.close());

  const events = async (query: Record<string, string>): Promise<AuditEventView[]> =>
    (
      await t
        .http()
        .get('/api/v1/audit-events')
        .query({ limit: '100', ...query })
        .set(admin.auth)
        .expect(200)
    ).body.items;

  it('records agent creation, role, permission and activity changes and password resets, never the password', async () => {
    const email = `${unique('moi')}@offtrack.test`;
    const password = 'a one-time password for the audit test';
    const created = (
      await t
        .http()
        .post('/api/v1/agents')
        .set(admin.auth)
        .send({ email, displayName: 'Lê Văn Mới', role: 'agent', initialPassword: password })
        .expect(201)
    ).body as { id: string };
    await t
      .http()
      .patch(`/api/v1/agents/${created.id}`)
      .set(admin.auth)
      .send({ role: 'supervisor', canViewSensitive: true })
      .expect(200);
    const newPassword = 'another password nobody may read';
    await t
      .http()
      .patch(`/api/v1/agents/${created.id}`)
      .set(admin.auth)
      .send({ resetPassword: newPassword, isActive: false })
      .expect(200);

    const history = await events({ recordType: 'agent', recordId: created.id });
    expect(history.map((event) => event.action).sort()).toEqual(
      ['agent.create', 'agent.password_reset', 'agent.update', 'agent.update'].sort(),
    );
    expect(history.every((event) => event.actorId === admin.agent.id)).toBe(true);
    const updates = history.filter((event) => event.action === 'agent.update').map((event) => event.fields);
    expect(updates).toContainEqual({ role: ['agent', 'supervisor'], canViewSensitive: [false, true] });
    expect(updates).toContainEqual({ isActive: [true, false] });
    expect(history.find((event) => event.action === 'agent.create')?.fields).toMatchObject({
      email: [null, email],
      role: [null, 'agent'],
    });
    const stored = JSON.stringify(await t.dataSource.query('SELECT * FROM audit_events'));
    expect(stored).not.toContain(password);
    expect(stored).not.toContain(newPassword);
    expect(stored).not.toMatch(/\$argon2/);
  });

  it('records queue creation, changes and membership, and mail template changes', async () => {
    const queue = (
      await t
        .http()
        .post('/api/v1/queues')
        .set(admin.auth)
        .send({ name: unique('Khiếu nại hành lý') })
        .expect(201)
    ).body as { id: string; name: string };
    await t
      .http()
      .patch(`/api/v1/queues/${queue.id}`)
      .set(admin.auth)
      .send({ description: 'Thất lạc hành lý', assignmentMode: 'round_robin' })
      .expect(200);
    await t
      .http()
      .put(`/api/v1/queues/${queue.id}/members`)
      .set(admin.auth)
      .send({ agentIds: [agent.agent.id] })
      .expect(200);
    const history = await events({ recordType: 'queue', recordId: queue.id });
    expect(Object.fromEntries(history.map((event) => [event.action, event.fields]))).toEqual({
      'queue.create': {
        name: [null, queue.name],
        description: [null, null],
        isDefault: [null, false],
        isActive: [null, true],
        assignmentMode: [null, 'manual'],
      },
      'queue.update': { description: [null, 'Thất lạc hành lý'], assignmentMode: ['manual', 'round_robin'] },
      'queue.members': { members: [[], [agent.agent.id]] },
    });

    const template = (
      await t.http().get('/api/v1/admin/mail-templates').set(admin.auth).expect(200)
    ).body.find((candidate: { key: string; language: string }) => candidate.language === 'en') as {
      key: string;
      subject: string;
      bodyText: string;
    };
    await t
      .http()
      .put(`/api/v1/admin/mail-templates/${template.key}/en`)
      .set(admin.auth)
      .send({ subject: 'New subject {{ticketNumber}}', bodyText: template.bodyText })
      .expect(200);
    const [change] = await events({ recordType: 'mail_template', action: 'mail_template.update' });
    expect(change).toMatchObject({
      actorId: admin.agent.id,
      fields: { subject: [template.subject, 'New subject {{ticketNumber}}'] },
      reason: `${template.key}/en`,
    });
  });

  it("finds a customer's events: the record, its reads, their tickets and what hangs off those tickets", async () => {
    const customer = await givenCustomer(t, agent, { displayName: 'Phạm Thị Thu' });
    const other = await givenCustomer(t, agent);
    const ticket = await givenTicket(t, agent, { customerId: customer.id });
    await givenTicket(t, agent, { customerId: other.id });
    await t.http().get(`/api/v1/customers/${customer.id}`).set(agent.auth).expect(200);
    const compensation = (
      await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/compensations`)
        .set(agent.auth)
        .send({ reasonCode: 'double_charge', explanation: 'Bị trừ tiền hai lần.', amountVnd: 500_000 })
        .expect(201)
    ).body as { id: string };

    const found = await events({ customerId: customer.id });
    const records = new Set(found.map((event) => `${event.recordType}:${event.recordId}`));
    expect(records).toEqual(
      new Set([`customer:${customer.id}`, `ticket:${ticket.id}`, `compensation:${compensation.id}`]),
    );
    expect(found.map((event) => event.action)).toEqual(
      expect.arrayContaining(['customer.read', 'customer.create']),
    );
    // Newest first, and paged with the cursor.
    const first = (
      await t
        .http()
        .get('/api/v1/audit-events')
        .query({ customerId: customer.id, limit: '2' })
        .set(admin.auth)
    ).body as { items: AuditEventView[]; nextCursor: string };
    const second = (
      await t
        .http()
        .get('/api/v1/audit-events')
        .query({ customerId: customer.id, limit: '100', cursor: first.nextCursor })
        .set(admin.auth)
    ).body as { items: AuditEventView[] };
    // By id: the sealer job may chain the events (set seq) between these reads.
    expect([...first.items, ...second.items].map((event) => event.id)).toEqual(
      found.map((event) => event.id),
    );
  });

  it('filters by actor and by days in Ho Chi Minh City time', async () => {
    const customer = await givenCustomer(t, agent);
    const mine = await events({ actorId: agent.agent.id, recordId: customer.id });
    expect(mine.map((event) => event.action)).toEqual(['customer.create']);
    expect(await events({ actorId: admin.agent.id, recordId: customer.id })).toEqual([]);
    // 17:30 UTC on the 4th is 00:30 on the 5th in Vietnam.
    expect(await events({ recordId: customer.id, from: '2026-12-05', to: '2026-12-05' })).toHaveLength(1);
    expect(await events({ recordId: customer.id, from: '2026-12-04', to: '2026-12-04' })).toEqual([]);
  });

  it('refuses a date that does not exist with 400 naming the field', async () => {
    const refused = await t.http().get('/api/v1/audit-events?from=2026-02-30').set(admin.auth).expect(400);
    expect(JSON.stringify(refused.body)).toContain('from');
    await t.http().get('/api/v1/audit-events?to=5.12.2026').set(admin.auth).expect(400);
  });

  it('exports CSV with BOM, header and both times, and records the export itself', async () => {
    const customer = await givenCustomer(t, agent, { displayName: 'Đặng "Bé" Út, Hà Nội' });
    await t
      .http()
      .patch(`/api/v1/customers/${customer.id}`)
      .set(agent.auth)
      .send({ displayName: 'Đặng Út', version: customer.version, reason: 'Khách yêu cầu, qua điện thoại' })
      .expect(200);
    const csv = await t
      .http()
      .get('/api/v1/audit-events/export.csv')
      .query({ customerId: customer.id })
      .set(admin.auth)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('attachment');
    const bytes = csv.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'seq,occurred_at_utc,occurred_at_local,actor_type,actor_id,action,record_type,record_id,fields,reason,request_id,redacted,hash',
    );
    expect(lines.filter(Boolean)).toHaveLength(3); // header, customer.create, customer.update
    const update = lines.find((line) => line.includes('customer.update'))!;
    expect(update).toContain(',2026-12-04T17:30:00.000Z,2026-12-05T00:30:00.000+07:00,agent,');
    // The fields' JSON (quotes escaped as \") inside one CSV field (quotes doubled).
    expect(update).toContain(String.raw`"{""displayName"":[""Đặng \""Bé\"" Út, Hà Nội"",""Đặng Út""]}"`);
    expect(update).toContain(',"Khách yêu cầu, qua điện thoại",');

    const [exported] = await events({ action: 'audit.export' });
    expect(exported).toMatchObject({
      actorId: admin.agent.id,
      recordType: 'audit_log',
      fields: ['customerId'],
      reason: `customerId=${customer.id}`,
    });
  });

  it('shows the console page with the same filters and a CSV link', async () => {
    const customer = await givenCustomer(t, agent, { displayName: 'Võ Thị Lan' });
    await t.http().get(`/api/v1/customers/${customer.id}`).set(agent.auth).expect(200);
    const browser = request.agent(t.app.getHttpServer());
    const form = await browser.get('/console/sign-in').expect(200);
    await browser
      .post('/console/sign-in')
      .type('form')
      .send({
        email: TEST_ADMIN.email,
        password: TEST_ADMIN.password,
        _csrf: /name="_csrf" value="([^"]+)"/.exec(form.text)![1],
      })
      .expect(303);
    const page = await browser.get(`/console/admin/audit?customerId=${customer.id}`).expect(200);
    expect(page.text).toContain('<h1>Nhật ký kiểm toán</h1>');
    expect(page.text).toContain('href="/console/admin/audit" aria-current="page"');
    expect(page.text).toContain('customer.read');
    expect(page.text).toContain(`/console/admin/audit/export.csv?customerId=${customer.id}`);
    expect(page.text).toContain('Tải CSV');
    const invalid = await browser.get('/console/admin/audit?from=2026-13-01').expect(400);
    expect(invalid.text).toContain('Vui lòng nhập một ngày có thật');
    const download = await browser
      .get(`/console/admin/audit/export.csv?customerId=${customer.id}`)
      .expect(200);
    expect(download.text).toContain('customer.read');
  });
});
