import request from 'supertest';
import { EscalationSweepService } from '../../src/escalations/escalation-sweep.service.js';
import { NotificationsService } from '../../src/notifications/notifications.service.js';
import { givenAgent, givenTicket, unique, type SignedInAgent } from '../support/factories.js';
import { startTestApp, TestClock, type TestApp } from '../support/test-app.js';

const PASSWORD = 'correct horse battery staple';
/** A Hà Nội wall-clock time (UTC+7) as an instant. */
const hanoi = (local: string) => new Date(`${local}+07:00`);
/** Thursday 3 December 2026, 10:00 in Hà Nội: the dashboard is read then. */
const NOW = hanoi('2026-12-03T10:00:00');
const BODY = 'Xe đón chúng tôi trễ hai tiếng ở Hội An.';

const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];
/** The element with this id, up to its closing tag (the dashboard's tables do not nest). */
const tableOf = (html: string, id: string) => {
  const found = new RegExp(`<table class="data" id="${id}">[\\s\\S]*?</table>`).exec(html);
  return found ? found[0] : '';
};
const rowsOf = (table: string) => table.match(/<tr[\s>][\s\S]*?<\/tr>/g)!.slice(1);
const cellsOf = (row: string) => [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((cell) => cell[1].trim());
const backlogOf = (html: string, queueId: string) =>
  cellsOf(new RegExp(`<tr data-queue="${queueId}">[\\s\\S]*?</tr>`).exec(html)![0]).map(Number);
const svgOf = (html: string) => /<svg class="chart" id="response-times"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
const pointsOf = (svg: string, series: string) =>
  (new RegExp(`<g data-series="${series}"[\\s\\S]*?</g>`).exec(svg)![0].match(/class="point"/g) ?? []).length;

describe('supervisor dashboard', () => {
  const clock = new TestClock(hanoi('2026-11-23T10:00:00'));
  let t: TestApp;
  let admin: SignedInAgent;
  let supervisor: SignedInAgent;
  let englishSupervisor: SignedInAgent;
  let agent: SignedInAgent;
  const queues = {} as Record<'a' | 'b', { id: string; name: string }>;
  const tickets: Record<string, { id: string }> = {};

  /** Opens a ticket in a queue at a Hà Nội time. */
  async function openAt(local: string, key: string, queue: 'a' | 'b') {
    clock.set(hanoi(local));
    tickets[key] = await givenTicket(t, agent, {
      subject: `Khiếu nại ${key}`,
      body: BODY,
      queueId: queues[queue].id,
    });
  }
  async function replyAt(local: string, key: string, nextState?: string) {
    clock.set(hanoi(local));
    await t
      .http()
      .post(`/api/v1/tickets/${tickets[key].id}/replies`)
      .set(agent.auth)
      .send({ body: 'Chúng tôi xin lỗi và đang kiểm tra.', ...(nextState ? { nextState } : {}) })
      .expect(201);
  }

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' }, { clock });
    admin = await givenAgent(t, 'admin');
    for (const key of ['a', 'b'] as const) {
      const name = unique(`Hàng đợi ${key.toUpperCase()}`);
      const created = await t.http().post('/api/v1/queues').set(admin.auth).send({ name }).expect(201);
      queues[key] = { id: created.body.id, name };
    }
    agent = await givenAgent(t, 'agent', { queues: [queues.a.id, queues.b.id] });
    supervisor = await givenAgent(t, 'supervisor');
    englishSupervisor = await givenAgent(t, 'supervisor');
    await t
      .http()
      .patch(`/api/v1/agents/${englishSupervisor.agent.id}`)
      .set(admin.auth)
      .send({ language: 'en' })
      .expect(200);

    // Over 7 days old on the day: its first response fell due at midnight ending Thursday 26 November.
    await openAt('2026-11-23T10:00:00', 'a10', 'a');
    await openAt('2026-11-25T10:00:00', 'bResolved', 'b');
    // The scan after the breach: warn (75%), tell supervisors and raise the priority, all on a10.
    clock.set(hanoi('2026-11-27T00:30:00'));
    await t.get(EscalationSweepService).sweep(clock.now());
    // 16 business hours to the first response (Wed 10:00 → Fri 10:00), kept open.
    await replyAt('2026-11-27T10:00:00', 'bResolved', 'open');
    // 3 days 1 hour old on the day, first response due at midnight ending Thursday: about to breach.
    await openAt('2026-11-30T09:00:00', 'b3', 'b');
    await openAt('2026-12-01T10:00:00', 'a2', 'a');
    // 1 business hour to the first response.
    await replyAt('2026-12-01T11:00:00', 'a2');
    // 40 business hours to resolution (Wed 25 Nov 10:00 → Wed 2 Dec 10:00).
    clock.set(hanoi('2026-12-02T10:00:00'));
    const resolvedVersion = (
      await t.http().get(`/api/v1/tickets/${tickets.bResolved.id}`).set(agent.auth).expect(200)
    ).body.version;
    await t
      .http()
      .patch(`/api/v1/tickets/${tickets.bResolved.id}`)
      .set(agent.auth)
      .send({ version: resolvedVersion, state: 'resolved' })
      .expect(200);
    await openAt('2026-12-03T08:00:00', 'a0', 'a');
    await openAt('2026-12-03T09:30:00', 'b0', 'b');
    clock.set(NOW);
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(NOW));

  /** A browser signed in to the console, with the clock left at NOW. */
  async function signedIn(email: string) {
    const browser = request.agent(t.app.getHttpServer());
    // The session cookie expires in real time; sign in no earlier than the real now, so the browser keeps it.
    clock.set(new Date(Math.max(Date.now(), NOW.getTime())));
    const form = await browser.get('/console/sign-in').expect(200);
    await browser
      .post('/console/sign-in')
      .type('form')
      .send({ email, password: PASSWORD, _csrf: tokenOf(form.text) })
      .expect(303);
    clock.set(NOW);
    return browser;
  }

  it('counts the open backlog of each queue by age, leaving resolved tickets out', async () => {
    const browser = await signedIn(supervisor.agent.email);
    const page = await browser.get('/console/dashboard').expect(200);
    expect(page.text).toContain('Tổng quan giám sát');
    // Under 1 day, 1–3 days, 3–7 days, over 7 days, total.
    expect(backlogOf(page.text, queues.a.id)).toEqual([1, 1, 0, 1, 3]);
    expect(backlogOf(page.text, queues.b.id)).toEqual([1, 0, 1, 0, 2]);
    expect(page.text).toContain(queues.a.name);
    const totals = cellsOf(/<tfoot>[\s\S]*?<\/tfoot>/.exec(tableOf(page.text, 'backlog'))![0]).map(Number);
    expect(totals).toEqual([2, 1, 1, 1, 5]);
  });

  it('lists breached targets and those due within a day, linked to their tickets, in the supervisor’s zone', async () => {
    const browser = await signedIn(supervisor.agent.email);
    const page = (await browser.get('/console/dashboard').expect(200)).text;
    expect(page).toContain('Đã quá hạn (2)');
    expect(page).toContain('Sắp quá hạn (1)');
    const breached = rowsOf(tableOf(page, 'breached')).map(cellsOf);
    expect(breached.map((cells) => cells.slice(1))).toEqual([
      [queues.a.name, 'Phản hồi đầu tiên', '27/11/2026 00:00 (GMT+7)', '34 giờ làm việc'],
      [queues.a.name, 'Giải quyết', '03/12/2026 00:00 (GMT+7)', '2 giờ làm việc'],
    ]);
    for (const cells of breached) expect(cells[0]).toContain(`href="/console/tickets/${tickets.a10.id}"`);
    const atRisk = rowsOf(tableOf(page, 'at-risk')).map(cellsOf);
    expect(atRisk).toHaveLength(1);
    expect(atRisk[0][0]).toContain(`href="/console/tickets/${tickets.b3.id}"`);
    expect(atRisk[0].slice(1)).toEqual([
      queues.b.name,
      'Phản hồi đầu tiên',
      '04/12/2026 00:00 (GMT+7)',
      '6 giờ làm việc',
    ]);
  });

  it('charts median first-response and resolution times per day or week, with a table of the figures', async () => {
    const browser = await signedIn(supervisor.agent.email);
    const month = (await browser.get('/console/dashboard').expect(200)).text;
    const svg = svgOf(month);
    expect(svg).toContain('<title id="chart-title">Thời gian phản hồi và giải quyết</title>');
    expect(svg).toContain('<desc id="chart-desc">');
    expect(svg).toContain('theo từng ngày, trong 30 ngày gần nhất');
    // First responses met on 27/11 (16 h) and 01/12 (1 h); one resolution on 02/12 (40 h).
    expect([pointsOf(svg, 'firstResponse'), pointsOf(svg, 'resolution')]).toEqual([2, 1]);
    expect(svg).toContain('27/11: 16 giờ làm việc');
    expect(svg).toContain('02/12: 40 giờ làm việc');
    const figures = rowsOf(tableOf(month, 'response-time-figures'));
    expect(figures).toHaveLength(30);
    const byDay = new Map(figures.map((row) => [/<th scope="row">([^<]+)</.exec(row)![1], cellsOf(row)]));
    expect(byDay.get('27/11')!.slice(0, 2)).toEqual(['16', '1']);
    expect(byDay.get('01/12')!.slice(0, 2)).toEqual(['1', '1']);
    expect(byDay.get('02/12')!.slice(3, 5)).toEqual(['40', '1']);
    expect(byDay.get('30/11')).toEqual(['—', '0', '—', '—', '0', '—']);

    const quarter = (await browser.get('/console/dashboard?period=90').expect(200)).text;
    expect(rowsOf(tableOf(quarter, 'response-time-figures'))).toHaveLength(13);
    expect(quarter).toContain('theo từng tuần, trong 90 ngày gần nhất');
    expect(quarter).toContain('<th scope="col">Tuần bắt đầu từ ngày</th>');
    expect(quarter).toMatch(/<option value="90" selected>/);
    const weekly = svgOf(quarter);
    // Week of 23/11: one first response; week of 30/11: the other, and the resolution.
    expect([pointsOf(weekly, 'firstResponse'), pointsOf(weekly, 'resolution')]).toEqual([2, 1]);
  });

  it('refuses a period it does not chart, next to the field, keeping what was typed', async () => {
    const browser = await signedIn(supervisor.agent.email);
    const page = await browser.get('/console/dashboard?period=365<b>').expect(400);
    expect(page.text).toContain('class="field invalid"');
    expect(page.text).toContain('“365&lt;b&gt;” không phải khoảng thời gian hợp lệ');
    expect(page.text).not.toContain('365<b>');
    // The rest of the dashboard still shows, for the default 30 days.
    expect(backlogOf(page.text, queues.a.id)).toEqual([1, 1, 0, 1, 3]);
    expect(rowsOf(tableOf(page.text, 'response-time-figures'))).toHaveLength(30);
  });

  it('lists escalation steps fired and the supervisor’s notifications, and marks one read only with the form’s token', async () => {
    const browser = await signedIn(supervisor.agent.email);
    const page = (await browser.get('/console/dashboard').expect(200)).text;
    const fired = rowsOf(tableOf(page, 'escalations')).map(cellsOf);
    expect(fired.map((cells) => cells.slice(2))).toEqual([
      ['Phản hồi đầu tiên', 'Nhắc người phụ trách'],
      ['Phản hồi đầu tiên', 'Báo giám sát viên'],
      ['Phản hồi đầu tiên', 'Nâng mức ưu tiên'],
    ]);
    for (const cells of fired) {
      expect(cells[0]).toBe('27/11/2026 00:30 (GMT+7)');
      expect(cells[1]).toContain(`href="/console/tickets/${tickets.a10.id}"`);
    }

    const notices = t.get(NotificationsService);
    const breach = (await notices.list(supervisor.agent.id, false)).find(
      (notice) => notice.kind === 'sla_breach' && notice.ticketId === tickets.a10.id,
    )!;
    expect(breach.readAt).toBeNull();
    const action = `/console/dashboard/notifications/${breach.id}/read`;
    expect(page).toContain(`action="${action}"`);
    await browser.post(action).type('form').send({}).expect(403);
    expect((await notices.list(supervisor.agent.id, true)).map((notice) => notice.id)).toContain(breach.id);

    const done = await browser
      .post(action)
      .type('form')
      .send({ _csrf: tokenOf(page) })
      .expect(303);
    expect(done.headers.location).toBe('/console/dashboard?saved=1');
    expect((await notices.list(supervisor.agent.id, true)).map((notice) => notice.id)).not.toContain(
      breach.id,
    );
    const after = (await browser.get(done.headers.location).expect(200)).text;
    expect(after).toContain('Đã đánh dấu thông báo là đã đọc.');
    expect(after).not.toContain(`action="${action}"`);

    // Someone else's notification is not theirs to mark: said on the page, not a server error.
    const foreign = (await notices.list(englishSupervisor.agent.id, true))[0];
    const refused = await browser
      .post(`/console/dashboard/notifications/${foreign.id}/read`)
      .type('form')
      .send({ _csrf: tokenOf(after) })
      .expect(404);
    expect(refused.text).toContain('Không tìm thấy thông báo này');
    expect((await notices.list(englishSupervisor.agent.id, true)).map((notice) => notice.id)).toContain(
      foreign.id,
    );
  });

  it('is for supervisors and admins: agents are refused, visitors sent to sign in', async () => {
    await request(t.app.getHttpServer())
      .get('/console/dashboard')
      .expect(303)
      .expect('Location', '/console/sign-in');
    const asAgent = await signedIn(agent.agent.email);
    await asAgent.get('/console/dashboard').expect(403);
    const queuePage = (await asAgent.get('/console/queues').expect(200)).text;
    expect(queuePage).not.toContain('href="/console/dashboard"');
    await asAgent
      .post(`/console/dashboard/notifications/${tickets.a10.id}/read`)
      .type('form')
      .send({ _csrf: tokenOf(queuePage) })
      .expect(403);

    expect(await t.get(NotificationsService).list(admin.agent.id, false)).toEqual([]);
    const asAdmin = await signedIn(admin.agent.email);
    const page = await asAdmin.get('/console/dashboard').expect(200);
    expect(backlogOf(page.text, queues.b.id)).toEqual([1, 0, 1, 0, 2]);
    expect(page.text).toContain('Bạn chưa có thông báo nào.');
  });

  it('speaks English to a supervisor who works in English', async () => {
    const browser = await signedIn(englishSupervisor.agent.email);
    const page = (await browser.get('/console/dashboard?period=7').expect(200)).text;
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Supervisor dashboard');
    expect(page).toContain('Breached (2)');
    expect(page).toContain('About to breach (1)');
    expect(page).toContain('34 business hours');
    expect(page).toContain('per day, over the last 7 days');
    expect(rowsOf(tableOf(page, 'response-time-figures'))).toHaveLength(7);
    expect(cellsOf(rowsOf(tableOf(page, 'escalations'))[1])[3]).toBe('Notify supervisors');
    expect(page).not.toMatch(/Tổng quan giám sát|Đã quá hạn|giờ làm việc/);
  });
});
