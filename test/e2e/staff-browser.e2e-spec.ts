import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { givenAgent, type SignedInAgent } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Debian's Chromium, installed by ../shared/recipes/chromium.sh (run by .ci/run). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = join(process.cwd(), 'test', 'artifacts');

/** The supervisor's and admin's pages on a desk loaded with the demo data, in a real browser. */
describe('staff pages in a real browser', () => {
  let t: TestApp;
  let admin: SignedInAgent;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false', DEMO: 'true' });
    admin = await givenAgent(t, 'admin');
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  async function signedInAdmin(): Promise<{ page: Page; blocked: string[] }> {
    const page = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) blocked.push(message.text());
    });
    page.on('dialog', (dialog) => {
      throw new Error(`a dialog opened: ${dialog.message()}`);
    });
    await page.goto(`${base}/console/sign-in`);
    await page.locator('#email').fill(admin.agent.email);
    await page.locator('#password').fill('correct horse battery staple');
    await page.locator('#password').press('Enter');
    await page.waitForURL(/\/console\/queues$/);
    return { page, blocked };
  }

  it('shows the dashboard with its chart and every admin section, without a script the CSP refuses', async () => {
    const { page, blocked } = await signedInAdmin();
    await page.screenshot({ path: join(ARTIFACTS, 'console-queues-demo-vi.png'), fullPage: true });

    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Tổng quan giám sát');
    const chart = await page.locator('svg').first().boundingBox();
    expect(chart!.width).toBeGreaterThan(200);
    // The demo desk has open tickets in every queue: the backlog table is not empty.
    await expect(page.locator('table').first().textContent()).resolves.toContain('Payments & fraud');
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-vi.png'), fullPage: true });

    await page.getByRole('link', { name: 'Quản trị' }).click();
    const sections: [string, string][] = [
      ['Nhân viên và vai trò', 'admin-agents-vi.png'],
      ['Hàng đợi và thành viên', 'admin-queues-vi.png'],
      ['Quy tắc phân luồng', 'admin-routing-rules-vi.png'],
      ['Chính sách SLA và ngày nghỉ', 'admin-sla-vi.png'],
      ['Hộp thư', 'admin-mailboxes-vi.png'],
      ['Mẫu thư xác nhận và trả lời', 'admin-templates-vi.png'],
      ['Mẫu trả lời nhanh', 'admin-canned-responses-vi.png'],
    ];
    for (const [name, file] of sections) {
      await page.locator('nav.admin-nav').getByRole('link', { name }).click();
      await expect(page.locator('h1').textContent()).resolves.toBe(name);
      await expect(page.locator('nav.admin-nav [aria-current=page]').textContent()).resolves.toBe(name);
      await page.screenshot({ path: join(ARTIFACTS, file), fullPage: true });
    }

    // The routing dry run, typed and sent from the keyboard, names the queue a fraud report goes to.
    await page.locator('nav.admin-nav').getByRole('link', { name: 'Quy tắc phân luồng' }).click();
    await page.locator('#subject').fill('Giao dịch bị giả mạo, đề nghị tạm ngưng');
    await page.locator('#body').fill('Tôi phát hiện giao dịch lạ trên thẻ sau khi đặt tour.');
    await page.locator('#body').press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('#dry-run-outcome').textContent()).resolves.toContain('Payments & fraud');
    await page.screenshot({ path: join(ARTIFACTS, 'admin-dry-run-vi.png'), fullPage: true });
    expect(blocked).toEqual([]);
    await page.context().close();
  });
});
