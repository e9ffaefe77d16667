import { DateTime } from 'luxon';
import { AuditEvent } from '../../src/audit/audit-event.entity.js';
import { givenAgent, givenCustomer, givenTicket, type SignedInAgent } from '../support/factories.js';
import { csrfTokenOf, signedIn } from '../support/console-session.js';
import { startTestApp, TestClock, type TestApp } from '../support/test-app.js';

/** The real time to the minute (console sessions are cookies that must not have expired), held still. */
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const shownNow = DateTime.fromJSDate(NOW).setZone('Asia/Ho_Chi_Minh').toFormat('dd/MM/yyyy HH:mm');

/** Legal holds on the ticket page: everyone on the ticket sees them, supervisors place and release them there. */
describe('legal holds on the ticket page', () => {
  let t: TestApp;
  let agent: SignedInAgent;
  let supervisor: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' }, { clock: new TestClock(NOW) });
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    supervisor = await givenAgent(t, 'supervisor', { queues: 'all' });
  });
  afterAll(() => t.close());

  const holdOnApi = async (target: { ticketId: string } | { customerId: string }, reason: string) => {
    const response = await t
      .http()
      .post('/api/v1/legal-holds')
      .set(supervisor.auth)
      .send({ ...target, reason, reference: 'TA-Q1-2026-0153' })
      .expect(201);
    return (response.body as { id: string }).id;
  };
  const section = (html: string) => html.slice(html.indexOf('id="legal-holds"')).split('</section>')[0];
  const itemOf = (html: string, holdId: string) =>
    section(html)
      .slice(section(html).indexOf(`data-hold="${holdId}"`))
      .split('</li>')[0];
  const isActive = async (holdId: string) =>
    (
      (await t.http().get(`/api/v1/legal-holds/${holdId}`).set(supervisor.auth).expect(200)).body as {
        isActive: boolean;
      }
    ).isActive;

  it("shows an agent the ticket's and the customer's holds without forms, and refuses the agent's posts", async () => {
    const customer = await givenCustomer(t, agent);
    const ticket = await givenTicket(t, agent, { customerId: customer.id });
    const quiet = await givenTicket(t, agent);
    const onTicket = await holdOnApi({ ticketId: ticket.id }, 'Tranh chấp hoàn tiền đang chờ tòa xét xử');
    const onCustomer = await holdOnApi({ customerId: customer.id }, 'Khiếu nại lên Sở');

    const console = await signedIn(t, agent);
    let page = await console.get(`/console/tickets/${quiet.id}`).expect(200);
    expect(section(page.text)).toContain('Phiếu và khách hàng này không bị lưu giữ pháp lý.');

    page = await console.get(`/console/tickets/${ticket.id}`).expect(200);
    expect(section(page.text)).toContain('đang được lưu giữ pháp lý');
    expect(itemOf(page.text, onTicket)).toContain('Trên phiếu này');
    expect(itemOf(page.text, onTicket)).toContain(
      'Tranh chấp hoàn tiền đang chờ tòa xét xử · Số hồ sơ: TA-Q1-2026-0153',
    );
    expect(itemOf(page.text, onTicket)).toContain(`Test supervisor, ${shownNow}`);
    expect(itemOf(page.text, onCustomer)).toContain('Trên khách hàng');
    expect(itemOf(page.text, onCustomer)).toContain('Khiếu nại lên Sở');
    expect(section(page.text)).not.toContain('<form');

    const csrf = csrfTokenOf(page.text);
    await console
      .post(`/console/tickets/${ticket.id}/legal-holds`)
      .type('form')
      .send({ _csrf: csrf, reason: 'Tranh chấp' })
      .expect(403);
    await console
      .post(`/console/tickets/${ticket.id}/legal-holds/${onTicket}/release`)
      .type('form')
      .send({ _csrf: csrf, reason: 'Xong' })
      .expect(403);
    expect(await isActive(onTicket)).toBe(true);
  });

  it('lets a supervisor place a hold on the ticket and release it with a reason', async () => {
    const ticket = await givenTicket(t, agent);
    const desk = await signedIn(t, supervisor);
    let page = await desk.get(`/console/tickets/${ticket.id}`).expect(200);
    expect(section(page.text)).toContain(`action="/console/tickets/${ticket.id}/legal-holds"`);

    const placed = await desk
      .post(`/console/tickets/${ticket.id}/legal-holds`)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), reason: 'Khách kiện ra tòa', reference: 'TA-2026-7' })
      .expect(303);
    expect(placed.headers.location).toBe(`/console/tickets/${ticket.id}#legal-holds`);

    page = await desk.get(`/console/tickets/${ticket.id}`).expect(200);
    const holdId = /data-hold="([^"]+)"/.exec(section(page.text))![1];
    expect(itemOf(page.text, holdId)).toContain('Trên phiếu này');
    expect(itemOf(page.text, holdId)).toContain('Khách kiện ra tòa · Số hồ sơ: TA-2026-7');
    const audited = await t.dataSource
      .getRepository(AuditEvent)
      .findOneBy({ action: 'legal_hold.placed', recordId: holdId });
    expect(audited).not.toBeNull();
    const list = await desk.get('/console/legal-holds').expect(200);
    expect(list.text.split('<h2>Đã gỡ</h2>')[0]).toContain(`data-hold="${holdId}"`);

    const release = `/console/tickets/${ticket.id}/legal-holds/${holdId}/release`;
    const released = await desk
      .post(release)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), reason: 'Bản án đã có hiệu lực' })
      .expect(303);
    expect(released.headers.location).toBe(`/console/tickets/${ticket.id}#legal-holds`);
    expect(await isActive(holdId)).toBe(false);
    page = await desk.get(`/console/tickets/${ticket.id}`).expect(200);
    expect(section(page.text)).not.toContain(holdId);

    page = await desk
      .post(release)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), reason: 'Lần nữa' })
      .expect(409);
    expect(section(page.text)).toContain(`legal hold ${holdId} is already released`);
  });

  it("refuses to release another customer's hold through this ticket, and keeps what was typed when refused", async () => {
    const ticket = await givenTicket(t, agent);
    const elsewhere = await givenTicket(t, agent);
    const unrelated = await holdOnApi({ ticketId: elsewhere.id }, 'Vụ khác');
    const desk = await signedIn(t, supervisor);
    let page = await desk.get(`/console/tickets/${ticket.id}`).expect(200);

    page = await desk
      .post(`/console/tickets/${ticket.id}/legal-holds/${unrelated}/release`)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), reason: 'Gỡ nhầm' })
      .expect(404);
    expect(section(page.text)).toContain(`legal hold ${unrelated} was not found`);
    expect(await isActive(unrelated)).toBe(true);

    page = await desk
      .post(`/console/tickets/${ticket.id}/legal-holds`)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), reason: ' ', reference: 'TA-GIỮ-LẠI' })
      .expect(400);
    expect(section(page.text)).toContain('Không thực hiện được: reason: reason must not be blank');
    expect(section(page.text)).toContain('name="reference" maxlength="100" value="TA-GIỮ-LẠI"');
    const holds = await t
      .http()
      .get(`/api/v1/legal-holds?ticketId=${ticket.id}`)
      .set(supervisor.auth)
      .expect(200);
    expect(holds.body).toEqual([]);
  });
});
