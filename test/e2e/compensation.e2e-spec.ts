import { OutboxMessage } from '../../src/mail/outbound/outbox-message.entity.js';
import { givenAgent, givenTicket, unique, type SignedInAgent } from '../support/factories.js';
import { startTestApp, TestClock, type TestApp } from '../support/test-app.js';

interface CompensationView {
  id: string;
  ticketId: string;
  state: string;
  amountVnd: number;
  evidenceLinks: string[];
  proposedById: string;
  decidedById: string | null;
  decisionNote: string | null;
  letterMessageId: string | null;
  paymentReference: string | null;
  version: number;
}

interface ThreadMessage {
  id: string;
  direction: string;
  authorAgentId: string | null;
  bodyText: string;
}

describe('compensation, case by case', () => {
  let t: TestApp;
  let clock: TestClock;
  let agent: SignedInAgent;
  let otherAgent: SignedInAgent;
  let supervisor: SignedInAgent;
  let otherSupervisor: SignedInAgent;
  let admin: SignedInAgent;

  beforeAll(async () => {
    clock = new TestClock(new Date('2026-05-04T03:00:00Z'));
    t = await startTestApp({ COMPENSATION_SUPERVISOR_LIMIT_VND: '5000000' }, { clock });
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    otherAgent = await givenAgent(t, 'agent', { queues: 'all' });
    supervisor = await givenAgent(t, 'supervisor');
    otherSupervisor = await givenAgent(t, 'supervisor');
    admin = await givenAgent(t, 'admin');
  });
  afterAll(() => t.close());

  const propose = async (ticketId: string, as: SignedInAgent, body: Record<string, unknown> = {}) =>
    (
      await t
        .http()
        .post(`/api/v1/tickets/${ticketId}/compensations`)
        .set(as.auth)
        .send({
          reasonCode: 'double_charge',
          explanation: 'Khách bị trừ tiền hai lần cho đơn OTV-2026-001234.',
          amountVnd: 1_500_000,
          evidenceLinks: ['https://bank.example.vn/sao-ke/123'],
          ...body,
        })
        .expect(201)
    ).body as CompensationView;

  const decide = (
    id: string,
    decision: 'approve' | 'reject',
    as: SignedInAgent,
    version: number,
    note: string,
  ) => t.http().post(`/api/v1/compensations/${id}/${decision}`).set(as.auth).send({ version, note });

  const threadOf = async (ticketId: string): Promise<ThreadMessage[]> =>
    (await t.http().get(`/api/v1/tickets/${ticketId}`).set(agent.auth).expect(200)).body.messages;

  const mailOf = (messageRecordId: string) =>
    t.dataSource.getRepository(OutboxMessage).findOneByOrFail({ messageRecordId });

  it('proposes, approves within the limit, tells the customer in their language, pays and reports it', async () => {
    clock.set(new Date('2026-03-10T03:00:00Z'));
    const ticket = await givenTicket(t, agent, {
      subject: 'Charged twice for the Ha Long cruise',
      body: 'My card was charged twice.',
      language: 'en',
    });
    const proposed = await propose(ticket.id, agent);
    expect(proposed).toMatchObject({
      ticketId: ticket.id,
      state: 'proposed',
      amountVnd: 1_500_000,
      evidenceLinks: ['https://bank.example.vn/sao-ke/123'],
      proposedById: agent.agent.id,
      version: 1,
    });
    const queue = (
      await t.http().get('/api/v1/compensations/awaiting-decision').set(supervisor.auth).expect(200)
    ).body as CompensationView[];
    expect(queue.map(({ id }) => id)).toContain(proposed.id);
    await t.http().get('/api/v1/compensations/awaiting-decision').set(agent.auth).expect(403);

    clock.set(new Date('2026-03-10T04:00:00Z'));
    // Agents propose; they never decide.
    await decide(proposed.id, 'approve', otherAgent, 1, 'OK').expect(403);

    const approved = (
      await decide(proposed.id, 'approve', supervisor, 1, 'The bank statement shows both charges.').expect(
        200,
      )
    ).body as CompensationView;
    expect(approved).toMatchObject({
      state: 'approved',
      decidedById: supervisor.agent.id,
      decisionNote: 'The bank statement shows both charges.',
      version: 2,
    });
    const letter = (await threadOf(ticket.id)).find(({ id }) => id === approved.letterMessageId)!;
    expect(letter).toMatchObject({ direction: 'outbound', authorAgentId: supervisor.agent.id });
    expect(letter.bodyText).toContain('approved compensation of VND 1,500,000 for a payment charged twice');
    expect(letter.bodyText).toContain('The bank statement shows both charges.');
    const mail = await mailOf(approved.letterMessageId!);
    expect(mail.subject).toBe(
      `[OT#${ticket.number}] Offtrack Travel approves compensation for request OT#${ticket.number}`,
    );
    expect(mail.kind).toBe('reply');
    expect(mail.bodyText).toBe(letter.bodyText);
    expect(mail.toAddress).toMatch(/@example\.com$/);
    expect(
      (
        await t.http().get('/api/v1/compensations/awaiting-decision').set(supervisor.auth).expect(200)
      ).body.map(({ id }: CompensationView) => id),
    ).not.toContain(proposed.id);

    clock.set(new Date('2026-03-12T03:00:00Z'));
    await t
      .http()
      .post(`/api/v1/compensations/${proposed.id}/paid`)
      .set(agent.auth)
      .send({ version: 2, paymentReference: 'VCB-1' })
      .expect(403);
    const paid = (
      await t
        .http()
        .post(`/api/v1/compensations/${proposed.id}/paid`)
        .set(supervisor.auth)
        .send({ version: 2, paymentReference: 'VCB-20260312-000123' })
        .expect(200)
    ).body as CompensationView;
    expect(paid).toMatchObject({ state: 'paid', paymentReference: 'VCB-20260312-000123', version: 3 });

    // 18:00 UTC on 31 March is already 1 April in Ho Chi Minh City: it counts for April.
    const late = await propose(ticket.id, agent, { reasonCode: 'delay', amountVnd: 200_000 });
    await decide(late.id, 'approve', otherSupervisor, 1, 'Tour left two hours late.').expect(200);
    clock.set(new Date('2026-03-31T18:00:00Z'));
    await t
      .http()
      .post(`/api/v1/compensations/${late.id}/paid`)
      .set(admin.auth)
      .send({ version: 2, paymentReference: 'VCB-20260401-000007' })
      .expect(200);
    // Approved but not paid: not in the report.
    const unpaid = await propose(ticket.id, agent, { reasonCode: 'goodwill', amountVnd: 300_000 });
    await decide(unpaid.id, 'approve', supervisor, 1, 'Goodwill gesture.').expect(200);

    const report = (
      await t
        .http()
        .get('/api/v1/compensations/report?from=2026-03-01&to=2026-04-30')
        .set(supervisor.auth)
        .expect(200)
    ).body;
    expect(report).toMatchObject({
      from: '2026-03-01',
      to: '2026-04-30',
      timeZone: 'Asia/Ho_Chi_Minh',
      count: 2,
      totalVnd: 1_700_000,
      byMonth: [
        { month: '2026-03', count: 1, totalVnd: 1_500_000 },
        { month: '2026-04', count: 1, totalVnd: 200_000 },
      ],
    });
    expect(report.byReason).toEqual([
      { reasonCode: 'double_charge', count: 1, totalVnd: 1_500_000 },
      { reasonCode: 'service_failure', count: 0, totalVnd: 0 },
      { reasonCode: 'delay', count: 1, totalVnd: 200_000 },
      { reasonCode: 'goodwill', count: 0, totalVnd: 0 },
      { reasonCode: 'other', count: 0, totalVnd: 0 },
    ]);
    const march = (
      await t
        .http()
        .get('/api/v1/compensations/report?from=2026-03-01&to=2026-03-31')
        .set(admin.auth)
        .expect(200)
    ).body;
    expect(march).toMatchObject({ count: 1, totalVnd: 1_500_000 });
    await t
      .http()
      .get('/api/v1/compensations/report?from=2026-03-01&to=2026-03-31')
      .set(agent.auth)
      .expect(403);
    const backwards = await t
      .http()
      .get('/api/v1/compensations/report?from=2026-04-01&to=2026-03-01')
      .set(supervisor.auth)
      .expect(400);
    expect(backwards.body.errors).toEqual([{ field: 'to', reason: 'to must not be before from' }]);
    const missing = await t
      .http()
      .get('/api/v1/compensations/report?from=2026-04-01')
      .set(supervisor.auth)
      .expect(400);
    expect(missing.body.errors.map(({ field }: { field: string }) => field)).toEqual(['to']);

    const audit = (
      await t
        .http()
        .get(`/api/v1/audit-events?recordType=compensation&recordId=${proposed.id}`)
        .set(admin.auth)
        .expect(200)
    ).body.items as { action: string; actorId: string }[];
    expect(audit.map(({ action, actorId }) => [action, actorId]).reverse()).toEqual([
      ['compensation.propose', agent.agent.id],
      ['compensation.approve', supervisor.agent.id],
      ['compensation.pay', supervisor.agent.id],
    ]);
    const listed = (
      await t.http().get(`/api/v1/tickets/${ticket.id}/compensations`).set(agent.auth).expect(200)
    ).body as CompensationView[];
    expect(listed.map(({ id, state }) => [id, state])).toEqual([
      [proposed.id, 'paid'],
      [late.id, 'paid'],
      [unpaid.id, 'approved'],
    ]);
    clock.set(new Date('2026-05-04T03:00:00Z'));
  });

  it('never lets the proposer approve their own proposal, even as a supervisor or admin', async () => {
    const ticket = await givenTicket(t, agent);
    const own = await propose(ticket.id, supervisor);
    const refused = await decide(own.id, 'approve', supervisor, 1, 'Tự duyệt').expect(403);
    expect(refused.body.message).toBe(
      'You proposed this compensation: another supervisor or an admin must decide it',
    );
    await decide(own.id, 'reject', supervisor, 1, 'Tự từ chối').expect(403);
    await decide(own.id, 'approve', otherSupervisor, 1, 'Đã kiểm tra sao kê.').expect(200);

    const adminsOwn = await propose(ticket.id, admin, { amountVnd: 9_000_000 });
    await decide(adminsOwn.id, 'approve', admin, 1, 'Tự duyệt').expect(403);
    expect(
      (await t.http().get(`/api/v1/compensations/${adminsOwn.id}`).set(admin.auth).expect(200)).body.state,
    ).toBe('proposed');
  });

  it('sends approvals above the supervisor limit to an admin', async () => {
    const ticket = await givenTicket(t, agent);
    const large = await propose(ticket.id, agent, { reasonCode: 'service_failure', amountVnd: 5_000_001 });
    const refused = await decide(large.id, 'approve', supervisor, 1, 'Đồng ý').expect(403);
    expect(refused.body.message).toBe(
      'Supervisors approve compensation up to 5000000 VND; an admin must approve this one',
    );
    const approved = (
      await decide(large.id, 'approve', admin, 1, 'Tour bị hủy do lỗi của công ty.').expect(200)
    ).body as CompensationView;
    expect(approved).toMatchObject({ state: 'approved', decidedById: admin.agent.id });
    const atLimit = await propose(ticket.id, agent, { amountVnd: 5_000_000 });
    await decide(atLimit.id, 'approve', supervisor, 1, 'Trong hạn mức.').expect(200);
  });

  it('rejects with a letter in Vietnamese, and a rejected proposal can be neither paid nor withdrawn', async () => {
    const ticket = await givenTicket(t, agent, { language: 'vi' });
    const proposed = await propose(ticket.id, agent, { evidenceLinks: [] });
    const rejected = (
      await decide(proposed.id, 'reject', supervisor, 1, 'Ngân hàng xác nhận chỉ trừ tiền một lần.').expect(
        200,
      )
    ).body as CompensationView;
    expect(rejected.state).toBe('rejected');
    const letter = (await threadOf(ticket.id)).find(({ id }) => id === rejected.letterMessageId)!;
    expect(letter.direction).toBe('outbound');
    expect(letter.bodyText).toContain('rất tiếc chưa thể chấp thuận');
    expect(letter.bodyText).toContain('Lý do: Ngân hàng xác nhận chỉ trừ tiền một lần.');
    expect(letter.bodyText).toContain('khoản thanh toán bị trừ hai lần');
    const mail = await mailOf(rejected.letterMessageId!);
    expect(mail.subject).toBe(
      `[OT#${ticket.number}] Kết quả xem xét bồi thường cho yêu cầu OT#${ticket.number}`,
    );
    await t
      .http()
      .post(`/api/v1/compensations/${proposed.id}/paid`)
      .set(supervisor.auth)
      .send({ version: 2, paymentReference: 'VCB-9' })
      .expect(409);
    await t
      .http()
      .post(`/api/v1/compensations/${proposed.id}/withdraw`)
      .set(agent.auth)
      .send({ version: 2 })
      .expect(409);
    await decide(proposed.id, 'approve', admin, 2, 'Xem lại').expect(409);
  });

  it('lets only the proposer withdraw a proposal before it is decided', async () => {
    const ticket = await givenTicket(t, agent);
    const proposed = await propose(ticket.id, agent);
    await t
      .http()
      .post(`/api/v1/compensations/${proposed.id}/withdraw`)
      .set(otherAgent.auth)
      .send({ version: 1 })
      .expect(403);
    const withdrawn = (
      await t
        .http()
        .post(`/api/v1/compensations/${proposed.id}/withdraw`)
        .set(agent.auth)
        .send({ version: 1 })
        .expect(200)
    ).body as CompensationView;
    expect(withdrawn).toMatchObject({ state: 'withdrawn', version: 2 });
    await decide(proposed.id, 'approve', supervisor, 2, 'Quá muộn').expect(409);
  });

  it('answers 400 naming the field for a bad amount, reason or evidence link', async () => {
    const ticket = await givenTicket(t, agent);
    const fieldsOf = async (body: Record<string, unknown>) => {
      const response = await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/compensations`)
        .set(agent.auth)
        .send({ reasonCode: 'delay', explanation: 'Trễ chuyến.', amountVnd: 100_000, ...body })
        .expect(400);
      return [...new Set(response.body.errors.map(({ field }: { field: string }) => field))];
    };
    expect(await fieldsOf({ amountVnd: 1500.5 })).toEqual(['amountVnd']);
    expect(await fieldsOf({ amountVnd: -5 })).toEqual(['amountVnd']);
    expect(await fieldsOf({ amountVnd: 0 })).toEqual(['amountVnd']);
    expect(await fieldsOf({ amountVnd: '100000' })).toEqual(['amountVnd']);
    expect(await fieldsOf({ amountVnd: 2 ** 60 })).toEqual(['amountVnd']);
    expect(await fieldsOf({ evidenceLinks: ['javascript:alert(1)'] })).toEqual(['evidenceLinks']);
    expect(await fieldsOf({ evidenceLinks: ['ftp://files.example.vn/a.pdf'] })).toEqual(['evidenceLinks']);
    expect(await fieldsOf({ evidenceLinks: ['không phải link'] })).toEqual(['evidenceLinks']);
    expect(
      await fieldsOf({ evidenceLinks: Array.from({ length: 11 }, (_, i) => `https://x.example.vn/${i}`) }),
    ).toEqual(['evidenceLinks']);
    expect(await fieldsOf({ reasonCode: 'because' })).toEqual(['reasonCode']);
    expect(await fieldsOf({ explanation: '' })).toEqual(['explanation']);
    const proposed = await propose(ticket.id, agent);
    const note = await decide(proposed.id, 'approve', supervisor, 1, '').expect(400);
    expect(note.body.errors.map(({ field }: { field: string }) => field)).toEqual(['note']);
  });

  it("keeps compensation within the agent's reach: tickets outside their queues look missing", async () => {
    const queue = (
      await t
        .http()
        .post('/api/v1/queues')
        .set(admin.auth)
        .send({ name: unique('Riêng') })
        .expect(201)
    ).body as { id: string };
    const outsider = await givenAgent(t, 'agent', { queues: [queue.id] });
    const ticket = await givenTicket(t, agent);
    const proposed = await propose(ticket.id, agent);
    await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/compensations`)
      .set(outsider.auth)
      .send({ reasonCode: 'delay', explanation: 'x', amountVnd: 1 })
      .expect(404);
    await t.http().get(`/api/v1/tickets/${ticket.id}/compensations`).set(outsider.auth).expect(404);
    await t.http().get(`/api/v1/compensations/${proposed.id}`).set(outsider.auth).expect(404);
    await t.http().get(`/api/v1/compensations/${proposed.id}`).set(otherAgent.auth).expect(200);
  });

  it('lets only one of two concurrent decisions through; the other gets 409', async () => {
    const ticket = await givenTicket(t, agent);
    const proposed = await propose(ticket.id, agent);
    const [first, second] = await Promise.all([
      decide(proposed.id, 'approve', supervisor, 1, 'Đồng ý bồi thường.'),
      decide(proposed.id, 'reject', otherSupervisor, 1, 'Không đủ chứng từ.'),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.body.message).toMatch(/changed by someone else/);
    const winner = (first.status === 200 ? first : second).body as CompensationView;
    const letters = (await threadOf(ticket.id)).filter(({ direction }) => direction === 'outbound');
    expect(letters.map(({ id }) => id)).toEqual([winner.letterMessageId]);
    const current = (await t.http().get(`/api/v1/compensations/${proposed.id}`).set(agent.auth).expect(200))
      .body as CompensationView;
    expect(current).toMatchObject({ state: winner.state, version: 2 });
  });
});
