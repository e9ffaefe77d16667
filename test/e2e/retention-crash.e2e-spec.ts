import { DataSource } from 'typeorm';
import { ANONYMISED_NAME } from '../../src/retention/customer-anonymiser.service.js';
import { buildApp, childEnv, runChild, watchDatabase } from '../support/child-app.js';
import { givenAgent } from '../support/factories.js';
import { freshDatabase, startTestApp, TestClock } from '../support/test-app.js';
import type { FreshDatabase } from '../support/test-app.js';

const CUSTOMERS = 300;
/** Long enough ago for any retention period up to two years, whatever today is. */
const LONG_AGO = new Date(Date.now() - 3 * 365 * 86_400_000);

describe('retention survives being killed mid-run', () => {
  let database: FreshDatabase;
  let env: Record<string, string>;
  let db: DataSource;
  let count: (sql: string) => Promise<number>;

  beforeAll(async () => {
    buildApp();
    database = await freshDatabase();
    env = childEnv(database);
  }, 180_000);
  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  /** Runs `npm run retention`'s program; kills it with SIGKILL once `killWhen` says so. */
  const retentionOnce = (killWhen?: () => Promise<boolean>) =>
    runChild('retention/retention-once.js', env, killWhen);

  /** Each customer as found: anonymised in every part, untouched in every part, or "half-done". */
  async function customerStates(): Promise<Record<string, number>> {
    const rows: {
      display_name: string;
      anonymised: number;
      emails: number;
      phones: number;
      personal_messages: number;
      attachments: number;
    }[] = await db.query(
      `SELECT c.display_name,
              CASE WHEN c.anonymised_at IS NULL THEN 0 ELSE 1 END AS anonymised,
              (SELECT COUNT(*) FROM customer_emails e WHERE e.customer_id = c.id) AS emails,
              (SELECT COUNT(*) FROM customer_phones p WHERE p.customer_id = c.id) AS phones,
              (SELECT COUNT(*) FROM messages m JOIN tickets t ON t.id = m.ticket_id
                WHERE t.customer_id = c.id AND m.body_text LIKE '%@example.vn%') AS personal_messages,
              (SELECT COUNT(*) FROM attachments a JOIN tickets t ON t.id = a.ticket_id
                WHERE t.customer_id = c.id) AS attachments
         FROM customers c`,
    );
    const states: Record<string, number> = {};
    for (const row of rows) {
      const anonymised =
        Number(row.anonymised) === 1 &&
        row.display_name === ANONYMISED_NAME &&
        [row.emails, row.phones, row.personal_messages, row.attachments].every((n) => Number(n) === 0);
      const intact =
        Number(row.anonymised) === 0 &&
        row.display_name !== ANONYMISED_NAME &&
        [row.emails, row.phones, row.personal_messages, row.attachments].every((n) => Number(n) === 1);
      const state = anonymised ? 'anonymised' : intact ? 'intact' : 'half-done';
      states[state] = (states[state] ?? 0) + 1;
    }
    return states;
  }

  it('leaves every customer anonymised or untouched when killed, and the next run finishes the work', async () => {
    // The customers write in from far back, through the real API, and their tickets are resolved then.
    const t = await startTestApp(
      { ...env, JOBS_ENABLED: 'false' },
      { database, clock: new TestClock(LONG_AGO) },
    );
    try {
      const agent = await givenAgent(t, 'agent', { queues: 'all' });
      for (let start = 0; start < CUSTOMERS; start += 10) {
        await Promise.all(
          Array.from({ length: Math.min(10, CUSTOMERS - start) }, async (_, offset) => {
            const i = start + offset;
            const address = `khach${i}@example.vn`;
            const created = await t
              .http()
              .post('/api/v1/tickets')
              .set(agent.auth)
              .send({
                customer: {
                  email: address,
                  displayName: `Nguyễn Văn Khách ${i}`,
                  phone: `0912 345 ${String(i).padStart(3, '0')}`,
                },
                channel: 'phone',
                subject: `Khách gọi từ 0912 345 ${String(i).padStart(3, '0')}`,
                body: `Liên hệ ${address}, thẻ 4111 1111 1111 1111.`,
                attachments: [
                  {
                    fileName: 'hoa-don.txt',
                    contentType: 'text/plain',
                    contentBase64: Buffer.from(`hóa đơn ${i}`).toString('base64'),
                  },
                ],
              })
              .expect(201);
            await t
              .http()
              .post(`/api/v1/tickets/${created.body.id}/replies`)
              .set(agent.auth)
              .send({ body: 'Đã xử lý xong. / Done.', nextState: 'resolved' })
              .expect(201);
          }),
        );
      }
    } finally {
      await t.close();
    }
    ({ db, count } = await watchDatabase(env));
    expect(await customerStates()).toEqual({ intact: CUSTOMERS });

    const killed = await retentionOnce(
      async () => (await count('SELECT COUNT(*) AS n FROM customers WHERE anonymised_at IS NOT NULL')) >= 20,
    );
    expect({ signal: killed.signal, stderr: killed.stderr }).toMatchObject({ signal: 'SIGKILL' });
    const afterKill = await customerStates();
    expect(afterKill['half-done']).toBeUndefined();
    expect(afterKill.anonymised).toBeGreaterThanOrEqual(20);
    expect(afterKill.intact).toBeGreaterThan(0);
    const [dead] = await db.query('SELECT id, state FROM retention_runs');
    expect(dead.state).toBe('running');

    const rerun = await retentionOnce();
    expect({ code: rerun.code, stderr: rerun.stderr }).toMatchObject({
      code: 0,
      stderr: expect.stringMatching(/anonymised/),
    });
    const report = JSON.parse(rerun.stdout);
    expect(report).toMatchObject({
      state: 'completed',
      customersAnonymised: afterKill.intact,
      customersFailed: 0,
    });
    expect(await customerStates()).toEqual({ anonymised: CUSTOMERS });
    const runs: { id: string; state: string }[] = await db.query(
      'SELECT id, state FROM retention_runs ORDER BY started_at',
    );
    expect(runs.map((run) => run.state)).toEqual(['interrupted', 'completed']);
    expect(runs[0].id).toBe(dead.id);
  }, 300_000);
});
