import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { AuditChainService } from '../../src/audit/audit-chain.service.js';
import { AuditService } from '../../src/audit/audit.service.js';
import { AddAuditChain1764028800024 } from '../../src/database/migrations/1764028800024-add-audit-chain.js';
import { givenAgent, givenCustomer, givenTicket, type SignedInAgent } from '../support/factories.js';
import {
  freshDatabase,
  startTestApp,
  TEST_SECRET,
  type FreshDatabase,
  type TestApp,
} from '../support/test-app.js';

const VERIFY_ONCE = resolve('dist/audit/verify-once.js');

interface ChainReport {
  ok: boolean;
  events: number;
  redacted: number;
  firstBrokenSeq: number | null;
  reason: string | null;
}

describe('audit log hash chain', () => {
  let t: TestApp;
  let database: FreshDatabase;
  let admin: SignedInAgent;
  let agent: SignedInAgent;

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-if-needed.mjs'], { stdio: 'ignore' });
    database = await freshDatabase();
    t = await startTestApp({}, { database });
    admin = await givenAgent(t, 'admin');
    agent = await givenAgent(t, 'agent', { queues: 'all' });
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await database?.drop();
  });

  const verification = async (): Promise<ChainReport> =>
    (await t.http().get('/api/v1/audit-events/verification').set(admin.auth).expect(200)).body;

  /** `npm run audit:verify`'s program on this test's database. */
  async function verifyOnce(): Promise<{ code: number | null; report: ChainReport }> {
    const { DATABASE_URL: _inherited, SQLITE_PATH: _path, ...inherited } = process.env;
    const child = spawn(process.execPath, [VERIFY_ONCE], {
      env: { ...inherited, ...database.env, APP_SECRET: TEST_SECRET, LOG_LEVEL: 'silent' },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    const [code] = (await once(child, 'exit')) as [number | null];
    return { code, report: JSON.parse(output.trim().split('\n').pop()!) };
  }

  const seqs = async (): Promise<number[]> =>
    (
      (await t.dataSource.query('SELECT seq FROM audit_events ORDER BY seq')) as { seq: string | number }[]
    ).map((row) => Number(row.seq));

  it('chains concurrent audited reads without a fork or a repeated seq', async () => {
    const customer = await givenCustomer(t, agent);
    const reads = await Promise.all(
      Array.from({ length: 30 }, () => t.http().get(`/api/v1/customers/${customer.id}`).set(agent.auth)),
    );
    expect(reads.map((read) => read.status)).toEqual(Array(30).fill(200));
    const numbers = await seqs();
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    const report = await verification();
    expect(report).toEqual({
      ok: true,
      events: numbers.length,
      redacted: 0,
      firstBrokenSeq: null,
      reason: null,
    });
    const { items } = (
      await t.http().get(`/api/v1/audit-events?recordId=${customer.id}&limit=100`).set(admin.auth).expect(200)
    ).body as { items: { action: string }[] };
    expect(items.filter((item) => item.action === 'customer.read')).toHaveLength(30);
  });

  it('prints the report from npm run audit:verify and exits 0 on an intact chain', async () => {
    const { code, report } = await verifyOnce();
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, firstBrokenSeq: null });
    expect(report.events).toBe((await seqs()).length);
  });

  it('keeps the chain intact when retention redacts fields, and counts the redacted events', async () => {
    const customer = await givenCustomer(t, agent, { displayName: 'Trần Thị Bích' });
    await t
      .http()
      .patch(`/api/v1/customers/${customer.id}`)
      .set(agent.auth)
      .send({
        displayName: 'Trần Thị Bích Ngọc',
        version: customer.version,
        reason: 'Khách gọi điện yêu cầu sửa tên',
      })
      .expect(200);
    const redacted = await t.dataSource.transaction((em) =>
      t.get(AuditService).redactFields(em, 'customer', [customer.id]),
    );
    expect(redacted).toBe(2); // customer.create and customer.update carry fields
    const events = (
      await t.http().get(`/api/v1/audit-events?recordId=${customer.id}`).set(admin.auth).expect(200)
    ).body.items as { action: string; fields: unknown; redacted: boolean }[];
    const update = events.find((event) => event.action === 'customer.update');
    expect(update).toMatchObject({ fields: null, redacted: true });
    const report = await verification();
    expect(report).toMatchObject({ ok: true, redacted: 2 });
  });

  it('names the seq of a row changed with SQL, and of a row deleted with SQL', async () => {
    const [, target] = (await seqs()).slice(-5);
    const [original] = (await t.dataSource.query('SELECT reason FROM audit_events WHERE seq = ?', [
      target,
    ])) as {
      reason: string | null;
    }[];
    await t.dataSource.query('UPDATE audit_events SET reason = ? WHERE seq = ?', [
      'changed afterwards',
      target,
    ]);
    expect(await verification()).toMatchObject({ ok: false, firstBrokenSeq: target });
    const cli = await verifyOnce();
    expect(cli.code).toBe(1);
    expect(cli.report).toMatchObject({ ok: false, firstBrokenSeq: target });

    await t.dataSource.query('UPDATE audit_events SET reason = ? WHERE seq = ?', [original.reason, target]);
    expect((await verification()).ok).toBe(true);

    await t.dataSource.query('DELETE FROM audit_events WHERE seq = ?', [target]);
    expect(await verification()).toMatchObject({
      ok: false,
      firstBrokenSeq: target,
      reason: `event ${target} is missing`,
    });
  });
});

describe('audit chain migration', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('reverts, then chains the events already there when it runs again', async () => {
    const admin = await givenAgent(t, 'admin');
    await givenTicket(t, admin);
    const runner = t.dataSource.createQueryRunner();
    try {
      await new AddAuditChain1764028800024().down(runner);
      expect(await runner.hasTable('audit_chain_head')).toBe(false);
      expect(await runner.hasColumn('audit_events', 'hash')).toBe(false);
      // Events written before the chain existed, one with the same time as another.
      const at = '2026-01-02 03:04:05.678';
      for (const [id, fields] of [
        ['00000000-0000-4000-8000-000000000001', '["email"]'],
        ['00000000-0000-4000-8000-000000000002', null],
      ]) {
        await runner.query(
          `INSERT INTO audit_events (id, occurred_at, actor_type, actor_id, action, record_type, record_id, fields)
           VALUES (?, ?, 'system', NULL, 'customer.read', 'customer', ?, ?)`,
          [id, at, id, fields],
        );
      }
      const [{ n }] = (await runner.query('SELECT COUNT(*) AS n FROM audit_events')) as { n: string }[];
      await new AddAuditChain1764028800024().up(runner);
      const report = await t.get(AuditChainService).verify();
      expect(report).toEqual({
        ok: true,
        events: Number(n),
        redacted: 0,
        firstBrokenSeq: null,
        reason: null,
      });
      // The oldest events come first in the chain.
      const [first] = (await runner.query('SELECT id FROM audit_events WHERE seq = 1')) as { id: string }[];
      expect(first.id).toBe('00000000-0000-4000-8000-000000000001');
    } finally {
      await runner.release();
    }
    await givenTicket(t, admin);
    expect((await t.get(AuditChainService).verify()).ok).toBe(true);
  });
});
