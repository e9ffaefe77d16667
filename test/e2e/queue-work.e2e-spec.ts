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
  createdAt: string;
}

interface StateCount {
  state: string;
  assigned: number;
  unassigned: number;
}

interface QueueCounts {
  queueId: string;
  open: number;
  unassigned: number;
  states: StateCount[];
}

const ids = (tickets: { id: string }[]) => tickets.map((ticket) => ticket.id);

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

  /** A queue of its own: tickets opened in it with an explicit queueId stay there whatever the seeded rules say. */
  const givenQueue = async (members: SignedInAgent[] = [], assignmentMode = 'manual') => {
    const queue = (
      await t
        .http()
        .post('/api/v1/queues')
        .set(admin.auth)
        .send({ name: unique('Hàng đợi'), assignmentMode })
        .expect(201)
    ).body as { id: string };
    await setMembers(queue.id, members);
    return queue.id;
  };

  const setMembers = (queueId: string, members: SignedInAgent[]) =>
    t
      .http()
      .put(`/api/v1/queues/${queueId}/members`)
      .set(admin.auth)
      .send({ agentIds: members.map((member) => member.agent.id) })
      .expect(200);

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

  const change = (ticket: TicketView, fields: Record<string, unknown>, as = admin) =>
    t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(as.auth)
      .send({ version: ticket.version, ...fields })
      .expect(200);

  const claim = async (queueId: string, as: SignedInAgent) =>
    (await t.http().post(`/api/v1/queues/${queueId}/next`).set(as.auth).expect(200)).body
      .ticket as TicketView | null;

  const listed = async (as: SignedInAgent) =>
    ids((await t.http().get('/api/v1/tickets').query({ limit: 100 }).set(as.auth).expect(200)).body.items);

  const setAvailability = (as: SignedInAgent, availability: string) =>
    t.http().put('/api/v1/auth/me/availability').set(as.auth).send({ availability }).expect(200);

  it('lets agents work only their queues and their own tickets; supervisors everything', async () => {
    const member = await givenAgent(t, 'agent');
    const outsider = await givenAgent(t, 'agent');
    const queueId = await givenQueue([member]);
    const ticket = await openTicket(queueId);

    await t.http().get(`/api/v1/tickets/${ticket.id}`).set(member.auth).expect(200);
    expect(await listed(member)).toEqual([ticket.id]);
    await t.http().get(`/api/v1/tickets/${ticket.id}`).set(outsider.auth).expect(404);
    await t.http().get(`/api/v1/tickets/${ticket.id}/events`).set(outsider.auth).expect(404);
    await t
      .http()
      .patch(`/api/v1/tickets/${ticket.id}`)
      .set(outsider.auth)
      .send({ version: ticket.version, state: 'open' })
      .expect(404);
    expect(await listed(outsider)).toEqual([]);
    await t.http().get(`/api/v1/queues/${queueId}/tickets`).set(outsider.auth).expect(403);
    await t.http().post(`/api/v1/queues/${queueId}/next`).set(outsider.auth).expect(403);
    expect((await t.http().get('/api/v1/queues/counts').set(outsider.auth).expect(200)).body).toEqual([]);
    const memberCounts = (await t.http().get('/api/v1/queues/counts').set(member.auth).expect(200))
      .body as QueueCounts[];
    expect(memberCounts).toEqual([
      expect.objectContaining({
        queueId,
        open: 1,
        unassigned: 1,
        states: [{ state: 'new', assigned: 0, unassigned: 1 }],
      }),
    ]);

    await t.http().get(`/api/v1/tickets/${ticket.id}`).set(supervisor.auth).expect(200);
    expect(await listed(supervisor)).toContain(ticket.id);
    const page = (await t.http().get(`/api/v1/queues/${queueId}/tickets`).set(supervisor.auth).expect(200))
      .body;
    expect(ids(page.items)).toEqual([ticket.id]);
    const everyQueue = (await t.http().get('/api/v1/queues').set(supervisor.auth).expect(200)).body;
    const supervisorCounts = (await t.http().get('/api/v1/queues/counts').set(supervisor.auth).expect(200))
      .body as QueueCounts[];
    expect(supervisorCounts.map((entry) => entry.queueId).sort()).toEqual(ids(everyQueue).sort());

    await change(ticket, { assigneeId: outsider.agent.id }, supervisor);
    const seen = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set(outsider.auth).expect(200)).body;
    expect(seen.assigneeId).toBe(outsider.agent.id);
    expect(await listed(outsider)).toEqual([ticket.id]);
    // Their own ticket, not the queue: its page stays closed to them.
    await t.http().get(`/api/v1/queues/${queueId}/tickets`).set(outsider.auth).expect(403);
  });

  it('assigns round-robin in turn, skipping away agents until they are back', async () => {
    const team = [await givenAgent(t, 'agent'), await givenAgent(t, 'agent'), await givenAgent(t, 'agent')];
    const queueId = await givenQueue(team, 'round_robin');
    const assigned: (string | null)[] = [];
    for (let i = 0; i < 6; i++) assigned.push((await openTicket(queueId)).assigneeId);
    const turn = assigned.slice(0, 3);
    expect([...turn].sort()).toEqual(team.map((member) => member.agent.id).sort());
    expect(assigned.slice(3)).toEqual(turn);

    const away = team.find((member) => member.agent.id === turn[1])!;
    await setAvailability(away, 'away');
    expect((await openTicket(queueId)).assigneeId).toBe(turn[0]);
    expect((await openTicket(queueId)).assigneeId).toBe(turn[2]);
    expect((await openTicket(queueId)).assigneeId).toBe(turn[0]);
    await setAvailability(away, 'available');
    expect((await openTicket(queueId)).assigneeId).toBe(turn[1]);
  });

  it('assigns least-loaded to the member with most room, never above capacity; manual to nobody', async () => {
    const [small, big] = [await givenAgent(t, 'agent'), await givenAgent(t, 'agent')];
    const setCapacity = (as: SignedInAgent, capacity: number) =>
      t.http().patch(`/api/v1/agents/${as.agent.id}`).set(admin.auth).send({ capacity }).expect(200);
    await setCapacity(small, 1);
    await setCapacity(big, 3);
    const queueId = await givenQueue([big], 'least_loaded');
    const first = await openTicket(queueId);
    expect(first.assigneeId).toBe(big.agent.id);
    await setMembers(queueId, [small, big]);

    // small 0/1 has more room than big 1/3; then small is full, and big fills up to 3.
    const next: (string | null)[] = [];
    for (let i = 0; i < 4; i++) next.push((await openTicket(queueId)).assigneeId);
    expect(next).toEqual([small.agent.id, big.agent.id, big.agent.id, null]);
    const load = async (as: SignedInAgent) =>
      (
        await t
          .http()
          .get(`/api/v1/queues/${queueId}/tickets`)
          .query({ assigneeId: as.agent.id })
          .set(supervisor.auth)
          .expect(200)
      ).body.items.length;
    expect([await load(small), await load(big)]).toEqual([1, 3]);

    await change(first, { state: 'resolved' });
    expect((await openTicket(queueId)).assigneeId).toBe(big.agent.id);

    const manual = await givenQueue([small, big], 'manual');
    await setCapacity(small, 10);
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
    expect(first).toMatchObject({
      id: urgent.id,
      assigneeId: ann.agent.id,
      state: 'open',
      version: urgent.version + 1,
    });
    const second = await claim(queueId, bao);
    expect(second).toMatchObject({ id: olderHigh.id, assigneeId: bao.agent.id, state: 'open' });
    expect((await claim(queueId, ann))?.id).toBe(newerHigh.id);
    expect((await claim(queueId, bao))?.id).toBe(normal.id);
    expect((await t.http().post(`/api/v1/queues/${queueId}/next`).set(ann.auth).expect(200)).body).toEqual({
      ticket: null,
    });

    const stored = (await t.http().get(`/api/v1/tickets/${urgent.id}`).set(ann.auth).expect(200)).body;
    expect(stored).toMatchObject({ assigneeId: ann.agent.id, state: 'open' });
    const events = (await t.http().get(`/api/v1/tickets/${urgent.id}/events`).set(ann.auth).expect(200)).body;
    expect(
      events
        .filter((event: { ticketVersion: number }) => event.ticketVersion === urgent.version + 1)
        .map((event: { kind: string; fromValue: string | null; toValue: string | null; actorId: string }) => [
          event.kind,
          event.fromValue,
          event.toValue,
          event.actorId,
        ]),
    ).toEqual([
      ['claimed', null, ann.agent.id, ann.agent.id],
      ['assignee_changed', null, ann.agent.id, ann.agent.id],
      ['state_changed', 'new', 'open', ann.agent.id],
    ]);
  });

  it('pages a queue by urgency with filters and a cursor that visits each ticket once', async () => {
    const member = await givenAgent(t, 'agent');
    const queueId = await givenQueue([member]);
    const priorities = ['low', 'urgent', 'normal', 'high', 'normal', 'urgent'];
    priorities.push('low', 'high', 'normal', 'high', 'urgent', 'normal');
    const made: TicketView[] = [];
    for (const priority of priorities) made.push(await openTicket(queueId, { priority }));
    // The 5th and 6th tickets in urgency order (highs made 7th and 9th) straddle the first page break; the
    // same creation time makes the cursor fall back to the id.
    await t.dataSource.getRepository(Ticket).update(made[9].id, { createdAt: new Date(made[7].createdAt) });
    made[9] = { ...made[9], createdAt: made[7].createdAt };
    const resolved = await openTicket(queueId, { priority: 'urgent' });
    await change(resolved, { state: 'resolved' });
    const closed = await openTicket(queueId, { priority: 'urgent' });
    await change(closed, { state: 'closed' });

    const rank: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };
    const expected = ids(
      [...made].sort(
        (a, b) =>
          rank[a.priority] - rank[b.priority] ||
          Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
          (a.id < b.id ? -1 : 1),
      ),
    );
    const page = async (query: Record<string, string | number>) =>
      (await t.http().get(`/api/v1/queues/${queueId}/tickets`).query(query).set(member.auth).expect(200))
        .body as { items: TicketView[]; nextCursor: string | null };

    const seen: string[][] = [];
    let cursor: string | null = null;
    do {
      const current = await page(cursor ? { limit: 5, cursor } : { limit: 5 });
      seen.push(ids(current.items));
      cursor = current.nextCursor;
    } while (cursor && seen.length < 5);
    expect(seen.map((items) => items.length)).toEqual([5, 5, 2]);
    expect(seen.flat()).toEqual(expected);
    expect(ids((await page({})).items)).toEqual(expected);

    const filtered = async (query: Record<string, string>) => ids((await page(query)).items);
    expect(await filtered({ state: 'closed' })).toEqual([closed.id]);
    expect(await filtered({ state: 'resolved,closed' })).toEqual([resolved.id, closed.id]);
    expect(await filtered({ priority: 'urgent,high' })).toEqual(expected.slice(0, 6));
    expect(await filtered({ priority: 'low' })).toEqual(expected.slice(10));
    await change(made[0], { assigneeId: member.agent.id });
    expect(await filtered({ assigneeId: member.agent.id })).toEqual([made[0].id]);
    expect(await filtered({ assigneeId: 'none' })).toEqual(expected.filter((id) => id !== made[0].id));
    await change(made[4], { categoryKey: 'payment' });
    expect(await filtered({ categoryKey: 'payment' })).toEqual([made[4].id]);
    expect(await filtered({ categoryKey: 'general' })).toEqual(expected.filter((id) => id !== made[4].id));
    expect(await filtered({ categoryKey: 'no_such_category' })).toEqual([]);
    const tickets = t.dataSource.getRepository(Ticket);
    await tickets.update(made[2].id, { dueAt: new Date('2026-11-25T03:00:00.000Z') });
    await tickets.update(made[11].id, { dueAt: new Date('2026-11-25T04:00:00.000Z') });
    await tickets.update(made[8].id, { dueAt: new Date('2026-11-25T04:00:00.001Z') });
    expect(await filtered({ dueBefore: '2026-11-25T04:00:00.000Z' })).toEqual([made[2].id, made[11].id]);
    expect(await filtered({ dueBefore: '2026-11-25T03:59:59.999Z' })).toEqual([made[2].id]);
    expect(await filtered({ dueBefore: '2026-11-25T04:00:00.000Z', priority: 'low' })).toEqual([]);

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

  it('keeps sidebar counts equal to the tickets through moves, merges and compaction', async () => {
    const member = await givenAgent(t, 'agent');
    const [first, second] = [await givenQueue([member]), await givenQueue([member])];
    const customer = await givenCustomer(t, admin);
    const tickets: TicketView[] = [];
    for (let i = 0; i < 7; i++) tickets.push(await openTicket(i % 2 ? second : first, {}, customer.id));
    await change(tickets[0], { queueId: second });
    await change(tickets[1], { state: 'resolved' });
    await change(tickets[2], { assigneeId: member.agent.id });
    await change(tickets[3], { state: 'pending_customer' });
    await claim(first, member);
    await t
      .http()
      .post(`/api/v1/tickets/${tickets[5].id}/merge`)
      .set(admin.auth)
      .send({ targetTicketId: tickets[6].id, version: tickets[5].version })
      .expect(200);

    /** The counts as they truly are, from the tickets themselves, in the API's shape. */
    const truth = async () => {
      const rows: { queue_id: string; state: string; assigned: unknown; n: unknown }[] =
        await t.dataSource.query(
          `SELECT queue_id, state, CASE WHEN assignee_id IS NULL THEN 0 ELSE 1 END AS assigned, COUNT(*) AS n
           FROM tickets GROUP BY queue_id, state, CASE WHEN assignee_id IS NULL THEN 0 ELSE 1 END`,
        );
      const byQueue = new Map<string, Map<string, StateCount>>();
      for (const row of rows) {
        const states = byQueue.get(row.queue_id) ?? new Map<string, StateCount>();
        const entry = states.get(row.state) ?? { state: row.state, assigned: 0, unassigned: 0 };
        entry[Number(row.assigned) ? 'assigned' : 'unassigned'] += Number(row.n);
        states.set(row.state, entry);
        byQueue.set(row.queue_id, states);
      }
      return Object.fromEntries(
        [...byQueue].map(([queueId, states]) => [queueId, sortedStates([...states.values()])]),
      );
    };
    const sortedStates = (states: StateCount[]) => [...states].sort((a, b) => a.state.localeCompare(b.state));
    const shown = async (as: SignedInAgent) => {
      const counts = (await t.http().get('/api/v1/queues/counts').set(as.auth).expect(200))
        .body as QueueCounts[];
      return Object.fromEntries(
        counts
          .filter((entry) => entry.states.length > 0)
          .map((entry) => [entry.queueId, sortedStates(entry.states)]),
      );
    };
    const expectTruth = async () => {
      const expected = await truth();
      expect(await shown(supervisor)).toEqual(expected);
      expect(await shown(member)).toEqual({ [first]: expected[first], [second]: expected[second] });
    };

    const expectedHere = await truth();
    expect(expectedHere[first]).toEqual([
      { state: 'new', assigned: 1, unassigned: 1 },
      { state: 'open', assigned: 1, unassigned: 0 },
    ]);
    expect(expectedHere[second]).toEqual([
      { state: 'merged', assigned: 0, unassigned: 1 },
      { state: 'new', assigned: 0, unassigned: 1 },
      { state: 'pending_customer', assigned: 0, unassigned: 1 },
      { state: 'resolved', assigned: 0, unassigned: 1 },
    ]);
    await expectTruth();
    const summary = (await t.http().get('/api/v1/queues/counts').set(member.auth).expect(200)).body.find(
      (entry: QueueCounts) => entry.queueId === first,
    );
    expect(summary).toMatchObject({ open: 3, unassigned: 1 });

    const deltas = async () =>
      Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM queue_ticket_counts'))[0].n);
    const before = await deltas();
    expect(await t.get(QueueCountsService).compact()).toBe(before);
    const compacted = await deltas();
    expect(compacted).toBeLessThan(before);
    await expectTruth();
    expect(await t.get(QueueCountsService).compact()).toBe(0);
    expect(await deltas()).toBe(compacted);
    await expectTruth();

    await change(await openTicket(second, {}, customer.id), { state: 'on_hold' });
    await expectTruth();
  });

  it('shows who is viewing or replying, and forgets those who left or went quiet', async () => {
    const [ann, bao, outsider] = [
      await givenAgent(t, 'agent'),
      await givenAgent(t, 'agent'),
      await givenAgent(t, 'agent'),
    ];
    for (const [as, displayName] of [
      [ann, 'Chị Ánh'],
      [bao, 'Anh Bảo'],
    ] as const) {
      await t.http().patch(`/api/v1/agents/${as.agent.id}`).set(admin.auth).send({ displayName }).expect(200);
    }
    const queueId = await givenQueue([ann, bao]);
    const ticket = await openTicket(queueId);
    const heartbeat = async (as: SignedInAgent, activity: string) =>
      (
        await t
          .http()
          .put(`/api/v1/tickets/${ticket.id}/presence`)
          .set(as.auth)
          .send({ activity })
          .expect(200)
      ).body;
    const present = async () =>
      (await t.http().get(`/api/v1/tickets/${ticket.id}/presence`).set(ann.auth).expect(200)).body;
    const who = (entries: { agentId: string; displayName: string; activity: string }[]) =>
      entries
        .map(({ agentId, displayName, activity }) => ({ agentId, displayName, activity }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName));

    await heartbeat(ann, 'viewing');
    const both = [
      { agentId: bao.agent.id, displayName: 'Anh Bảo', activity: 'replying' },
      { agentId: ann.agent.id, displayName: 'Chị Ánh', activity: 'viewing' },
    ];
    expect(who(await heartbeat(bao, 'replying'))).toEqual(both);
    expect(who(await present())).toEqual(both);
    await t
      .http()
      .put(`/api/v1/tickets/${ticket.id}/presence`)
      .set(ann.auth)
      .send({ activity: 'dozing' })
      .expect(400);
    await t
      .http()
      .put(`/api/v1/tickets/${ticket.id}/presence`)
      .set(outsider.auth)
      .send({ activity: 'viewing' })
      .expect(404);

    await t.http().delete(`/api/v1/tickets/${ticket.id}/presence`).set(bao.auth).expect(204);
    expect(who(await present())).toEqual([both[1]]);

    await heartbeat(bao, 'viewing');
    await t.dataSource
      .getRepository(TicketPresence)
      .update({ ticketId: ticket.id, agentId: ann.agent.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect(who(await present())).toEqual([
      { agentId: bao.agent.id, displayName: 'Anh Bảo', activity: 'viewing' },
    ]);
  });

  it('refuses a reply written over a version someone else changed, saying what changed', async () => {
    const [ann, bao] = [await givenAgent(t, 'agent'), await givenAgent(t, 'agent')];
    const queueId = await givenQueue([ann, bao]);
    const ticket = await openTicket(queueId);
    const read = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set(ann.auth).expect(200)).body;
    await change(ticket, { priority: 'high' }, bao);

    const reply = (version: number) =>
      t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/replies`)
        .set(ann.auth)
        .send({ version, body: 'Chào anh, chúng tôi đã kiểm tra.' });
    const refused = (await reply(read.version).expect(409)).body;
    expect(refused.details).toEqual({
      currentVersion: read.version + 1,
      changes: [
        {
          kind: 'priority_changed',
          from: 'normal',
          to: 'high',
          version: read.version + 1,
          actorType: 'agent',
          actorId: bao.agent.id,
          at: expect.any(String),
        },
      ],
    });
    const thread = (await t.http().get(`/api/v1/tickets/${ticket.id}`).set(ann.auth).expect(200)).body;
    expect(thread.messages).toHaveLength(1);

    const sent = (await reply(read.version + 1).expect(201)).body;
    expect(sent.message.bodyText).toBe('Chào anh, chúng tôi đã kiểm tra.');
    expect(sent.ticket.version).toBe(read.version + 2);
  });

  it("merges a customer's duplicate into one ticket, telling the customer in the ticket's language", async () => {
    const member = await givenAgent(t, 'agent');
    const queueId = await givenQueue([member]);
    const customer = await givenCustomer(t, admin, { preferredLanguage: 'vi' });
    const target = await openTicket(
      queueId,
      { subject: 'Pickup was late', body: 'The bus was two hours late.', language: 'en' },
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
    await change(duplicate, { priority: 'high' }, member);
    await merge(duplicate.id, { targetTicketId: target.id, version: duplicate.version }).expect(409);
    const untouched = (await t.http().get(`/api/v1/tickets/${duplicate.id}`).set(member.auth).expect(200))
      .body;
    expect(untouched).toMatchObject({ state: 'new', mergedIntoId: null, version: duplicate.version + 1 });
    expect(untouched.messages).toHaveLength(1);

    const merged = (
      await merge(duplicate.id, {
        targetTicketId: target.id,
        version: duplicate.version + 1,
        notifyCustomer: true,
      }).expect(200)
    ).body;
    expect(merged.source).toMatchObject({ id: duplicate.id, state: 'merged', mergedIntoId: target.id });
    await merge(duplicate.id, { targetTicketId: target.id, version: merged.source.version }).expect(422);

    const thread = (await t.http().get(`/api/v1/tickets/${target.id}`).set(member.auth).expect(200)).body;
    expect(thread.messages.map((message: { bodyText: string }) => message.bodyText)).toEqual([
      'The bus was two hours late.',
      'Tôi gửi lại.',
    ]);
    const source = (await t.http().get(`/api/v1/tickets/${duplicate.id}`).set(member.auth).expect(200)).body;
    expect(source).toMatchObject({ state: 'merged', mergedIntoId: target.id, messages: [] });
    const events = async (id: string, kind: string) =>
      (await t.http().get(`/api/v1/tickets/${id}/events`).set(member.auth).expect(200)).body
        .filter((event: { kind: string }) => event.kind === kind)
        .map((event: { fromValue: string | null; toValue: string | null }) => [
          event.fromValue,
          event.toValue,
        ]);
    expect(await events(duplicate.id, 'merged_into')).toEqual([[null, `OT#${target.number}`]]);
    expect(await events(target.id, 'merged_from')).toEqual([[`OT#${duplicate.number}`, '1']]);

    const notices = await t.dataSource.query(
      'SELECT to_address, subject, body_text, auto_submitted FROM outbox WHERE ticket_id = ? AND kind = ?',
      [target.id, 'notification'],
    );
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      to_address: customer.emails[0].value,
      subject: `[OT#${target.number}] Your request OT#${duplicate.number} was merged into OT#${target.number}`,
      auto_submitted: 'auto-generated',
    });
    expect(notices[0].body_text).toContain(
      `Dear Nguyễn Văn A,\n\nYour request OT#${duplicate.number} is about the same matter as OT#${target.number}`,
    );
  });
});
