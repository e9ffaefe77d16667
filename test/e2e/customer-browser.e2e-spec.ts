import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, browserOn, pageIn, signInPage } from '../support/chromium.js';
import { givenAgent, type SignedInAgent } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('customer pages in a real browser', () => {
  let t: TestApp;
  let agent: SignedInAgent;
  let supervisor: SignedInAgent;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' });
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    supervisor = await givenAgent(t, 'supervisor');
    ({ browser, base } = await browserOn(t));
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  /** A fresh page in the locale, which the browser also asks for in Accept-Language. */
  const pageFor = (locale: string): Promise<Page> =>
    pageIn(browser, { locale, extraHTTPHeaders: { 'Accept-Language': locale } });

  it('files a Vietnamese complaint by keyboard alone, keeps the input on an error, and follows it', async () => {
    const page = await pageFor('vi-VN');
    await page.goto(`${base}/complaint`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Gửi khiếu nại hoặc yêu cầu hỗ trợ');
    await page.screenshot({ path: join(ARTIFACTS, 'complaint-form-vi.png'), fullPage: true });

    await page.locator('#name').focus();
    // Name, email, phone and booking reference, each followed by Tab.
    for (const typed of ['Trần Văn Bình', 'binh.tran@example.com', '0912 345 678', 'OTV-2026-004321']) {
      await page.keyboard.type(typed);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    // Past the personal-data request, left empty: this is a complaint.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type(
      'Xe đón trễ 2 tiếng ở Hội An, <script>alert("xss")</script> chúng tôi lỡ chuyến thuyền.',
    );
    // Attachments, consent (left unticked), the privacy link, newsletter, then the button.
    for (let step = 0; step < 5; step += 1) await page.keyboard.press('Tab');
    await expect(page.locator(':focus').getAttribute('type')).resolves.toBe('submit');
    await page.keyboard.press('Enter');

    // No consent yet: the page comes back with everything typed and the reason beside the box.
    await page.waitForSelector('#consent-error');
    await expect(page.locator('#consent-error').textContent()).resolves.toContain('Cần có sự đồng ý');
    await expect(page.locator('#name').inputValue()).resolves.toBe('Trần Văn Bình');
    await expect(page.locator('#description').inputValue()).resolves.toContain('lỡ chuyến thuyền');
    await page.screenshot({ path: join(ARTIFACTS, 'complaint-form-errors-vi.png'), fullPage: true });

    await page.locator('#consent').focus();
    await page.keyboard.press('Space');
    await page.locator('#attachments').setInputFiles({
      name: 've-tau.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    });
    await page.locator('button[type=submit]').focus();
    await page.keyboard.press('Enter');

    await page.waitForURL(/\/status\/.+\?filed=1$/);
    await expect(page.locator('[role=status] h1').textContent()).resolves.toBe(
      'Chúng tôi đã nhận được yêu cầu của quý khách',
    );
    const body = await page.locator('.thread .body').first().textContent();
    expect(body).toContain('<script>alert("xss")</script>');
    await expect(page.locator('.files').first().textContent()).resolves.toContain('ve-tau.jpg');
    await page.screenshot({ path: join(ARTIFACTS, 'status-filed-vi.png'), fullPage: true });

    const number = (await page.locator('[role=status] strong').textContent())!;

    // The agent signs in, finds it in the Payments queue, and answers from the console.
    const desk = await pageFor('vi-VN');
    const blocked: string[] = [];
    desk.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) blocked.push(message.text());
    });
    await desk.goto(`${base}/console/queues`);
    await desk.waitForURL(/\/console\/sign-in$/);
    await signInPage(desk, base, agent.agent.email);
    await desk.getByRole('link', { name: 'Payments & fraud' }).click();
    await desk.screenshot({ path: join(ARTIFACTS, 'console-queue-vi.png'), fullPage: true });
    await desk.getByRole('link', { name: number }).click();
    // What the customer typed is text in the console too: no dialog opens.
    await expect(desk.locator('.thread li.customer .body').first().textContent()).resolves.toContain(
      '<script>alert("xss")</script>',
    );
    await expect(desk.locator('.sla').textContent()).resolves.toContain('Phản hồi đầu tiên');
    // A supervisor starts writing on the same ticket: htmx (allowed by the CSP) shows it without a reload.
    const ticketId = /\/console\/tickets\/([0-9a-f-]+)/.exec(desk.url())![1];
    await t
      .http()
      .put(`/api/v1/tickets/${ticketId}/presence`)
      .set(supervisor.auth)
      .send({ activity: 'replying' })
      .expect(200);
    await desk
      .locator('#presence', { hasText: 'Test supervisor đang soạn trả lời!' })
      .waitFor({ timeout: 15_000 });
    // A canned response, filled with the customer's name and the ticket number, then adapted.
    await desk.locator('select[name=canned]').selectOption({ label: 'vi · Xin lỗi và xin thêm thông tin' });
    await desk.getByRole('button', { name: 'Chèn vào thư trả lời' }).click();
    const draft = await desk.locator('#reply').inputValue();
    expect(draft).toContain('Kính gửi Trần Văn Bình');
    expect(draft).toContain(`yêu cầu ${number}`);
    await desk.locator('#reply').fill(draft.replace('mã đặt tour', 'vé thuyền, mã đặt tour'));
    await desk.locator('#reply-files').setInputFiles({
      name: 'lịch-trình.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4'),
    });
    await desk.getByRole('button', { name: 'Gửi trả lời' }).click();
    await desk.locator('#note').fill('Nội bộ: kiểm tra với nhà xe Hội An.');
    await desk.getByRole('button', { name: 'Thêm ghi chú' }).click();

    // The customer sees the reply, never the note, and answers.
    await page.reload();
    await expect(page.locator('.thread li.staff .body').textContent()).resolves.toContain(
      'gửi giúp chúng tôi vé thuyền',
    );
    await expect(page.content()).resolves.not.toContain('nhà xe Hội An');
    await expect(page.locator('.thread li.staff').textContent()).resolves.toContain('lịch-trình.pdf');
    await page.locator('#body').fill('Vé thuyền đính kèm.');
    await page.locator('form[action$="/replies"] button').click();
    await page.waitForURL(/\?sent=1$/);
    await expect(page.locator('.thread li.customer .body').last().textContent()).resolves.toBe(
      'Vé thuyền đính kèm.',
    );

    // The answer is threaded on the agent's ticket.
    await desk.reload();
    await expect(desk.locator('.thread li.customer .body').last().textContent()).resolves.toBe(
      'Vé thuyền đính kèm.',
    );
    await desk.screenshot({ path: join(ARTIFACTS, 'console-ticket-vi.png'), fullPage: true });
    expect(blocked).toEqual([]);
    await desk.context().close();
    await page.screenshot({ path: join(ARTIFACTS, 'status-thread-vi.png'), fullPage: true });
    await page.context().close();
  });

  it('renders in English, chosen by the browser or by the switcher', async () => {
    const page = await pageFor('en-AU');
    await page.goto(`${base}/complaint`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Make a complaint or ask for help');
    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Gửi khiếu nại hoặc yêu cầu hỗ trợ');
    await page.goto(`${base}/status`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Theo dõi yêu cầu');
    await page.screenshot({ path: join(ARTIFACTS, 'lookup-vi.png'), fullPage: true });
    await page.context().close();
  });
});
