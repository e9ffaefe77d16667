import { startTestApp, TEST_ADMIN } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

/** The foundation's acceptance path, through the documented API only (run on SQLite and on MariaDB in CI). */
describe('a day-one walkthrough', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('signs in, files a Vietnamese complaint, works it to resolved and reads the audit trail', async () => {
    const login = await t.http().post('/api/v1/auth/login').send(TEST_ADMIN).expect(200);
    const auth = { Authorization: `Bearer ${login.body.token}` };

    const customer = await t
      .http()
      .post('/api/v1/customers')
      .set(auth)
      .send({ displayName: 'Trần Thị Mai', emails: ['mai.tran@example.vn'], phones: ['0987 654 321'] })
      .expect(201);

    const queues = (await t.http().get('/api/v1/queues').set(auth).expect(200)).body;
    const payments = queues.find((queue: { name: string }) => queue.name === 'Payments & fraud');
    const created = await t
      .http()
      .post('/api/v1/tickets')
      .set(auth)
      .send({
        customerId: customer.body.id,
        queueId: payments.id,
        subject: 'Khiếu nại: hoàn tiền tour Đà Lạt',
        body: 'Tôi bị trừ tiền hai lần cho tour Đà Lạt.',
        categoryKey: 'payment',
        bookingReference: 'OTV-2026-0042',
      })
      .expect(201);
    expect(created.body).toMatchObject({
      state: 'new',
      category: { key: 'payment' },
      customer: { displayName: 'Trần Thị Mai' },
    });

    const listed = await t
      .http()
      .get('/api/v1/tickets')
      .query({ queueId: payments.id })
      .set(auth)
      .expect(200);
    expect(listed.body.items.map((ticket: { subject: string }) => ticket.subject)).toEqual([
      'Khiếu nại: hoàn tiền tour Đà Lạt',
    ]);

    let version = created.body.version;
    for (const state of ['open', 'pending_customer', 'resolved']) {
      const moved = await t
        .http()
        .patch(`/api/v1/tickets/${created.body.id}`)
        .set(auth)
        .send({ version, state })
        .expect(200);
      version = moved.body.version;
    }

    const trail = await t
      .http()
      .get('/api/v1/audit-events')
      .query({ recordType: 'ticket', recordId: created.body.id })
      .set(auth)
      .expect(200);
    expect(trail.body.items.map((event: { action: string }) => event.action)).toEqual([
      'ticket.update',
      'ticket.update',
      'ticket.update',
      'ticket.create',
    ]);
    expect(trail.body.items[0].fields).toEqual({ state: ['pending_customer', 'resolved'] });
    const byActor = await t
      .http()
      .get('/api/v1/audit-events')
      .query({ actorId: login.body.agent.id, limit: 2 })
      .set(auth);
    expect(byActor.body.items).toHaveLength(2);
    expect(byActor.body.nextCursor).not.toBeNull();
  });
});
