import { jest } from '@jest/globals';
import { AgentsService } from '../../src/auth/agents.service.js';
import { givenAgent } from '../support/factories.js';
import { startTestApp, TEST_ADMIN } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

const PASSWORD = 'correct horse battery staple';

describe('sign-in and tokens', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCK_MINUTES: '15',
      LOGIN_RATE_PER_MINUTE: '50',
    });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    t.http().post('/api/v1/auth/login').send({ email, password });

  it('signs the first admin in with the credentials from the environment', async () => {
    const { body } = await login(TEST_ADMIN.email, TEST_ADMIN.password).expect(200);
    expect(body.agent).toMatchObject({ email: TEST_ADMIN.email, role: 'admin' });
    expect(body.mustChangePassword).toBe(false);
    await t.http().get('/api/v1/auth/me').set('Authorization', `Bearer ${body.token}`).expect(200);
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const { agent } = await givenAgent(t);
    const wrong = await login(agent.email, 'not the password').expect(401);
    const unknown = await login('nobody@offtrack.test', 'not the password').expect(401);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('locks the account after repeated failures, even for the right password', async () => {
    const { agent } = await givenAgent(t);
    await login(agent.email, 'wrong 1').expect(401);
    await login(agent.email, 'wrong 2').expect(401);
    const locked = await login(agent.email, 'wrong 3').expect(401);
    expect(locked.body.message).toMatch(/locked until/);
    const stillLocked = await login(agent.email, PASSWORD).expect(401);
    expect(stillLocked.body.details.lockedUntil).toBeDefined();
  });

  it('makes an agent with a one-time password choose a new one before anything else', async () => {
    const admin = await givenAgent(t, 'admin');
    const created = await t
      .http()
      .post('/api/v1/agents')
      .set(admin.auth)
      .send({
        email: 'lan.nguyen@offtrack.test',
        displayName: 'Nguyễn Thị Lan',
        role: 'agent',
        initialPassword: 'first password 123',
      })
      .expect(201);
    expect(created.body.mustChangePassword).toBe(true);
    const { body } = await login('Lan.Nguyen@offtrack.test', 'first password 123').expect(200);
    const auth = { Authorization: `Bearer ${body.token}` };
    expect(body.mustChangePassword).toBe(true);
    await t.http().get('/api/v1/tickets').set(auth).expect(403);
    await t
      .http()
      .post('/api/v1/auth/password')
      .set(auth)
      .send({ currentPassword: 'first password 123', newPassword: 'my own long password' })
      .expect(204);
    await t.http().get('/api/v1/tickets').set(auth).expect(200);
    await login('lan.nguyen@offtrack.test', 'my own long password').expect(200);
  });

  it('stops a token working once it is revoked, logged out, or its agent deactivated', async () => {
    const admin = await givenAgent(t, 'admin');
    const agent = await givenAgent(t);
    const issued = await t
      .http()
      .post(`/api/v1/agents/${agent.agent.id}/tokens`)
      .set(admin.auth)
      .send({ name: 'crm' })
      .expect(201);
    expect(issued.body.token).toMatch(/^otc_/);
    const pat = { Authorization: `Bearer ${issued.body.token}` };
    await t.http().get('/api/v1/auth/me').set(pat).expect(200);
    const listed = await t.http().get(`/api/v1/agents/${agent.agent.id}/tokens`).set(admin.auth).expect(200);
    expect(
      listed.body.find((token: { id: string }) => token.id === issued.body.id).lastUsedAt,
    ).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.token);
    await t
      .http()
      .delete(`/api/v1/agents/${agent.agent.id}/tokens/${issued.body.id}`)
      .set(admin.auth)
      .expect(204);
    await t.http().get('/api/v1/auth/me').set(pat).expect(401);

    const session = await login(agent.agent.email, PASSWORD).expect(200);
    const sessionAuth = { Authorization: `Bearer ${session.body.token}` };
    await t.http().post('/api/v1/auth/logout').set(sessionAuth).expect(204);
    await t.http().get('/api/v1/auth/me').set(sessionAuth).expect(401);

    await t
      .http()
      .patch(`/api/v1/agents/${agent.agent.id}`)
      .set(admin.auth)
      .send({ isActive: false })
      .expect(200);
    await t.http().get('/api/v1/auth/me').set(agent.auth).expect(401);
    await login(agent.agent.email, PASSWORD).expect(401);
  });

  it('stores only a hash of each token', async () => {
    const agent = await givenAgent(t);
    const rows = await t.dataSource.query('SELECT token_hash FROM access_tokens WHERE agent_id = ?', [
      agent.agent.id,
    ]);
    expect(rows[0].token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(agent.token);
  });

  it('refuses a second agent with the same e-mail', async () => {
    const admin = await givenAgent(t, 'admin');
    const body = {
      email: 'dup@offtrack.test',
      displayName: 'A',
      role: 'agent',
      initialPassword: 'long enough pass',
    };
    await t.http().post('/api/v1/agents').set(admin.auth).send(body).expect(201);
    await t
      .http()
      .post('/api/v1/agents')
      .set(admin.auth)
      .send({ ...body, email: 'DUP@offtrack.test' })
      .expect(409);
  });
});

describe('first start', () => {
  it('creates an admin with a one-time password printed once to the console', async () => {
    const printed: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    const t = await startTestApp({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    write.mockRestore();
    try {
      const banner = printed.join('');
      const password = /one-time password:\s+(\S+)/.exec(banner)?.[1];
      expect(banner).toContain('admin@offtrack.local');
      expect(password).toHaveLength(20);
      const { body } = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'admin@offtrack.local', password })
        .expect(200);
      expect(body.mustChangePassword).toBe(true);
      expect(await t.get(AgentsService).countAgents()).toBe(1);
    } finally {
      await t.close();
    }
  });

  it('rate-limits sign-in attempts per client address', async () => {
    const t = await startTestApp({ LOGIN_RATE_PER_MINUTE: '3' });
    try {
      for (let i = 0; i < 3; i++)
        await t.http().post('/api/v1/auth/login').send({ email: 'x@y.vn', password: 'p' }).expect(401);
      const refused = await t
        .http()
        .post('/api/v1/auth/login')
        .send({ email: 'x@y.vn', password: 'p' })
        .expect(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await t.close();
    }
  });
});
