import { randomUUID } from 'node:crypto';
import { AddOneOpenTransactionCasePerBooking1764028800030 } from '../../src/database/migrations/1764028800030-add-one-open-transaction-case-per-booking.js';
import { TransactionCase } from '../../src/transaction-cases/transaction-case.entity.js';
import { givenAgent, givenTicket, unique, type SignedInAgent } from '../support/factories.js';
import { startTestApp, TestClock, type TestApp } from '../support/test-app.js';

interface CaseView {
  id: string;
  ticketId: string;
  bookingReference: string;
  state: string;
}

describe('transaction cases: one open case per booking', () => {
  let t: TestApp;
  let agent: SignedInAgent;
  let otherAgent: SignedInAgent;
  let supervisor: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp(
      { JOBS_ENABLED: 'false' },
      { clock: new TestClock(new Date('2026-05-04T03:00:00Z')) },
    );
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    otherAgent = await givenAgent(t, 'agent', { queues: 'all' });
    supervisor = await givenAgent(t, 'supervisor');
  });
  afterAll(() => t.close());

  const booking = () => unique('OTV').toUpperCase();
  const paymentTicket = (bookingReference: string) =>
    givenTicket(t, agent, {
      subject: 'Payment question',
      body: 'I was charged twice, please check.',
      categoryKey: 'payment',
      language: 'en',
      bookingReference,
    });
  const report = (ticketId: string, as: SignedInAgent, body: Record<string, unknown> = {}) =>
    t
      .http()
      .post(`/api/v1/tickets/${ticketId}/transaction-cases`)
      .set(as.auth)
      .send({ kind: 'payment_incident', ...body });
  const move = (id: string, action: string, as: SignedInAgent) =>
    t
      .http()
      .post(`/api/v1/transaction-cases/${id}/${action}`)
      .set(as.auth)
      .send({ reason: 'Checked' })
      .expect(200);

  it('refuses a second open case for a booking with 409, naming the open case and its ticket', async () => {
    const reference = booking();
    const first = await paymentTicket(reference);
    const opened = (await report(first.id, agent).expect(201)).body as CaseView;
    // The customer wrote twice: the second ticket names the same booking, in other letters.
    const second = await paymentTicket(`${reference.toLowerCase()}`);
    const refused = await report(second.id, otherAgent).expect(409);
    expect(refused.body.message).toBe(
      `Booking ${reference} already has an open transaction case (${opened.id}) on ticket ` +
        `OT#${first.number}: work it there, or merge this ticket into it`,
    );
    expect(refused.body.details).toEqual({
      existingCaseId: opened.id,
      existingTicketId: first.id,
      existingTicketNumber: `OT#${first.number}`,
    });
    // Still refused while the transaction is suspended for verification.
    await move(opened.id, 'suspend', agent);
    await report(second.id, otherAgent, { bookingReference: ` ${reference} ` }).expect(409);
    const cases = await t.dataSource.getRepository(TransactionCase).findBy({ bookingReference: reference });
    expect(cases.map(({ id }) => id)).toEqual([opened.id]);
  });

  it('allows a new case for the booking once the open one is decided, either way', async () => {
    const reference = booking();
    const ticket = await paymentTicket(reference);
    for (const outcome of ['verify-legitimate', 'confirm-fraud']) {
      const opened = (await report(ticket.id, agent).expect(201)).body as CaseView;
      await report(ticket.id, agent).expect(409);
      await move(opened.id, 'suspend', agent);
      await move(opened.id, outcome, supervisor);
    }
    const reopened = (await report(ticket.id, agent).expect(201)).body as CaseView;
    expect(reopened).toMatchObject({ bookingReference: reference, state: 'reported' });
  });

  it('lets exactly one of two agents reporting the same booking at once win', async () => {
    for (let round = 0; round < 5; round++) {
      const reference = booking();
      const [one, two] = await Promise.all([paymentTicket(reference), paymentTicket(reference)]);
      const answers = await Promise.all([report(one.id, agent), report(two.id, otherAgent)]);
      expect(answers.map(({ status }) => status).sort()).toEqual([201, 409]);
      const winner = answers.find(({ status }) => status === 201)!.body as CaseView;
      const loser = answers.find(({ status }) => status === 409)!;
      expect(loser.body.details).toMatchObject({
        existingCaseId: winner.id,
        existingTicketId: winner.ticketId,
      });
      expect(await t.dataSource.getRepository(TransactionCase).countBy({ bookingReference: reference })).toBe(
        1,
      );
    }
  });

  it('keys the oldest open case of a booking when old data already holds duplicates', async () => {
    const reference = booking();
    const ticket = await paymentTicket(reference);
    const oldest = (await report(ticket.id, agent).expect(201)).body as CaseView;
    const decided = booking();
    const decidedCase = (await report((await paymentTicket(decided)).id, agent).expect(201)).body as CaseView;
    await move(decidedCase.id, 'suspend', agent);
    await move(decidedCase.id, 'confirm-fraud', supervisor);
    const migration = new AddOneOpenTransactionCasePerBooking1764028800030();
    const runner = t.dataSource.createQueryRunner();
    let duplicateId: string;
    // As TypeORM's migration executor does: SQLite rebuilds the table, which the deliveries reference.
    await runner.beforeMigration();
    try {
      await migration.down(runner);
      // A later open duplicate, as two agents could write before the index existed.
      const [row] = (await runner.query('SELECT * FROM transaction_cases WHERE id = ?', [
        oldest.id,
      ])) as Record<string, unknown>[];
      duplicateId = randomUUID();
      const copy = {
        ...row,
        id: duplicateId,
        reported_at: '2026-05-04 04:00:00.000',
        created_at: '2026-05-04 04:00:00.000',
      };
      const columns = Object.keys(copy);
      await runner.query(
        `INSERT INTO transaction_cases (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        Object.values(copy),
      );
      await migration.up(runner);
    } finally {
      await runner.afterMigration();
      await runner.release();
    }
    const repository = t.dataSource.getRepository(TransactionCase);
    expect(await repository.findOneByOrFail({ id: oldest.id })).toMatchObject({
      openBookingReference: reference,
    });
    expect(await repository.findOneByOrFail({ id: duplicateId })).toMatchObject({
      openBookingReference: null,
    });
    expect(await repository.findOneByOrFail({ id: decidedCase.id })).toMatchObject({
      openBookingReference: null,
    });
    // The unkeyed duplicate can still be worked, and a new case still names the oldest.
    await move(duplicateId, 'suspend', agent);
    const refused = await report(ticket.id, agent).expect(409);
    expect(refused.body.details).toMatchObject({ existingCaseId: oldest.id });
    await report((await paymentTicket(decided)).id, agent).expect(201);
  });
});
