import { QueueCountsService } from '../../src/queues/queue-counts.service.js';
import { TicketPresence } from '../../src/tickets/ticket-presence.entity.js';
import { Ticket } from '../../src/tickets/ticket.entity.js';
import { givenAgent, givenCustomer, unique, type SignedInAgent } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

interface TicketView {
  id: string;
  number: number;
  version: number;
  state: string;
  priority: string;
  queueId: string;
  assigneeId: string | null;
}

describe('working queues: scope, assignment, next ticket, pages, counts, presence, merge', () => {
  let t: TestApp;
  let admin: SignedInAgent;
  let supervisor: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await givenAgent(t, 'admin');
    supervisor = await givenAgent(t, 'supervisor');
  });
  afterAll(() => t.close());

  /** A queue of its own, so the seeded routing rules (which route by category) never move its tickets. */
  const givenQueue = async (members: SignedInAgent[] = [], assignmentMode = 'manual') => {
    const queue = (
      await t
        .http()
        .post('/api/v1/queues')
        .set(admin.auth)
        .send({ name: unique('Hàng đợi'), assignmentMode })
        .expect(201)
    ).body as { id: string };
    await t
      .http()
      .put(`/api/v1/queues/${queue.id}/members`)
      .set(admin.auth)
      .send({ agentIds: members.map((member) => member.agent.id) })
      .expect(200);
    return queue.id;
  };

  const openTicket = async (queueId: string, extra: Record<string, unknown> = {}, customerId?: string) => {
    const customer = customerId ?? (await givenCustomer(t, admin)).id;
    return (
      await t
        .http()
        .post('/api/v1/tickets')
        .set(admin.auth)
        .send({
          customerId: customer,
          queueId,
          subject: 'Hỏi lịch trình',
          body: 'Cho tôi hỏi lịch trình.',
          ...extra,
        })
        .expect(201)
    ).body as TicketView;
  };

  const claim = async (queueId: string, as: SignedInAgent) =>
    (await t.http().post(`/api/v1/queues/${queueId}/next`).set(as.auth).expect(200)).body
      .ticket as TicketView | null;

  it('lets agents work only their queues and their own tickets; supervisors everything', async () => {
    const member = await givenAgent(t, 'agent');
    const outsider = await givenAgent(t, 'agent');
    const queueId = await givenQueue([member]);
    const ticket = await openTicket(queueId);

    await t.http().get(`/api/v1/tickets/${ticket.id}`).set(member.auth).expect(200);
    await t.http().get(`/api/v1/tickets/${ticket.id}`).set(outsider.auth).expect(404);
    await t.http().get(`/api/v1/tickets/${ticket.id}/events`).set(outsider.auth).expect(404);
    await t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(outsider.auth)
      .send({ version: ticket.version, state: 'open' })
      .expect(404);
    const listed = (await t.http().get('/api/v1/tickets').set(outsider.auth).expect(200)).body.items;
    expect(listed.map((item: TicketView) => item.id)).not.toContain(ticket.id);
    await t.http().get(`/api/v1/queues/${queueId}/tickets`).set(outsider.auth).expect(403);
    await t.http().post(`/api/v1/queues/${queueId}/next`).set(outsider.auth).expect(403);
    const outsiderCounts = (await t.http().get('/api/v1/queues/counts').set(outsider.auth).expect(200)).body;
    expect(outsiderCounts).toEqual([]);
    const memberCounts = (await t.http().get('/api/v1/queues/counts').set(member.auth).expect(200)).body;
    expect(memberCounts.map((entry: { queueId: string }) => entry.queueId)).toEqual([queueId]);

    await t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(supervisor.auth)
      .send({ version: ticket.version, assigneeId: outsider.agent.id })
      .expect(200);
    await t.http().get(`/api/v1/tickets/${ticket.id}`).set(outsider.auth).expect(200);
    const mine = (await t.http().get('/api/v1/tickets').set(outsider.auth).expect(200)).body.items;
    expect(mine.map((item: TicketView) => item.id)).toEqual([ticket.id]);
  });

  it('assigns in turn, skipping away agents, or to the least loaded within capacity', async () => {
    const team = [await givenAgent(t, 'agent'), await givenAgent(t, 'agent'), await givenAgent(t, 'agent')];
    const inTurn = team.map((member) => member.agent.id).sort();
    const roundRobin = await givenQueue(team, 'round_robin');
    const assigned = [];
    for (let i = 0; i < 4; i++) assigned.push((await openTicket(roundRobin)).assigneeId);
    expect(assigned).toEqual([inTurn[0], inTurn[1], inTurn[2], inTurn[0]]);

    const away = team.find((member) => member.agent.id === inTurn[1])!;
    await t
      .http()
      .put('/api/v1/auth/me/availability')
      .set(away.auth)
      .send({ availability: 'away' })
      .expect(200);
    expect((await openTicket(roundRobin)).assigneeId).toBe(inTurn[2]);
    expect((await openTicket(roundRobin)).assigneeId).toBe(inTurn[0]);
    await t
      .http()
      .put('/api/v1/auth/me/availability')
      .set(away.auth)
      .send({ availability: 'available' })
      .expect(200);
    expect((await openTicket(roundRobin)).assigneeId).toBe(inTurn[1]);

    const [small, big] = [await givenAgent(t, 'agent'), await givenAgent(t, 'agent')];
    await t
      .http()
      .patch(`/api/v1/agents/${small.agent.id}`)
      .set(admin.auth)
      .send({ capacity: 1 })
      .expect(200);
    await t.http().patch(`/api/v1/agents/${big.agent.id}`).set(admin.auth).send({ capacity: 3 }).expect(200);
    const leastLoaded = await givenQueue([small, big], 'least_loaded');
    const loads: (string | null)[] = [];
    for (let i = 0; i < 5; i++) loads.push((await openTicket(leastLoaded)).assigneeId);
    // 0/1 vs 0/3: tie on ratio, fewer tickets first by id; then room is what counts; full agents get none.
    expect(loads.filter((id) => id === small.agent.id)).toHaveLength(1);
    expect(loads.filter((id) => id === big.agent.id)).toHaveLength(3);
    expect(loads.at(-1)).toBeNull();

    const manual = await givenQueue([small, big], 'manual');
    expect((await openTicket(manual)).assigneeId).toBeNull();
  });

  it('gives each agent the most urgent, oldest unassigned ticket, once', async () => {
    const [ann, bao] = [await givenAgent(t, 'agent'), await givenAgent(t, 'agent')];
    const queueId = await givenQueue([ann, bao]);
    const normal = await openTicket(queueId, { priority: 'normal' });
    const urgent = await openTicket(queueId, { priority: 'urgent' });
    const olderHigh = await openTicket(queueId, { priority: 'high' });
    const newerHigh = await openTicket(queueId, { priority: 'high' });

    const first = await claim(queueId, ann);
    expect(first).toMatchObject({ id: urgent.id, assigneeId: ann.agent.id, state: 'open' });
    expect((await claim(queueId, bao))?.id).toBe(olderHigh.id);
    expect((await claim(queueId, ann))?.id).toBe(newerHigh.id);
    expect((await claim(queueId, bao))?.id).toBe(normal.id);
    expect(await claim(queueId, ann)).toBeNull();

    const events = (await t.http().get(`/api/v1/tickets/${urgent.id}/events`).set(ann.auth).expect(200)).body;
    expect(events.map((event: { kind: string }) => event.kind)).toEqual(
      expect.arrayContaining(['claimed', 'assignee_changed', 'state_changed']),
    );
  });

  it('pages a queue by urgency with filters and a cursor that misses nothing', async () => {
    const member = await givenAgent(t, 'agent');
    const queueId = await givenQueue([member]);
    const priorities = [
      'low',
      'urgent',
      'normal',
      'high',
      'normal',
      'urgent',
      'low',
      'high',
      'normal',
      'high',
      'urgent',
      'normal',
    ];
    const made: TicketView[] = [];
    for (const priority of priorities) made.push(await openTicket(queueId, { priority }));
    const closed = await openTicket(queueId, { priority: 'urgent' });
    await t
      .http()
      .patch(`/api/v1/tickets/${closed.id}`)
      .set(admin.auth)
      .send({ version: closed.version, state: 'closed' })
      .expect(200);

    const rank = { urgent: 0, high: 1, normal: 2, low: 3 } as Record<string, number>;
    const expected = made
      .map((ticket, index) => ({ ticket, index }))
      .sort((a, b) => rank[a.ticket.priority] - rank[b.ticket.priority] || a.index - b.index)
      .map(({ ticket }) => ticket.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = cursor ? { limit: 5, cursor } : { limit: 5 };
      const page = (
        await t.http().get(`/api/v1/queues/${queueId}/tickets`).query(query).set(member.auth).expect(200)
      ).body;
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((item: TicketView) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(expected);

    const filtered = async (query: Record<string, string>) =>
      (
        await t.http().get(`/api/v1/queues/${queueId}/tickets`).query(query).set(member.auth).expect(200)
      ).body.items.map((item: TicketView) => item.id);
    expect(await filtered({ state: 'closed' })).toEqual([closed.id]);
    expect(await filtered({ priority: 'urgent,high' })).toEqual(expected.slice(0, 6));
    await t
      .http()
      .patch(`/api/v1/tickets/${made[0].id}`)
      .set(member.auth)
      .send({ version: made[0].version, assigneeId: member.agent.id })
      .expect(200);
    expect(await filtered({ assigneeId: member.agent.id })).toEqual([made[0].id]);
    expect(await filtered({ assigneeId: 'none' })).toHaveLength(11);
    await t.dataSource.getRepository(Ticket).update(made[2].id, { dueAt: new Date('2026-11-25T03:00:00Z') });
    expect(await filtered({ dueBefore: '2026-11-25T04:00:00Z' })).toEqual([made[2].id]);
    expect(await filtered({ categoryKey: 'general' })).toHaveLength(12);
    expect(await filtered({ categoryKey: 'payment' })).toEqual([]);
    await t
      .http()
      .get(`/api/v1/queues/${queueId}/tickets`)
      .query({ cursor: 'not-a-cursor' })
      .set(member.auth)
      .expect(422);
    await t
      .http()
      .get(`/api/v1/queues/${queueId}/tickets`)
      .query({ state: 'lost' })
      .set(member.auth)
      .expect(400);
  });

  it('keeps sidebar counts equal to the tickets, through moves, merges and compaction', async () => {
    const member = await givenAgent(t, 'agent');
    const [first, second] = [await givenQueue([member]), await givenQueue([member])];
    const customer = await givenCustomer(t, admin);
    const tickets: TicketView[] = [];
    for (let i = 0; i < 6; i++) tickets.push(await openTicket(i % 2 ? second : first, {}, customer.id));
    const change = async (ticket: TicketView, fields: Record<string, unknown>) =>
      t
        .http()
        .patch(`/api/v1/tickets/${ticket.id}`)
        .set(admin.auth)
        .send({ version: ticket.version, ...fields })
        .expect(200);
    await change(tickets[0], { queueId: second });
    await change(tickets[1], { state: 'resolved' });
    await change(tickets[2], { assigneeId: member.agent.id });
    await claim(second, member);
    await t
      .http()
      .post(`/api/v1/tickets/${tickets[4].id}/merge`)
      .set(admin.auth)
      .send({ targetTicketId: tickets[5].id, version: tickets[4].version })
      .expect(200);

    const truth = async () => {
      const rows: { queue_id: string; state: string; assigned: unknown; n: unknown }[] =
        await t.dataSource.query(
          `SELECT queue_id, state, CASE WHEN assignee_id IS NULL THEN 0 ELSE 1 END AS assigned, COUNT(*) AS n
         FROM tickets WHERE queue_id IN (?, ?) GROUP BY queue_id, state, CASE WHEN assignee_id IS NULL THEN 0 ELSE 1 END`,
          [first, second],
        );
      const byState = new Map<string, { state: string; assigned: number; unassigned: number }>();
      for (const row of rows) {
        const key = `${row.queue_id}|${row.state}`;
        const entry = byState.get(key) ?? { state: row.state, assigned: 0, unassigned: 0 };
        entry[Number(row.assigned) ? 'assigned' : 'unassigned'] += Number(row.n);
        byState.set(key, entry);
      }
      return [first, second].map((queueId) =>
        [...byState].filter(([key]) => key.startsWith(queueId)).map(([, value]) => value),
      );
    };
    const shown = async () => {
      const counts = (await t.http().get('/api/v1/queues/counts').set(member.auth).expect(200)).body as {
        queueId: string;
        states: { state: string; assigned: number; unassigned: number }[];
      }[];
      return [first, second].map((queueId) => counts.find((entry) => entry.queueId === queueId)!.states);
    };
    const sorted = <T extends { state: string }>(lists: T[][]) =>
      lists.map((list) => [...list].sort((a, b) => a.state.localeCompare(b.state)));

    const expected = sorted(await truth());
    expect(expected.flat().length).toBeGreaterThan(3);
    expect(sorted(await shown())).toEqual(expected);
    const deltas = async () =>
      Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM queue_ticket_counts'))[0].n);
    const before = await deltas();
    await t.get(QueueCountsService).compact();
    expect(await deltas()).toBeLessThan(before);
    expect(sorted(await shown())).toEqual(expected);
    await t.get(QueueCountsService).compact();
    expect(sorted(await shown())).toEqual(expected);
    const summary = (await t.http().get('/api/v1/queues/counts').set(member.auth).expect(200)).body.find(
      (entry: { queueId: string }) => entry.queueId === second,
    );
    const open = expected[1].filter((entry) => !['resolved', 'closed', 'merged'].includes(entry.state));
    expect(summary.open).toBe(open.reduce((sum, entry) => sum + entry.assigned + entry.unassigned, 0));
    expect(summary.unassigned).toBe(open.reduce((sum, entry) => sum + entry.unassigned, 0));
  });

  it('shows who is viewing or replying, and refuses a reply over a changed ticket', async () => {
    const [ann, bao] = [await givenAgent(t, 'agent'), await givenAgent(t, 'agent')];
    const queueId = await givenQueue([ann, bao]);
    const ticket = await openTicket(queueId);
    await t
      .http()
      .put(`/api/v1/tickets/${ticket.id}/presence`)
      .set(ann.auth)
      .send({ activity: 'viewing' })
      .expect(200);
    const present = (
      await t
        .http()
        .put(`/api/v1/tickets/${ticket.id}/presence`)
        .set(bao.auth)
        .send({ activity: 'replying' })
        .expect(200)
    ).body;
    expect(
      present.map((entry: { agentId: string; activity: string }) => [entry.agentId, entry.activity]).sort(),
    ).toEqual(
      [
        [ann.agent.id, 'viewing'],
        [bao.agent.id, 'replying'],
      ].sort(),
    );
    expect(present.find((entry: { agentId: string }) => entry.agentId === ann.agent.id).displayName).toBe(
      'Test agent',
    );
    await t
      .http()
      .put(`/api/v1/tickets/${ticket.id}/presence`)
      .set(ann.auth)
      .send({ activity: 'dozing' })
      .expect(400);
    await t.http().delete(`/api/v1/tickets/${ticket.id}/presence`).set(bao.auth).expect(204);
    const left = (await t.http().get(`/api/v1/tickets/${ticket.id}/presence`).set(bao.auth).expect(200)).body;
    expect(left.map((entry: { agentId: string }) => entry.agentId)).toEqual([ann.agent.id]);
    await t.dataSource
      .getRepository(TicketPresence)
      .update({ ticketId: ticket.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect(
      (await t.http().get(`/api/v1/tickets/${ticket.id}/presence`).set(bao.auth).expect(200)).body,
    ).toEqual([]);

    await t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(bao.auth)
      .send({ version: ticket.version, priority: 'high' })
      .expect(200);
    const refused = (
      await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/replies`)
        .set(ann.auth)
        .send({ version: ticket.version, body: 'Chào anh, chúng tôi đã kiểm tra.' })
        .expect(409)
    ).body;
    expect(refused.details).toMatchObject({
      currentVersion: ticket.version + 1,
      changes: [{ kind: 'priority_changed', from: 'normal', to: 'high', actorId: bao.agent.id }],
    });
    await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/replies`)
      .set(ann.auth)
      .send({ version: ticket.version + 1, body: 'Chào anh, chúng tôi đã kiểm tra.' })
      .expect(201);
  });

  it("merges a customer's duplicate into one ticket, telling the customer when asked", async () => {
    const member = await givenAgent(t, 'agent');
    const queueId = await givenQueue([member]);
    const customer = await givenCustomer(t, admin);
    const target = await openTicket(
      queueId,
      { subject: 'Xe đón trễ', body: 'Xe đón trễ 2 tiếng.' },
      customer.id,
    );
    const duplicate = await openTicket(
      queueId,
      { subject: 'Xe đón trễ (gửi lại)', body: 'Tôi gửi lại.' },
      customer.id,
    );
    const stranger = await openTicket(queueId);

    const merge = (sourceId: string, body: Record<string, unknown>) =>
      t.http().post(`/api/v1/tickets/${sourceId}/merge`).set(member.auth).send(body);
    await merge(duplicate.id, { targetTicketId: stranger.id, version: duplicate.version }).expect(422);
    await merge(duplicate.id, { targetTicketId: duplicate.id, version: duplicate.version }).expect(422);
    await merge(duplicate.id, { targetTicketId: target.id, version: duplicate.version + 5 }).expect(409);

    const merged = (
      await merge(duplicate.id, {
        targetTicketId: target.id,
        version: duplicate.version,
        notifyCustomer: true,
      }).expect(200)
    ).body;
    expect(merged.source).toMatchObject({ id: duplicate.id, state: 'merged', mergedIntoId: target.id });
    await merge(duplicate.id, { targetTicketId: target.id, version: merged.source.version }).expect(422);

    const thread = (await t.http().get(`/api/v1/tickets/${target.id}`).set(member.auth).expect(200)).body;
    expect(thread.messages.map((message: { bodyText: string }) => message.bodyText)).toEqual([
      'Xe đón trễ 2 tiếng.',
      'Tôi gửi lại.',
    ]);
    const kinds = async (id: string) =>
      (await t.http().get(`/api/v1/tickets/${id}/events`).set(member.auth).expect(200)).body.map(
        (event: { kind: string }) => event.kind,
      );
    expect(await kinds(duplicate.id)).toContain('merged_into');
    expect(await kinds(target.id)).toContain('merged_from');

    const [notice] = await t.dataSource.query(
      'SELECT to_address, subject, body_text FROM outbox WHERE ticket_id = ? AND kind = ?',
      [target.id, 'notification'],
    );
    expect(notice.to_address).toBe(customer.emails[0].value);
    expect(notice.subject).toContain(`OT#${target.number}`);
    expect(notice.body_text).toContain(`OT#${duplicate.number}`);
  });
});
