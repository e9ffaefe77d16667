import request from 'supertest';
import { StatusLinks } from '../../src/auth/status-links.js';
import { givenAgent, givenCustomer, givenTicket, type SignedInAgent } from '../support/factories.js';
import { startTestApp, TEST_SECRET, type TestApp } from '../support/test-app.js';

const PASSWORD = 'correct horse battery staple';
const CARD = '4111 1111 1111 1111';
const WRONG_CARD = '4111 1111 1111 1112';
const CITIZEN_ID = '079095001234';
const PASSPORT = 'C1234567';
const BOOKING = 'OTV-2026-001234';
const COMPLAINT = [
  `Tôi bị trừ tiền hai lần cho tour ${BOOKING} vào thẻ ${CARD}.`,
  `Số ${WRONG_CARD} là mã giao dịch ngân hàng gửi.`,
  `CCCD: ${CITIZEN_ID}, hộ chiếu ${PASSPORT}.`,
].join('\n');
const MASKED = [
  `Tôi bị trừ tiền hai lần cho tour ${BOOKING} vào thẻ •••• •••• •••• 1111.`,
  `Số ${WRONG_CARD} là mã giao dịch ngân hàng gửi.`,
  'CCCD: •••••••••234, hộ chiếu •••••567.',
].join('\n');

interface MessageBody {
  id: string;
  bodyText: string;
  visibleText: string;
  bodyHtml: string | null;
}

describe('sensitive data in messages', () => {
  let t: TestApp;
  let admin: SignedInAgent;
  let agent: SignedInAgent;
  let ticket: { id: string };

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' });
    admin = await givenAgent(t, 'admin');
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    ticket = await givenTicket(t, agent, {
      body: COMPLAINT,
      bodyHtml: `<p>Thẻ <b>${CARD}</b>, CCCD ${CITIZEN_ID}</p>`,
    });
  });
  afterAll(() => t.close());

  const thread = async (as: SignedInAgent, ticketId = ticket.id) =>
    (await t.http().get(`/api/v1/tickets/${ticketId}`).set(as.auth).expect(200)).body
      .messages as MessageBody[];

  async function signedIn(email: string) {
    const browser = request.agent(t.app.getHttpServer());
    const form = await browser.get('/console/sign-in').expect(200);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    await browser
      .post('/console/sign-in')
      .type('form')
      .send({ email, password: PASSWORD, _csrf: csrf })
      .expect(303);
    return browser;
  }

  it('masks cards, citizen IDs and passports for an agent without the permission, in the API and the console', async () => {
    const [message] = await thread(agent);
    expect(message.bodyText).toBe(MASKED);
    expect(message.visibleText).toBe(MASKED);
    expect(message.bodyHtml).toBe('<p>Thẻ <b>•••• •••• •••• 1111</b>, CCCD •••••••••234</p>');

    const page = await (await signedIn(agent.agent.email)).get(`/console/tickets/${ticket.id}`).expect(200);
    expect(page.text).toContain('•••• •••• •••• 1111');
    expect(page.text).toContain('•••••••••234');
    expect(page.text).toContain(WRONG_CARD);
    expect(page.text).toContain(BOOKING);
    for (const secret of [CARD, CITIZEN_ID, PASSPORT]) expect(page.text).not.toContain(secret);
  });

  it('masks for supervisors too, who must unmask with a reason', async () => {
    const supervisor = await givenAgent(t, 'supervisor');
    expect((await thread(supervisor))[0].bodyText).toBe(MASKED);
  });

  it('shows messages as stored to admins and to agents an admin gave the permission', async () => {
    expect((await thread(admin))[0].bodyText).toBe(COMPLAINT);

    const trusted = await givenAgent(t, 'agent', { queues: 'all' });
    const listed = (await t.http().get('/api/v1/agents').set(admin.auth).expect(200)).body as {
      id: string;
      canViewSensitive: boolean;
    }[];
    expect(listed.find((row) => row.id === trusted.agent.id)?.canViewSensitive).toBe(false);
    const granted = await t
      .http()
      .patch(`/api/v1/agents/${trusted.agent.id}`)
      .set(admin.auth)
      .send({ canViewSensitive: true })
      .expect(200);
    expect(granted.body.canViewSensitive).toBe(true);
    await t
      .http()
      .patch(`/api/v1/agents/${trusted.agent.id}`)
      .set(admin.auth)
      .send({ canViewSensitive: 'yes' })
      .expect(400);
    // Only admins hand out the permission.
    await t
      .http()
      .patch(`/api/v1/agents/${agent.agent.id}`)
      .set(agent.auth)
      .send({ canViewSensitive: true })
      .expect(403);

    const [message] = await thread(trusted);
    expect(message.bodyText).toBe(COMPLAINT);
    expect(message.bodyHtml).toBe(`<p>Thẻ <b>${CARD}</b>, CCCD ${CITIZEN_ID}</p>`);
    const page = await (await signedIn(trusted.agent.email)).get(`/console/tickets/${ticket.id}`).expect(200);
    expect(page.text).toContain(CARD);
    expect(page.text).toContain(PASSPORT);
    expect((await thread(agent))[0].bodyText).toBe(MASKED);
  });

  it('leaves the customer’s own status page unmasked', async () => {
    const customer = await givenCustomer(t, agent);
    const own = await givenTicket(t, agent, { customerId: customer.id, body: COMPLAINT });
    const link = new StatusLinks(TEST_SECRET).issue({
      ticketId: own.id,
      customerId: customer.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const page = await request(t.app.getHttpServer()).get(`/status/${link}`).expect(200);
    expect(page.text).toContain(CARD);
    expect(page.text).toContain(CITIZEN_ID);
  });

  it('unmasks one message for a supervisor who gives a reason, and audits the reason', async () => {
    const [message] = await thread(agent);
    const unmask = (as: SignedInAgent, body: Record<string, unknown>, ticketId = ticket.id) =>
      t.http().post(`/api/v1/tickets/${ticketId}/messages/${message.id}/unmask`).set(as.auth).send(body);
    const supervisor = await givenAgent(t, 'supervisor');

    const missing = await unmask(supervisor, {}).expect(400);
    expect(missing.body.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['reason']),
    );
    const short = await unmask(supervisor, { reason: 'cần xem' }).expect(400);
    expect(short.body.errors).toEqual([
      { field: 'reason', reason: 'reason must be longer than or equal to 10 characters' },
    ]);
    await unmask(agent, { reason: 'Khách yêu cầu đối chiếu số thẻ' }).expect(403);

    const reason = 'Khách yêu cầu đối chiếu số thẻ bị trừ tiền hai lần';
    const shown = await unmask(supervisor, { reason }).expect(200);
    expect(shown.body.id).toBe(message.id);
    expect(shown.body.bodyText).toBe(COMPLAINT);
    expect(shown.body.visibleText).toBe(COMPLAINT);

    // The message id must belong to the ticket named in the path.
    const other = await givenTicket(t, agent);
    await unmask(supervisor, { reason }, other.id).expect(404);

    const audit = await t
      .http()
      .get('/api/v1/audit-events')
      .query({ recordType: 'ticket', recordId: ticket.id })
      .set(admin.auth)
      .expect(200);
    const unmasks = (
      audit.body.items as { action: string; actorId: string; reason: string; fields: string[] }[]
    ).filter((event) => event.action === 'message.unmask');
    expect(unmasks).toEqual([
      expect.objectContaining({ actorId: supervisor.agent.id, reason, fields: [`message:${message.id}`] }),
    ]);
  });
});
