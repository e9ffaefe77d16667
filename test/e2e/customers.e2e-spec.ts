import { givenAgent, givenCustomer, unique } from '../support/factories.js';
import type { SignedInAgent } from '../support/factories.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

describe('customers API', () => {
  let t: TestApp;
  let agent: SignedInAgent;
  let admin: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp();
    agent = await givenAgent(t);
    admin = await givenAgent(t, 'admin');
  });
  afterAll(() => t.close());

  const auditOf = async (recordId: string) =>
    (
      await t
        .http()
        .get('/api/v1/audit-events')
        .query({ recordType: 'customer', recordId })
        .set(admin.auth)
        .expect(200)
    ).body.items;

  it('keeps several e-mails and phones, phones in E.164', async () => {
    const email = `${unique('hoa')}@example.com`;
    const customer = await givenCustomer(t, agent, {
      displayName: 'Lê Thị Hoa',
      emails: [email.toUpperCase(), `${unique('hoa2')}@example.vn`],
      phones: ['0901 234 567', '+1 408 555 0199'],
      country: 'VN',
      timeZone: 'America/Los_Angeles',
      preferredLanguage: 'en',
      isVulnerable: true,
    });
    expect(customer).toMatchObject({
      displayName: 'Lê Thị Hoa',
      emails: [{ value: email, isPrimary: true }, expect.objectContaining({ isPrimary: false })],
      phones: [
        { value: '+84901234567', isPrimary: true },
        { value: '+14085550199', isPrimary: false },
      ],
      timeZone: 'America/Los_Angeles',
      isVulnerable: true,
      version: 1,
    });
  });

  it('finds "Nguyễn Văn A" by "nguyen van a", by e-mail and by phone, and audits each hit', async () => {
    const tag = unique('x').slice(2);
    const customer = await givenCustomer(t, agent, {
      displayName: `Nguyễn Văn A ${tag}`,
      phones: ['0912 345 678'],
    });
    const byName = await t
      .http()
      .get('/api/v1/customers')
      .query({ name: `nguyen van a ${tag}` })
      .set(agent.auth)
      .expect(200);
    expect(byName.body.map((found: { id: string }) => found.id)).toEqual([customer.id]);
    const byEmail = await t
      .http()
      .get('/api/v1/customers')
      .query({ email: customer.emails[0].value })
      .set(agent.auth);
    expect(byEmail.body.map((found: { id: string }) => found.id)).toEqual([customer.id]);
    const byPhone = await t.http().get('/api/v1/customers').query({ phone: '+84912345678' }).set(agent.auth);
    expect(byPhone.body.map((found: { id: string }) => found.id)).toContain(customer.id);
    const actions = (await auditOf(customer.id)).map((event: { action: string }) => event.action);
    expect(actions.filter((action: string) => action === 'customer.search')).toHaveLength(3);
    await t.http().get('/api/v1/customers').set(agent.auth).expect(422);
  });

  it('audits every read of a customer record', async () => {
    const customer = await givenCustomer(t, agent);
    await t
      .http()
      .get(`/api/v1/customers/${customer.id}`)
      .set(agent.auth)
      .set('x-request-id', 'read-1')
      .expect(200);
    const [read] = await auditOf(customer.id);
    expect(read).toMatchObject({ action: 'customer.read', actorId: agent.agent.id, requestId: 'read-1' });
    expect(read.fields).toEqual(expect.arrayContaining(['displayName', 'emails', 'phones']));
  });

  it('records a correction with before/after values and the reason, in the same transaction', async () => {
    const customer = await givenCustomer(t, agent, { displayName: 'Pham Van Binh', phones: ['0901111222'] });
    const { body } = await t
      .http()
      .patch(`/api/v1/customers/${customer.id}`)
      .set(agent.auth)
      .send({
        version: 1,
        displayName: 'Phạm Văn Bình',
        phones: ['0903333444'],
        reason: 'Khách gọi điện yêu cầu sửa',
      })
      .expect(200);
    expect(body).toMatchObject({
      displayName: 'Phạm Văn Bình',
      version: 2,
      phones: [{ value: '+84903333444', isPrimary: true }],
    });
    const [update] = await auditOf(customer.id);
    expect(update).toMatchObject({
      action: 'customer.update',
      actorId: agent.agent.id,
      reason: 'Khách gọi điện yêu cầu sửa',
      fields: {
        displayName: ['Pham Van Binh', 'Phạm Văn Bình'],
        phones: [['+84901111222'], ['+84903333444']],
      },
    });
  });

  it('answers 409 to a correction over a stale version, and changes nothing', async () => {
    const customer = await givenCustomer(t, agent);
    await t
      .http()
      .patch(`/api/v1/customers/${customer.id}`)
      .set(agent.auth)
      .send({ version: 1, country: 'US', reason: 'moved' })
      .expect(200);
    const stale = await t
      .http()
      .patch(`/api/v1/customers/${customer.id}`)
      .set(agent.auth)
      .send({ version: 1, country: 'AU', reason: 'moved again' })
      .expect(409);
    expect(stale.body.details.currentVersion).toBe(2);
    const current = await t.http().get(`/api/v1/customers/${customer.id}`).set(agent.auth);
    expect(current.body.country).toBe('US');
  });

  it("refuses an e-mail that is another customer's, and rolls the whole change back", async () => {
    const first = await givenCustomer(t, agent);
    const second = await givenCustomer(t, agent, { displayName: 'Second' });
    await t
      .http()
      .post('/api/v1/customers')
      .set(agent.auth)
      .send({ displayName: 'Dup', emails: [first.emails[0].value] })
      .expect(409);
    await t
      .http()
      .patch(`/api/v1/customers/${second.id}`)
      .set(agent.auth)
      .send({ version: 1, displayName: 'Renamed', emails: [first.emails[0].value], reason: 'typo' })
      .expect(409);
    const unchanged = await t.http().get(`/api/v1/customers/${second.id}`).set(agent.auth);
    expect(unchanged.body).toMatchObject({ displayName: 'Second', version: 1 });
    expect(
      (await auditOf(second.id)).some((event: { action: string }) => event.action === 'customer.update'),
    ).toBe(false);
  });

  it('rejects invalid phones, countries and missing reasons with 400 and the field', async () => {
    const bad = await t
      .http()
      .post('/api/v1/customers')
      .set(agent.auth)
      .send({ displayName: 'X', phones: ['12'], country: 'Vietnam', emails: ['a@b.vn', 'A@b.vn'] })
      .expect(400);
    expect(bad.body.errors.map((error: { field: string }) => error.field)).toEqual(
      expect.arrayContaining(['phones', 'country', 'emails']),
    );
    const customer = await givenCustomer(t, agent);
    const noReason = await t
      .http()
      .patch(`/api/v1/customers/${customer.id}`)
      .set(agent.auth)
      .send({ version: 1, displayName: 'Y' })
      .expect(400);
    expect(noReason.body.errors.map((error: { field: string }) => error.field)).toContain('reason');
  });
});
