import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { givenAgent, givenTicket, type SignedInAgent } from '../support/factories.js';
import { type ConsoleBrowser, csrfTokenOf, signedIn, versionFor } from '../support/console-session.js';
import { startTestApp, TestClock, type TestApp } from '../support/test-app.js';

const CSRF_REFUSAL = 'Phiên làm việc đã hết hạn';
/** A fixed clock at the real time (console sessions are cookies that must not have expired yet). */
const NOW = new Date();
const TODAY = DateTime.fromJSDate(NOW, { zone: 'Asia/Ho_Chi_Minh' }).startOf('day');
/** The calendar date `days` from today in Ho Chi Minh City. */
const inDays = (days: number) => TODAY.plus({ days }).toISODate()!;

/** Cancellations quoted and decided on the ticket page, and the penalty terms kept on the admin pages. */
describe('console pages for cancellations and their penalty terms', () => {
  let t: TestApp;
  const clock = new TestClock(NOW);
  let agent: SignedInAgent;
  let supervisor: SignedInAgent;
  let admin: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' }, { clock });
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    supervisor = await givenAgent(t, 'supervisor');
    admin = await givenAgent(t, 'admin');
  });
  afterAll(() => t.close());

  const cancellationIdsIn = (html: string) =>
    [...html.matchAll(/data-cancellation="([^"]+)"/g)].map((match) => match[1]);
  const ticketPath = (id: string) => `/console/tickets/${id}`;
  const newProductType = () => `river_${randomBytes(3).toString('hex')}`;

  const quote = async (browser: ConsoleBrowser, ticketId: string, fields: object) => {
    // A minute apart, so the ticket lists them in the order they were asked.
    clock.set(new Date(clock.now().getTime() + 60_000));
    const page = await browser.get(ticketPath(ticketId)).expect(200);
    return browser
      .post(`/console/tickets/${ticketId}/cancellations`)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), bookingReference: '', requestedAt: '', ...fields })
      .expect(303);
  };

  const decide = async (browser: ConsoleBrowser, ticketId: string, id: string, fields: object) => {
    const page = await browser.get(ticketPath(ticketId)).expect(200);
    const action = `/console/cancellations/${id}/decision`;
    return browser
      .post(action)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), version: versionFor(page.text, action), ...fields })
      .expect(303);
  };

  it('quotes a cancellation from the current terms and shows the band, the amount kept and the refund', async () => {
    const console = await signedIn(t, agent);
    const ticket = await givenTicket(t, agent, { bookingReference: 'OTV-2026-001234' });
    let page = await console.get(ticketPath(ticket.id)).expect(200);
    expect(page.text).toContain('Chưa có yêu cầu hủy nào trên phiếu này.');
    expect(page.text).toContain('<option value="multi_day_tour">Tour nhiều ngày</option>');

    const forged = await console
      .post(`/console/tickets/${ticket.id}/cancellations`)
      .type('form')
      .send({ productType: 'multi_day_tour', departureDate: inDays(19), priceVnd: '1000000' })
      .expect(403);
    expect(forged.text).toContain(CSRF_REFUSAL);

    let answer = await quote(console, ticket.id, {
      productType: 'multi_day_tour',
      departureDate: inDays(19),
      priceVnd: '12.34',
    });
    page = await console.get(answer.headers.location).expect(400);
    expect(page.text).toContain('Không thực hiện được: priceVnd:');
    expect(page.text).toContain('priceVnd must be a whole number of đồng');
    answer = await quote(console, ticket.id, {
      productType: 'space_trip',
      departureDate: inDays(19),
      priceVnd: '1000000',
    });
    page = await console.get(answer.headers.location).expect(400);
    expect(page.text).toContain('there are no cancellation terms for space_trip');

    // Asked yesterday evening, 20 days before departure: the 15–29 day band keeps 20%, rounded down.
    await quote(console, ticket.id, {
      productType: 'multi_day_tour',
      departureDate: inDays(19),
      priceVnd: '12.345.679',
      requestedAt: `${inDays(-1)}T20:00`,
    });
    // Written the English way, for a day tour leaving tomorrow: the 1–2 day band keeps half.
    await quote(console, ticket.id, {
      productType: 'day_tour',
      departureDate: inDays(1),
      priceVnd: '1,500,000',
    });
    page = await console.get(ticketPath(ticket.id)).expect(200);
    const [multiDay, dayTour] = cancellationIdsIn(page.text);
    const section = (id: string) =>
      page.text.slice(page.text.indexOf(`data-cancellation="${id}"`)).split('</article>')[0];
    expect(section(multiDay)).toContain(
      'OTV-2026-001234 · Tour nhiều ngày: <strong class="cancellation-state">Chờ quyết định</strong>',
    );
    expect(section(multiDay)).toContain(`${inDays(19)} · 20 ngày trước khởi hành`);
    expect(section(multiDay)).toContain('hủy trước 15–29 ngày: giữ lại 20% (điều khoản phiên bản 1)');
    expect(section(multiDay)).toContain('<dd class="amount penalty">2.469.135 ₫</dd>');
    expect(section(multiDay)).toContain('<dd class="amount refund">9.876.544 ₫</dd>');
    // When the customer asked, as typed in the agent's zone.
    expect(section(multiDay)).toContain(
      `khách yêu cầu lúc ${TODAY.minus({ days: 1 }).toFormat('dd/MM/yyyy')} 20:00 (GMT+7)`,
    );
    expect(section(dayTour)).toContain('hủy trước 1–2 ngày: giữ lại 50%');
    expect(section(dayTour)).toContain('<dd class="amount penalty">750.000 ₫</dd>');
    // An agent may accept or refuse, not lower the penalty.
    expect(section(multiDay)).toContain('value="accept"');
    expect(section(multiDay)).not.toContain('value="reduce"');
    expect(section(multiDay)).toContain('Giám sát viên hoặc quản trị viên mới được giảm hoặc miễn phí hủy.');
  });

  it('records the decision as the role allows and sends the letter, once', async () => {
    const console = await signedIn(t, agent);
    const ticket = await givenTicket(t, agent, { bookingReference: 'OTV-2026-004321' });
    await quote(console, ticket.id, {
      productType: 'multi_day_tour',
      departureDate: inDays(19),
      priceVnd: '10000000',
    });
    await quote(console, ticket.id, {
      productType: 'multi_day_tour',
      departureDate: inDays(19),
      priceVnd: '10000000',
    });
    let page = await console.get(ticketPath(ticket.id)).expect(200);
    const [first, second] = cancellationIdsIn(page.text);
    const letters = (html: string) => html.split('<li class="staff">').length - 1;
    const lettersBefore = letters(page.text);

    // The service says no to an agent lowering the penalty, and to refusing without a reason.
    let answer = await decide(console, ticket.id, first, { decision: 'waive', reason: 'Khách ốm' });
    page = await console.get(answer.headers.location).expect(400);
    expect(page.text).toContain('Không thực hiện được: Only a supervisor may reduce or waive a penalty');
    answer = await decide(console, ticket.id, first, { decision: 'refuse', reason: '' });
    page = await console.get(answer.headers.location).expect(400);
    expect(page.text).toContain('reason: reason is required to refuse');

    await decide(console, ticket.id, first, { decision: 'refuse', reason: 'Đã quá hạn hủy theo hợp đồng' });
    page = await console.get(ticketPath(ticket.id)).expect(200);
    expect(page.text).toContain('<strong class="cancellation-state">Đã từ chối</strong>');
    expect(page.text).toMatch(
      /Quyết định bởi<\/dt><dd class="decision">Test agent, [^<]+: Đã quá hạn hủy theo hợp đồng/,
    );
    expect(page.text).not.toContain(`action="/console/cancellations/${first}/decision"`);
    // The letter is in the thread.
    expect(letters(page.text)).toBe(lettersBefore + 1);

    // A supervisor reduces the other quote (2.000.000 kept) to 1,000,000.
    const desk = await signedIn(t, supervisor);
    page = await desk.get(ticketPath(ticket.id)).expect(200);
    expect(page.text).toContain('value="reduce"');
    answer = await decide(desk, ticket.id, second, {
      decision: 'reduce',
      penaltyAmountVnd: '3.000.000',
      reason: 'Ốm',
    });
    page = await desk.get(answer.headers.location).expect(400);
    expect(page.text).toContain('penaltyAmountVnd must be more than 0 and less than the quoted 2000000');
    await decide(desk, ticket.id, second, {
      decision: 'reduce',
      penaltyAmountVnd: '1,000,000',
      reason: 'Khách nằm viện, có giấy xác nhận',
    });
    page = await desk.get(ticketPath(ticket.id)).expect(200);
    expect(page.text).toContain('<strong class="cancellation-state">Đã giảm phí</strong>');
    expect(page.text).toContain(
      'Phí hủy giữ lại 1.000.000 ₫ · Hoàn lại 9.000.000 ₫: Khách nằm viện, có giấy xác nhận',
    );

    // Deciding again with the form from before is refused with the service's words.
    const action = `/console/cancellations/${second}/decision`;
    answer = await desk
      .post(action)
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), version: '1', decision: 'accept' })
      .expect(303);
    page = await desk.get(answer.headers.location).expect(400);
    expect(page.text).toContain(`cancellation ${second} is already`);
  });

  it('lets only admins keep the terms: a new product type, then a new version, old versions kept', async () => {
    for (const as of [agent, supervisor]) {
      const browser = await signedIn(t, as);
      await browser.get('/console/admin/cancellation-terms').expect(403);
      await browser.get('/console/admin/cancellation-terms/day_tour').expect(403);
      await browser.post('/console/admin/cancellation-terms').type('form').send({}).expect(403);
    }
    const desk = await signedIn(t, admin);
    let page = await desk.get('/console/admin/cancellation-terms').expect(200);
    expect(page.text).toContain('<a href="/console/admin/cancellation-terms" aria-current="page">');
    expect(page.text).toContain('từ 7 ngày: 0%');
    expect(page.text).toContain('1–2 ngày: 50% · 0–0 ngày: 100% · không tham gia: 100%');

    const productType = newProductType();
    // The terms form for this product type, posted from the page last shown.
    const saveTerms = (from: { text: string }, fields: Record<string, string | string[]>) =>
      desk
        .post('/console/admin/cancellation-terms')
        .type('form')
        .send({ _csrf: csrfTokenOf(from.text), productType, nameEn: 'River cruise', ...fields });
    const forged = await desk
      .post('/console/admin/cancellation-terms')
      .type('form')
      .send({ productType, nameVi: 'Du thuyền sông', nameEn: 'River cruise' })
      .expect(403);
    expect(forged.text).toContain(CSRF_REFUSAL);

    // A gap between the bands: the service names the row, the page marks it and keeps what was typed.
    page = await saveTerms(page, {
      nameVi: 'Du thuyền sông',
      fromDays: ['20', '0', ''],
      toDays: ['', '9', ''],
      percentKept: ['10', '100', ''],
      noShowPercentKept: '100',
    }).expect(400);
    expect(page.text).toContain('gap after bands.1: days 10–19 are not covered');
    expect(page.text).toMatch(
      /<tr class="band invalid">\s*<td><input name="fromDays" inputmode="numeric" value="20"/,
    );
    expect(page.text).toContain('value="Du thuyền sông"');

    const created = await saveTerms(page, {
      nameVi: 'Du thuyền sông',
      fromDays: ['20', '0', ''],
      toDays: ['', '19', ''],
      percentKept: ['10', '100', ''],
      noShowPercentKept: '100',
    }).expect(303);
    expect(created.headers.location).toBe(`/console/admin/cancellation-terms/${productType}?saved=1`);
    page = await desk.get(created.headers.location).expect(200);
    expect(page.text).toContain('Đã lưu.');
    expect(page.text).toContain('từ 20 ngày: 10% · 0–19 ngày: 100% · không tham gia: 100%');

    // The next version, from the product type's page: the form starts from the current bands.
    expect(page.text).toMatch(/name="fromDays" inputmode="numeric" value="20"/);
    await saveTerms(page, {
      version: versionFor(page.text, '/console/admin/cancellation-terms'),
      nameVi: 'Du thuyền sông',
      fromDays: ['30', '10', '0'],
      toDays: ['', '29', '9'],
      percentKept: ['0', '40', '100'],
      noShowPercentKept: '100',
    }).expect(303);
    page = await desk.get(`/console/admin/cancellation-terms/${productType}`).expect(200);
    expect(page.text).toMatch(
      /data-version="2"><strong>Phiên bản 2<\/strong> \(hiện hành\)[^]*từ 30 ngày: 0% · 10–29 ngày: 40%/,
    );
    expect(page.text).toMatch(/data-version="1"><strong>Phiên bản 1<\/strong> ·[^]*từ 20 ngày: 10%/);
    expect(page.text).toContain(`Lưu bởi Test admin, ${TODAY.toFormat('dd/MM/yyyy')}`);

    // A form drawn from version 1 is stale now.
    page = await saveTerms(page, {
      version: '1',
      nameVi: 'Du thuyền sông (sửa)',
      fromDays: '0',
      toDays: '',
      percentKept: '100',
      noShowPercentKept: '90',
    }).expect(409);
    // The current terms, what the admin typed kept, and a form that now answers the current version.
    expect(page.text).toContain('Trong lúc bạn sửa, người khác đã lưu phiên bản 2 (bạn sửa từ phiên bản 1).');
    expect(page.text).toMatch(/data-version="2"><strong>Phiên bản 2<\/strong> \(hiện hành\)/);
    expect(page.text).toContain('value="Du thuyền sông (sửa)"');
    expect(page.text).toMatch(/name="noShowPercentKept" inputmode="numeric" value="90"/);
    expect(versionFor(page.text, '/console/admin/cancellation-terms')).toBe('2');
    // Saved again from that page, the kept values become version 3.
    await saveTerms(page, {
      version: versionFor(page.text, '/console/admin/cancellation-terms'),
      nameVi: 'Du thuyền sông (sửa)',
      fromDays: ['30', '10', '0'],
      toDays: ['', '29', '9'],
      percentKept: ['0', '40', '100'],
      noShowPercentKept: '90',
    }).expect(303);
    page = await desk.get(`/console/admin/cancellation-terms/${productType}`).expect(200);
    expect(page.text).toMatch(/data-version="3"><strong>Phiên bản 3<\/strong> \(hiện hành\)/);

    // Agents quote from the new version.
    const console = await signedIn(t, agent);
    const ticket = await givenTicket(t, agent, { bookingReference: 'OTV-2026-007777' });
    page = await console.get(ticketPath(ticket.id)).expect(200);
    expect(page.text).toContain(`<option value="${productType}">Du thuyền sông (sửa)</option>`);
    await quote(console, ticket.id, { productType, departureDate: inDays(20), priceVnd: '1000000' });
    page = await console.get(ticketPath(ticket.id)).expect(200);
    expect(page.text).toContain('hủy trước 10–29 ngày: giữ lại 40% (điều khoản phiên bản 3)');

    await desk.get('/console/admin/cancellation-terms/no_such_type').expect(404);
  });
});
