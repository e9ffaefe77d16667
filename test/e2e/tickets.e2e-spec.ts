import { createHash } from 'node:crypto';
import { givenAgent, givenCustomer, givenTicket, type SignedInAgent } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('tickets API', () => {
  let t: TestApp;
  let agent: SignedInAgent;
  let admin: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp();
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    admin = await givenAgent(t, 'admin');
  });
  afterAll(() => t.close());

  it('stores a Vietnamese subject byte-exact in NFC, whatever form it was sent in', async () => {
    const subject = 'Khiếu nại: hoàn tiền tour Đà Lạt';
    const created = await givenTicket(t, agent, {
      subject: subject.normalize('NFD'),
      body: 'Xin hoàn tiền'.normalize('NFD'),
    });
    const { body } = await t.http().get(`/api/v1/tickets/${created.id}`).set(agent.auth).expect(200);
    expect(Buffer.from(body.subject)).toEqual(Buffer.from(subject.normalize('NFC')));
    expect(body.messages[0].bodyText).toBe('Xin hoàn tiền'.normalize('NFC'));
    const [row] = await t.dataSource.query('SELECT subject FROM tickets WHERE id = ?', [created.id]);
    expect(Buffer.from(row.subject)).toEqual(Buffer.from(subject.normalize('NFC')));
  });

  it('opens a ticket for a new customer found or created by e-mail, in the default queue', async () => {
    const email = `an.tran.${Date.now()}@example.com`;
    const question = { subject: 'Lịch khởi hành tháng sau', body: 'Cho tôi hỏi lịch khởi hành tháng sau.' };
    const first = await givenTicket(t, agent, {
      customer: { email, displayName: 'Trần An', preferredLanguage: 'en' },
      ...question,
    });
    const second = await givenTicket(t, agent, { customer: { email: email.toUpperCase() }, ...question });
    const one = (await t.http().get(`/api/v1/tickets/${first.id}`).set(agent.auth)).body;
    const two = (await t.http().get(`/api/v1/tickets/${second.id}`).set(agent.auth)).body;
    expect(two.customer.id).toBe(one.customer.id);
    expect(one.language).toBe('en');
    expect(one.state).toBe('new');
    expect(one.displayNumber).toBe(`OT#${one.number}`);
    expect(second.number).toBeGreaterThan(first.number);
    const queues = (await t.http().get('/api/v1/queues').set(agent.auth)).body;
    expect(queues.find((queue: { isDefault: boolean }) => queue.isDefault).id).toBe(one.queueId);
  });

  it('moves through open → pending_customer → resolved and records each change', async () => {
    const ticket = await givenTicket(t, agent);
    let version = ticket.version;
    for (const state of ['open', 'pending_customer', 'resolved']) {
      const { body } = await t
        .http()
        .patch(`/api/v1/tickets/${ticket.id}`)
        .set(agent.auth)
        .send({ version, state })
        .expect(200);
      expect(body.state).toBe(state);
      expect(body.version).toBe(version + 1);
      version = body.version;
    }
    const events = (await t.http().get(`/api/v1/tickets/${ticket.id}/events`).set(agent.auth).expect(200))
      .body;
    expect(
      events.map((event: { kind: string; toValue: string }) => `${event.kind}:${event.toValue}`),
    ).toEqual([
      `created:OT#${ticket.number}`,
      'routed:Payment incidents',
      'state_changed:open',
      'state_changed:pending_customer',
      'state_changed:resolved',
    ]);
    expect(events[2]).toMatchObject({
      actorType: 'agent',
      actorId: agent.agent.id,
      fromValue: 'new',
      ticketVersion: 2,
    });
  });

  it('refuses a disallowed state move with 409 and the reason', async () => {
    const ticket = await givenTicket(t, agent);
    const open = await t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(agent.auth)
      .send({ version: 1, state: 'open' });
    const { body } = await t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(agent.auth)
      .send({ version: open.body.version, state: 'new' })
      .expect(409);
    expect(body.message).toBe('State change refused: a ticket cannot move from open to new');
    await t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(agent.auth)
      .send({ version: 2, state: 'merged' })
      .expect(409);
  });

  it('answers 409 with what changed when the version is stale', async () => {
    const ticket = await givenTicket(t, agent);
    await t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(agent.auth)
      .send({ version: 1, priority: 'high' })
      .expect(200);
    const { body } = await t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(admin.auth)
      .send({ version: 1, priority: 'low' })
      .expect(409);
    expect(body.details.currentVersion).toBe(2);
    expect(body.details.changes).toEqual([
      expect.objectContaining({
        kind: 'priority_changed',
        from: 'normal',
        to: 'high',
        actorId: agent.agent.id,
      }),
    ]);
    const reply = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/replies`)
      .set(admin.auth)
      .send({ version: 1, body: 'Chào anh' })
      .expect(409);
    expect(reply.body.details.currentVersion).toBe(2);
  });

  it('keeps the ticket consistent when two agents change it at the same moment', async () => {
    const ticket = await givenTicket(t, agent);
    const results = await Promise.all(
      ['high', 'urgent'].map((priority) =>
        t.http().patch(`/api/v1/tickets/${ticket.id}`).set(agent.auth).send({ version: 1, priority }),
      ),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 409]);
    const events = (await t.http().get(`/api/v1/tickets/${ticket.id}/events`).set(agent.auth)).body;
    expect(events.filter((event: { kind: string }) => event.kind === 'priority_changed')).toHaveLength(1);
  });

  it('waits on the customer after a reply, and reopens when a resolved ticket hears from the customer', async () => {
    const ticket = await givenTicket(t, agent);
    const reply = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/replies`)
      .set(agent.auth)
      .send({ body: 'Chúng tôi đã nhận khiếu nại.', version: 1 })
      .expect(201);
    expect(reply.body.ticket.state).toBe('pending_customer');
    expect(reply.body.ticket.firstRespondedAt).not.toBeNull();
    expect(reply.body.message).toMatchObject({
      direction: 'outbound',
      visibility: 'public',
      authorAgentId: agent.agent.id,
    });

    const resolved = await t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(agent.auth)
      .send({ version: reply.body.ticket.version, state: 'resolved' })
      .expect(200);
    expect(resolved.body.resolvedAt).not.toBeNull();

    const customerSays = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/customer-messages`)
      .set(agent.auth)
      .send({ body: 'Tôi vẫn chưa nhận được tiền.' })
      .expect(201);
    expect(customerSays.body.ticket.state).toBe('open');
    expect(customerSays.body.ticket.resolvedAt).toBeNull();
    const events = (await t.http().get(`/api/v1/tickets/${ticket.id}/events`).set(agent.auth)).body;
    const lastVersion = customerSays.body.ticket.version;
    expect(events.filter((event: { ticketVersion: number }) => event.ticketVersion === lastVersion)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'reopened', fromValue: 'resolved', toValue: 'open' }),
        expect.objectContaining({
          kind: 'message_added',
          fromValue: 'inbound',
          toValue: customerSays.body.message.id,
        }),
      ]),
    );
  });

  it('reopens a recently closed ticket on a customer message, but not one closed longer than the window', async () => {
    const recent = await givenTicket(t, agent);
    await t
      .http()
      .patch(`/api/v1/tickets/${recent.id}`)
      .set(agent.auth)
      .send({ version: 1, state: 'closed' })
      .expect(200);
    const reopened = await t
      .http()
      .post(`/api/v1/tickets/${recent.id}/customer-messages`)
      .set(agent.auth)
      .send({ body: 'Còn nữa' })
      .expect(201);
    expect(reopened.body.ticket).toMatchObject({ state: 'open', closedAt: null });

    const old = await givenTicket(t, agent);
    await t
      .http()
      .patch(`/api/v1/tickets/${old.id}`)
      .set(agent.auth)
      .send({ version: 1, state: 'closed' })
      .expect(200);
    const longAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().replace('T', ' ').replace('Z', '');
    await t.dataSource.query('UPDATE tickets SET closed_at = ? WHERE id = ?', [longAgo, old.id]);
    const { body } = await t
      .http()
      .post(`/api/v1/tickets/${old.id}/customer-messages`)
      .set(agent.auth)
      .send({ body: 'Còn nữa' })
      .expect(409);
    expect(body.message).toContain('open a follow-up ticket');
  });

  it('keeps internal notes internal and sanitises HTML', async () => {
    const ticket = await givenTicket(t, agent);
    const note = await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/notes`)
      .set(agent.auth)
      .send({
        body: 'Gọi lại khách',
        bodyHtml:
          '<p onclick="x()">Gọi lại <script>alert(1)</script>khách</p><img src="https://t.example/p.gif">',
      })
      .expect(201);
    expect(note.body.message).toMatchObject({ direction: 'note', visibility: 'internal' });
    expect(note.body.message.bodyHtml).toBe('<p>Gọi lại khách</p><img />');
    expect(note.body.ticket.state).toBe('new');
  });

  it('stores attachments durably with their SHA-256 and serves them back', async () => {
    const bytes = Buffer.from('%PDF-1.4 hóa đơn');
    const ticket = await givenTicket(t, agent, {
      attachments: [
        { fileName: 'Hóa đơn.pdf', contentType: 'application/pdf', contentBase64: bytes.toString('base64') },
      ],
    });
    const detail = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set(agent.auth)).body;
    const [attachment] = detail.messages[0].attachments;
    expect(attachment).toMatchObject({
      fileName: 'Hóa đơn.pdf',
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    const download = await t
      .http()
      .get(`/api/v1/tickets/${ticket.id}/attachments/${attachment.id}`)
      .set(agent.auth)
      .buffer(true)
      .parse((response, done) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(download.body as Buffer, bytes)).toBe(0);
    expect(download.headers['content-disposition']).toContain(
      "filename*=UTF-8''H%C3%B3a%20%C4%91%C6%A1n.pdf",
    );
  });

  it('lists by queue, state, assignee and text, tone marks optional, a page at a time', async () => {
    const queue = (
      await t
        .http()
        .post('/api/v1/queues')
        .set(admin.auth)
        .send({ name: `Đà Lạt ${Date.now()}` })
        .expect(201)
    ).body;
    await t
      .http()
      .put(`/api/v1/queues/${queue.id}/members`)
      .set(admin.auth)
      .send({ agentIds: [agent.agent.id] })
      .expect(200);
    const customer = await givenCustomer(t, agent);
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await givenTicket(t, agent, {
          customerId: customer.id,
          queueId: queue.id,
          subject: `Hoàn tiền tour Đà Lạt số ${i}`,
        }),
      );
    }
    await t
      .http()
      .patch(`/api/v1/tickets/${made[0].id}`)
      .set(agent.auth)
      .send({ version: 1, state: 'open', assigneeId: agent.agent.id })
      .expect(200);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t
        .http()
        .get('/api/v1/tickets')
        .query({ queueId: queue.id, limit: 2, ...(cursor ? { cursor } : {}) })
        .set(agent.auth)
        .expect(200);
      seen.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(made.map((ticket) => ticket.id).reverse());

    const byText = await t
      .http()
      .get('/api/v1/tickets')
      .query({ text: 'hoan tien tour da lat so 3', queueId: queue.id })
      .set(agent.auth);
    expect(byText.body.items.map((item: { id: string }) => item.id)).toEqual([made[3].id]);
    const byState = await t
      .http()
      .get('/api/v1/tickets')
      .query({ queueId: queue.id, state: 'open,pending_customer' })
      .set(agent.auth);
    expect(byState.body.items.map((item: { id: string }) => item.id)).toEqual([made[0].id]);
    const unassigned = await t
      .http()
      .get('/api/v1/tickets')
      .query({ queueId: queue.id, assigneeId: 'none' })
      .set(agent.auth);
    expect(unassigned.body.items).toHaveLength(4);
    const byNumber = await t
      .http()
      .get('/api/v1/tickets')
      .query({ text: `OT#${made[2].number}` })
      .set(agent.auth);
    expect(byNumber.body.items.map((item: { id: string }) => item.id)).toEqual([made[2].id]);
  });

  it('rejects bad input with 400 naming each field and reason', async () => {
    const { body } = await t
      .http()
      .post('/api/v1/tickets')
      .set(agent.auth)
      .send({ subject: '', body: 'x', priority: 'asap', surprise: true, customer: { email: 'not-an-email' } })
      .expect(400);
    expect(body.message).toBe('Validation failed');
    const fields = body.errors.map((error: { field: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['subject', 'priority', 'surprise', 'customer.email']));
    expect(body.errors.find((error: { field: string }) => error.field === 'surprise').reason).toBe(
      'property surprise should not exist',
    );
    await t.http().get('/api/v1/tickets').query({ state: 'sleeping' }).set(agent.auth).expect(400);
    await t.http().get('/api/v1/tickets/not-a-uuid').set(agent.auth).expect(400);
  });

  it('audits ticket changes and reads with actor, fields and request id', async () => {
    const ticket = await givenTicket(t, agent);
    await t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(agent.auth)
      .set('x-request-id', 'req-audit-1')
      .send({ version: 1, state: 'open', priority: 'urgent' })
      .expect(200);
    await t.http().get(`/api/v1/tickets/${ticket.id}`).set(agent.auth).expect(200);
    const { body } = await t
      .http()
      .get('/api/v1/audit-events')
      .query({ recordType: 'ticket', recordId: ticket.id })
      .set(admin.auth)
      .expect(200);
    expect(body.items.map((event: { action: string }) => event.action)).toEqual([
      'ticket.read',
      'ticket.update',
      'ticket.create',
    ]);
    expect(body.items[1]).toMatchObject({
      actorId: agent.agent.id,
      requestId: 'req-audit-1',
      fields: { state: ['new', 'open'], priority: ['normal', 'urgent'] },
    });
  });
});
