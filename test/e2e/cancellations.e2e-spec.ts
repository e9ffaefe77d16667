import { givenAgent, givenCustomer, givenTicket, unique, type SignedInAgent } from '../support/factories.js';
import { startTestApp, TestClock, type TestApp } from '../support/test-app.js';

interface CancellationView {
  id: string;
  bookingReference: string;
  state: string;
  version: number;
  quote: {
    daysBeforeDeparture: number;
    termsVersion: number;
    appliedBand: unknown;
    penaltyPercent: number;
    penaltyAmountVnd: number;
    refundAmountVnd: number;
  };
  decision: null | {
    decision: string;
    penaltyAmountVnd: number | null;
    refundAmountVnd: number | null;
    reason: string | null;
    letterMessageId: string;
  };
}

interface MessageView {
  id: string;
  direction: string;
  bodyText: string;
}

/** 17:00 on 1 July 2026 in Ho Chi Minh City. */
const NOW = new Date('2026-07-01T10:00:00Z');

const MULTI_DAY_BANDS = [
  { fromDays: 30, toDays: null, percentKept: 0 },
  { fromDays: 15, toDays: 29, percentKept: 20 },
  { fromDays: 7, toDays: 14, percentKept: 50 },
  { fromDays: 0, toDays: 6, percentKept: 100 },
];

describe('cancellation under penalty terms', () => {
  let t: TestApp;
  let admin: SignedInAgent;
  let supervisor: SignedInAgent;
  let agent: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp({}, { clock: new TestClock(NOW) });
    admin = await givenAgent(t, 'admin');
    supervisor = await givenAgent(t, 'supervisor');
    agent = await givenAgent(t, 'agent', { queues: 'all' });
  });
  afterAll(() => t.close());

  const bookingTicket = async (extra: Record<string, unknown> = {}) => {
    const customer = await givenCustomer(t, agent, { displayName: 'Trần Thị Bích' });
    const ticket = await givenTicket(t, agent, {
      customerId: customer.id,
      subject: 'Xin huỷ tour Sa Pa',
      body: 'Tôi muốn huỷ tour vì bận việc gia đình.',
      bookingReference: 'OTV-2026-001234',
      ...extra,
    });
    return { ticket, email: customer.emails[0].value };
  };

  const quote = async (ticketId: string, body: Record<string, unknown>, expected = 201) =>
    (
      await t
        .http()
        .post(`/api/v1/tickets/${ticketId}/cancellations`)
        .set(agent.auth)
        .send({ productType: 'multi_day_tour', priceVnd: 12_345_679, ...body })
        .expect(expected)
    ).body;

  const decide = (as: SignedInAgent, cancellation: CancellationView, body: Record<string, unknown>) =>
    t
      .http()
      .post(`/api/v1/cancellations/${cancellation.id}/decision`)
      .set(as.auth)
      .send({ version: cancellation.version, ...body });

  const thread = async (ticketId: string): Promise<MessageView[]> =>
    (await t.http().get(`/api/v1/tickets/${ticketId}`).set(agent.auth).expect(200)).body.messages;

  const fieldsOf = (body: { errors: { field: string }[] }) => [
    ...new Set(body.errors.map((error) => error.field)),
  ];

  it('quotes the day-one terms at each side of every band boundary, in Vietnam’s calendar', async () => {
    const { ticket } = await bookingTicket();
    const cases: [string, number, number][] = [
      ['2026-07-31', 30, 0],
      ['2026-07-30', 29, 20],
      ['2026-07-16', 15, 20],
      ['2026-07-15', 14, 50],
      ['2026-07-08', 7, 50],
      ['2026-07-07', 6, 100],
      ['2026-07-01', 0, 100],
    ];
    for (const [departureDate, days, percent] of cases) {
      const created: CancellationView = await quote(ticket.id, { departureDate });
      expect(created).toMatchObject({
        bookingReference: 'OTV-2026-001234',
        state: 'quoted',
        decision: null,
        quote: { daysBeforeDeparture: days, penaltyPercent: percent, termsVersion: 1 },
      });
    }
    const noShow: CancellationView = await quote(ticket.id, { departureDate: '2026-06-30' });
    expect(noShow.quote).toMatchObject({
      daysBeforeDeparture: -1,
      appliedBand: 'no_show',
      penaltyPercent: 100,
    });

    // 20 % of 12,345,679 is 2,469,135.8: the penalty is rounded down, the refund is the rest.
    const twenty: CancellationView = await quote(ticket.id, { departureDate: '2026-07-20' });
    expect(twenty.quote).toMatchObject({
      penaltyPercent: 20,
      penaltyAmountVnd: 2_469_135,
      refundAmountVnd: 9_876_544,
      appliedBand: { fromDays: 15, toDays: 29, percentKept: 20 },
    });

    // Midnight in Vietnam, not in UTC, starts the request's day.
    const atMidnight: CancellationView = await quote(ticket.id, {
      departureDate: '2026-07-31',
      requestedAt: '2026-07-01T00:00:00+07:00',
    });
    expect(atMidnight.quote.daysBeforeDeparture).toBe(30);
    const justBefore: CancellationView = await quote(ticket.id, {
      departureDate: '2026-07-31',
      requestedAt: '2026-06-30T16:59:59Z',
    });
    expect(justBefore.quote.daysBeforeDeparture).toBe(31);

    const listed: CancellationView[] = (
      await t.http().get(`/api/v1/tickets/${ticket.id}/cancellations`).set(agent.auth).expect(200)
    ).body;
    // All made at the same (test) instant, so compare as a set.
    expect(
      listed.map((cancellation) => cancellation.quote.daysBeforeDeparture).sort((a, b) => a - b),
    ).toEqual([-1, 0, 6, 7, 14, 15, 19, 29, 30, 30, 31]);
    const terms = (await t.http().get('/api/v1/cancellation-terms').set(agent.auth).expect(200)).body;
    expect(terms.map((row: { productType: string }) => row.productType)).toEqual([
      'cruise',
      'day_tour',
      'flight_package',
      'multi_day_tour',
    ]);
  });

  it('lets only admins save terms, and names the band that leaves a gap or overlaps', async () => {
    const productType = `river_${unique('x').slice(2)}`;
    const terms = { nameVi: 'Du thuyền sông Mê Kông', nameEn: 'Mekong river cruise', noShowPercentKept: 100 };
    for (const as of [agent, supervisor]) {
      await t
        .http()
        .put(`/api/v1/cancellation-terms/${productType}`)
        .set(as.auth)
        .send({ ...terms, bands: MULTI_DAY_BANDS })
        .expect(403);
    }
    const save = (body: Record<string, unknown>) =>
      t
        .http()
        .put(`/api/v1/cancellation-terms/${productType}`)
        .set(admin.auth)
        .send({ ...terms, ...body });

    const gap = await save({
      bands: [
        { fromDays: 30, toDays: null, percentKept: 0 },
        { fromDays: 15, toDays: 28, percentKept: 20 },
        { fromDays: 0, toDays: 14, percentKept: 100 },
      ],
    }).expect(400);
    expect(gap.body.errors).toEqual([
      { field: 'bands.0.fromDays', reason: 'gap after bands.1: day 29 is not covered' },
    ]);
    const overlap = await save({
      bands: [
        { fromDays: 10, toDays: null, percentKept: 0 },
        { fromDays: 0, toDays: 12, percentKept: 100 },
      ],
    }).expect(400);
    expect(overlap.body.errors).toEqual([
      { field: 'bands.0.fromDays', reason: 'overlaps bands.1: days 10–12 are in both' },
    ]);
    const notPercent = await save({
      bands: [{ fromDays: 0, toDays: null, percentKept: 120.5 }],
      noShowPercentKept: -1,
    }).expect(400);
    expect(fieldsOf(notPercent.body)).toEqual(
      expect.arrayContaining(['bands.0.percentKept', 'noShowPercentKept']),
    );
    await t
      .http()
      .put('/api/v1/cancellation-terms/Bad-Key')
      .set(admin.auth)
      .send({ ...terms, bands: MULTI_DAY_BANDS })
      .expect(400);
    await t.http().get(`/api/v1/cancellation-terms/${productType}`).set(agent.auth).expect(404);

    const created = (await save({ bands: MULTI_DAY_BANDS }).expect(200)).body;
    expect(created).toMatchObject({ productType, version: 1, bands: MULTI_DAY_BANDS });
    await save({ bands: MULTI_DAY_BANDS }).expect(409);
    await save({ version: 1, bands: MULTI_DAY_BANDS, noShowPercentKept: 90 }).expect(200);
    await save({ version: 1, bands: MULTI_DAY_BANDS }).expect(409);

    const audit = (
      await t.http().get('/api/v1/audit-events?recordType=cancellation_terms').set(admin.auth).expect(200)
    ).body.items;
    expect(
      audit
        .filter(
          (event: { fields: { productType: unknown[] } }) => event.fields.productType[1] === productType,
        )
        .map((event: { action: string; actorId: string }) => [event.action, event.actorId])
        .sort(),
    ).toEqual([
      ['cancellation_terms.create', admin.agent.id],
      ['cancellation_terms.update', admin.agent.id],
    ]);
  });

  it('keeps a quote on the terms version it was made from when the terms change', async () => {
    const productType = `cruise_${unique('x').slice(2)}`;
    const put = (body: Record<string, unknown>) =>
      t
        .http()
        .put(`/api/v1/cancellation-terms/${productType}`)
        .set(admin.auth)
        .send({ nameVi: 'Du thuyền Hạ Long', nameEn: 'Ha Long cruise', noShowPercentKept: 100, ...body })
        .expect(200);
    await put({ bands: MULTI_DAY_BANDS });
    const { ticket } = await bookingTicket();
    const before: CancellationView = await quote(ticket.id, {
      productType,
      departureDate: '2026-07-21',
      priceVnd: 10_000_000,
    });
    expect(before.quote).toMatchObject({ termsVersion: 1, penaltyPercent: 20, penaltyAmountVnd: 2_000_000 });

    const stricter = MULTI_DAY_BANDS.map((band) =>
      band.fromDays === 15 ? { ...band, percentKept: 40 } : band,
    );
    await put({ version: 1, bands: stricter });
    const after: CancellationView = await quote(ticket.id, {
      productType,
      departureDate: '2026-07-21',
      priceVnd: 10_000_000,
    });
    expect(after.quote).toMatchObject({ termsVersion: 2, penaltyPercent: 40, penaltyAmountVnd: 4_000_000 });

    const reread: CancellationView = (
      await t.http().get(`/api/v1/cancellations/${before.id}`).set(agent.auth).expect(200)
    ).body;
    expect(reread.quote).toEqual(before.quote);
    const accepted: CancellationView = (await decide(agent, before, { decision: 'accept' }).expect(200)).body;
    expect(accepted.decision).toMatchObject({ penaltyAmountVnd: 2_000_000, refundAmountVnd: 8_000_000 });
    const versions = (
      await t.http().get(`/api/v1/cancellation-terms/${productType}/versions`).set(agent.auth).expect(200)
    ).body;
    expect(versions.map((row: { version: number }) => row.version)).toEqual([2, 1]);
  });

  it('sends the decision letter in the ticket’s language and puts it in the thread', async () => {
    const vi = await bookingTicket();
    const viQuote: CancellationView = await quote(vi.ticket.id, { departureDate: '2026-07-20' });
    const accepted: CancellationView = (await decide(agent, viQuote, { decision: 'accept' }).expect(200))
      .body;
    expect(accepted).toMatchObject({
      state: 'accepted',
      version: 2,
      decision: { decision: 'accept', penaltyAmountVnd: 2_469_135, refundAmountVnd: 9_876_544, reason: null },
    });
    const viLetter = (await thread(vi.ticket.id)).find(
      (message) => message.id === accepted.decision!.letterMessageId,
    )!;
    expect(viLetter.direction).toBe('outbound');
    expect(viLetter.bodyText).toContain('Kính gửi Trần Thị Bích');
    expect(viLetter.bodyText).toContain(
      'Đặt chỗ: OTV-2026-001234 (Tour nhiều ngày, khởi hành ngày 20/07/2026)',
    );
    expect(viLetter.bodyText).toContain('Ngày yêu cầu huỷ: 01/07/2026, 19 ngày trước ngày khởi hành');
    expect(viLetter.bodyText).toContain('Phí huỷ (20%): 2.469.135 đ');
    expect(viLetter.bodyText).toContain('Số tiền hoàn lại: 9.876.544 đ');

    const en = await bookingTicket({ language: 'en', bookingReference: 'OTV-2026-009876' });
    const enQuote: CancellationView = await quote(en.ticket.id, { departureDate: '2026-07-02' });
    const refused: CancellationView = (
      await decide(agent, enQuote, {
        decision: 'refuse',
        reason: 'The tour has already been rebooked for you.',
      }).expect(200)
    ).body;
    expect(refused.decision).toMatchObject({
      decision: 'refuse',
      penaltyAmountVnd: null,
      refundAmountVnd: null,
    });
    const enLetter = (await thread(en.ticket.id)).find(
      (message) => message.id === refused.decision!.letterMessageId,
    )!;
    expect(enLetter.bodyText).toContain('Booking: OTV-2026-009876 (Multi-day tour, departing 2 July 2026)');
    expect(enLetter.bodyText).toContain('Cancellation requested: 1 July 2026, 1 day before departure');
    expect(enLetter.bodyText).toContain('Reason: The tour has already been rebooked for you.');
    expect(enLetter.bodyText).not.toMatch(/Kính gửi|đặt chỗ/);

    const outbox = (await t.http().get('/api/v1/admin/outbox?limit=100').set(admin.auth).expect(200)).body;
    const mailTo = (ticketId: string) =>
      outbox.find(
        (mail: { ticketId: string; kind: string }) => mail.ticketId === ticketId && mail.kind === 'reply',
      );
    expect(mailTo(vi.ticket.id)).toMatchObject({
      toAddress: vi.email,
      subject: `[OT#${vi.ticket.number}] Xác nhận huỷ đặt chỗ OTV-2026-001234`,
    });
    expect(mailTo(en.ticket.id)).toMatchObject({
      toAddress: en.email,
      subject: `[OT#${en.ticket.number}] Our decision on cancelling booking OTV-2026-009876`,
    });
    const ticketAfter = (await t.http().get(`/api/v1/tickets/${vi.ticket.id}`).set(agent.auth).expect(200))
      .body;
    expect(ticketAfter.state).toBe('pending_customer');

    await decide(agent, accepted, { decision: 'refuse', reason: 'again' }).expect(409);
    const refusedAudit = (
      await t
        .http()
        .get(`/api/v1/audit-events?recordType=cancellation&recordId=${enQuote.id}`)
        .set(admin.auth)
        .expect(200)
    ).body.items;
    expect(
      refusedAudit
        .map((event: { action: string; reason: string | null }) => [event.action, event.reason])
        .sort(),
    ).toEqual([
      ['cancellation.quote', null],
      ['cancellation.refuse', 'The tour has already been rebooked for you.'],
    ]);
  });

  it('lets a supervisor reduce or waive the penalty, and refuses an agent', async () => {
    const { ticket } = await bookingTicket();
    const reducible: CancellationView = await quote(ticket.id, {
      departureDate: '2026-07-10',
      priceVnd: 8_000_000,
    });
    expect(reducible.quote).toMatchObject({ penaltyPercent: 50, penaltyAmountVnd: 4_000_000 });
    const messagesBefore = (await thread(ticket.id)).length;

    await decide(agent, reducible, {
      decision: 'reduce',
      penaltyAmountVnd: 1_000_000,
      reason: 'Khách nhập viện, có giấy xác nhận',
    }).expect(403);
    await decide(agent, reducible, { decision: 'waive', reason: 'Khách nhập viện' }).expect(403);
    expect(await thread(ticket.id)).toHaveLength(messagesBefore);
    const unchanged = (
      await t.http().get(`/api/v1/cancellations/${reducible.id}`).set(agent.auth).expect(200)
    ).body;
    expect(unchanged).toMatchObject({ state: 'quoted', version: 1 });

    const noReason = await decide(supervisor, reducible, {
      decision: 'reduce',
      penaltyAmountVnd: 1_000_000,
    }).expect(400);
    expect(fieldsOf(noReason.body)).toEqual(['reason']);
    const tooMuch = await decide(supervisor, reducible, {
      decision: 'reduce',
      penaltyAmountVnd: 4_000_000,
      reason: 'x',
    }).expect(400);
    expect(fieldsOf(tooMuch.body)).toEqual(['penaltyAmountVnd']);

    const reduced: CancellationView = (
      await decide(supervisor, reducible, {
        decision: 'reduce',
        penaltyAmountVnd: 1_000_000,
        reason: 'Khách nhập viện, có giấy xác nhận',
      }).expect(200)
    ).body;
    expect(reduced).toMatchObject({
      state: 'reduced',
      decision: { decision: 'reduce', penaltyAmountVnd: 1_000_000, refundAmountVnd: 7_000_000 },
    });
    const letter = (await thread(ticket.id)).find(
      (message) => message.id === reduced.decision!.letterMessageId,
    )!;
    expect(letter.bodyText).toContain('phí huỷ là 50% (4.000.000 đ)');
    expect(letter.bodyText).toContain('giảm phí huỷ vì: Khách nhập viện, có giấy xác nhận');
    expect(letter.bodyText).toContain('Phí huỷ sau khi giảm: 1.000.000 đ');
    expect(letter.bodyText).toContain('Số tiền hoàn lại: 7.000.000 đ');

    const waivable: CancellationView = await quote(ticket.id, {
      departureDate: '2026-07-10',
      priceVnd: 8_000_000,
    });
    const waived: CancellationView = (
      await decide(supervisor, waivable, { decision: 'waive', reason: 'Lỗi của công ty' }).expect(200)
    ).body;
    expect(waived.decision).toMatchObject({ penaltyAmountVnd: 0, refundAmountVnd: 8_000_000 });
    expect(
      (await thread(ticket.id)).find((message) => message.id === waived.decision!.letterMessageId)!.bodyText,
    ).toContain('miễn toàn bộ phí huỷ vì: Lỗi của công ty');
  });

  it('answers 400 naming the field for a bad price, date, product type or booking reference', async () => {
    const { ticket } = await bookingTicket();
    const refused = async (body: Record<string, unknown>) =>
      fieldsOf(await quote(ticket.id, { departureDate: '2026-08-15', ...body }, 400));
    expect(await refused({ priceVnd: 1_500_000.5 })).toEqual(['priceVnd']);
    expect(await refused({ priceVnd: '1500000' })).toEqual(['priceVnd']);
    expect(await refused({ priceVnd: 0 })).toEqual(['priceVnd']);
    expect(await refused({ departureDate: '15/08/2026' })).toEqual(['departureDate']);
    expect(await refused({ departureDate: '2026-02-30' })).toEqual(['departureDate']);
    expect(await refused({ productType: 'space_flight' })).toEqual(['productType']);
    expect(await refused({ requestedAt: '2026-07-02T00:00:00Z' })).toEqual(['requestedAt']);
    const { ticket: noBooking } = await bookingTicket({ bookingReference: undefined });
    expect(fieldsOf(await quote(noBooking.id, { departureDate: '2026-08-15' }, 400))).toEqual([
      'bookingReference',
    ]);
    expect(
      (await quote(noBooking.id, { departureDate: '2026-08-15', bookingReference: 'OTV-2026-000777' }))
        .bookingReference,
    ).toBe('OTV-2026-000777');
    // Above 2^32 đồng: stored as bigint, read back as the same number on both databases.
    const large: CancellationView = await quote(ticket.id, {
      departureDate: '2026-07-20',
      priceVnd: 4_294_967_297,
    });
    const reread = (await t.http().get(`/api/v1/cancellations/${large.id}`).set(agent.auth).expect(200)).body;
    expect(reread).toMatchObject({
      priceVnd: 4_294_967_297,
      quote: { penaltyAmountVnd: 858_993_459, refundAmountVnd: 3_435_973_838 },
    });

    const created: CancellationView = await quote(ticket.id, { departureDate: '2026-08-15' });
    expect(fieldsOf((await decide(agent, created, { decision: 'maybe' }).expect(400)).body)).toEqual([
      'decision',
    ]);

    const outsider = await givenAgent(t, 'agent');
    await t.http().get(`/api/v1/tickets/${ticket.id}/cancellations`).set(outsider.auth).expect(404);
    await t.http().get(`/api/v1/cancellations/${created.id}`).set(outsider.auth).expect(404);
  });
});
