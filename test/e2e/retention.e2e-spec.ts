import { InboundMailService } from '../../src/mail/inbound/inbound-mail.service.js';
import { MailProcessorService } from '../../src/mail/inbound/mail-processor.service.js';
import { AuditSealer } from '../../src/audit/audit-sealer.service.js';
import { JobLeasesService } from '../../src/common/leases/job-leases.service.js';
import { ANONYMISED_NAME } from '../../src/retention/customer-anonymiser.service.js';
import { RETENTION_LEASE } from '../../src/retention/retention.service.js';
import { givenAgent, givenCustomer, unique } from '../support/factories.js';
import type { SignedInAgent } from '../support/factories.js';
import { startTestApp, TestClock } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';
import { until } from '../support/until.js';

/** Everything is written at LONG_AGO; the desk then runs at NOW, 12 months on: cut-off 2025-03-01. */
const LONG_AGO = new Date('2025-01-10T03:00:00.000Z');
const RECENTLY = new Date('2026-02-10T03:00:00.000Z');
const NOW = new Date('2026-03-01T03:00:00.000Z');

const CARD = '4111 1111 1111 1111';
const CCCD = '079201001234';
const PHONE = '0912 345 678';
const PDF = Buffer.from('%PDF-1.4 bản chụp CCCD của khách').toString('base64');

/** A complaint by mail, with a Vietnamese sender name and an attachment, as the IMAP fetcher stores it. */
function complaintMail(name: string, address: string): Buffer {
  const encodedName = `=?UTF-8?B?${Buffer.from(name).toString('base64')}?=`;
  const subject = `=?UTF-8?B?${Buffer.from(`Khiếu nại: thẻ ${CARD} bị trừ tiền`).toString('base64')}?=`;
  const body =
    `Kính gửi Offtrack, tôi là ${name}. Thẻ ${CARD} bị trừ hai lần.\n` +
    `CCCD số ${CCCD}. Gọi tôi: ${PHONE} hoặc email ${address}.\n`;
  return Buffer.from(
    [
      `From: ${encodedName} <${address}>`,
      'To: care@offtrack.local',
      `Subject: ${subject}`,
      `Message-ID: <${unique('m')}@example.vn>`,
      'Date: Fri, 10 Jan 2025 10:00:00 +0700',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="ranh-gioi"',
      '',
      '--ranh-gioi',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(body).toString('base64'),
      '--ranh-gioi',
      'Content-Type: application/pdf; name="sao-ke.pdf"',
      'Content-Disposition: attachment; filename="sao-ke.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from(`sao kê của ${address}`).toString('base64'),
      '--ranh-gioi--',
      '',
    ].join('\r\n'),
  );
}

describe('retention: one year, then anonymised', () => {
  let t: TestApp;
  let clock: TestClock;
  let supervisor: SignedInAgent;
  let admin: SignedInAgent;

  beforeEach(async () => {
    clock = new TestClock(LONG_AGO);
    t = await startTestApp({ JOBS_ENABLED: 'false' }, { clock });
    supervisor = await givenAgent(t, 'supervisor', { queues: 'all' });
    admin = await givenAgent(t, 'admin', { queues: 'all' });
  });
  afterEach(() => t.close());

  const query = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> =>
    t.dataSource.query(sql, params);
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await query<{ n: number }>(sql, params))[0].n);

  /** A customer known by mail (raw mail stored) and by phone, with a resolved ticket carrying attachments. */
  async function givenInactiveCustomer(name: string) {
    const address = `${unique('khach')}@example.vn`;
    await t.get(InboundMailService).store([{ raw: complaintMail(name, address), uid: null }], null);
    await t.get(MailProcessorService).processStored();
    const [{ customer_id: customerId }] = await query<{ customer_id: string }>(
      'SELECT customer_id FROM customer_emails WHERE address = ?',
      [address],
    );
    await t
      .http()
      .patch(`/api/v1/customers/${customerId}`)
      .set(supervisor.auth)
      .send({ version: 1, phones: ['+84912345678'], reason: 'khách gọi điện bổ sung số điện thoại' })
      .expect(200);
    const [mailTicket] = await query<{ id: string }>('SELECT id FROM tickets WHERE customer_id = ?', [
      customerId,
    ]);
    const phoned = await t
      .http()
      .post('/api/v1/tickets')
      .set(supervisor.auth)
      .send({
        customerId,
        channel: 'phone',
        subject: `Gọi lại cho ${name} số ${PHONE}`,
        body: `Khách ${name} (${address}) gửi bản chụp CCCD ${CCCD}, hộ chiếu C1234567.`,
        bodyHtml: `<p>Khách <b>${name}</b> — <a href="mailto:${address}">${address}</a>, ${PHONE}</p>`,
        attachments: [{ fileName: 'cccd.pdf', contentType: 'application/pdf', contentBase64: PDF }],
      })
      .expect(201);
    for (const id of [mailTicket.id, phoned.body.id]) await resolve(id);
    return { customerId, address, ticketIds: [mailTicket.id, phoned.body.id as string] };
  }

  async function resolve(ticketId: string) {
    const reply = await t
      .http()
      .post(`/api/v1/tickets/${ticketId}/replies`)
      .set(supervisor.auth)
      .send({ body: 'Chúng tôi đã hoàn tiền. / We have refunded you.', nextState: 'resolved' })
      .expect(201);
    return reply.body;
  }

  async function runNow() {
    const started = await t.http().post('/api/v1/retention/runs').set(admin.auth).expect(202);
    let run = started.body;
    await until(async () => {
      run = (await t.http().get(`/api/v1/retention/runs/${started.body.id}`).set(admin.auth).expect(200))
        .body;
      return run.state === 'running' ? undefined : true;
    });
    return run;
  }

  const statistics = (customerId: string) =>
    query(
      `SELECT t.id, t.number, t.state, t.category_id, t.queue_id, t.priority, t.channel, t.language,
              t.created_at, t.updated_at, t.first_responded_at, t.resolved_at,
              (SELECT COUNT(*) FROM messages m WHERE m.ticket_id = t.id) AS messages,
              (SELECT COUNT(*) FROM ticket_sla_clocks c WHERE c.ticket_id = t.id) AS clocks,
              (SELECT COUNT(*) FROM ticket_events e WHERE e.ticket_id = t.id) AS events
         FROM tickets t WHERE t.customer_id = ? ORDER BY t.number`,
      [customerId],
    );

  it('anonymises an inactive customer in full and keeps their tickets and statistics', async () => {
    const lan = await givenInactiveCustomer('Trần Thị Ngọc Lan');
    // What staff wrote about her elsewhere quotes her too: a decided transaction case, a released hold.
    const opened = await t
      .http()
      .post(`/api/v1/tickets/${lan.ticketIds[0]}/transaction-cases`)
      .set(supervisor.auth)
      .send({
        kind: 'payment_incident',
        bookingReference: 'OTV-2025-000777',
        description: `Chị Trần Thị Ngọc Lan (${lan.address}, ${PHONE}) báo trừ tiền hai lần.`,
      })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/transaction-cases/${opened.body.id}/suspend`)
      .set(supervisor.auth)
      .send({ reason: `Tạm dừng giao dịch của Trần Thị Ngọc Lan để xác minh.` })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/transaction-cases/${opened.body.id}/verify-legitimate`)
      .set(supervisor.auth)
      .send({ reason: `Đã gọi ${PHONE}, khách xác nhận giao dịch thẻ ${CARD}.` })
      .expect(200);
    const hold = await t
      .http()
      .post('/api/v1/legal-holds')
      .set(supervisor.auth)
      .send({ customerId: lan.customerId, reason: `Ngân hàng hỏi về giao dịch của Trần Thị Ngọc Lan` })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/legal-holds/${hold.body.id}/release`)
      .set(supervisor.auth)
      .send({ reason: `Ngân hàng đã trả lời ${lan.address}` })
      .expect(200);
    // Another customer's ticket shares the PDF's bytes: the stored content must stay for them.
    clock.set(RECENTLY);
    const active = await givenCustomer(t, supervisor, {
      displayName: 'Lê Văn Tám',
      phones: ['+84987654321'],
    });
    await t
      .http()
      .post('/api/v1/tickets')
      .set(supervisor.auth)
      .send({
        customerId: active.id,
        subject: 'Hỏi về tour Huế',
        body: 'Xin gửi lại hóa đơn.',
        attachments: [{ fileName: 'cccd.pdf', contentType: 'application/pdf', contentBase64: PDF }],
      })
      .expect(201);
    clock.set(NOW);
    const before = await statistics(lan.customerId);
    const sharedSha = (
      await query<{ sha256: string }>('SELECT sha256 FROM attachments WHERE ticket_id = ?', [
        lan.ticketIds[1],
      ])
    )[0].sha256;
    const lanShas = (
      await query<{ sha256: string }>(
        `SELECT sha256 FROM attachments WHERE ticket_id IN (?, ?)
         UNION SELECT raw_sha256 FROM inbound_mail WHERE ticket_id IN (?, ?)`,
        [...lan.ticketIds, ...lan.ticketIds],
      )
    ).map((row) => row.sha256);
    expect(lanShas.length).toBe(3);
    expect(
      await count('SELECT COUNT(*) AS n FROM outbox WHERE to_address = ?', [lan.address]),
    ).toBeGreaterThan(0);

    const preview = (await t.http().get('/api/v1/retention/preview').set(admin.auth).expect(200)).body;
    expect(preview).toMatchObject({
      cutoff: '2025-03-01T03:00:00.000Z',
      retentionMonths: 12,
      toAnonymise: 1,
      skippedHold: 0,
      skippedDispute: 0,
      tickets: 2,
      customers: [{ customerId: lan.customerId }],
      skipped: [],
    });
    const run = await runNow();
    expect(run).toMatchObject({
      state: 'completed',
      customersAnonymised: 1,
      customersSkippedHold: 0,
      customersSkippedDispute: 0,
      customersFailed: 0,
      error: null,
      tickets: 2,
      // Two complaints, two replies, and the case's suspension and decision letters.
      messagesRedacted: 6,
      attachmentsDeleted: 2,
      rawMailsDeleted: 1,
    });
    expect(run.outboxMailsDeleted).toBeGreaterThan(0);

    const customer = (await t.http().get(`/api/v1/customers/${lan.customerId}`).set(admin.auth).expect(200))
      .body;
    expect(customer).toMatchObject({ displayName: ANONYMISED_NAME, emails: [], phones: [] });
    expect(customer.anonymisedAt).toBe(NOW.toISOString());

    // Nothing personal left anywhere the customer's data was.
    const texts = JSON.stringify([
      await query('SELECT * FROM customers WHERE id = ?', [lan.customerId]),
      await query('SELECT * FROM tickets WHERE customer_id = ?', [lan.customerId]),
      await query(
        'SELECT body_text, body_html, from_address, to_addresses, cc_addresses, raw_mail_id FROM messages WHERE ticket_id IN (?, ?)',
        lan.ticketIds,
      ),
      await query(
        'SELECT description, suspension_reason, decision_reason FROM transaction_cases WHERE ticket_id = ?',
        [lan.ticketIds[0]],
      ),
      await query('SELECT reason, release_reason FROM legal_holds WHERE customer_id = ?', [lan.customerId]),
      await query('SELECT from_value, to_value FROM ticket_events WHERE ticket_id IN (?, ?)', lan.ticketIds),
    ]);
    expect(texts).toContain('OTV-2025-000777');
    for (const personal of [
      lan.address,
      'Trần Thị Ngọc Lan',
      'tran thi ngoc lan',
      CARD,
      CCCD,
      PHONE,
      '+84912345678',
      'C1234567',
      '"raw_mail_id":"',
    ])
      expect(texts).not.toContain(personal);
    expect(texts).toContain('[card]');
    expect(texts).toContain('[citizen-id]');
    expect(texts).toContain('[phone]');
    expect(texts).toContain('[email]');
    expect(texts).toContain('[name]');
    expect(
      await count('SELECT COUNT(*) AS n FROM customer_emails WHERE customer_id = ?', [lan.customerId]),
    ).toBe(0);
    expect(
      await count('SELECT COUNT(*) AS n FROM customer_phones WHERE customer_id = ?', [lan.customerId]),
    ).toBe(0);
    expect(
      await count('SELECT COUNT(*) AS n FROM attachments WHERE ticket_id IN (?, ?)', lan.ticketIds),
    ).toBe(0);
    expect(
      await count('SELECT COUNT(*) AS n FROM inbound_mail WHERE ticket_id IN (?, ?)', lan.ticketIds),
    ).toBe(0);
    expect(
      await count('SELECT COUNT(*) AS n FROM outbox WHERE to_address = ? OR ticket_id IN (?, ?)', [
        lan.address,
        ...lan.ticketIds,
      ]),
    ).toBe(0);
    // Bytes only this customer had are gone; the PDF another customer also sent stays.
    for (const sha of lanShas) {
      const stored = await count('SELECT COUNT(*) AS n FROM stored_contents WHERE sha256 = ?', [sha]);
      const chunks = await count('SELECT COUNT(*) AS n FROM stored_content_chunks WHERE sha256 = ?', [sha]);
      expect({ sha: sha === sharedSha ? 'shared' : 'own', stored, chunks }).toEqual(
        sha === sharedSha ? { sha: 'shared', stored: 1, chunks: 1 } : { sha: 'own', stored: 0, chunks: 0 },
      );
    }
    const other = await t.http().get(`/api/v1/customers/${active.id}`).set(admin.auth).expect(200);
    expect(other.body).toMatchObject({ displayName: 'Lê Văn Tám', anonymisedAt: null });

    // Tickets, states, timings, SLA clocks and history are as they were.
    expect(await statistics(lan.customerId)).toEqual(before);
    const audit = await query<{ action: string; actor_id: string; fields: string }>(
      "SELECT action, actor_id, fields FROM audit_events WHERE record_type = 'customer' AND record_id = ? AND action = 'anonymised'",
      [lan.customerId],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].actor_id).toBe(admin.agent.id);
    expect(audit[0].fields).not.toContain('@');
    // The correction's before/after values (the phone number) are erased from the audit log; the chain holds.
    const corrections = await query<{ fields: string | null; redacted_at: unknown }>(
      "SELECT fields, redacted_at FROM audit_events WHERE record_id = ? AND action = 'customer.update'",
      [lan.customerId],
    );
    expect(corrections).toHaveLength(1);
    expect(corrections[0].fields).toBeNull();
    expect(corrections[0].redacted_at).not.toBeNull();
    await t.get(AuditSealer).sealPending(); // the sealer job is off in these tests
    const chain = await t.http().get('/api/v1/audit-events/verification').set(admin.auth).expect(200);
    expect(chain.body).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(chain.body.redacted).toBeGreaterThanOrEqual(1);

    // A second run, a minute later, finds nobody left to do.
    clock.set(new Date(NOW.getTime() + 60_000));
    const again = await runNow();
    expect(again).toMatchObject({ state: 'completed', customersAnonymised: 0, tickets: 0 });
    const runs = (await t.http().get('/api/v1/retention/runs').set(admin.auth).expect(200)).body;
    expect(runs.map((listed: { id: string }) => listed.id)).toEqual([again.id, run.id]);
  });

  it('skips customers on legal hold (on them or on a ticket) or with an open matter until that ends, and leaves active ones alone', async () => {
    const onHold = await givenInactiveCustomer('Phạm Quốc Bảo');
    const ticketHeld = await givenInactiveCustomer('Đỗ Thị Hương Giang');
    const inDispute = await givenInactiveCustomer('Võ Minh Triết');
    const disputed = await t
      .http()
      .post('/api/v1/tickets')
      .set(supervisor.auth)
      .send({ customerId: inDispute.customerId, subject: 'Còn đang xử lý', body: 'Chưa xong.' })
      .expect(201);
    clock.set(RECENTLY);
    const recent = await givenInactiveCustomer('Hoàng Anh Thư');
    clock.set(NOW);

    const customerHold = await t
      .http()
      .post('/api/v1/legal-holds')
      .set(supervisor.auth)
      .send({ customerId: onHold.customerId, reason: 'Tranh chấp tại tòa', reference: 'TA-Q1-2026-0153' })
      .expect(201);
    const ticketHold = await t
      .http()
      .post('/api/v1/legal-holds')
      .set(supervisor.auth)
      .send({ ticketId: ticketHeld.ticketIds[0], reason: 'Khiếu nại gửi Sở Công Thương' })
      .expect(201);
    expect(ticketHold.body).toMatchObject({ customerId: ticketHeld.customerId, isActive: true });
    const refused = await t.http().post('/api/v1/legal-holds').set(supervisor.auth).send({ reason: 'x' });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('customerId');
    await t
      .http()
      .post('/api/v1/legal-holds')
      .set((await givenAgent(t, 'agent')).auth)
      .send({ customerId: onHold.customerId, reason: 'x' })
      .expect(403);

    const preview = (await t.http().get('/api/v1/retention/preview').set(admin.auth).expect(200)).body;
    expect(preview).toMatchObject({ toAnonymise: 0, skippedHold: 2, skippedDispute: 1, tickets: 0 });
    expect(
      preview.skipped.map((c: { customerId: string; reasons: string[] }) => [c.customerId, c.reasons]).sort(),
    ).toEqual(
      [
        [onHold.customerId, ['legal_hold']],
        [ticketHeld.customerId, ['legal_hold']],
        [inDispute.customerId, ['open_ticket']],
      ].sort(),
    );
    const first = await runNow();
    expect(first).toMatchObject({
      state: 'completed',
      customersAnonymised: 0,
      customersSkippedHold: 2,
      customersSkippedDispute: 1,
    });
    const untouched = await query<{ display_name: string; anonymised_at: unknown }>(
      `SELECT display_name, anonymised_at FROM customers WHERE id IN (?, ?, ?, ?)`,
      [onHold.customerId, ticketHeld.customerId, inDispute.customerId, recent.customerId],
    );
    expect(untouched.map((row) => [row.display_name, row.anonymised_at]).sort()).toEqual(
      [
        ['Hoàng Anh Thư', null],
        ['Phạm Quốc Bảo', null],
        ['Võ Minh Triết', null],
        ['Đỗ Thị Hương Giang', null],
      ].sort(),
    );
    expect(
      await count('SELECT COUNT(*) AS n FROM attachments WHERE ticket_id = ?', [onHold.ticketIds[1]]),
    ).toBe(1);

    // The holds end and the dispute is resolved (a change: that customer is active again for a year).
    for (const hold of [customerHold.body, ticketHold.body])
      await t
        .http()
        .post(`/api/v1/legal-holds/${hold.id}/release`)
        .set(supervisor.auth)
        .send({ reason: 'Bản án đã có hiệu lực' })
        .expect(200);
    await t
      .http()
      .post(`/api/v1/legal-holds/${customerHold.body.id}/release`)
      .set(supervisor.auth)
      .send({ reason: 'lần hai' })
      .expect(409);
    await resolve(disputed.body.id);
    const active = (
      await t.http().get('/api/v1/legal-holds').query({ active: 'true' }).set(supervisor.auth).expect(200)
    ).body;
    expect(active).toEqual([]);

    const preview2 = (await t.http().get('/api/v1/retention/preview').set(admin.auth).expect(200)).body;
    expect(preview2).toMatchObject({ toAnonymise: 2, skippedHold: 0, skippedDispute: 0, tickets: 4 });
    const second = await runNow();
    expect(second).toMatchObject({
      state: 'completed',
      customersAnonymised: 2,
      tickets: 4,
      messagesRedacted: 8,
    });
    const states = await query<{ id: string; anonymised: number }>(
      `SELECT id, CASE WHEN anonymised_at IS NULL THEN 0 ELSE 1 END AS anonymised FROM customers WHERE id IN (?, ?, ?, ?)`,
      [onHold.customerId, ticketHeld.customerId, inDispute.customerId, recent.customerId],
    );
    expect(Object.fromEntries(states.map((row) => [row.id, Number(row.anonymised)]))).toEqual({
      [onHold.customerId]: 1,
      [ticketHeld.customerId]: 1,
      [inDispute.customerId]: 0,
      [recent.customerId]: 0,
    });
    const audited = await query<{ action: string }>(
      "SELECT action FROM audit_events WHERE record_type = 'legal_hold' ORDER BY action",
    );
    expect(audited.map((row) => row.action)).toEqual([
      'legal_hold.placed',
      'legal_hold.placed',
      'legal_hold.released',
      'legal_hold.released',
    ]);
  });

  it('lets only admins preview and run retention, and one run at a time', async () => {
    await t.http().get('/api/v1/retention/preview').set(supervisor.auth).expect(403);
    await t.http().post('/api/v1/retention/runs').set(supervisor.auth).expect(403);
    await t.http().get('/api/v1/retention/preview?limit=0').set(admin.auth).expect(400);
    const token = await t.get(JobLeasesService).take(RETENTION_LEASE, 60_000);
    expect(token).not.toBeNull();
    const busy = await t.http().post('/api/v1/retention/runs').set(admin.auth).expect(409);
    expect(busy.body.message).toContain('in progress');
    await t.get(JobLeasesService).release(RETENTION_LEASE, token!);
    await runNow();
  });
});
