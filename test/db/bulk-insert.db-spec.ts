import { bulkInsert, bulkUpsert } from '../../src/database/bulk-insert.js';
import { OutboxMessage } from '../../src/mail/outbound/outbox-message.entity.js';
import { QueueTicketCount } from '../../src/queues/queue.entity.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

describe('bulk inserts', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' });
  });
  afterAll(() => t.close());

  it('stores what em.insert would: times to the millisecond, nulls, booleans, generated ids', async () => {
    const at = new Date('2026-11-27T09:00:00.123Z');
    const rows = Array.from({ length: 2_500 }, (_, index) =>
      t.dataSource.manager.create(OutboxMessage, {
        kind: 'notification',
        ticketId: null,
        messageRecordId: null,
        toAddress: `giam.sat.${index}@offtrack.test`,
        ccAddresses: null,
        subject: `Phiếu OT#${index} quá hạn`,
        bodyText: 'Nội dung có dấu: ắ ề ợ',
        bodyHtml: null,
        messageId: `<bulk-${index}@offtrack.test>`,
        inReplyTo: null,
        referencesHeader: null,
        autoSubmitted: 'auto-generated',
        headers: null,
        attachments: null,
        state: 'pending',
        attempts: 0,
        nextAttemptAt: new Date(at.getTime() + index),
        claimedAt: null,
        lastError: null,
        createdAt: at,
        sentAt: null,
      }),
    );
    // More rows than SQLite takes in one statement.
    await bulkInsert(t.dataSource.manager, OutboxMessage, rows);
    expect(new Set(rows.map((row) => row.id)).size).toBe(2_500);
    const stored = await t.dataSource.getRepository(OutboxMessage).find({ order: { nextAttemptAt: 'ASC' } });
    expect(stored).toHaveLength(2_500);
    expect(stored[0]).toEqual(rows[0]);
    expect(stored[2_499]).toEqual(rows[2_499]);
    expect(stored[7].nextAttemptAt.toISOString()).toBe('2026-11-27T09:00:00.130Z');
  });

  it('overwrites rows that exist and adds those that do not', async () => {
    const repository = t.dataSource.getRepository(OutboxMessage);
    const [first, second] = await repository.find({ order: { nextAttemptAt: 'ASC' }, take: 2 });
    const fresh = repository.create({ ...first, id: undefined, messageId: '<bulk-new@offtrack.test>' });
    first.state = 'sent';
    first.sentAt = new Date('2026-11-27T10:00:00.000Z');
    second.lastError = 'SMTP 451: thử lại sau';
    await bulkUpsert(t.dataSource.manager, OutboxMessage, [first, second, fresh as OutboxMessage]);
    expect(await repository.findOneByOrFail({ id: first.id })).toEqual(first);
    expect(await repository.findOneByOrFail({ id: second.id })).toEqual(second);
    expect(await repository.count()).toBe(2_501);
  });

  it('leaves auto-increment keys to the database and keeps booleans and negative numbers', async () => {
    const queueId = '11111111-1111-4111-8111-111111111111';
    await bulkInsert(t.dataSource.manager, QueueTicketCount, [
      { queueId, state: 'open', isAssigned: true, delta: -1 },
      { queueId, state: 'open', isAssigned: false, delta: 1 },
    ]);
    const stored = await t.dataSource
      .getRepository(QueueTicketCount)
      .find({ where: { queueId }, order: { id: 'ASC' } });
    expect(stored.map(({ state, isAssigned, delta }) => ({ state, isAssigned, delta }))).toEqual([
      { state: 'open', isAssigned: true, delta: -1 },
      { state: 'open', isAssigned: false, delta: 1 },
    ]);
    expect(stored[1].id).toBeGreaterThan(stored[0].id);
  });
});
