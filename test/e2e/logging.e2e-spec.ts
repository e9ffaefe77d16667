import { Logger } from '@nestjs/common';
import request from 'supertest';
import { findPersonalDataInLogLine } from '../support/log-capture.js';
import { givenAgent, givenCustomer } from '../support/factories.js';
import { startTestApp, TEST_ADMIN, TEST_SECRET } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

describe('logs', () => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    t = await startTestApp(
      { LOG_LEVEL: 'debug' },
      { logs: { write: (line: string) => void lines.push(line) } },
    );
  });
  afterAll(() => t.close());

  it('are JSON lines with the request id, and never hold passwords, tokens, secrets or plain e-mail addresses', async () => {
    const login = await t.http().post('/api/v1/auth/login').send(TEST_ADMIN).expect(200);
    await t
      .http()
      .post('/api/v1/auth/login')
      .send({ email: TEST_ADMIN.email, password: 'wrong password here' })
      .expect(401);
    const agent = await givenAgent(t);
    const customer = await givenCustomer(t, agent, { emails: ['secret.person@example.vn'] });
    await t
      .http()
      .get('/api/v1/customers')
      .query({ email: 'secret.person@example.vn' })
      .set('Authorization', `Bearer ${login.body.token}`)
      .set('x-request-id', 'log-check-1')
      .expect(200);
    await t.http().get(`/api/v1/customers/${customer.id}`).set(agent.auth).expect(200);

    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const searchLine = records.find(
      (record) => (record.req as { id?: string } | undefined)?.id === 'log-check-1',
    );
    expect(searchLine).toMatchObject({
      req: { method: 'GET', url: expect.stringContaining('s***@example.vn') },
    });
    expect(records.some((record) => record.msg === 'signed in')).toBe(true);

    const everything = lines.join('\n');
    for (const secret of [
      TEST_ADMIN.password,
      'wrong password here',
      login.body.token,
      agent.token,
      TEST_SECRET,
      'secret.person@example.vn',
      'secret.person%40example.vn',
      TEST_ADMIN.email,
    ]) {
      expect(everything).not.toContain(secret);
    }
  });

  it('keep customers’ e-mail addresses, phone numbers, card and ID numbers out, whichever way they came in', async () => {
    lines.length = 0;
    const email = 'tran.thi.hoa@example.vn';
    const phone = '+84912345678';
    const card = '4111 1111 1111 1111';
    const citizenId = '079095001234';
    const description = `Tôi bị trừ tiền hai lần bằng thẻ ${card}, số CCCD ${citizenId}. Gọi tôi: 0912 345 678.`;

    // The complaint form, as a browser posts it.
    const browser = request.agent(t.app.getHttpServer());
    const form = await browser.get('/complaint').expect(200);
    const filing = browser.post('/complaint');
    for (const [name, value] of Object.entries({
      _csrf: /name="_csrf" value="([^"]+)"/.exec(form.text)![1],
      name: 'Trần Thị Hoa',
      email,
      phone: '0912 345 678',
      topic: 'payment',
      description,
      consent: 'yes',
    }))
      filing.field(name, value);
    const filed = await filing.expect(303);
    const ticketId = filed.headers.location.split('/')[2].split('.')[0];

    // Staff through the API: search by e-mail and phone, reply, note, a transaction case, a compensation.
    const agent = await givenAgent(t, 'agent', { queues: 'all' });
    await t.http().get('/api/v1/customers').query({ email }).set(agent.auth).expect(200);
    await t.http().get('/api/v1/customers').query({ phone }).set(agent.auth).expect(200);
    const customer = await givenCustomer(t, agent, { emails: ['minh.le@example.com'], phones: [phone] });
    await t
      .http()
      .post('/api/v1/tickets')
      .set(agent.auth)
      .send({ customerId: customer.id, subject: `Thẻ ${card}`, body: description })
      .expect(201);
    await t.http().get(`/api/v1/tickets/${ticketId}`).set(agent.auth).expect(200);
    await t
      .http()
      .post(`/api/v1/tickets/${ticketId}/replies`)
      .set(agent.auth)
      .send({ body: `Chúng tôi đã khóa thẻ ${card} và sẽ gọi ${phone}.` })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/tickets/${ticketId}/notes`)
      .set(agent.auth)
      .send({ body: description })
      .expect(201);
    const opened = await t
      .http()
      .post(`/api/v1/tickets/${ticketId}/transaction-cases`)
      .set(agent.auth)
      .send({ kind: 'payment_incident', bookingReference: 'OTV-2026-004455', description })
      .expect(201);
    await t
      .http()
      .post(`/api/v1/transaction-cases/${opened.body.id}/suspend`)
      .set(agent.auth)
      .send({ reason: description })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/tickets/${ticketId}/compensations`)
      .set(agent.auth)
      .send({ reasonCode: 'double_charge', explanation: description, amountVnd: 1_500_000 })
      .expect(201);

    // The customer asks for a fresh status link by number and e-mail.
    const lookup = await browser.get('/status').expect(200);
    const ticket = (await t.http().get(`/api/v1/tickets/${ticketId}`).set(agent.auth).expect(200)).body;
    await browser
      .post('/status')
      .type('form')
      .send({
        number: ticket.displayNumber,
        email,
        _csrf: /name="_csrf" value="([^"]+)"/.exec(lookup.text)![1],
      })
      .expect(200);

    const everything = lines.join('\n');
    expect(lines.length).toBeGreaterThan(20);
    for (const personal of [
      email,
      'minh.le@example.com',
      phone,
      '912345678',
      '0912 345 678',
      card,
      '4111111111111111',
      citizenId,
    ]) {
      expect(everything).not.toContain(personal);
    }
    expect(everything).not.toMatch(/[A-Za-z0-9._%+-]{2,}@example\.(vn|com)/);
  });

  it('are scanned in every e2e test: a test app that logs personal data fails when it closes', async () => {
    const leaky = await startTestApp();
    new Logger('Probe').log({
      to: 'lan.pham@example.vn',
      phone: '0912 345 678',
      card: '4111 1111 1111 1111',
    });
    await expect(leaky.close()).rejects.toThrow(/personal data in the application's logs/);

    const clean = await startTestApp();
    new Logger('Probe').log({ to: 'l***@example.vn', phone: '+***678', ticket: 'OT-2026-000123' }, 'sent');
    await expect(clean.close()).resolves.toBeUndefined();
  });

  it('are scanned for addresses, phones, cards and ID numbers, not for masked values or ids', () => {
    const kinds = (line: string) => findPersonalDataInLogLine(line).map((finding) => finding.kind);
    expect(kinds('{"msg":"mail from lan.pham@example.vn"}')).toEqual(['email']);
    expect(kinds('{"req":{"url":"/api/v1/customers?phone=+84912345678"}}')).toEqual(['phone']);
    expect(kinds('{"msg":"call 024 3826 1234"}')).toEqual(['phone']);
    expect(kinds('{"msg":"card 4111 1111 1111 1111, CCCD 001203004567"}')).toEqual([
      'card_number',
      'citizen_id',
    ]);
    expect(
      kinds(
        '{"time":1796405705202,"pid":12966,"msg":"l***@example.vn +***678 OT-2026-000123 ' +
          '2026-11-25T10:00:00.000Z 3f2c0912-3456-78ab-cdef-0123456789ab 980413ed-6949-4161-ba09-8c1d126b6e75"}',
      ),
    ).toEqual([]);
  });
});
