import { givenAgent, givenTicket, type SignedInAgent } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

type Row = Record<string, string | number>;

/**
 * Migration 031 on a database that already holds threads: taken back, the columns go and nothing else does;
 * run again, every thread is numbered in the order it was shown before, (created_at, id), and new messages
 * carry on from there.
 */
describe('migration 031: message thread sequence', () => {
  let t: TestApp;
  let admin: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' });
    admin = await givenAgent(t, 'admin');
  });
  afterAll(() => t.close());

  const note = (ticketId: string, body: string) =>
    t.http().post(`/api/v1/tickets/${ticketId}/notes`).set(admin.auth).send({ body }).expect(201);
  const count = async (sql: string, params: unknown[] = []) =>
    Number(((await t.dataSource.query(sql, params)) as Row[])[0].n);

  it('numbers existing threads by (created_at, id) and can be taken back without losing a message', async () => {
    const first = await givenTicket(t, admin, {
      body: 'có tệp',
      attachments: [{ fileName: 'hoa-don.txt', contentType: 'text/plain', contentBase64: 'aG9hIGRvbg==' }],
    });
    const second = await givenTicket(t, admin, { body: 'second 1' });
    for (const body of ['a', 'b', 'c']) await note(first.id, body);
    await note(second.id, 'second 2');
    const messages = await count('SELECT COUNT(*) AS n FROM messages');
    const attachments = await count('SELECT COUNT(*) AS n FROM attachments');

    await t.dataSource.undoLastMigration();
    const columns = async (table: string) =>
      ((await t.dataSource.query(`SELECT * FROM ${table} LIMIT 1`)) as Row[]).flatMap((row) =>
        Object.keys(row),
      );
    expect(await columns('messages')).not.toContain('thread_seq');
    expect(await columns('tickets')).not.toContain('last_message_seq');
    expect(await count('SELECT COUNT(*) AS n FROM messages')).toBe(messages);
    expect(await count('SELECT COUNT(*) AS n FROM attachments')).toBe(attachments);

    // Old data as it may lie: the first ticket's notes written out of order, two of them in one millisecond.
    const times: Record<string, string> = {
      c: '2026-01-01 08:00:00.000',
      a: '2026-01-01 09:00:00.000',
      b: '2026-01-01 09:00:00.000',
      'có tệp': '2026-01-01 10:00:00.000',
    };
    for (const [body, at] of Object.entries(times)) {
      await t.dataSource.query('UPDATE messages SET created_at = ? WHERE ticket_id = ? AND body_text = ?', [
        at,
        first.id,
        body,
      ]);
    }
    const [a, b] = (
      (await t.dataSource.query(
        "SELECT id, body_text FROM messages WHERE ticket_id = ? AND body_text IN ('a', 'b')",
        [first.id],
      )) as Row[]
    ).sort((x, y) => String(x.id).localeCompare(String(y.id)));

    await t.dataSource.runMigrations();
    const numbered = async (ticketId: string) =>
      (
        (await t.dataSource.query('SELECT body_text, thread_seq FROM messages WHERE ticket_id = ?', [
          ticketId,
        ])) as Row[]
      )
        .map((row) => [Number(row.thread_seq), row.body_text])
        .sort(([x], [y]) => Number(x) - Number(y));
    expect(await numbered(first.id)).toEqual([
      [1, 'c'],
      [2, a.body_text],
      [3, b.body_text],
      [4, 'có tệp'],
    ]);
    expect(await numbered(second.id)).toEqual([
      [1, 'second 1'],
      [2, 'second 2'],
    ]);
    expect(await count('SELECT COUNT(*) AS n FROM attachments')).toBe(attachments);

    await note(first.id, 'd');
    expect((await numbered(first.id)).at(-1)).toEqual([5, 'd']);
    const lastNumbers = (await t.dataSource.query(
      'SELECT id, last_message_seq FROM tickets WHERE id IN (?, ?)',
      [first.id, second.id],
    )) as Row[];
    expect(Object.fromEntries(lastNumbers.map((row) => [row.id, Number(row.last_message_seq)]))).toEqual({
      [first.id]: 5,
      [second.id]: 2,
    });
  });
});
