import { EscalationSweepService } from '../../src/escalations/escalation-sweep.service.js';
import { OutboxMessage } from '../../src/mail/outbound/outbox-message.entity.js';
import { Notification } from '../../src/notifications/notification.entity.js';
import { EscalationFiring } from '../../src/sla/ticket-sla-clock.entity.js';
import { TicketEvent } from '../../src/tickets/ticket-event.entity.js';
import { Ticket } from '../../src/tickets/ticket.entity.js';
import { givenAgent, givenCustomer, type SignedInAgent } from '../support/factories.js';
import { freshDatabase, startTestApp, TestClock, type TestApp } from '../support/test-app.js';

interface ClockView {
  target: string;
  state: string;
  dueAt: string | null;
  remainingBusinessMinutes: number | null;
  breachedAt: string | null;
}
interface TicketView {
  id: string;
  version: number;
  priority: string;
  queueId: string;
  dueAt: string | null;
  sla: ClockView[];
}

/** A Hà Nội wall-clock time (UTC+7) as an instant. */
const hanoi = (local: string) => new Date(`${local}+07:00`);
const FRIDAY_4PM = hanoi('2026-11-27T16:00:00');
const GENERAL = { subject: 'Hướng dẫn viên đến muộn', body: 'Xe đón chúng tôi trễ hai tiếng ở Hội An.' };
const FRAUD = {
  subject: 'Có người giả mạo Offtrack gọi điện đòi chuyển khoản',
  body: 'Một người tự xưng nhân viên Offtrack bảo tôi chuyển thêm 5 triệu để giữ chỗ.',
};

const clockOf = (ticket: TicketView, target: string) => ticket.sla.find((clock) => clock.target === target)!;

async function openTicket(
  t: TestApp,
  agent: SignedInAgent,
  body: Record<string, unknown>,
): Promise<TicketView> {
  const customer = await givenCustomer(t, agent);
  return (
    await t
      .http()
      .post('/api/v1/tickets')
      .set(agent.auth)
      .send({ customerId: customer.id, ...body })
      .expect(201)
  ).body;
}

describe('SLA clocks on the business calendar', () => {
  const clock = new TestClock(FRIDAY_4PM);
  let t: TestApp;
  let agent: SignedInAgent;
  let supervisor: SignedInAgent;
  const read = async (id: string): Promise<TicketView> =>
    (await t.http().get(`/api/v1/tickets/${id}`).set(agent.auth).expect(200)).body;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' }, { clock });
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    supervisor = await givenAgent(t, 'supervisor');
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(FRIDAY_4PM));

  it('times a complaint opened Friday 16:00 Hà Nội time in working days, and fraud in business minutes', async () => {
    const complaint = await openTicket(t, agent, GENERAL);
    // Acknowledge within 3 working days: Mon, Tue, Wed count; the deadline is the end of Wednesday.
    expect(clockOf(complaint, 'first_response')).toMatchObject({
      state: 'running',
      dueAt: hanoi('2026-12-03T00:00:00').toISOString(),
      remainingBusinessMinutes: 90 + 3 * 480,
    });
    // Answer within 7 working days: Mon 30 Nov … Tue 8 Dec.
    expect(clockOf(complaint, 'resolution').dueAt).toBe(hanoi('2026-12-09T00:00:00').toISOString());
    expect(complaint.dueAt).toBe(hanoi('2026-12-03T00:00:00').toISOString());
    expect(complaint.sla.map((entry) => entry.target)).toEqual(['first_response', 'resolution']);

    const fraud = await openTicket(t, agent, FRAUD);
    expect(fraud.priority).toBe('urgent');
    expect(clockOf(fraud, 'first_response')).toMatchObject({
      dueAt: hanoi('2026-11-27T17:00:00').toISOString(),
      remainingBusinessMinutes: 60,
    });
    // Two business hours from Friday 16:00 is Monday 08:30 once the category says fraud no more.
    const changed = await t
      .http()
      .patch(`/api/v1/tickets/${fraud.id}`)
      .set(agent.auth)
      .send({ version: fraud.version, categoryKey: 'general' })
      .expect(200);
    expect(clockOf(changed.body, 'first_response').dueAt).toBe(hanoi('2026-12-03T00:00:00').toISOString());
  });

  it('pauses while waiting on the customer, excluding exactly the business time paused', async () => {
    const ticket = await openTicket(t, agent, GENERAL);
    clock.set(hanoi('2026-11-30T09:00:00'));
    const pending = await t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(agent.auth)
      .send({ version: ticket.version, state: 'pending_customer' })
      .expect(200);
    expect(clockOf(pending.body, 'first_response').state).toBe('paused');
    expect(pending.body.dueAt).toBeNull();
    const leftAtPause = clockOf(pending.body, 'first_response').remainingBusinessMinutes;

    clock.set(hanoi('2026-12-01T09:00:00'));
    const stillPaused = await read(ticket.id);
    expect(clockOf(stillPaused, 'first_response')).toMatchObject({
      state: 'paused',
      remainingBusinessMinutes: leftAtPause,
    });

    const resumed = await t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(agent.auth)
      .send({ version: stillPaused.version, state: 'open' })
      .expect(200);
    // One working day (480 business minutes) paused: end of Wednesday becomes Thursday 17:30.
    expect(clockOf(resumed.body, 'first_response')).toMatchObject({
      state: 'running',
      dueAt: hanoi('2026-12-03T17:30:00').toISOString(),
      remainingBusinessMinutes: leftAtPause,
    });
  });

  it('meets the first response with a public reply and starts the next-response clock on the customer’s answer', async () => {
    const ticket = await openTicket(t, agent, GENERAL);
    clock.set(hanoi('2026-11-30T10:00:00'));
    await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/replies`)
      .set(agent.auth)
      .send({ body: 'Xin lỗi quý khách.' })
      .expect(201);
    const replied = await read(ticket.id);
    expect(clockOf(replied, 'first_response')).toMatchObject({
      state: 'met',
      remainingBusinessMinutes: null,
    });
    expect(replied.sla.map((entry) => entry.target)).toEqual(['first_response', 'resolution']);
  });

  it('holds non-urgent notifications outside business hours until the next business start', async () => {
    const ticket = await openTicket(t, agent, GENERAL);
    const sweep = t.get(EscalationSweepService);
    // Breached at midnight ending Wednesday; the scan runs at 00:30 Thursday.
    clock.set(hanoi('2026-12-03T00:30:00'));
    await sweep.sweep(clock.now());
    const notices = await t.dataSource
      .getRepository(Notification)
      .find({ where: { ticketId: ticket.id, agentId: supervisor.agent.id } });
    expect(notices.map((notice) => notice.kind).sort()).toEqual(['sla_breach', 'sla_warning']);
    for (const notice of notices) expect(notice.deliverAt).toEqual(hanoi('2026-12-03T08:00:00'));
    const mails = await t.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { ticketId: ticket.id, toAddress: supervisor.agent.email } });
    expect(mails).toHaveLength(2);
    for (const mail of mails) expect(mail.nextAttemptAt).toEqual(hanoi('2026-12-03T08:00:00'));

    const inbox = async () =>
      (await t.http().get('/api/v1/notifications').set(supervisor.auth).expect(200)).body.filter(
        (notice: { ticketId: string }) => notice.ticketId === ticket.id,
      );
    expect(await inbox()).toEqual([]);
    clock.set(hanoi('2026-12-03T08:00:00'));
    const shown = await inbox();
    expect(shown).toHaveLength(2);
    expect(shown[0].title).toMatch(/OT#\d+/);
    await t.http().post(`/api/v1/notifications/${shown[0].id}/read`).set(supervisor.auth).expect(200);
    await t.http().post(`/api/v1/notifications/${shown[0].id}/read`).set(agent.auth).expect(404);
    expect(
      (await t.http().get('/api/v1/notifications?unread=true').set(supervisor.auth).expect(200)).body.map(
        (notice: { id: string }) => notice.id,
      ),
    ).not.toContain(shown[0].id);
    // Raised one step at breach.
    expect((await read(ticket.id)).priority).toBe('high');
  });
  it('lists a queue soonest-due first, paused tickets last, page by page', async () => {
    const early = await openTicket(t, agent, GENERAL);
    const paused = await openTicket(t, agent, GENERAL);
    await t
      .http()
      .patch(`/api/v1/tickets/${paused.id}`)
      .set(agent.auth)
      .send({ version: paused.version, state: 'pending_customer' })
      .expect(200);
    clock.set(hanoi('2026-11-30T09:00:00'));
    const late = await openTicket(t, agent, GENERAL);
    const seen: TicketView[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = {
        order: 'due',
        limit: 2,
        ...(cursor ? { cursor } : {}),
      };
      const page = await t
        .http()
        .get(`/api/v1/queues/${early.queueId}/tickets`)
        .query(query)
        .set(agent.auth)
        .expect(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(new Set(seen.map((ticket) => ticket.id)).size).toBe(seen.length);
    const dues = seen.map((ticket) => ticket.dueAt);
    const timed = dues.filter((due) => due !== null) as string[];
    expect(timed).toEqual([...timed].sort());
    expect(dues.slice(timed.length).every((due) => due === null)).toBe(true);
    const position = (id: string) => seen.findIndex((ticket) => ticket.id === id);
    expect(position(early.id)).toBeLessThan(position(late.id));
    expect(position(late.id)).toBeLessThan(position(paused.id));
    await t.http().get(`/api/v1/queues/${early.queueId}/tickets?order=soon`).set(agent.auth).expect(400);
  });
  it('reports response times in business time per queue, for supervisors only', async () => {
    clock.set(hanoi('2026-12-14T10:00:00'));
    const quick = await openTicket(t, agent, GENERAL);
    const slow = await openTicket(t, agent, GENERAL);
    const reply = async (id: string, local: string) => {
      clock.set(hanoi(local));
      await t
        .http()
        .post(`/api/v1/tickets/${id}/replies`)
        .set(agent.auth)
        .send({ body: 'Chúng tôi đang xử lý.' })
        .expect(201);
    };
    await reply(quick.id, '2026-12-14T11:30:00');
    // Mon 10:00–17:30 (6 h), Tue, Wed, Thu (8 h each), Fri 08:00–09:00: 1,860 business minutes, a day late.
    await reply(slow.id, '2026-12-18T09:00:00');
    const period = { from: '2026-12-14T00:00:00+07:00', to: '2026-12-15T00:00:00+07:00' };
    await t.http().get('/api/v1/sla/report').query(period).set(agent.auth).expect(403);
    const bad = await t
      .http()
      .get('/api/v1/sla/report')
      .query({ ...period, to: period.from })
      .set(supervisor.auth)
      .expect(400);
    expect(bad.body.errors).toEqual([{ field: 'to', reason: 'must be later than from' }]);
    const report = (await t.http().get('/api/v1/sla/report').query(period).set(supervisor.auth).expect(200))
      .body;
    // Groups with open tickets show up even when none of theirs were opened in the period.
    const general = report.groups.find((group: { key: string }) => group.key === quick.queueId);
    expect(general).toMatchObject({ name: 'General', tickets: 2 });
    expect(report.groups.reduce((sum: number, group: { tickets: number }) => sum + group.tickets, 0)).toBe(2);
    expect(general.firstResponse).toEqual({
      measured: 2,
      medianBusinessMinutes: 90,
      p90BusinessMinutes: 1860,
      withinTargetShare: 0.5,
      breaches: 0,
    });
    expect(general.resolution.measured).toBe(0);
    expect(Object.keys(general.openByAge)).toEqual([
      'under 1 working day',
      '1–3 working days',
      '3–7 working days',
      'over 7 working days',
    ]);
    const byAgent = (
      await t
        .http()
        .get('/api/v1/sla/report')
        .query({ ...period, groupBy: 'agent' })
        .set(supervisor.auth)
        .expect(200)
    ).body;
    expect(byAgent.groups.map((group: { key: string }) => group.key)).toContain('unassigned');
  });
});

describe('escalation ladder', () => {
  const clock = new TestClock(FRIDAY_4PM);
  let t: TestApp;
  let agent: SignedInAgent;
  let supervisor: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' }, { clock });
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    supervisor = await givenAgent(t, 'supervisor');
  });
  afterAll(() => t.close());

  it('fires each step of a fraud ticket once, at once even after hours, then moves it to Escalations', async () => {
    const ticket = await openTicket(t, agent, FRAUD);
    const sweep = async (local: string) => {
      clock.set(hanoi(local));
      return (await t.get(EscalationSweepService).sweep(clock.now())).fired;
    };
    const firings = () =>
      t.dataSource.getRepository(EscalationFiring).find({ where: { ticketId: ticket.id } });
    const notices = () =>
      t.dataSource
        .getRepository(Notification)
        .find({ where: { ticketId: ticket.id }, order: { createdAt: 'ASC' } });

    expect(await sweep('2026-11-27T16:44:00')).toBe(0);
    // 75% of the hour: nobody is assigned, so the queue's supervisors hear of it.
    expect(await sweep('2026-11-27T16:45:00')).toBe(1);
    expect((await notices()).map((notice) => [notice.kind, notice.agentId])).toEqual([
      ['sla_warning', supervisor.agent.id],
    ]);
    expect(await sweep('2026-11-27T16:59:00')).toBe(0);
    // Breach: supervisors told, priority raised (already urgent, so unchanged), each exactly once.
    expect(await sweep('2026-11-27T17:00:00')).toBe(2);
    expect(await sweep('2026-11-27T17:00:00')).toBe(0);
    expect(await sweep('2026-11-27T23:00:00')).toBe(0);
    const breached = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set(agent.auth).expect(200)).body;
    expect(clockOf(breached, 'first_response')).toMatchObject({
      state: 'breached',
      breachedAt: hanoi('2026-11-27T17:00:00').toISOString(),
      remainingBusinessMinutes: -30,
    });
    // Urgent: delivered at once, not held for Monday.
    for (const notice of await notices()) expect(notice.deliverAt).toEqual(notice.createdAt);

    // Two business hours after a 17:00 breach: 30 minutes on Friday, 90 on Monday.
    expect(await sweep('2026-11-30T09:29:00')).toBe(0);
    expect(await sweep('2026-11-30T09:30:00')).toBe(1);
    const moved = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set(agent.auth).expect(200)).body;
    const queues = (await t.http().get('/api/v1/queues').set(agent.auth).expect(200)).body as {
      id: string;
      name: string;
    }[];
    expect(queues.find((queue) => queue.id === moved.queueId)?.name).toBe('Escalations');
    expect(
      (await firings()).map((firing) => `${firing.target}#${firing.step}:${firing.action}`).sort(),
    ).toEqual([
      'first_response#0:notify_assignee',
      'first_response#1:notify_supervisors',
      'first_response#2:raise_priority',
      'first_response#3:reassign',
    ]);
    expect((await notices()).map((notice) => notice.kind)).toEqual(['sla_warning', 'sla_breach']);
    const mails = await t.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { ticketId: ticket.id, toAddress: supervisor.agent.email } });
    // The routing alert at creation, the warning and the breach.
    expect(mails).toHaveLength(3);
    const events = await t.dataSource
      .getRepository(TicketEvent)
      .find({ where: { ticketId: ticket.id, kind: 'queue_changed' } });
    expect(events).toMatchObject([{ actorType: 'system' }]);
  });

  it('lets admins edit calendars and policies, re-timing open tickets; others may only read', async () => {
    clock.set(FRIDAY_4PM);
    const ticket = await openTicket(t, agent, GENERAL);
    const admin = await givenAgent(t, 'admin');
    const [calendar] = (await t.http().get('/api/v1/sla/calendars').set(supervisor.auth).expect(200)).body;
    expect(calendar.holidays).toContainEqual({ date: '2027-02-06', name: 'Lunar New Year (Tết Nguyên Đán)' });
    const update = {
      version: calendar.version,
      timeZone: calendar.timeZone,
      workingHours: calendar.workingHours,
    };
    await t
      .http()
      .put(`/api/v1/sla/calendars/${calendar.id}`)
      .set(supervisor.auth)
      .send({ ...update, holidays: calendar.holidays })
      .expect(403);
    const bad = await t
      .http()
      .put(`/api/v1/sla/calendars/${calendar.id}`)
      .set(admin.auth)
      .send({ ...update, timeZone: 'Mars/Olympus', holidays: calendar.holidays })
      .expect(400);
    expect(bad.body.errors[0].field).toBe('timeZone');
    // A company day off on Monday 30 November pushes the Wednesday deadline to Thursday.
    await t
      .http()
      .put(`/api/v1/sla/calendars/${calendar.id}`)
      .set(admin.auth)
      .send({ ...update, holidays: [...calendar.holidays, { date: '2026-11-30', name: 'Company day' }] })
      .expect(200);
    const retimed = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set(agent.auth).expect(200)).body;
    expect(clockOf(retimed, 'first_response').dueAt).toBe(hanoi('2026-12-04T00:00:00').toISOString());

    const policies = (await t.http().get('/api/v1/sla/policies').set(supervisor.auth).expect(200)).body;
    expect(policies.map((policy: { name: string }) => policy.name)).toEqual([
      'Fraud or tampering',
      'Personal-data requests',
      'Complaints',
    ]);
    const invalid = await t
      .http()
      .post('/api/v1/sla/policies')
      .set(admin.auth)
      .send({ name: 'Broken', targets: { first_response: { businessMinutes: -5 } } })
      .expect(400);
    expect(invalid.body.errors).toEqual([
      {
        field: 'targets.first_response.businessMinutes',
        reason: 'must be a whole number of minutes from 1 to 525600',
      },
    ]);
    await t
      .http()
      .post('/api/v1/sla/policies')
      .set(admin.auth)
      .send({
        name: 'Vulnerable customers',
        position: 1,
        conditions: { vulnerable: true },
        targets: { first_response: { businessMinutes: 240 } },
      })
      .expect(201);
    const vulnerable = await givenCustomer(t, agent, { isVulnerable: true });
    const cared = (
      await t
        .http()
        .post('/api/v1/tickets')
        .set(agent.auth)
        .send({ customerId: vulnerable.id, ...GENERAL })
        .expect(201)
    ).body as TicketView;
    expect(cared.sla.map((entry) => [entry.target, entry.dueAt])).toEqual([
      // 90 minutes on Friday; Monday is now the company's day off; 150 more on Tuesday.
      ['first_response', hanoi('2026-12-01T10:30:00').toISOString()],
    ]);
  });
});

describe('two instances scanning at once', () => {
  it('records and mails every step of 500 due tickets exactly once', async () => {
    const clock = new TestClock(FRIDAY_4PM);
    const database = await freshDatabase();
    const first = await startTestApp({ JOBS_ENABLED: 'false' }, { clock, database });
    // SQLite is one file written by one process at a time; there the second scanner shares the first's app.
    const second =
      first.engine === 'mysql' ? await startTestApp({ JOBS_ENABLED: 'false' }, { clock, database }) : first;
    try {
      const agent = await givenAgent(first, 'agent', { queues: 'all' });
      const supervisor = await givenAgent(first, 'supervisor');
      const customer = await givenCustomer(first, agent);
      const ids: string[] = [];
      for (let batch = 0; batch < 25; batch += 1) {
        const created = await Promise.all(
          Array.from({ length: 20 }, () =>
            first
              .http()
              .post('/api/v1/tickets')
              .set(agent.auth)
              .send({ customerId: customer.id, ...GENERAL })
              .expect(201),
          ),
        );
        ids.push(...created.map((response) => response.body.id as string));
      }

      // Past every step of both targets: warning, breach (notify, raise priority) and reassignment.
      clock.set(hanoi('2026-12-10T09:00:00'));
      const results = await Promise.all([
        first.get(EscalationSweepService).sweep(clock.now(), 50),
        second.get(EscalationSweepService).sweep(clock.now(), 50),
      ]);
      // Whatever one scanner skipped because the other held it is picked up by the next pass.
      const rest = await first.get(EscalationSweepService).sweep(clock.now(), 50);
      const fired = results.reduce((sum, result) => sum + result.fired, rest.fired);
      expect(fired).toBe(500 * 8);

      const firings = await first.dataSource.getRepository(EscalationFiring).count();
      expect(firings).toBe(500 * 8);
      const notices = await first.dataSource
        .getRepository(Notification)
        .find({ where: { agentId: supervisor.agent.id } });
      expect(notices).toHaveLength(500 * 4);
      expect(new Set(notices.map((notice) => `${notice.ticketId}|${notice.kind}|${notice.body}`)).size).toBe(
        500 * 4,
      );
      const mails = await first.dataSource
        .getRepository(OutboxMessage)
        .find({ where: { toAddress: supervisor.agent.email, kind: 'notification' } });
      expect(mails).toHaveLength(500 * 4);
      expect(new Set(mails.map((mail) => `${mail.ticketId}|${mail.bodyText}`)).size).toBe(500 * 4);
      const raised = await first.dataSource
        .getRepository(TicketEvent)
        .find({ where: { kind: 'priority_changed' } });
      expect(raised).toHaveLength(500 * 2);
      expect(new Set(raised.map((event) => `${event.ticketId}|${event.toValue}`)).size).toBe(500 * 2);
      const tickets = await first.dataSource
        .getRepository(Ticket)
        .find({ select: { id: true, priority: true } });
      expect(
        tickets.filter((ticket) => ids.includes(ticket.id)).every((ticket) => ticket.priority === 'urgent'),
      ).toBe(true);
      const moves = await first.dataSource
        .getRepository(TicketEvent)
        .count({ where: { kind: 'queue_changed' } });
      expect(moves).toBe(500);
      expect((await first.get(EscalationSweepService).sweep(clock.now())).fired).toBe(0);
    } finally {
      if (second !== first) await second.close();
      await first.close();
      await database.drop();
    }
  }, 300_000);
});
