import { givenAgent, givenCustomer, unique, type SignedInAgent } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface QueueView {
  id: string;
  name: string;
}

describe('classification and routing rules', () => {
  let t: TestApp;
  let admin: SignedInAgent;
  let supervisor: SignedInAgent;
  let agent: SignedInAgent;
  let queues: Record<string, string>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await givenAgent(t, 'admin');
    supervisor = await givenAgent(t, 'supervisor');
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    const list: QueueView[] = (await t.http().get('/api/v1/queues').set(admin.auth).expect(200)).body;
    queues = Object.fromEntries(list.map((queue) => [queue.name, queue.id]));
  });
  afterAll(() => t.close());

  const dryRun = async (sample: Record<string, unknown>) =>
    (await t.http().post('/api/v1/routing-rules/dry-run').set(supervisor.auth).send(sample).expect(200)).body;

  const openTicket = async (body: Record<string, unknown>) => {
    const customer = await givenCustomer(t, agent);
    const created = await t
      .http()
      .post('/api/v1/tickets')
      .set(agent.auth)
      .send({ customerId: customer.id, ...body })
      .expect(201);
    return created.body;
  };

  it('ships day-one rules in order, readable by supervisors and managed by admins only', async () => {
    const { body } = await t.http().get('/api/v1/routing-rules').set(supervisor.auth).expect(200);
    expect(body.map((rule: { name: string }) => rule.name)).toEqual([
      'Vulnerable customers get raised priority',
      'Fraud or tampering: urgent, supervisors notified',
      'Payment incidents',
      'Cancellations and changes',
      'Personal-data requests',
      'Newsletter requests',
      'Other questions from overseas customers',
    ]);
    await t.http().get('/api/v1/routing-rules').set(agent.auth).expect(403);
    await t
      .http()
      .post('/api/v1/routing-rules')
      .set(supervisor.auth)
      .send({ name: 'x', conditions: [], actions: [] })
      .expect(403);
  });

  it('routes by meaning in Vietnamese and English, with or without tone marks', async () => {
    const fraud = await dryRun({
      subject: 'Giao dịch bị thay đổi nội dung',
      body: 'Có người giả mạo nhân viên công ty yêu cầu tôi chuyển khoản, đơn OTV-2026-004321 bị thay đổi số tiền.',
    });
    expect(fraud).toMatchObject({
      categoryKey: 'fraud_or_tampering',
      queueName: 'Payments & fraud',
      priority: 'urgent',
      notifySupervisors: true,
      bookingReference: 'OTV-2026-004321',
    });
    expect(fraud.firedRules.map((rule: { name: string }) => rule.name)).toEqual([
      'Fraud or tampering: urgent, supervisors notified',
    ]);
    expect(fraud.matchedWords.length).toBeGreaterThan(0);

    const withoutMarks = await dryRun({
      subject: 'gia mao nhan vien',
      body: 'co nguoi gia mao nhan vien cong ty yeu cau toi chuyen khoan',
    });
    expect(withoutMarks.categoryKey).toBe('fraud_or_tampering');

    for (const spelling of [
      'Tôi muốn hủy tour Sa Pa',
      'Tôi muốn huỷ tour Sa Pa',
      'toi muon huy tour Sa Pa',
    ]) {
      const cancellation = await dryRun({ subject: 'Yêu cầu', body: spelling });
      expect(cancellation).toMatchObject({
        categoryKey: 'cancellation',
        queueName: 'Bookings & cancellations',
      });
    }

    const overseas = await dryRun({
      subject: 'Question about the Ha Long cruise',
      body: 'Hello, what time does the boat leave the harbour?',
      customerCountry: 'US',
    });
    expect(overseas).toMatchObject({
      categoryKey: 'general',
      customerRegion: 'overseas',
      queueName: 'Overseas customers',
      language: 'en',
    });
    const inVietnam = await dryRun({
      subject: 'Giờ khởi hành',
      body: 'Mấy giờ tàu chạy ạ?',
      customerCountry: 'VN',
    });
    expect(inVietnam.queueName).toBe('General');

    const vulnerable = await dryRun({
      subject: 'Giờ khởi hành',
      body: 'Mấy giờ xe đón?',
      customerVulnerable: true,
    });
    expect(vulnerable.priority).toBe('high');
  });

  it('creates nothing on a dry run', async () => {
    const count = async () => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM tickets'))[0].n);
    const before = await count();
    await dryRun({ subject: 'Hoàn tiền', body: 'Tôi bị trừ tiền hai lần' });
    expect(await count()).toBe(before);
  });

  it('refuses a bad rule with 400 naming the field, and audits every change', async () => {
    const refused = async (rule: Record<string, unknown>) =>
      (await t.http().post('/api/v1/routing-rules').set(admin.auth).send(rule).expect(400)).body.errors;
    const base = { name: 'bad', actions: [{ type: 'add_tags', value: ['x'] }] };
    expect(
      await refused({ ...base, conditions: [{ field: 'subject', operator: 'matches', value: '(unclosed' }] }),
    ).toEqual([
      { field: 'conditions.0.value', reason: expect.stringContaining('not a valid regular expression') },
    ]);
    expect(
      await refused({ ...base, conditions: [{ field: 'language', operator: 'contains', value: 'vi' }] }),
    ).toEqual([
      { field: 'conditions.0.operator', reason: 'operator for language must be one of equals, in' },
    ]);
    expect(
      await refused({
        ...base,
        conditions: [{ field: 'category', operator: 'equals', value: 'complaints' }],
      }),
    ).toEqual([{ field: 'conditions.0.value', reason: 'unknown category complaints' }]);
    expect(
      await refused({
        name: 'bad',
        conditions: [{ field: 'channel', operator: 'equals', value: 'email' }],
        actions: [{ type: 'set_queue', value: '00000000-0000-4000-8000-000000000000' }],
      }),
    ).toEqual([{ field: 'actions.0.value', reason: 'value must be the id of an active queue' }]);

    const created = (
      await t
        .http()
        .post('/api/v1/routing-rules')
        .set(admin.auth)
        .send({
          name: 'Partner agencies',
          conditions: [{ field: 'sender_domain', operator: 'equals', value: 'partner.example' }],
          actions: [{ type: 'add_tags', value: ['partner'] }],
        })
        .expect(201)
    ).body;
    const renamed = (
      await t
        .http()
        .patch(`/api/v1/routing-rules/${created.id}`)
        .set(admin.auth)
        .send({ version: created.version, name: 'Partner travel agencies' })
        .expect(200)
    ).body;
    expect(renamed).toMatchObject({ name: 'Partner travel agencies', version: created.version + 1 });
    await t
      .http()
      .patch(`/api/v1/routing-rules/${created.id}`)
      .set(admin.auth)
      .send({ version: created.version, isActive: false })
      .expect(409);
    await t.http().delete(`/api/v1/routing-rules/${created.id}`).set(admin.auth).expect(204);
    await t.http().get(`/api/v1/routing-rules/${created.id}`).set(admin.auth).expect(404);

    const audit = (
      await t
        .http()
        .get('/api/v1/audit-events')
        .query({ recordType: 'routing_rule', recordId: created.id })
        .set(admin.auth)
        .expect(200)
    ).body.items;
    expect(audit.map((event: { action: string }) => event.action).sort()).toEqual([
      'routing_rule.create',
      'routing_rule.delete',
      'routing_rule.update',
    ]);
  });

  it('classifies and routes tickets opened through the API, and pages supervisors about fraud', async () => {
    const fraud = await openTicket({
      subject: 'Lừa đảo: có người mạo danh công ty',
      body: 'Tôi nhận được tin nhắn giả mạo Offtrack yêu cầu chuyển khoản cho booking OTV-2026-000777.',
    });
    expect(fraud).toMatchObject({
      queueId: queues['Payments & fraud'],
      priority: 'urgent',
      categorySource: 'auto',
      category: { key: 'fraud_or_tampering' },
      bookingReference: 'OTV-2026-000777',
    });
    expect(fraud.categoryExplanation).toEqual(expect.any(String));
    const events = (await t.http().get(`/api/v1/tickets/${fraud.id}/events`).set(agent.auth).expect(200))
      .body;
    expect(events.find((event: { kind: string }) => event.kind === 'routed').toValue).toBe(
      'Fraud or tampering: urgent, supervisors notified',
    );
    const alerts = await t.dataSource.query(
      'SELECT to_address, kind, subject FROM outbox WHERE ticket_id = ? AND kind = ? ORDER BY to_address',
      [fraud.id, 'notification'],
    );
    expect(alerts).toEqual([
      {
        to_address: supervisor.agent.email,
        kind: 'notification',
        subject: expect.stringContaining(`OT#${fraud.number}`),
      },
    ]);

    const chosen = await openTicket({
      subject: 'Hoàn tiền',
      body: 'Tôi bị trừ tiền hai lần',
      queueId: queues['General'],
      priority: 'low',
      categoryKey: 'general',
    });
    expect(chosen).toMatchObject({
      queueId: queues['General'],
      priority: 'low',
      categorySource: 'agent',
      category: { key: 'general' },
    });
  });

  it('applies a rule an admin adds at once, assigning to the named agent', async () => {
    const vipAgent = await givenAgent(t, 'agent');
    await t
      .http()
      .post('/api/v1/routing-rules')
      .set(admin.auth)
      .send({
        name: 'VIP partner',
        position: 1,
        matchMode: 'any',
        conditions: [
          { field: 'sender_domain', operator: 'equals', value: 'vip.example' },
          { field: 'subject', operator: 'contains', value: 'VIP' },
        ],
        actions: [
          { type: 'add_tags', value: ['vip'] },
          { type: 'assign_to', value: vipAgent.agent.id },
        ],
      })
      .expect(201);
    const ticket = await openTicket({
      subject: 'Khách vip hỏi lịch trình',
      body: 'Xin gửi lịch trình chi tiết.',
    });
    expect(ticket.tags).toEqual(['vip']);
    expect(ticket.assigneeId).toBe(vipAgent.agent.id);
    // The assignee reaches the ticket although they belong to no queue.
    await t.http().get(`/api/v1/tickets/${ticket.id}`).set(vipAgent.auth).expect(200);

    // A ticket opened for a known customer is matched on the customer's address, as their mail would be.
    const partner = await givenCustomer(t, agent, { emails: [`${unique('doitac')}@vip.example`] });
    const forPartner = await t
      .http()
      .post('/api/v1/tickets')
      .set(agent.auth)
      .send({ customerId: partner.id, subject: 'Lịch trình đoàn tháng 12', body: 'Xin gửi lịch trình.' })
      .expect(201);
    expect(forPartner.body.tags).toEqual(['vip']);
    const plain = await openTicket({ subject: 'Lịch trình đoàn tháng 12', body: 'Xin gửi lịch trình.' });
    expect(plain.tags).toEqual([]);
  });

  it('lets admins edit keyword lists, checked word by word, and uses them at once', async () => {
    const word = `phí ${unique('ẩn').slice(3)}`;
    const before = await dryRun({ subject: 'Hỏi', body: `Sao lại có ${word}?` });
    expect(before.categoryKey).toBe('general');
    const lists = (await t.http().get('/api/v1/classification/keywords').set(supervisor.auth).expect(200))
      .body;
    const payment = lists.find((list: { category: { key: string } }) => list.category.key === 'payment');
    await t
      .http()
      .put('/api/v1/classification/keywords/payment')
      .set(admin.auth)
      .send({ keywords: [...payment.keywords, 'a'] })
      .expect(400)
      .expect(({ body }) => expect(body.errors[0].field).toBe(`keywords.${payment.keywords.length}`));
    await t
      .http()
      .put('/api/v1/classification/keywords/payment')
      .set(agent.auth)
      .send({ keywords: payment.keywords })
      .expect(403);
    await t
      .http()
      .put('/api/v1/classification/keywords/payment')
      .set(admin.auth)
      .send({ keywords: [...payment.keywords, word] })
      .expect(200);
    const after = await dryRun({ subject: 'Hỏi', body: `Sao lại có ${word.normalize('NFD')}?` });
    expect(after).toMatchObject({ categoryKey: 'payment', matchedWords: [word] });
  });

  it("records an agent's override of the automatic category", async () => {
    const ticket = await openTicket({ subject: 'Hoàn tiền', body: 'Tôi bị trừ tiền hai lần cho tour Huế.' });
    expect(ticket).toMatchObject({ categorySource: 'auto', category: { key: 'payment' } });
    const changed = (
      await t
        .http()
        .patch(`/api/v1/tickets/${ticket.id}`)
        .set(agent.auth)
        .send({ version: ticket.version, categoryKey: 'cancellation' })
        .expect(200)
    ).body;
    expect(changed).toMatchObject({ categorySource: 'agent', category: { key: 'cancellation' } });
    const events = (await t.http().get(`/api/v1/tickets/${ticket.id}/events`).set(agent.auth).expect(200))
      .body;
    expect(events.find((event: { kind: string }) => event.kind === 'category_changed')).toMatchObject({
      fromValue: 'payment',
      toValue: 'cancellation',
      actorId: agent.agent.id,
    });
  });
});
