import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadAppConfig } from '../../src/config/app-config.js';
import { OutboxMessage } from '../../src/mail/outbound/outbox-message.entity.js';
import { signatureMatches } from '../../src/transaction-cases/webhook-delivery.rules.js';
import { WebhookSenderService } from '../../src/transaction-cases/webhook-sender.service.js';
import { givenAgent, givenTicket, type SignedInAgent } from '../support/factories.js';
import { startTestApp, TestClock, type TestApp } from '../support/test-app.js';

const WEBHOOK_SECRET = 'whsec-the-booking-system-and-we-share-this-0123456789';

interface DeliveryView {
  id: string;
  caseId: string;
  event: string;
  state: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
}

interface CaseView {
  id: string;
  ticketId: string;
  bookingReference: string;
  kind: string;
  state: string;
  reportedById: string;
  suspendedById: string | null;
  suspendedAt: string | null;
  suspensionReason: string | null;
  suspensionLetterId: string | null;
  decidedById: string | null;
  decisionReason: string | null;
  decisionLetterId: string | null;
  version: number;
  deliveries: DeliveryView[];
}

interface Received {
  headers: IncomingHttpHeaders;
  rawBody: string;
}

/** The booking/payment system, for the test: records each call and answers with the next planned status. */
class Receiver {
  readonly calls: Received[] = [];
  /** Statuses for the next calls, in order; 200 once they run out. */
  plan: number[] = [];
  private server: Server | null = null;
  port = 0;

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.calls.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(this.plan.shift() ?? 200).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Down: nothing listens on the port any more, so calls are refused. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  forCase(caseId: string): Received[] {
    return this.calls.filter((call) => (JSON.parse(call.rawBody) as { caseId: string }).caseId === caseId);
  }
}

describe('transaction cases: suspension for verification', () => {
  let t: TestApp;
  let clock: TestClock;
  let receiver: Receiver;
  let agent: SignedInAgent;
  let outsider: SignedInAgent;
  let supervisor: SignedInAgent;
  let admin: SignedInAgent;
  const logLines: string[] = [];

  beforeAll(async () => {
    receiver = new Receiver();
    await receiver.start();
    clock = new TestClock(new Date('2026-05-04T03:00:00Z'));
    t = await startTestApp(
      {
        JOBS_ENABLED: 'false',
        LOG_LEVEL: 'debug',
        TRANSACTION_WEBHOOK_URL: `http://127.0.0.1:${receiver.port}/offtrack/transactions`,
        TRANSACTION_WEBHOOK_SECRET: WEBHOOK_SECRET,
        TRANSACTION_WEBHOOK_MAX_ATTEMPTS: '3',
        TRANSACTION_WEBHOOK_TIMEOUT_SECONDS: '5',
      },
      { clock, logs: { write: (line: string) => void logLines.push(line) } },
    );
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    outsider = await givenAgent(t, 'agent');
    supervisor = await givenAgent(t, 'supervisor');
    admin = await givenAgent(t, 'admin');
  });
  afterAll(async () => {
    await t.close();
    await receiver.stop();
  });

  const sender = () => t.get(WebhookSenderService);
  const later = (minutes: number) => clock.set(new Date(clock.now().getTime() + minutes * 60_000));

  const open = async (ticketId: string, body: Record<string, unknown> = {}) =>
    (
      await t
        .http()
        .post(`/api/v1/tickets/${ticketId}/transaction-cases`)
        .set(agent.auth)
        .send({ kind: 'payment_incident', ...body })
        .expect(201)
    ).body as CaseView;

  const move = (id: string, action: string, as: SignedInAgent, reason: string) =>
    t.http().post(`/api/v1/transaction-cases/${id}/${action}`).set(as.auth).send({ reason });

  const caseOf = async (id: string) =>
    (await t.http().get(`/api/v1/transaction-cases/${id}`).set(agent.auth).expect(200)).body as CaseView;

  const ticketOf = async (ticketId: string) =>
    (await t.http().get(`/api/v1/tickets/${ticketId}`).set(agent.auth).expect(200)).body as {
      priority: string;
      messages: { id: string; direction: string; authorAgentId: string | null; bodyText: string }[];
    };

  const paymentTicket = (body: Record<string, unknown> = {}) =>
    givenTicket(t, agent, {
      subject: 'Question about my payment',
      body: 'I paid for the tour, please check.',
      categoryKey: 'payment',
      priority: 'normal',
      language: 'en',
      bookingReference: 'OTV-2026-001234',
      ...body,
    });

  it('suspends: one signed call to the booking system, a letter in the thread in the ticket language', async () => {
    const ticket = await paymentTicket();
    const opened = await open(ticket.id, { description: 'Customer sees a charge they did not make' });
    expect(opened).toMatchObject({
      ticketId: ticket.id,
      bookingReference: 'OTV-2026-001234',
      kind: 'payment_incident',
      state: 'reported',
      reportedById: agent.agent.id,
      version: 1,
      deliveries: [],
    });

    clock.set(new Date('2026-05-04T03:10:00Z'));
    const suspended = (await move(opened.id, 'suspend', agent, 'Card holder denies the charge').expect(200))
      .body as CaseView;
    expect(suspended).toMatchObject({
      state: 'suspended_for_verification',
      suspendedById: agent.agent.id,
      suspendedAt: '2026-05-04T03:10:00.000Z',
      suspensionReason: 'Card holder denies the charge',
      version: 2,
    });
    expect(suspended.deliveries).toEqual([
      expect.objectContaining({ event: 'transaction.suspended', state: 'pending', attempts: 0 }),
    ]);

    expect(await sender().sendDue()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    // Running again sends nothing more: exactly one call per move.
    expect(await sender().sendDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    const calls = receiver.forCase(opened.id);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    const deliveryId = suspended.deliveries[0].id;
    expect(call.headers['x-offtrack-delivery']).toBe(deliveryId);
    expect(call.headers['x-offtrack-timestamp']).toBe('2026-05-04T03:10:00.000Z');
    expect(call.headers['content-type']).toMatch(/^application\/json/);
    expect(
      signatureMatches(call.rawBody, WEBHOOK_SECRET, call.headers['x-offtrack-signature'] as string),
    ).toBe(true);
    expect(
      signatureMatches(
        call.rawBody,
        'another secret of the same length, more or less..',
        call.headers['x-offtrack-signature'] as string,
      ),
    ).toBe(false);
    expect(JSON.parse(call.rawBody)).toEqual({
      event: 'transaction.suspended',
      caseId: opened.id,
      ticketNumber: `OT#${ticket.number}`,
      bookingReference: 'OTV-2026-001234',
      kind: 'payment_incident',
      reason: 'Card holder denies the charge',
      at: '2026-05-04T03:10:00.000Z',
    });
    expect((await caseOf(opened.id)).deliveries).toEqual([
      expect.objectContaining({
        id: deliveryId,
        state: 'delivered',
        attempts: 1,
        lastStatus: 200,
        lastError: null,
      }),
    ]);

    const thread = await ticketOf(ticket.id);
    const letter = thread.messages.find(({ id }) => id === suspended.suspensionLetterId)!;
    expect(letter).toMatchObject({ direction: 'outbound', authorAgentId: agent.agent.id });
    expect(letter.bodyText).toContain(
      'has suspended the transaction with booking reference OTV-2026-001234 for verification',
    );
    // The reason is internal: it goes to the booking system, not to the customer.
    expect(letter.bodyText).not.toContain('Card holder denies the charge');
    const mail = await t.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ messageRecordId: suspended.suspensionLetterId! });
    expect(mail).toMatchObject({ kind: 'reply', bodyText: letter.bodyText });
    expect(mail.subject).toBe(
      `[OT#${ticket.number}] Transaction OTV-2026-001234 is suspended for verification`,
    );
    expect(mail.toAddress).toMatch(/@example\.com$/);
    // A payment incident raises no alarm.
    expect(thread.priority).toBe('normal');
  });

  it('refuses moves the state machine does not allow, with the reason, and outcomes to agents', async () => {
    const ticket = await paymentTicket({ bookingReference: 'OTV-2026-000777' });
    const opened = await open(ticket.id, { kind: 'tampered_transaction' });
    const early = await move(opened.id, 'confirm-fraud', supervisor, 'Looks bad').expect(409);
    expect(early.body.message).toBe(
      'Suspend the transaction for verification before deciding whether it is legitimate',
    );
    await move(opened.id, 'suspend', agent, 'Amount changed after checkout').expect(200);
    const twice = await move(opened.id, 'suspend', agent, 'Again').expect(409);
    expect(twice.body.message).toBe('This transaction case is already suspended_for_verification');

    await move(opened.id, 'verify-legitimate', agent, 'I think it is fine').expect(403);
    await move(opened.id, 'confirm-fraud', agent, 'I think it is fraud').expect(403);
    // An agent outside the ticket's queues does not see the case at all.
    await move(opened.id, 'suspend', outsider, 'x').expect(404);
    await t.http().get(`/api/v1/transaction-cases/${opened.id}`).set(outsider.auth).expect(404);

    const legit = (
      await move(
        opened.id,
        'verify-legitimate',
        supervisor,
        'Bank confirms the customer paid this amount',
      ).expect(200)
    ).body as CaseView;
    expect(legit).toMatchObject({
      state: 'verified_legitimate',
      decidedById: supervisor.agent.id,
      decisionReason: 'Bank confirms the customer paid this amount',
      version: 3,
    });
    expect(legit.deliveries.map(({ event }) => event)).toEqual([
      'transaction.suspended',
      'transaction.verified_legitimate',
    ]);
    const final = await move(opened.id, 'confirm-fraud', supervisor, 'Changed my mind').expect(409);
    expect(final.body.message).toBe('This transaction case is already decided: verified_legitimate');

    const badInput = await t
      .http()
      .post(`/api/v1/transaction-cases/${opened.id}/suspend`)
      .set(agent.auth)
      .send({ reason: '   ' })
      .expect(400);
    expect(JSON.stringify(badInput.body)).toContain('reason must not be blank');
    await t
      .http()
      .post(`/api/v1/tickets/${ticket.id}/transaction-cases`)
      .set(agent.auth)
      .send({ kind: 'chargeback' })
      .expect(400);
    const noReference = await paymentTicket({ bookingReference: undefined });
    const missing = await t
      .http()
      .post(`/api/v1/tickets/${noReference.id}/transaction-cases`)
      .set(agent.auth)
      .send({ kind: 'payment_incident' })
      .expect(400);
    expect(JSON.stringify(missing.body)).toContain('bookingReference');
    const given = await open(noReference.id, { bookingReference: ' OTV-2026-009999 ' });
    expect(given.bookingReference).toBe('OTV-2026-009999');
    await sender().sendDue();
  });

  it('retries a failing receiver with backoff and delivers on the third attempt', async () => {
    const ticket = await paymentTicket({ bookingReference: 'OTV-2026-000500' });
    const opened = await open(ticket.id);
    await move(opened.id, 'suspend', agent, 'Customer reports a double charge').expect(200);
    receiver.plan = [500, 500];

    expect(await sender().sendDue()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    let [delivery] = (await caseOf(opened.id)).deliveries;
    expect(delivery).toMatchObject({ state: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500' });
    // Not due again until the backoff has passed.
    expect(await sender().sendDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 });

    later(1);
    expect(await sender().sendDue()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    later(1);
    expect(await sender().sendDue()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    [delivery] = (await caseOf(opened.id)).deliveries;
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 3, lastStatus: 200, lastError: null });
    const calls = receiver.forCase(opened.id);
    expect(calls).toHaveLength(3);
    // The same call each time: the same body, signature and idempotency key.
    expect(new Set(calls.map((call) => call.rawBody)).size).toBe(1);
    expect(new Set(calls.map((call) => call.headers['x-offtrack-signature'])).size).toBe(1);
    expect(calls.every((call) => call.headers['x-offtrack-delivery'] === delivery.id)).toBe(true);
  });

  it('holds an outcome back while the suspension before it is still being retried', async () => {
    const ticket = await paymentTicket({ bookingReference: 'OTV-2026-000550' });
    const opened = await open(ticket.id, { kind: 'tampered_transaction' });
    await move(opened.id, 'suspend', agent, 'Price changed after payment').expect(200);
    receiver.plan = [503];
    expect(await sender().sendDue()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    await move(opened.id, 'confirm-fraud', supervisor, 'Payment page was altered').expect(200);
    // The outcome is due now, but the suspension is not due again for 30 seconds.
    expect(await sender().sendDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    later(1);
    expect(await sender().sendDue()).toEqual({ delivered: 2, retrying: 0, failed: 0 });
    expect(
      receiver.forCase(opened.id).map((call) => (JSON.parse(call.rawBody) as { event: string }).event),
    ).toEqual(['transaction.suspended', 'transaction.suspended', 'transaction.confirmed_fraud']);
  });

  it('fails after the last attempt while the receiver is down, shows it to admins, and an admin retry delivers', async () => {
    const ticket = await paymentTicket({ bookingReference: 'OTV-2026-000600' });
    const opened = await open(ticket.id);
    await move(opened.id, 'suspend', agent, 'Suspicious refund request').expect(200);
    const port = receiver.port;
    await receiver.stop();

    expect(await sender().sendDue()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    later(1);
    expect(await sender().sendDue()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    later(2);
    expect(await sender().sendDue()).toEqual({ delivered: 0, retrying: 0, failed: 1 });
    const [delivery] = (await caseOf(opened.id)).deliveries;
    expect(delivery).toMatchObject({ state: 'failed', attempts: 3, lastStatus: null });
    expect(delivery.lastError).toMatch(/ECONNREFUSED/);
    later(60);
    expect(await sender().sendDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 });

    await t.http().get('/api/v1/webhook-deliveries?state=failed').set(supervisor.auth).expect(403);
    await t.http().get('/api/v1/webhook-deliveries?state=broken').set(admin.auth).expect(400);
    const failed = (await t.http().get('/api/v1/webhook-deliveries?state=failed').set(admin.auth).expect(200))
      .body as DeliveryView[];
    expect(failed).toEqual([
      expect.objectContaining({ id: delivery.id, caseId: opened.id, state: 'failed' }),
    ]);

    await t.http().post(`/api/v1/webhook-deliveries/${delivery.id}/retry`).set(supervisor.auth).expect(403);
    await receiver.start(port);
    const retried = (
      await t.http().post(`/api/v1/webhook-deliveries/${delivery.id}/retry`).set(admin.auth).expect(200)
    ).body as DeliveryView;
    expect(retried).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await sender().sendDue()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect((await caseOf(opened.id)).deliveries[0]).toMatchObject({ state: 'delivered', attempts: 1 });
    expect(receiver.forCase(opened.id)).toHaveLength(1);
    await t.http().post(`/api/v1/webhook-deliveries/${delivery.id}/retry`).set(admin.auth).expect(409);
    expect(
      (await t.http().get('/api/v1/webhook-deliveries?state=failed').set(admin.auth).expect(200)).body,
    ).toEqual([]);
  });

  it('makes a fraud report urgent, alerts supervisors at once, and tells a Vietnamese customer in Vietnamese', async () => {
    // Night in Ho Chi Minh City: fraud does not wait for business hours.
    clock.set(new Date('2026-05-09T16:30:00Z'));
    const ticket = await paymentTicket({
      subject: 'Hỏi về thanh toán',
      body: 'Tôi đã thanh toán tour, nhờ kiểm tra giúp.',
      language: 'vi',
      bookingReference: 'OTV-2026-004242',
    });
    expect((await ticketOf(ticket.id)).priority).toBe('normal');
    const opened = await open(ticket.id, { kind: 'fraud_report' });
    expect((await ticketOf(ticket.id)).priority).toBe('urgent');

    const notices = (await t.http().get('/api/v1/notifications').set(supervisor.auth).expect(200)).body as {
      kind: string;
      ticketId: string;
      title: string;
    }[];
    expect(notices.filter(({ ticketId }) => ticketId === ticket.id)).toEqual([
      expect.objectContaining({
        kind: 'transaction_case',
        title: `[OT#${ticket.number}] Khẩn: báo cáo gian lận cho giao dịch OTV-2026-004242`,
      }),
    ]);
    const alertMail = await t.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ ticketId: ticket.id, kind: 'notification', toAddress: supervisor.agent.email });
    expect(alertMail.nextAttemptAt.toISOString()).toBe('2026-05-09T16:30:00.000Z');
    // Agents are not paged.
    const agentNotices = (await t.http().get('/api/v1/notifications').set(agent.auth).expect(200)).body as {
      ticketId: string;
    }[];
    expect(agentNotices.filter(({ ticketId }) => ticketId === ticket.id)).toEqual([]);

    await move(opened.id, 'suspend', agent, 'Khách không thực hiện giao dịch này').expect(200);
    const fraud = (
      await move(opened.id, 'confirm-fraud', supervisor, 'Ngân hàng xác nhận thẻ bị đánh cắp').expect(200)
    ).body as CaseView;
    expect(fraud.state).toBe('confirmed_fraud');
    const letter = (await ticketOf(ticket.id)).messages.find(({ id }) => id === fraud.decisionLetterId)!;
    expect(letter.bodyText).toContain('xác nhận đây là giao dịch gian lận hoặc đã bị thay đổi trái phép');
    expect(letter.bodyText).toContain('OTV-2026-004242');
    await sender().sendDue();
    const events = receiver
      .forCase(opened.id)
      .map((call) => JSON.parse(call.rawBody) as { event: string; reason: string });
    expect(events).toEqual([
      expect.objectContaining({ event: 'transaction.suspended' }),
      expect.objectContaining({
        event: 'transaction.confirmed_fraud',
        reason: 'Ngân hàng xác nhận thẻ bị đánh cắp',
      }),
    ]);
  });

  it('never writes the webhook secret into the logs', () => {
    expect(logLines.some((line) => line.includes('transaction webhook delivered'))).toBe(true);
    expect(logLines.join('\n')).not.toContain(WEBHOOK_SECRET);
  });
});

describe('transaction cases without a webhook', () => {
  let t: TestApp;
  let agent: SignedInAgent;
  let admin: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' });
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    admin = await givenAgent(t, 'admin');
  });
  afterAll(() => t.close());

  it('records the suspension and shows the call as not configured', async () => {
    const ticket = await givenTicket(t, agent, { bookingReference: 'OTV-2026-000001', language: 'en' });
    const opened = (
      await t
        .http()
        .post(`/api/v1/tickets/${ticket.id}/transaction-cases`)
        .set(agent.auth)
        .send({ kind: 'payment_incident' })
        .expect(201)
    ).body as CaseView;
    const suspended = (
      await t
        .http()
        .post(`/api/v1/transaction-cases/${opened.id}/suspend`)
        .set(agent.auth)
        .send({ reason: 'Customer asked us to hold it', version: 1 })
        .expect(200)
    ).body as CaseView;
    expect(suspended.state).toBe('suspended_for_verification');
    expect(suspended.deliveries).toEqual([
      expect.objectContaining({
        state: 'not_configured',
        attempts: 0,
        lastError: 'TRANSACTION_WEBHOOK_URL is not set',
      }),
    ]);
    expect(await t.get(WebhookSenderService).sendDue()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    const listed = (
      await t.http().get('/api/v1/webhook-deliveries?state=not_configured').set(admin.auth).expect(200)
    ).body as DeliveryView[];
    expect(listed.map(({ id }) => id)).toEqual([suspended.deliveries[0].id]);
    const retry = await t
      .http()
      .post(`/api/v1/webhook-deliveries/${suspended.deliveries[0].id}/retry`)
      .set(admin.auth)
      .expect(409);
    expect(retry.body.message).toBe('TRANSACTION_WEBHOOK_URL is not set: there is nowhere to send it');
    // A stale version is refused.
    await t
      .http()
      .post(`/api/v1/transaction-cases/${opened.id}/verify-legitimate`)
      .set(admin.auth)
      .send({ reason: 'ok', version: 1 })
      .expect(409);
  });

  it('refuses a webhook URL without a secret, or over plain http to another machine', () => {
    expect(() => loadAppConfig({ TRANSACTION_WEBHOOK_URL: 'https://booking.example.vn/hooks' })).toThrow(
      'TRANSACTION_WEBHOOK_SECRET is required when TRANSACTION_WEBHOOK_URL is set',
    );
    expect(() =>
      loadAppConfig({
        TRANSACTION_WEBHOOK_URL: 'http://booking.example.vn/hooks',
        TRANSACTION_WEBHOOK_SECRET: WEBHOOK_SECRET,
      }),
    ).toThrow('TRANSACTION_WEBHOOK_URL must use https (http only for a loopback host)');
    expect(() =>
      loadAppConfig({
        TRANSACTION_WEBHOOK_URL: 'https://booking.example.vn/hooks',
        TRANSACTION_WEBHOOK_SECRET: 'short',
      }),
    ).toThrow(/^TRANSACTION_WEBHOOK_SECRET must be at least 32 characters long$/);
  });
});
