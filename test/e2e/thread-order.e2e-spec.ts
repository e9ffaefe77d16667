import { CustomerDataExportService } from '../../src/data-requests/customer-data-export.service.js';
import { TicketsService } from '../../src/tickets/tickets.service.js';
import { givenAgent, givenCustomer, givenTicket, type SignedInAgent } from '../support/factories.js';
import { startTestApp, TestClock, type TestApp } from '../support/test-app.js';

interface Thread {
  version: number;
  messages: { bodyText: string }[];
}

/**
 * A thread is shown in the order its messages were added, whatever their timestamps say: the clock stands
 * still here, so every message shares one millisecond and only the thread's own numbering can order them.
 */
describe('thread order', () => {
  let t: TestApp;
  let admin: SignedInAgent;
  const clock = new TestClock(new Date());

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' }, { clock });
    admin = await givenAgent(t, 'admin');
  });
  afterAll(() => t.close());

  const thread = async (ticketId: string) =>
    (await t.http().get(`/api/v1/tickets/${ticketId}`).set(admin.auth).expect(200)).body as Thread;
  const bodies = async (ticketId: string) => (await thread(ticketId)).messages.map((m) => m.bodyText);
  const note = (ticketId: string, body: string) =>
    t.http().post(`/api/v1/tickets/${ticketId}/notes`).set(admin.auth).send({ body });
  const fromCustomer = (ticketId: string, body: string) =>
    t.http().post(`/api/v1/tickets/${ticketId}/customer-messages`).set(admin.auth).send({ body }).expect(201);
  const numbers = async (ticketId: string) =>
    (
      (await t.dataSource.query('SELECT body_text, thread_seq FROM messages WHERE ticket_id = ?', [
        ticketId,
      ])) as { body_text: string; thread_seq: number | string }[]
    )
      .map((row) => [Number(row.thread_seq), row.body_text] as const)
      .sort(([a], [b]) => a - b);

  it('shows messages written in the same millisecond in the order they were added, everywhere', async () => {
    const customer = await givenCustomer(t, admin);
    const ticket = await givenTicket(t, admin, { customerId: customer.id, body: '1 khách viết' });
    await note(ticket.id, '2 ghi chú').expect(201);
    const { version } = await thread(ticket.id);
    await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/replies`)
      .set(admin.auth)
      .send({ body: '3 trả lời', version })
      .expect(201);
    await fromCustomer(ticket.id, '4 khách trả lời');
    await note(ticket.id, '5 ghi chú');
    await note(ticket.id, '6 ghi chú').expect(201);
    const written = ['1 khách viết', '2 ghi chú', '3 trả lời', '4 khách trả lời', '5 ghi chú', '6 ghi chú'];

    expect(await bodies(ticket.id)).toEqual(written);
    expect((await numbers(ticket.id)).map(([seq]) => seq)).toEqual([1, 2, 3, 4, 5, 6]);
    const shownToCustomer = await t.get(TicketsService).publicThread(t.dataSource.manager, ticket.id);
    expect(shownToCustomer.map(({ message }) => message.bodyText)).toEqual([
      written[0],
      written[2],
      written[3],
    ]);
    const exported = await t
      .get(CustomerDataExportService)
      .build(t.dataSource.manager, customer.id, clock.now());
    expect(exported.tickets[0].messages.map((message) => message.text)).toEqual(
      shownToCustomer.map(({ message }) => message.bodyText),
    );
  });

  it('writes notes posted at the same moment one after the other, none refused', async () => {
    const ticket = await givenTicket(t, admin, { body: 'mở' });
    const notes = ['a', 'b', 'c', 'd', 'e', 'f'].map((letter) => `ghi chú ${letter}`);
    const responses = await Promise.all(notes.map((body) => note(ticket.id, body)));

    expect(responses.map((response) => response.status)).toEqual(notes.map(() => 201));
    const stored = await numbers(ticket.id);
    expect(stored.map(([seq]) => seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(
      stored
        .slice(1)
        .map(([, body]) => body)
        .sort(),
    ).toEqual(notes);
    expect((await thread(ticket.id)).version).toBe(ticket.version + notes.length);
  });

  it('interleaves a merged duplicate by time and keeps numbering the joined thread', async () => {
    const start = clock.now().getTime();
    const at = (minutes: number) => clock.set(new Date(start + minutes * 60_000));
    const customer = await givenCustomer(t, admin);
    at(0);
    const target = await givenTicket(t, admin, { customerId: customer.id, body: 'target 0' });
    at(1);
    const duplicate = await givenTicket(t, admin, { customerId: customer.id, body: 'duplicate 1' });
    at(2);
    await note(target.id, 'target 2').expect(201);
    at(3);
    await fromCustomer(duplicate.id, 'duplicate 3');
    at(4);
    await note(duplicate.id, 'duplicate 4').expect(201);
    await note(target.id, 'target 4').expect(201);

    const { version } = await thread(duplicate.id);
    await t
      .http()
      .post(`/api/v1/tickets/${duplicate.id}/merge`)
      .set(admin.auth)
      .send({ targetTicketId: target.id, version })
      .expect(200);
    at(5);
    await note(target.id, 'target 5').expect(201);

    const joined = [
      'target 0',
      'duplicate 1',
      'target 2',
      'duplicate 3',
      'target 4',
      'duplicate 4',
      'target 5',
    ];
    expect(await bodies(target.id)).toEqual(joined);
    expect(await numbers(target.id)).toEqual(joined.map((body, index) => [index + 1, body]));
    expect(await numbers(duplicate.id)).toEqual([]);
  });
});
