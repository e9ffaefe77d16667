import { givenAgent } from '../support/factories.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

describe('operations basics', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ BODY_LIMIT: '64kb' });
  });
  afterAll(() => t.close());

  it('answers liveness and readiness', async () => {
    await t.http().get('/health/live').expect(200, { status: 'ok' });
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.info.database.status).toBe('up');
  });

  it('reports not ready when the database is gone', async () => {
    const other = await startTestApp();
    await other.dataSource.destroy();
    await other.http().get('/health/ready').expect(503);
    await other.app.close().catch(() => undefined);
  });

  it('carries a request id on every response and error, taking the caller’s when it is sane', async () => {
    const own = await t.http().get('/api/v1/tickets').set('x-request-id', 'abc-123').expect(401);
    expect(own.headers['x-request-id']).toBe('abc-123');
    expect(own.body.requestId).toBe('abc-123');
    const made = await t.http().get('/api/v1/tickets').set('x-request-id', 'bad id with spaces').expect(401);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends security headers', async () => {
    const response = await t.http().get('/health/live');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['strict-transport-security']).toBeDefined();
    expect(response.headers['x-powered-by']).toBeUndefined();
  });

  it('refuses bodies over the limit with 413 in the one error shape', async () => {
    const agent = await givenAgent(t);
    const { body } = await t
      .http()
      .post('/api/v1/customers')
      .set(agent.auth)
      .send({ displayName: 'x'.repeat(100_000) })
      .expect(413);
    expect(body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
    expect(body.requestId).toBeTruthy();
  });

  it('answers unknown routes with 404 in the same shape, without leaking internals', async () => {
    const agent = await givenAgent(t);
    const { body } = await t.http().get('/api/v1/nothing-here').set(agent.auth).expect(404);
    expect(Object.keys(body).sort()).toEqual(['error', 'message', 'requestId', 'statusCode']);
  });
});
