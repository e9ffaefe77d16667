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
});
