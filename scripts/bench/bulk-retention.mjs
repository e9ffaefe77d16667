// Bulk-loads customers whose last activity is long past, for the retention benchmark: each with an e-mail,
// a phone, closed tickets with a customer message and a reply that carry e-mail addresses and phone numbers,
// some attachments (every tenth ticket; a few share their bytes), the raw mail of their first ticket and the
// acknowledgement sent for it. Multi-row INSERTs, like bulk-tickets.mjs.
import { createHash, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { inTransaction, insertRows } from './bulk-tickets.mjs';

/** Customers per transaction (and per progress line). */
const CUSTOMERS_PER_COMMIT = 2_000;
const FIRST_NUMBER = 20_000_000;
const DAY_MS = 86_400_000;

const sqlTime = (ms) => new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
const sha256 = (text) => createHash('sha256').update(text).digest('hex');

/** Loads `customers` expired customers with `ticketsPerCustomer` tickets each; returns the counts and time. */
export async function loadExpiredCustomers(db, { customers, ticketsPerCustomer, log }) {
  const started = performance.now();
  const [queue] = await db.run('SELECT id FROM queues ORDER BY name LIMIT 1');
  if (db.engine === 'mysql') {
    await db.run('SET foreign_key_checks = 0');
    await db.run('SET unique_checks = 0');
  }
  const counts = { customers: 0, tickets: 0, messages: 0, attachments: 0, rawMails: 0, outboxMails: 0 };
  // Two years ago, a day apart per commit batch: all past any retention period up to 18 months.
  const longAgo = Date.now() - 2 * 365 * DAY_MS;
  const sharedContent = Buffer.from('Điều khoản hủy tour (bản PDF dùng chung)');
  const sharedSha = sha256(sharedContent);
  await db.run(
    `INSERT INTO stored_contents (sha256, size_bytes, chunk_count, created_at) VALUES (?, ?, 1, ?)`,
    [sharedSha, sharedContent.length, sqlTime(longAgo)],
  );
  await db.run(`INSERT INTO stored_content_chunks (sha256, seq, bytes) VALUES (?, 0, ?)`, [
    sharedSha,
    sharedContent,
  ]);

  for (let start = 0; start < customers; start += CUSTOMERS_PER_COMMIT) {
    const rows = {
      customers: [],
      emails: [],
      phones: [],
      tickets: [],
      messages: [],
      attachments: [],
      contents: [],
      chunks: [],
      inbound: [],
      outbox: [],
    };
    for (let i = start; i < Math.min(customers, start + CUSTOMERS_PER_COMMIT); i++) {
      const at = sqlTime(longAgo + (i % 1000) * 60_000);
      const customerId = randomUUID();
      const name = `Nguyễn Văn Khách ${i}`;
      const address = `khach.${i}@example.vn`;
      const phone = `+8491${String(i).padStart(7, '0')}`;
      rows.customers.push([
        customerId,
        name,
        `nguyen van khach ${i} ${address} ${phone}`,
        'vi',
        'Asia/Ho_Chi_Minh',
        'VN',
        0,
        null,
        1,
        at,
        at,
      ]);
      rows.emails.push([randomUUID(), customerId, address, 1, at, null]);
      rows.phones.push([randomUUID(), customerId, phone, 1, at]);
      for (let k = 0; k < ticketsPerCustomer; k++) {
        const ticketId = randomUUID();
        const number = FIRST_NUMBER + i * ticketsPerCustomer + k;
        const subject = `Khiếu nại từ ${name}, SĐT 0912 ${String(i).padStart(6, '0').slice(0, 3)} ${String(i).padStart(6, '0').slice(3)}`;
        rows.tickets.push([
          ticketId,
          number,
          subject,
          `ot#${number} khieu nai`,
          'closed',
          'normal',
          2,
          'email',
          'vi',
          queue.id,
          customerId,
          '[]',
          1 + 3,
          2,
          at,
          at,
          at,
          at,
          at,
          at,
          at,
        ]);
        const inboundId = randomUUID();
        let rawMailId = null;
        if (k === 0) {
          const raw = `From: ${address}\r\nSubject: ${subject}\r\n\r\nGọi ${phone} hoặc ${address}`;
          const rawSha = sha256(raw);
          rawMailId = randomUUID();
          rows.contents.push([rawSha, Buffer.byteLength(raw), 1, at]);
          rows.chunks.push([rawSha, 0, Buffer.from(raw)]);
          rows.inbound.push([
            rawMailId,
            `<bench-${i}@example.vn>`,
            `<bench-${i}@example.vn>`,
            rawSha,
            Buffer.byteLength(raw),
            address,
            subject,
            'processed',
            1,
            ticketId,
            inboundId,
            at,
            at,
          ]);
          rows.outbox.push([
            randomUUID(),
            'acknowledgement',
            ticketId,
            address,
            `[OT#${number}] Đã nhận`,
            `Xin chào ${name}, chúng tôi đã nhận.`,
            `<ack-${i}@offtrack.local>`,
            'sent',
            1,
            at,
            at,
            at,
          ]);
        }
        rows.messages.push([
          inboundId,
          ticketId,
          'inbound',
          'public',
          'customer',
          null,
          customerId,
          address,
          'care@offtrack.local',
          `Tôi là ${name}, email ${address}, điện thoại ${phone}. Thẻ 4111 1111 1111 1111 bị trừ tiền hai lần.`,
          `<p>Tôi là ${name}, <a href="mailto:${address}">${address}</a>, ${phone}</p>`,
          rawMailId,
          `<in-${number}@example.vn>`,
          1,
          at,
        ]);
        rows.messages.push([
          randomUUID(),
          ticketId,
          'outbound',
          'public',
          'agent',
          null,
          null,
          'care@offtrack.local',
          address,
          `Chào ${name}, chúng tôi đã hoàn tiền.`,
          null,
          null,
          `<out-${number}@offtrack.local>`,
          2,
          at,
        ]);
        if ((i * ticketsPerCustomer + k) % 10 === 0) {
          const shared = (i * ticketsPerCustomer + k) % 100 === 0;
          const bytes = shared ? sharedContent : Buffer.from(`Sao kê của ${address}, phiếu ${number}`);
          const sha = shared ? sharedSha : sha256(bytes);
          if (!shared) {
            rows.contents.push([sha, bytes.length, 1, at]);
            rows.chunks.push([sha, 0, bytes]);
          }
          rows.attachments.push([
            randomUUID(),
            ticketId,
            inboundId,
            'sao-ke.pdf',
            'application/pdf',
            bytes.length,
            sha,
            null,
            0,
            at,
          ]);
        }
      }
    }
    await inTransaction(db, async () => {
      await insertRows(
        db,
        'customers',
        [
          'id',
          'display_name',
          'search_text',
          'preferred_language',
          'time_zone',
          'country',
          'is_vulnerable',
          'anonymised_at',
          'version',
          'created_at',
          'updated_at',
        ],
        rows.customers,
      );
      await insertRows(
        db,
        'customer_emails',
        ['id', 'customer_id', 'address', 'is_primary', 'created_at', 'bounced_at'],
        rows.emails,
      );
      await insertRows(
        db,
        'customer_phones',
        ['id', 'customer_id', 'number', 'is_primary', 'created_at'],
        rows.phones,
      );
      await insertRows(
        db,
        'tickets',
        [
          'id',
          'number',
          'subject',
          'search_text',
          'state',
          'priority',
          'priority_rank',
          'channel',
          'language',
          'queue_id',
          'customer_id',
          'tags',
          'version',
          'last_message_seq',
          'created_at',
          'updated_at',
          'first_responded_at',
          'last_customer_message_at',
          'last_agent_message_at',
          'resolved_at',
          'closed_at',
        ],
        rows.tickets,
      );
      await insertRows(
        db,
        'messages',
        [
          'id',
          'ticket_id',
          'direction',
          'visibility',
          'author_type',
          'author_agent_id',
          'author_customer_id',
          'from_address',
          'to_addresses',
          'body_text',
          'body_html',
          'raw_mail_id',
          'message_id',
          'thread_seq',
          'created_at',
        ],
        rows.messages,
      );
      await insertRows(
        db,
        'stored_contents',
        ['sha256', 'size_bytes', 'chunk_count', 'created_at'],
        rows.contents,
      );
      await insertRows(db, 'stored_content_chunks', ['sha256', 'seq', 'bytes'], rows.chunks);
      await insertRows(
        db,
        'attachments',
        [
          'id',
          'ticket_id',
          'message_id',
          'file_name',
          'content_type',
          'size_bytes',
          'sha256',
          'content_id',
          'is_inline',
          'created_at',
        ],
        rows.attachments,
      );
      await insertRows(
        db,
        'inbound_mail',
        [
          'id',
          'dedup_key',
          'message_id',
          'raw_sha256',
          'size_bytes',
          'from_address',
          'subject',
          'state',
          'attempts',
          'ticket_id',
          'message_record_id',
          'received_at',
          'processed_at',
        ],
        rows.inbound,
      );
      await insertRows(
        db,
        'outbox',
        [
          'id',
          'kind',
          'ticket_id',
          'to_address',
          'subject',
          'body_text',
          'message_id',
          'state',
          'attempts',
          'next_attempt_at',
          'created_at',
          'sent_at',
        ],
        rows.outbox,
      );
    });
    counts.customers += rows.customers.length;
    counts.tickets += rows.tickets.length;
    counts.messages += rows.messages.length;
    counts.attachments += rows.attachments.length;
    counts.rawMails += rows.inbound.length;
    counts.outboxMails += rows.outbox.length;
    if (counts.customers % 10_000 === 0 || counts.customers === customers)
      log(
        `loaded ${counts.customers} of ${customers} customers (${Math.round((performance.now() - started) / 1000)} s)`,
      );
  }
  return { ...counts, loadSeconds: Math.round((performance.now() - started) / 100) / 10 };
}
