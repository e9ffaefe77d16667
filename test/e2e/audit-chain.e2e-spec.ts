import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { AuditChainService } from '../../src/audit/audit-chain.service.js';
import { AuditEvent } from '../../src/audit/audit-event.entity.js';
import { AuditSealer } from '../../src/audit/audit-sealer.service.js';
import { AuditService } from '../../src/audit/audit.service.js';
import type { Actor } from '../../src/auth/actor.js';
import { AddAuditChain1764028800024 } from '../../src/database/migrations/1764028800024-add-audit-chain.js';
import { MakeAuditSealAsync1764028800028 } from '../../src/database/migrations/1764028800028-make-audit-seal-async.js';
import { givenAgent, givenCustomer, givenTicket, type SignedInAgent } from '../support/factories.js';
import {
  freshDatabase,
  startTestApp,
  TEST_SECRET,
  TestClock,
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
  pending: number;
  unsealedOverdue: number;
  oldestUnsealedAt: string | null;
}

describe('audit log hash chain', () => {
  let t: TestApp;
  let database: FreshDatabase;
  let admin: SignedInAgent;
  let agent: SignedInAgent;

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build-if-needed.mjs'], { stdio: 'ignore' });
    database = await freshDatabase();
    // The tests seal when they choose to (sealPending), not on the job's every-second tick.
    t = await startTestApp({ JOBS_ENABLED: 'false' }, { database });
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

  const seal = () => t.get(AuditSealer).sealPending();

  const seqs = async (): Promise<number[]> =>
    (
      (await t.dataSource.query('SELECT seq FROM audit_events WHERE seq IS NOT NULL ORDER BY seq')) as {
        seq: string | number;
      }[]
    ).map((row) => Number(row.seq));

  const unsealedCount = async (): Promise<number> => {
    const [{ n }] = (await t.dataSource.query(
      'SELECT COUNT(*) AS n FROM audit_events WHERE seq IS NULL',
    )) as {
      n: string | number;
    }[];
    return Number(n);
  };

  it('writes audited reads unsealed, and reports them as pending while the chain verifies', async () => {
    await seal();
    const customer = await givenCustomer(t, agent);
    await t.http().get(`/api/v1/customers/${customer.id}`).set(agent.auth).expect(200);
    const [read] = (await t.dataSource.query(
      "SELECT seq, hash FROM audit_events WHERE record_id = ? AND action = 'customer.read'",
      [customer.id],
    )) as { seq: unknown; hash: unknown }[];
    expect(read).toEqual({ seq: null, hash: null });
    expect(await verification()).toMatchObject({ ok: true, pending: 2, unsealedOverdue: 0 });
    expect(await seal()).toBe(2);
    expect(await verification()).toMatchObject({ ok: true, pending: 0, oldestUnsealedAt: null });
  });

  it('seals concurrent audited writes and reads, with sealer passes running meanwhile, into one chain', async () => {
    const customer = await givenCustomer(t, agent);
    const before = (await seqs()).length;
    const requests = Promise.all([
      ...Array.from({ length: 20 }, (_, index) =>
        t
          .http()
          .post('/api/v1/customers')
          .set(agent.auth)
          .send({
            displayName: `Khách song song ${index}`,
            emails: [`song-song-${index}-${Date.now()}@example.com`],
          }),
      ),
      ...Array.from({ length: 30 }, () => t.http().get(`/api/v1/customers/${customer.id}`).set(agent.auth)),
    ]);
    // Two sealers at once as well: passes take turns on the chain head.
    const passes = Promise.all(Array.from({ length: 6 }, () => seal()));
    const [responses] = await Promise.all([requests, passes]);
    expect(responses.map((response) => response.status).sort()).toEqual([
      ...Array(30).fill(200),
      ...Array(20).fill(201),
    ]);
    await seal();
    expect(await unsealedCount()).toBe(0);
    const numbers = await seqs();
    expect(numbers.length).toBeGreaterThanOrEqual(before + 50);
    expect(numbers).toEqual(numbers.map((_, index) => index + 1));
    const report = await verification();
    expect(report).toEqual({
      ok: true,
      events: numbers.length,
      redacted: 0,
      firstBrokenSeq: null,
      reason: null,
      pending: 0,
      unsealedOverdue: 0,
      oldestUnsealedAt: null,
    });
    const { items } = (
      await t.http().get(`/api/v1/audit-events?recordId=${customer.id}&limit=100`).set(admin.auth).expect(200)
    ).body as { items: { action: string }[] };
    expect(items.filter((item) => item.action === 'customer.read')).toHaveLength(30);
  });

  it('prints the report from npm run audit:verify and exits 0 on an intact chain', async () => {
    const { code, report } = await verifyOnce();
    expect(code).toBe(0);
    expect(report).toMatchObject({ ok: true, firstBrokenSeq: null, pending: 0, unsealedOverdue: 0 });
    expect(report.events).toBe((await seqs()).length);
  });

  it('seals an event committed after a later event was sealed, with the next seq', async () => {
    const customer = await givenCustomer(t, agent);
    await seal();
    // A request whose transaction began a second ago and commits last: its event occurred first.
    const occurredFirst = new Date(Date.now() - 1000);
    const slow = new AuditService(t.dataSource.getRepository(AuditEvent), new TestClock(occurredFirst));
    const actor: Actor = { type: 'agent', id: agent.agent.id, role: 'agent' };
    const entry = { action: 'customer.read', recordType: 'customer' as const, recordId: customer.id };
    const readNow = () => t.http().get(`/api/v1/customers/${customer.id}`).set(agent.auth).expect(200);
    if (t.engine === 'mysql') {
      const runner = t.dataSource.createQueryRunner();
      try {
        await runner.startTransaction();
        await slow.record(runner.manager, actor, [{ ...entry, reason: 'late' }]);
        await readNow();
        expect(await seal()).toBe(1); // the read; the slow event is not committed yet
        await runner.commitTransaction();
      } finally {
        await runner.release();
      }
    } else {
      // SQLite runs one transaction at a time: the slow one commits after the read was sealed.
      await readNow();
      expect(await seal()).toBe(1);
      await t.dataSource.transaction((em) => slow.record(em, actor, [{ ...entry, reason: 'late' }]));
    }
    expect(await seal()).toBe(1);
    const rows = (await t.dataSource.query(
      "SELECT seq, reason FROM audit_events WHERE record_id = ? AND action = 'customer.read' ORDER BY seq",
      [customer.id],
    )) as { seq: string | number; reason: string | null }[];
    expect(rows.map((row) => row.reason)).toEqual([null, 'late']);
    expect(Number(rows[1].seq)).toBe(Number(rows[0].seq) + 1);
    expect(await verification()).toMatchObject({ ok: true, pending: 0 });
  });

  it('fails verification for an event left unsealed past the grace period, until it is sealed', async () => {
    const customer = await givenCustomer(t, agent);
    await seal();
    await t.http().get(`/api/v1/customers/${customer.id}`).set(agent.auth).expect(200);
    // As if the sealer had been down for ten minutes since the read.
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000);
    await t.dataSource
      .createQueryBuilder()
      .update(AuditEvent)
      .set({ occurredAt: tenMinutesAgo })
      .where("seq IS NULL AND record_id = :id AND action = 'customer.read'", { id: customer.id })
      .execute();
    const report = await verification();
    expect(report).toMatchObject({
      ok: false,
      firstBrokenSeq: null,
      pending: 1,
      unsealedOverdue: 1,
      oldestUnsealedAt: tenMinutesAgo.toISOString(),
      reason: expect.stringMatching(/unsealed/),
    });
    const cli = await verifyOnce();
    expect(cli.code).toBe(1);
    expect(cli.report).toMatchObject({ ok: false, pending: 1, unsealedOverdue: 1 });

    expect(await seal()).toBe(1);
    expect(await verification()).toMatchObject({ ok: true, pending: 0, unsealedOverdue: 0 });
  });

  it('keeps the chain intact when retention redacts fields, and counts the redacted events', async () => {
    await seal();
    const { redacted: redactedBefore } = await verification();
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
    // Redacted before the sealer came by: the sealer chains the digest, which redaction keeps.
    await seal();
    const events = (
      await t.http().get(`/api/v1/audit-events?recordId=${customer.id}`).set(admin.auth).expect(200)
    ).body.items as { action: string; fields: unknown; redacted: boolean }[];
    const update = events.find((event) => event.action === 'customer.update');
    expect(update).toMatchObject({ fields: null, redacted: true });
    const report = await verification();
    expect(report).toMatchObject({ ok: true, redacted: redactedBefore + 2 });
  });

  it('names the seq of a row changed with SQL, and of a row deleted with SQL', async () => {
    await seal();
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

describe('audit chain migrations', () => {
  let t: TestApp;

  beforeAll(async () => {
    // No sealer job running while the tests change the schema under it.
    t = await startTestApp({ JOBS_ENABLED: 'false' });
  });
  afterAll(() => t?.close());

  it('reverts, then chains the events already there when it runs again', async () => {
    const admin = await givenAgent(t, 'admin');
    await givenTicket(t, admin);
    const runner = t.dataSource.createQueryRunner();
    try {
      await new MakeAuditSealAsync1764028800028().down(runner);
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
      await new MakeAuditSealAsync1764028800028().up(runner);
      const report = await t.get(AuditChainService).verify();
      expect(report).toEqual({
        ok: true,
        events: Number(n),
        redacted: 0,
        firstBrokenSeq: null,
        reason: null,
        pending: 0,
        unsealedOverdue: 0,
        oldestUnsealedAt: null,
      });
      // The oldest events come first in the chain.
      const [first] = (await runner.query('SELECT id FROM audit_events WHERE seq = 1')) as { id: string }[];
      expect(first.id).toBe('00000000-0000-4000-8000-000000000001');
    } finally {
      await runner.release();
    }
    await givenTicket(t, admin);
    await t.get(AuditSealer).sealPending();
    expect((await t.get(AuditChainService).verify()).ok).toBe(true);
  });

  it('reverts making seq and hash nullable by sealing what is pending first, and runs again', async () => {
    const admin = await givenAgent(t, 'admin');
    await t.get(AuditSealer).sealPending();
    await givenTicket(t, admin);
    const unsealed = async () =>
      Number(
        (
          (await t.dataSource.query('SELECT COUNT(*) AS n FROM audit_events WHERE seq IS NULL')) as {
            n: string;
          }[]
        )[0].n,
      );
    expect(await unsealed()).toBeGreaterThan(0);
    const runner = t.dataSource.createQueryRunner();
    const nullable = async (column: string) =>
      (await runner.getTable('audit_events'))!.findColumnByName(column)!.isNullable;
    try {
      await new MakeAuditSealAsync1764028800028().down(runner);
      expect(await unsealed()).toBe(0);
      expect([await nullable('seq'), await nullable('hash')]).toEqual([false, false]);
      expect((await t.get(AuditChainService).verify()).ok).toBe(true);
      await new MakeAuditSealAsync1764028800028().up(runner);
      expect([await nullable('seq'), await nullable('hash')]).toEqual([true, true]);
      const indices = (await runner.getTable('audit_events'))!.indices.map((index) => index.name);
      expect(indices).toEqual(expect.arrayContaining(['uq_audit_events_seq', 'idx_audit_events_unsealed']));
    } finally {
      await runner.release();
    }
    await givenTicket(t, admin);
    expect(await unsealed()).toBeGreaterThan(0);
    await t.get(AuditSealer).sealPending();
    expect(await t.get(AuditChainService).verify()).toMatchObject({ ok: true, pending: 0 });
  });
});
