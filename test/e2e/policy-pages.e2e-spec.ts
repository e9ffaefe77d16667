import { DateTime } from 'luxon';
import { givenAgent, givenTicket, unique, type SignedInAgent } from '../support/factories.js';
import { type ConsoleBrowser, csrfTokenOf, signedIn, versionFor } from '../support/console-session.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CSRF_REFUSAL = 'Phiên làm việc đã hết hạn';

/** Transaction cases and compensation worked from the console, through the same services as the API. */
describe('console pages for transaction cases and compensation', () => {
  let t: TestApp;
  let agent: SignedInAgent;
  let supervisor: SignedInAgent;
  let otherSupervisor: SignedInAgent;
  let admin: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false', COMPENSATION_SUPERVISOR_LIMIT_VND: '5000000' });
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    supervisor = await givenAgent(t, 'supervisor');
    otherSupervisor = await givenAgent(t, 'supervisor');
    admin = await givenAgent(t, 'admin');
  });
  afterAll(() => t.close());

  const caseIdIn = (html: string) => /data-case="([^"]+)"/.exec(html)![1];
  const compensationIdsIn = (html: string) =>
    [...html.matchAll(/data-compensation="([^"]+)"/g)].map((match) => match[1]);
  const ticketPath = (id: string) => `/console/tickets/${id}`;

  const givenPaymentIncident = async (browser: ConsoleBrowser) => {
    const booking = unique('OTV');
    const ticket = await givenTicket(t, agent, { bookingReference: booking });
    const page = await browser.get(ticketPath(ticket.id)).expect(200);
    await browser
      .post(`/console/tickets/${ticket.id}/transaction-cases`)
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        kind: 'payment_incident',
        bookingReference: '',
        description: '',
      })
      .expect(303);
    return { ticket, booking };
  };

  const propose = async (
    browser: ConsoleBrowser,
    ticketId: string,
    amountVnd: string,
    explanation = 'Khách bị trừ tiền hai lần.',
  ) => {
    const page = await browser.get(ticketPath(ticketId)).expect(200);
    return browser
      .post(`/console/tickets/${ticketId}/compensations`)
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        amountVnd,
        reasonCode: 'double_charge',
        explanation,
        evidenceLinks: 'https://bank.example.vn/sao-ke/1\nhttps://bank.example.vn/sao-ke/2',
      })
      .expect(303);
  };

  it('reports a transaction, suspends it with a reason, and lets only a supervisor decide it', async () => {
    const console = await signedIn(t, agent);
    const booking = unique('OTV');
    const ticket = await givenTicket(t, agent, { bookingReference: booking });
    let page = await console.get(ticketPath(ticket.id)).expect(200);
    expect(page.text).toContain('Chưa có giao dịch nào được báo trên phiếu này.');
    // Compensation is offered only on a payment incident.
    expect(page.text).not.toContain('id="compensation"');

    const forged = await console
      .post(`/console/tickets/${ticket.id}/transaction-cases`)
      .type('form')
      .send({ kind: 'fraud_report' })
      .expect(403);
    expect(forged.text).toContain(CSRF_REFUSAL);

    const refused = await console
      .post(`/console/tickets/${ticket.id}/transaction-cases`)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), kind: 'lottery' })
      .expect(303);
    page = await console.get(refused.headers.location).expect(400);
    expect(page.text).toContain('Không thực hiện được: kind:');

    await console
      .post(`/console/tickets/${ticket.id}/transaction-cases`)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), kind: 'fraud_report', description: 'Thẻ bị trừ tiền lạ.' })
      .expect(303);
    page = await console.get(ticketPath(ticket.id)).expect(200);
    const caseId = caseIdIn(page.text);
    expect(page.text).toContain(`Báo cáo gian lận · ${booking}: <strong class="case-state">Đã báo</strong>`);
    expect(page.text).toContain(`Test agent, `);
    expect(page.text).toContain('(GMT+7)');
    // A fraud report makes the ticket urgent.
    expect(page.text).toMatch(/<option value="urgent" selected>/);

    const suspendAction = `/console/transaction-cases/${caseId}/suspend`;
    await console
      .post(suspendAction)
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        version: versionFor(page.text, suspendAction),
        reason: 'Chờ ngân hàng',
      })
      .expect(303);
    page = await console.get(ticketPath(ticket.id)).expect(200);
    expect(page.text).toContain('<strong class="case-state">Tạm ngưng để xác minh</strong>');
    expect(page.text).toMatch(/Tạm ngưng bởi<\/dt><dd>Test agent, [^<]+: Chờ ngân hàng/);
    // The booking system is told (no receiving address in tests).
    expect(page.text).toContain('transaction.suspended: chưa cấu hình địa chỉ nhận');
    // An agent sees no decision buttons, and the route refuses them.
    expect(page.text).not.toContain('/verify-legitimate');
    expect(page.text).toContain('Giám sát viên hoặc quản trị viên quyết định');
    await console
      .post(`/console/transaction-cases/${caseId}/confirm-fraud`)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), version: '2', reason: 'x' })
      .expect(403);

    const desk = await signedIn(t, supervisor);
    page = await desk.get(ticketPath(ticket.id)).expect(200);
    const verify = `/console/transaction-cases/${caseId}/verify-legitimate`;
    expect(page.text).toContain(`action="${verify}"`);
    expect(page.text).toContain(`formaction="/console/transaction-cases/${caseId}/confirm-fraud"`);
    // A stale form is refused with the service's words.
    const stale = await desk
      .post(verify)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), version: '1', reason: 'Ngân hàng xác nhận' })
      .expect(303);
    expect((await desk.get(stale.headers.location).expect(400)).text).toContain(
      'was changed by someone else',
    );
    await desk
      .post(verify)
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        version: versionFor(page.text, verify),
        reason: 'Ngân hàng xác nhận',
      })
      .expect(303);
    page = await desk.get(ticketPath(ticket.id)).expect(200);
    expect(page.text).toContain('<strong class="case-state">Đã xác minh hợp lệ</strong>');
    expect(page.text).toMatch(/Quyết định bởi<\/dt><dd>Test supervisor, [^<]+: Ngân hàng xác nhận/);
    expect(page.text).toContain('transaction.verified_legitimate');
  });

  it('proposes compensation on a payment incident; the service’s limits and four eyes show on the page', async () => {
    const console = await signedIn(t, agent);
    const { ticket } = await givenPaymentIncident(console);
    let page = await console.get(ticketPath(ticket.id)).expect(200);
    expect(page.text).toContain('id="compensation"');
    expect(page.text).toContain('Chưa có đề xuất bồi hoàn.');

    const invalid = await propose(console, ticket.id, '1.500.000,50');
    expect(invalid.headers.location).toContain('compensationRefused=');
    page = await console.get(invalid.headers.location).expect(400);
    expect(page.text).toContain('Không thực hiện được: amountVnd:');

    await propose(console, ticket.id, '1.500.000');
    page = await console.get(ticketPath(ticket.id)).expect(200);
    expect(page.text).toContain(
      '1.500.000 ₫ · Bị trừ tiền hai lần: <strong class="compensation-state">Chờ duyệt</strong>',
    );
    expect(page.text).toContain('href="https://bank.example.vn/sao-ke/2"');
    // Agents neither see nor may use the decision buttons; they may withdraw their own proposal.
    const [small] = compensationIdsIn(page.text);
    expect(page.text).not.toContain(`/console/compensations/${small}/approve`);
    expect(page.text).toContain(`/console/compensations/${small}/withdraw`);
    await console
      .post(`/console/compensations/${small}/approve`)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), version: '1', note: 'x' })
      .expect(403);
    await console.get('/console/compensation').expect(403);

    // A supervisor who proposes may not approve their own proposal (four eyes).
    const desk = await signedIn(t, supervisor);
    await propose(desk, ticket.id, '2000000', 'Thiện chí thêm.');
    page = await desk.get(ticketPath(ticket.id)).expect(200);
    const own = compensationIdsIn(page.text)[1];
    const ownAction = `/console/compensations/${own}/approve`;
    const fourEyes = await desk
      .post(ownAction)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), version: versionFor(page.text, ownAction), note: 'Duyệt' })
      .expect(303);
    page = await desk.get(fourEyes.headers.location).expect(400);
    expect(page.text).toContain(
      'Không thực hiện được: You proposed this compensation: another supervisor or an admin must decide it',
    );

    // Another supervisor approves the small one from the ticket page; the customer's letter is in the thread.
    const other = await signedIn(t, otherSupervisor);
    page = await other.get(ticketPath(ticket.id)).expect(200);
    const approve = `/console/compensations/${small}/approve`;
    await other
      .post(approve)
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        version: versionFor(page.text, approve),
        note: 'Đã đối chiếu sao kê',
      })
      .expect(303);
    page = await other.get(ticketPath(ticket.id)).expect(200);
    expect(page.text).toContain(
      '1.500.000 ₫ · Bị trừ tiền hai lần: <strong class="compensation-state">Đã duyệt</strong>',
    );
    expect(page.text).toMatch(/Quyết định bởi<\/dt><dd>Test supervisor, [^<]+: Đã đối chiếu sao kê/);
    expect(page.text).toContain(`/console/compensations/${small}/paid`);
  });

  it('lists proposals awaiting approval across tickets for supervisors, refuses beyond their limit, reports what was paid', async () => {
    const console = await signedIn(t, agent);
    const first = await givenPaymentIncident(console);
    const second = await givenPaymentIncident(console);
    await propose(console, first.ticket.id, '800000');
    await propose(console, second.ticket.id, '9.000.000', 'Tour bị hủy, khách mất vé máy bay.');

    const desk = await signedIn(t, supervisor);
    let page = await desk.get('/console/compensation').expect(200);
    expect(page.text).toContain('<h1>Bồi hoàn chờ duyệt</h1>');
    expect(page.text).toContain('<a href="/console/compensation">Bồi hoàn</a>');
    const numberOf = async (id: string) =>
      `OT#${(await t.http().get(`/api/v1/tickets/${id}`).set(agent.auth).expect(200)).body.number}`;
    expect(page.text).toContain(`>${await numberOf(first.ticket.id)}</a>`);
    expect(page.text).toContain(`>${await numberOf(second.ticket.id)}</a>`);
    expect(page.text).toContain('9.000.000 ₫');

    const rowOf = (html: string, ticketId: string) => {
      const at = html.indexOf(`href="/console/tickets/${ticketId}#compensation"`);
      return /data-compensation="([^"]+)"/.exec(html.slice(html.lastIndexOf('<tr', at)))![1];
    };
    const large = rowOf(page.text, second.ticket.id);
    const overLimit = await desk
      .post(`/console/compensations/${large}/approve`)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), version: '1', note: 'Duyệt', back: 'list' })
      .expect(403);
    expect(overLimit.text).toContain(
      'Không thực hiện được: Supervisors approve compensation up to 5000000 VND; an admin must approve this one',
    );

    const small = rowOf(page.text, first.ticket.id);
    await desk
      .post(`/console/compensations/${small}/approve`)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), version: '1', note: 'Đồng ý', back: 'list' })
      .expect(303)
      .expect('Location', '/console/compensation?saved=1');
    page = await desk.get(ticketPath(first.ticket.id)).expect(200);
    const pay = `/console/compensations/${small}/paid`;
    await desk
      .post(pay)
      .type('form')
      .send({
        _csrf: csrfTokenOf(page.text),
        version: versionFor(page.text, pay),
        paymentReference: 'VCB-0001',
      })
      .expect(303);

    const chief = await signedIn(t, admin);
    page = await chief.get('/console/compensation').expect(200);
    await chief
      .post(`/console/compensations/${large}/approve`)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), version: '1', note: 'Admin duyệt', back: 'list' })
      .expect(303);
    page = await chief.get('/console/compensation').expect(200);
    expect(page.text).not.toContain(`data-compensation="${large}"`);

    const today = DateTime.now().setZone('Asia/Ho_Chi_Minh').toISODate()!;
    page = await chief.get(`/console/compensation?from=${today}&to=${today}`).expect(200);
    expect(page.text).toContain(`name="from" value="${today}"`);
    expect(page.text).toMatch(
      /<th scope="row">Bị trừ tiền hai lần<\/th><td>\d+<\/td><td class="amount">[\d.]+ ₫/,
    );
    expect(page.text).toContain(`<th scope="row">${today.slice(0, 7)}</th>`);
    const backwards = await chief.get(`/console/compensation?from=${today}&to=2020-01-01`).expect(200);
    expect(backwards.text).toContain('Không thực hiện được: to: to must not be before from');
  });

  it('shows the pages in English to an agent who works in English', async () => {
    await t
      .http()
      .patch(`/api/v1/agents/${otherSupervisor.agent.id}`)
      .set(admin.auth)
      .send({ language: 'en' });
    const desk = await signedIn(t, otherSupervisor);
    const page = await desk.get('/console/compensation').expect(200);
    expect(page.text).toContain('<h1>Compensation awaiting approval</h1>');
    expect(page.text).toContain('Compensation paid');
  });
});
