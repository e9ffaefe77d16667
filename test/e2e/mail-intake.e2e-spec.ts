import { OutboxSenderService } from '../../src/mail/outbound/outbox-sender.service.js';
import { MailIntakeJob } from '../../src/mail/inbound/mail-intake.job.js';
import { givenAgent } from '../support/factories.js';
import type { SignedInAgent } from '../support/factories.js';
import { fixture, oversizedMail } from '../support/mail-fixtures.js';
import { mailSettings, startDovecot, startSmtpSink } from '../support/mail-servers.js';
import type { SentMail, TestImapServer, TestSmtpSink } from '../support/mail-servers.js';
import { startTestApp } from '../support/test-app.js';
import type { TestApp } from '../support/test-app.js';

interface InboundRow {
  id: string;
  messageId: string | null;
  state: string;
  stateReason: string | null;
  ticketId: string | null;
  messageRecordId: string | null;
  fromAddress: string | null;
}

describe('mail intake from the official address (Dovecot + SMTP sink)', () => {
  let t: TestApp;
  let imap: TestImapServer;
  let smtp: TestSmtpSink;
  let admin: SignedInAgent;

  beforeAll(async () => {
    imap = await startDovecot();
    smtp = await startSmtpSink();
    t = await startTestApp({ ...mailSettings(imap, smtp), MAIL_ACKS_PER_SENDER_PER_HOUR: '3' });
    admin = await givenAgent(t, 'admin');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.stop();
    await imap?.stop();
  });

  /** Puts the mail in the mailbox, runs intake once, and sends what it queued. */
  async function deliver(raw: Buffer) {
    const sentBefore = smtp.sent.length;
    await imap.append(raw);
    const report = await t.get(MailIntakeJob).runOnce();
    await t.get(OutboxSenderService).sendDue();
    return { report: report!, sent: smtp.sent.slice(sentBefore) };
  }

  async function inbound(where: (row: InboundRow) => boolean): Promise<InboundRow> {
    const { body } = await t
      .http()
      .get('/api/v1/admin/inbound-mail')
      .query({ limit: 200 })
      .set(admin.auth)
      .expect(200);
    const row = (body as InboundRow[]).find(where);
    if (!row) throw new Error('no such inbound mail');
    return row;
  }

  const byMessageId = (id: string) => inbound((row) => row.messageId === id);

  async function ticket(id: string) {
    return (await t.http().get(`/api/v1/tickets/${id}`).set(admin.auth).expect(200)).body;
  }

  const header = (mail: SentMail, name: string) =>
    mail.parsed.headerLines.find((line) => line.key === name)?.line;

  it('turns a Vietnamese complaint into a ticket for a new customer, acknowledged once in Vietnamese', async () => {
    const { report, sent } = await deliver(fixture('01-vietnamese-utf8-qp.eml'));
    expect(report).toMatchObject({ stored: 1, tickets: 1, failed: 0 });

    const row = await byMessageId('<fixture-01@mail.example.com>');
    expect(row).toMatchObject({ state: 'processed', fromAddress: 'nguyen.van.a@example.vn' });
    const created = await ticket(row.ticketId!);
    expect(created).toMatchObject({
      subject: 'Khiếu nại: hoàn tiền tour Đà Lạt',
      channel: 'email',
      language: 'vi',
      state: 'new',
      customer: { displayName: 'Nguyễn Văn A' },
      // A refund request: classified and routed like any other channel's tickets.
      category: { key: 'payment' },
      categorySource: 'auto',
    });
    const queues = (await t.http().get('/api/v1/queues').set(admin.auth)).body as {
      id: string;
      name: string;
    }[];
    expect(queues.find((queue) => queue.id === created.queueId)?.name).toBe('Payments & fraud');
    expect(created.messages[0]).toMatchObject({
      direction: 'inbound',
      messageId: '<fixture-01@mail.example.com>',
    });

    expect(sent).toHaveLength(1);
    const [ack] = sent;
    expect(ack.envelope.to).toEqual(['nguyen.van.a@example.vn']);
    expect(ack.parsed.subject).toContain(`[OT#${created.number}]`);
    expect(ack.parsed.text).toContain('Kính gửi Nguyễn Văn A');
    expect(ack.parsed.text).toContain(`OT#${created.number}`);
    expect(header(ack, 'auto-submitted')).toBe('Auto-Submitted: auto-replied');
    expect(ack.parsed.inReplyTo).toBe('<fixture-01@mail.example.com>');
    expect(ack.parsed.messageId).toMatch(/@offtrack\.test>$/);

    const flags = await imap.messages();
    expect(flags.every((message) => message.flags.includes('\\Seen'))).toBe(true);
  });

  it('never makes a second ticket or acknowledgement from the same mail delivered again', async () => {
    const { report, sent } = await deliver(fixture('20-duplicate-of-01.eml'));
    expect(report).toMatchObject({ stored: 0, duplicates: 1, tickets: 0 });
    expect(sent).toHaveLength(0);
    const { body } = await t
      .http()
      .get('/api/v1/tickets')
      .query({ text: 'hoan tien tour da lat' })
      .set(admin.auth);
    expect(body.items.filter((item: { channel: string }) => item.channel === 'email')).toHaveLength(1);
  });

  it.each([
    ['03-windows-1258.eml', 'Phàn nàn về hướng dẫn viên tour Huế', 'Phạm Minh Tuấn'],
    ['04-split-encoded-words.eml', 'Yêu cầu hủy tour Hạ Long ngày 12/12', 'Le Van Binh'],
    ['06-raw-8bit-headers.eml', 'Đổi ngày khởi hành tour Sapa', 'Trần Thị Bích'],
    ['21-nfd-utf8.eml', 'Hoàn tiền tour Mũi Né', 'Phan Thị Lan'],
  ])('decodes %s to NFC text', async (name, subject, sender) => {
    const { report } = await deliver(fixture(name));
    expect(report.tickets).toBe(1);
    const number = name.slice(0, 2);
    const row = await byMessageId(`<fixture-${number}@mail.example.com>`);
    const created = await ticket(row.ticketId!);
    expect(created.subject).toBe(subject.normalize('NFC'));
    expect(created.subject.normalize('NFC')).toBe(created.subject);
    expect(created.customer.displayName).toBe(sender);
    expect(created.messages[0].bodyText).toBe(created.messages[0].bodyText.normalize('NFC'));
  });

  it('keeps RFC 2231 file names, inline cid images and attachments within the limit; says what it withheld', async () => {
    await deliver(fixture('05-rfc2231-attachment.eml'));
    const invoice = await ticket((await byMessageId('<fixture-05@mail.example.com>')).ticketId!);
    expect(invoice.messages[0].attachments).toEqual([
      expect.objectContaining({ fileName: 'Hóa đơn.pdf', contentType: 'application/pdf', sizeBytes: 594 }),
    ]);

    await deliver(fixture('14-inline-cid-image.eml'));
    const logo = await ticket((await byMessageId('<fixture-14@mail.example.com>')).ticketId!);
    expect(logo.messages[0].attachments).toEqual([
      expect.objectContaining({ contentType: 'image/png', isInline: true }),
    ]);
    expect(logo.messages[0].bodyHtml).toContain('src="cid:logo@example.vn"');
    expect(logo.messages[0].bodyText.length).toBeGreaterThan(0);

    const { report } = await deliver(await oversizedMail());
    expect(report.tickets).toBe(1);
    const video = await ticket((await byMessageId('<fixture-15@mail.example.com>')).ticketId!);
    expect(video.messages[0].attachments.map((file: { fileName: string }) => file.fileName)).toEqual([
      'anh.jpg',
    ]);
    expect(video.messages[0].bodyText).toContain(
      'Not attached: video-bang-chung.mp4 (26.0 MB) is over the 25 MB limit',
    );
  });

  it('stores sanitised HTML: no scripts, handlers, forms, javascript: links or remote images', async () => {
    await deliver(fixture('13-html-hostile.eml'));
    const hostile = await ticket((await byMessageId('<fixture-13@mail.example.com>')).ticketId!);
    const html: string = hostile.messages[0].bodyHtml;
    for (const banned of [
      '<script',
      'onerror',
      '<form',
      'javascript:',
      'tracker.example.com',
      'expression(',
    ]) {
      expect(html).not.toContain(banned);
    }
    expect(hostile.messages[0].bodyText).not.toContain('<script');
  });

  it('takes mail without a Message-ID once, recognising a second delivery by its bytes', async () => {
    const first = await deliver(fixture('07-no-message-id.eml'));
    expect(first.report).toMatchObject({ stored: 1, tickets: 1 });
    const again = await deliver(fixture('07-no-message-id.eml'));
    expect(again.report).toMatchObject({ stored: 0, duplicates: 1, tickets: 0 });
    expect(again.sent).toHaveLength(0);
  });

  it('threads a reply by its headers to the ticket, reopening it, with no new acknowledgement', async () => {
    await deliver(fixture('19-english-plain.eml'));
    const original = await ticket((await byMessageId('<fixture-19@mail.example.com>')).ticketId!);
    expect(original.language).toBe('en');
    const reply = await t
      .http()
      .post(`/api/v1/tickets/${original.id}/replies`)
      .set(admin.auth)
      .send({
        body: 'We are sorry. Could you send the booking reference?',
        bodyHtml: '<p>We are <b>sorry</b>.</p>',
        attachments: [
          {
            fileName: 'Chính sách hoàn tiền.pdf',
            contentType: 'application/pdf',
            contentBase64: Buffer.from('%PDF-1.4 refund policy').toString('base64'),
          },
        ],
      })
      .expect(201);
    expect(reply.body.ticket.state).toBe('pending_customer');
    await t.get(OutboxSenderService).sendDue();
    const mail = smtp.sent.at(-1)!;
    expect(mail.envelope.to).toEqual(['john.smith@example.com']);
    expect(mail.parsed.subject).toBe(
      `Re: [OT#${original.number}] Ha Long Bay cruise cancelled - refund request`,
    );
    expect(mail.parsed.inReplyTo).toBe('<fixture-19@mail.example.com>');
    expect(mail.parsed.references).toEqual('<fixture-19@mail.example.com>');
    expect(header(mail, 'auto-submitted')).toBeUndefined();
    expect(mail.parsed.text).toContain('Could you send the booking reference?');
    expect(mail.parsed.html).toContain('<b>sorry</b>');
    expect(mail.parsed.attachments.map((file) => [file.filename, file.content.toString()])).toEqual([
      ['Chính sách hoàn tiền.pdf', '%PDF-1.4 refund policy'],
    ]);

    const answer = fixture('08-reply-by-headers.eml', {
      IN_REPLY_TO: mail.parsed.messageId!,
      TICKET_NUMBER: original.number,
    })
      .toString('latin1')
      .replace(/nguyen\.van\.a@example\.vn/g, 'john.smith@example.com');
    const { report, sent } = await deliver(Buffer.from(answer, 'latin1'));
    expect(report).toMatchObject({ threaded: 1, tickets: 0 });
    expect(sent).toHaveLength(0);
    const threaded = await ticket(original.id);
    expect(threaded.state).toBe('open');
    expect(threaded.messages.map((message: { direction: string }) => message.direction)).toEqual([
      'inbound',
      'outbound',
      'inbound',
    ]);
    expect(threaded.messages[1].delivery).toMatchObject({ state: 'sent' });
  });

  it('threads an Outlook reply by the subject token from a participant, and not from a stranger', async () => {
    await deliver(fixture('02-vietnamese-base64-html.eml'));
    const target = await ticket((await byMessageId('<fixture-02@mail.example.com>')).ticketId!);
    const outlook = (from: string, id: string) =>
      Buffer.from(
        fixture('09-reply-by-subject-token.eml', { TICKET_NUMBER: target.number })
          .toString('latin1')
          .replace(/nguyen\.van\.a@example\.vn/g, from)
          .replace('<fixture-09@mail.example.com>', id),
        'latin1',
      );

    const fromCustomer = await deliver(outlook('hoa.le@example.com', '<fixture-09a@mail.example.com>'));
    expect(fromCustomer.report).toMatchObject({ threaded: 1, tickets: 0 });
    expect((await byMessageId('<fixture-09a@mail.example.com>')).ticketId).toBe(target.id);
    const reply = (await ticket(target.id)).messages.at(-1);
    expect(reply.visibleText).toBe(
      'Tôi vẫn chưa nhận được tiền hoàn. Đã hơn 10 ngày rồi, mong công ty xử lý sớm.',
    );
    expect(reply.signature).toContain('Nguyễn Văn A');
    expect(reply.quotedText).toContain('Chúng tôi đã chuyển yêu cầu hoàn tiền');
    expect(reply.bodyText).toContain('Chúng tôi đã chuyển yêu cầu hoàn tiền');

    const fromStranger = await deliver(outlook('stranger@example.net', '<fixture-09b@mail.example.com>'));
    expect(fromStranger.report).toMatchObject({ threaded: 0, tickets: 1 });
    const followUp = await ticket((await byMessageId('<fixture-09b@mail.example.com>')).ticketId!);
    expect(followUp.id).not.toBe(target.id);
    expect(followUp.followUpOfId).toBe(target.id);
    expect(followUp.customer.displayName).not.toBe(target.customer.displayName);
  });

  it('opens a follow-up ticket for a reply to a ticket closed longer than the reopen window', async () => {
    const original = await ticket((await byMessageId('<fixture-19@mail.example.com>')).ticketId!);
    await t
      .http()
      .patch(`/api/v1/tickets/${original.id}`)
      .set(admin.auth)
      .send({ version: original.version, state: 'closed' })
      .expect(200);
    const longAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().replace('T', ' ').replace('Z', '');
    await t.dataSource.query('UPDATE tickets SET closed_at = ? WHERE id = ?', [longAgo, original.id]);
    const late = fixture('08-reply-by-headers.eml', {
      IN_REPLY_TO: original.messages[1].messageId,
      TICKET_NUMBER: original.number,
    })
      .toString('latin1')
      .replace(/nguyen\.van\.a@example\.vn/g, 'john.smith@example.com')
      .replace('<fixture-08@mail.example.com>', '<fixture-08-late@mail.example.com>');
    const { report, sent } = await deliver(Buffer.from(late, 'latin1'));
    expect(report).toMatchObject({ tickets: 1, threaded: 0 });
    const followUp = await ticket((await byMessageId('<fixture-08-late@mail.example.com>')).ticketId!);
    expect(followUp.followUpOfId).toBe(original.id);
    expect(followUp.customer.id).toBe(original.customer.id);
    expect((await ticket(original.id)).state).toBe('closed');
    expect(sent).toHaveLength(1);
  });

  it('keeps an auto-reply on its ticket silently, and ignores one that threads nowhere', async () => {
    const target = await ticket((await byMessageId('<fixture-02@mail.example.com>')).ticketId!);
    const outOfOffice = fixture('10-out-of-office.eml', {
      IN_REPLY_TO: target.messages[0].messageId,
      TICKET_NUMBER: target.number,
    });
    const threaded = await deliver(outOfOffice);
    expect(threaded.report).toMatchObject({ threaded: 1, tickets: 0 });
    expect(threaded.sent).toHaveLength(0);
    const after = await ticket(target.id);
    expect(after.state).toBe(target.state);
    expect(after.messages).toHaveLength(target.messages.length + 1);

    const lonely = await deliver(fixture('11-out-of-office-unthreaded.eml'));
    expect(lonely.report).toMatchObject({ ignored: 1, tickets: 0 });
    expect(lonely.sent).toHaveLength(0);
    expect((await byMessageId('<fixture-11@mail.example.com>')).stateReason).toBe('automatic reply');
  });

  it('ignores mail from our own address and bulk mail, saying why', async () => {
    const own = await deliver(fixture('17-from-own-address.eml'));
    expect(own.report).toMatchObject({ ignored: 1, tickets: 0 });
    expect((await byMessageId('<fixture-17@mail.example.com>')).stateReason).toBe(
      'sent from one of our own addresses',
    );
    const bulk = await deliver(fixture('18-bulk-newsletter.eml'));
    expect(bulk.report).toMatchObject({ ignored: 1, tickets: 0 });
    expect((await byMessageId('<fixture-18@mail.example.com>')).stateReason).toBe('bulk or list mail');
    expect([...own.sent, ...bulk.sent]).toHaveLength(0);
  });

  it('marks the bounced mail failed and the address bouncing, without a ticket', async () => {
    const target = await ticket((await byMessageId('<fixture-13@mail.example.com>')).ticketId!);
    const { body: outbox } = await t.http().get('/api/v1/admin/outbox').query({ limit: 200 }).set(admin.auth);
    const ack = outbox.find(
      (row: { ticketId: string; kind: string }) =>
        row.ticketId === target.id && row.kind === 'acknowledgement',
    );
    const bounce = fixture('12-dsn-bounce.eml', {
      ORIGINAL_MESSAGE_ID: ack.messageId,
      TICKET_NUMBER: target.number,
    })
      .toString('latin1')
      .replace(/nobody@example\.com/g, 'tam.vo@example.vn');
    const { report, sent } = await deliver(Buffer.from(bounce, 'latin1'));
    expect(report).toMatchObject({ ignored: 1, tickets: 0 });
    expect(sent).toHaveLength(0);
    const { body: after } = await t
      .http()
      .get('/api/v1/admin/outbox')
      .query({ state: 'failed' })
      .set(admin.auth);
    expect(after.find((row: { id: string }) => row.id === ack.id).lastError).toMatch(/^bounced: 5\.1\.1/);
    const customer = (await t.http().get(`/api/v1/customers/${target.customer.id}`).set(admin.auth)).body;
    expect(customer.emails[0].bouncedAt).not.toBeNull();
  });

  it('keeps a broken MIME message and never drops it', async () => {
    const { report } = await deliver(fixture('16-broken-mime.eml'));
    expect(report.stored).toBe(1);
    const row = await byMessageId('<fixture-16@mail.example.com>');
    expect(['processed', 'failed']).toContain(row.state);
    if (row.state === 'processed')
      expect((await ticket(row.ticketId!)).messages[0].bodyText.length).toBeGreaterThan(0);
  });

  it('flags mail whose MIME structure cannot be decoded, and shows its body as received', async () => {
    const unbounded = fixture('16-broken-mime.eml')
      .toString('latin1')
      .replace('boundary="----=_Part_16_broken"', 'boundary="a-boundary-that-never-appears"')
      .replace('<fixture-16@mail.example.com>', '<fixture-16-unbounded@mail.example.com>');
    const { report } = await deliver(Buffer.from(unbounded, 'latin1'));
    expect(report.tickets).toBe(1);
    const row = await byMessageId('<fixture-16-unbounded@mail.example.com>');
    const body: string = (await ticket(row.ticketId!)).messages[0].bodyText;
    expect(body).toContain('could not be decoded');
    expect(body).toContain(row.id);
    expect(body).toContain('Lao Cai');
  });

  it('caps acknowledgements per sender per hour, so two auto-responders cannot ping-pong', async () => {
    const acks: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const raw = fixture('19-english-plain.eml')
        .toString('latin1')
        .replace(/john\.smith@example\.com/g, 'loop@example.org')
        .replace('<fixture-19@mail.example.com>', `<loop-${i}@example.org>`);
      const { sent } = await deliver(Buffer.from(raw, 'latin1'));
      acks.push(sent.length);
    }
    expect(acks).toEqual([1, 1, 1, 0]);
  });

  it('shows a permanent delivery failure on the ticket', async () => {
    const target = await ticket((await byMessageId('<fixture-04@mail.example.com>')).ticketId!);
    smtp.reject('binh.le@example.com', 550);
    await t
      .http()
      .post(`/api/v1/tickets/${target.id}/replies`)
      .set(admin.auth)
      .send({ body: 'Chúng tôi đã hủy tour.' })
      .expect(201);
    const report = await t.get(OutboxSenderService).sendDue();
    expect(report).toMatchObject({ sent: 0, failed: 1 });
    const after = await ticket(target.id);
    expect(after.messages.at(-1).delivery).toMatchObject({
      state: 'failed',
      lastError: expect.stringContaining('550'),
    });
  });
});
