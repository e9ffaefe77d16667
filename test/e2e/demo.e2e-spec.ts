import { jest } from '@jest/globals';
import { Agent } from '../../src/auth/agent.entity.js';
import { AuditEvent } from '../../src/audit/audit-event.entity.js';
import { Customer } from '../../src/customers/customer.entity.js';
import { DEMO_AGENTS, DEMO_CUSTOMERS, DEMO_TICKETS } from '../../src/demo/demo-desk.data.js';
import { OutboxMessage } from '../../src/mail/outbound/outbox-message.entity.js';
import { Queue } from '../../src/queues/queue.entity.js';
import { TicketSlaClock } from '../../src/sla/ticket-sla-clock.entity.js';
import { Category } from '../../src/tickets/category.entity.js';
import { Message } from '../../src/tickets/message.entity.js';
import { Ticket } from '../../src/tickets/ticket.entity.js';
import { freshDatabase, startTestApp, TEST_ADMIN, type TestApp } from '../support/test-app.js';

const HOUR = 3_600_000;

/** Starts the app, keeping what it printed to the console. */
async function startPrinting(
  env: Record<string, string>,
  database: Awaited<ReturnType<typeof freshDatabase>>,
) {
  const printed: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed.push(String(chunk));
    return true;
  });
  try {
    const t = await startTestApp({ JOBS_ENABLED: 'false', ...env }, { database });
    return { t, printed: printed.join('') };
  } finally {
    write.mockRestore();
  }
}

/** How much of everything the desk holds, to see that a restart adds nothing. */
async function sizeOf(t: TestApp) {
  const count = (
    entity: typeof Ticket | typeof Customer | typeof Agent | typeof Message | typeof OutboxMessage,
  ) => t.dataSource.getRepository(entity).count();
  return {
    tickets: await count(Ticket),
    customers: await count(Customer),
    agents: await count(Agent),
    messages: await count(Message),
    outbox: await count(OutboxMessage),
  };
}

async function signIn(t: TestApp, email: string, password: string) {
  const { body } = await t.http().post('/api/v1/auth/login').send({ email, password }).expect(200);
  return body as { token: string; mustChangePassword: boolean };
}

describe('the demo desk (DEMO=1)', () => {
  const database = { current: null as Awaited<ReturnType<typeof freshDatabase>> | null };
  let t: TestApp;
  let printed: string;

  beforeAll(async () => {
    database.current = await freshDatabase();
    ({ t, printed } = await startPrinting({ DEMO: 'true' }, database.current));
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await database.current?.drop();
  });

  const ticketsBySubject = async () => {
    const [tickets, queues, categories] = await Promise.all([
      t.dataSource.getRepository(Ticket).find(),
      t.dataSource.getRepository(Queue).find(),
      t.dataSource.getRepository(Category).find(),
    ]);
    return new Map(
      tickets.map((ticket) => [
        ticket.subject,
        {
          ticket,
          queue: queues.find((queue) => queue.id === ticket.queueId)!.name,
          category: categories.find((category) => category.id === ticket.categoryId)?.key,
        },
      ]),
    );
  };

  it('files every sample ticket through intake: classified, routed to its queue, urgent when fraud', async () => {
    const filed = await ticketsBySubject();
    expect(filed.size).toBe(DEMO_TICKETS.length);
    expect(await t.dataSource.getRepository(Customer).count()).toBe(Object.keys(DEMO_CUSTOMERS).length);
    for (const demo of DEMO_TICKETS)
      expect([demo.subject, filed.get(demo.subject)?.category]).toEqual([demo.subject, demo.category]);

    const fraud = filed.get('Có giao dịch lạ trên thẻ sau khi đặt tour Hạ Long')!;
    expect(fraud).toMatchObject({ queue: 'Payments & fraud', category: 'fraud_or_tampering' });
    expect(fraud.ticket.priority).toBe('urgent');
    for (const { ticket, queue, category } of filed.values()) {
      if (category === 'fraud_or_tampering')
        expect([queue, ticket.priority]).toEqual(['Payments & fraud', 'urgent']);
    }
    expect(filed.get('Yêu cầu xóa dữ liệu cá nhân')!.queue).toBe('Privacy requests');
    expect(filed.get('Huỷ tour Đà Lạt sao lại bị phạt 50%?')!.queue).toBe('Bookings & cancellations');
    expect(filed.get('Best time of year to visit Phu Quoc?')!.queue).toBe('Overseas customers');
    expect(filed.get('Tàu tham quan Hạ Long có lối cho xe lăn không?')).toMatchObject({
      queue: 'General',
      ticket: { priority: 'high' }, // the vulnerable customer's
    });
    const queues = new Set([...filed.values()].map(({ queue }) => queue));
    expect(queues).toEqual(
      new Set([
        'General',
        'Payments & fraud',
        'Bookings & cancellations',
        'Privacy requests',
        'Overseas customers',
      ]),
    );
    const states = new Set([...filed.values()].map(({ ticket }) => ticket.state));
    for (const state of ['new', 'open', 'pending_customer', 'on_hold', 'resolved', 'closed'])
      expect(states).toContain(state);
  });

  it('shows replies and internal notes in the thread, with times spread over the last ten days', async () => {
    const admin = await signIn(t, TEST_ADMIN.email, TEST_ADMIN.password);
    const fraud = (await ticketsBySubject()).get('Có giao dịch lạ trên thẻ sau khi đặt tour Hạ Long')!.ticket;
    const { body } = await t
      .http()
      .get(`/api/v1/tickets/${fraud.id}`)
      .set({ Authorization: `Bearer ${admin.token}` })
      .expect(200);
    const thread = body as {
      createdAt: string;
      state: string;
      messages: { direction: string; createdAt: string }[];
      sla: { target: string; state: string; metAt: string | null; dueAt: string | null }[];
    };
    expect(thread.messages.map((message) => message.direction)).toEqual(['inbound', 'note', 'outbound']);
    expect(thread.state).toBe('on_hold');
    const created = Date.parse(thread.createdAt);
    expect(Date.now() - created).toBeGreaterThan(49 * HOUR);
    expect(Date.now() - created).toBeLessThan(51 * HOUR);
    const replied = Date.parse(thread.messages[2].createdAt) - created;
    expect(replied).toBeGreaterThan(0.6 * HOUR);
    expect(replied).toBeLessThan(0.8 * HOUR);
    // The SLA clocks run on the same timeline: answered when the reply went out, due from when it arrived.
    const firstResponse = thread.sla.find((clock) => clock.target === 'first_response')!;
    expect(firstResponse).toMatchObject({ state: 'met', metAt: thread.messages[2].createdAt });
    const clocks = await t.dataSource.getRepository(TicketSlaClock).find();
    const tickets = await t.dataSource.getRepository(Ticket).find();
    for (const clock of clocks) {
      const ticket = tickets.find((candidate) => candidate.id === clock.ticketId)!;
      if (clock.target !== 'next_response')
        expect(clock.startedAt.getTime()).toBe(ticket.createdAt.getTime());
      expect(clock.dueAt!.getTime()).toBeGreaterThan(clock.startedAt.getTime());
    }
    const overdue = tickets.find(
      (ticket) => ticket.subject === 'Thời tiết Hạ Long tháng 12 có đi tàu được không?',
    )!;
    expect(overdue.dueAt!.getTime()).toBeLessThan(Date.now());

    const ages = tickets.map((ticket) => (Date.now() - ticket.createdAt.getTime()) / HOUR);
    expect(Math.max(...ages)).toBeGreaterThan(200);
    expect(Math.max(...ages)).toBeLessThanOrEqual(240);
    expect(Math.min(...ages)).toBeLessThan(1);
    const notes = await t.dataSource.getRepository(Message).countBy({ direction: 'note' });
    const replies = await t.dataSource.getRepository(Message).countBy({ direction: 'outbound' });
    expect(notes).toBeGreaterThan(5);
    expect(replies).toBeGreaterThan(15);
  });

  it('queues mail only to reserved example domains, and keeps the audit log’s real times', async () => {
    const outbox = await t.dataSource.getRepository(OutboxMessage).find();
    // A mail asking to stop the newsletter is answered by the unsubscribe confirmation instead (consent.e2e-spec.ts).
    const confirmsUnsubscribe = (mail: OutboxMessage) =>
      mail.kind === 'notification' && mail.autoSubmitted === 'auto-replied' && mail.ticketId !== null;
    expect(outbox.filter((mail) => mail.kind === 'acknowledgement').length).toBeLessThan(DEMO_TICKETS.length);
    expect(outbox.filter((mail) => mail.kind === 'acknowledgement' || confirmsUnsubscribe(mail)).length).toBe(
      DEMO_TICKETS.length,
    );
    for (const mail of outbox) expect(mail.toAddress).toMatch(/@example\.(com|net|org)$/);
    const oldest = await t.dataSource
      .getRepository(AuditEvent)
      .find({ order: { occurredAt: 'ASC' }, take: 1 });
    expect(Date.now() - oldest[0].occurredAt.getTime()).toBeLessThan(HOUR);
  });

  it('prints the demo agents’ one-time passwords, which sign in, and leaves the admin in place', async () => {
    for (const { email } of Object.values(DEMO_AGENTS)) {
      const password = new RegExp(
        `e-mail:\\s+${email.replace('.', '\\.')}\\s+one-time password:\\s+(\\S+)`,
      ).exec(printed)?.[1];
      expect(password).toHaveLength(20);
      expect(await signIn(t, email, password!)).toMatchObject({ mustChangePassword: true });
    }
    await signIn(t, TEST_ADMIN.email, TEST_ADMIN.password);
    const agents = await t.dataSource.getRepository(Agent).find();
    expect(agents.map((agent) => agent.role).sort()).toEqual(['admin', 'agent', 'supervisor']);
  });

  it('adds nothing when started again with DEMO=1 on the same database', async () => {
    const before = await sizeOf(t);
    await t.close();
    const again = await startPrinting({ DEMO: '1' }, database.current!);
    t = again.t;
    expect(again.printed).not.toContain('one-time password');
    expect(await sizeOf(t)).toEqual(before);
  });
});

describe('without DEMO', () => {
  it('loads no sample desk', async () => {
    const t = await startTestApp({ JOBS_ENABLED: 'false' });
    try {
      expect(t.config.demo).toBe(false);
      expect(await sizeOf(t)).toMatchObject({ tickets: 0, customers: 0, agents: 1 });
    } finally {
      await t.close();
    }
  });
});
