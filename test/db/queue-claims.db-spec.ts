import type { AddressInfo } from 'node:net';
import { givenAgent, givenCustomer, unique, type SignedInAgent } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const AGENTS = 8;
const TICKETS = 200;
const PRIORITIES = ['urgent', 'high', 'normal', 'low'];
const RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

interface Claimed {
  id: string;
  priority: string;
  createdAt: string;
  assigneeId: string;
}

/**
 * Eight agents press "next ticket" at the same moment, over and over, on a queue of 200 tickets: on MariaDB
 * each claim locks its row with SKIP LOCKED, on SQLite claims run one at a time. Either way every ticket
 * must be claimed exactly once.
 */
describe('next ticket under concurrent claims', () => {
  let t: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' });
    await t.app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => t.close());

  it('gives every ticket to exactly one agent, each agent in urgency order', async () => {
    const admin = await givenAgent(t, 'admin');
    const agents: SignedInAgent[] = [];
    for (let i = 0; i < AGENTS; i++) agents.push(await givenAgent(t, 'agent'));
    const queue = (
      await t
        .http()
        .post('/api/v1/queues')
        .set(admin.auth)
        .send({ name: unique('Claims') })
        .expect(201)
    ).body as { id: string };
    await t
      .http()
      .put(`/api/v1/queues/${queue.id}/members`)
      .set(admin.auth)
      .send({ agentIds: agents.map((agent) => agent.agent.id) })
      .expect(200);
    const customer = await givenCustomer(t, admin);
    const created = new Set<string>();
    for (let i = 0; i < TICKETS; i++) {
      const { body } = await t
        .http()
        .post('/api/v1/tickets')
        .set(admin.auth)
        .send({
          customerId: customer.id,
          queueId: queue.id,
          priority: PRIORITIES[i % PRIORITIES.length],
          subject: `Yêu cầu ${i}`,
          body: 'Xin hỗ trợ.',
        })
        .expect(201);
      created.add(body.id);
    }

    const refusals: { status: number; body: unknown }[] = [];
    const claimsOf = async (agent: SignedInAgent): Promise<Claimed[]> => {
      const claimed: Claimed[] = [];
      for (;;) {
        const response = await fetch(`${baseUrl}/api/v1/queues/${queue.id}/next`, {
          method: 'POST',
          headers: agent.auth,
        });
        const body = (await response.json()) as { ticket?: Claimed | null };
        if (response.status !== 200) {
          refusals.push({ status: response.status, body });
          return claimed;
        }
        const { ticket } = body;
        if (!ticket) return claimed;
        claimed.push(ticket);
      }
    };
    const perAgent = await Promise.all(agents.map(claimsOf));

    expect(refusals).toEqual([]);
    const all = perAgent.flat();
    expect(all).toHaveLength(TICKETS);
    expect(new Set(all.map((ticket) => ticket.id))).toEqual(created);
    // Nobody sat idle while others worked: the claims really were shared out.
    expect(perAgent.filter((claims) => claims.length > 0).length).toBeGreaterThan(1);

    perAgent.forEach((claims, index) => {
      for (const ticket of claims) expect(ticket.assigneeId).toBe(agents[index].agent.id);
      // What an agent claims next was never more urgent than what they claimed before: a claim always takes
      // the most urgent ticket nobody else holds, and others only ever take tickets away.
      const order = claims.map((ticket) => [RANK[ticket.priority], Date.parse(ticket.createdAt)]);
      for (let i = 1; i < order.length; i++) {
        const [rank, at] = order[i];
        const [previousRank, previousAt] = order[i - 1];
        expect(rank > previousRank || (rank === previousRank && at >= previousAt)).toBe(true);
      }
    });

    const rows: { id: string; assignee_id: string }[] = await t.dataSource.query(
      'SELECT id, assignee_id FROM tickets WHERE queue_id = ?',
      [queue.id],
    );
    const claimer = new Map(all.map((ticket) => [ticket.id, ticket.assigneeId]));
    for (const row of rows) expect(row.assignee_id).toBe(claimer.get(row.id));
    const events: { n: unknown }[] = await t.dataSource.query(
      `SELECT COUNT(*) AS n FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
       WHERE t.queue_id = ? AND e.kind = 'claimed'`,
      [queue.id],
    );
    expect(Number(events[0].n)).toBe(TICKETS);
  });
});
