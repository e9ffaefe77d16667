import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, browserOn, pageIn, signInPage } from '../support/chromium.js';
import { givenAgent, type SignedInAgent } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The supervisor's and admin's pages on a desk loaded with the demo data, in a real browser. */
describe('staff pages in a real browser', () => {
  let t: TestApp;
  let admin: SignedInAgent;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false', DEMO: 'true' });
    admin = await givenAgent(t, 'admin');
    ({ browser, base } = await browserOn(t));
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  async function signedInAdmin(): Promise<{ page: Page; blocked: string[] }> {
    const page = await pageIn(browser, { locale: 'vi-VN' });
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) blocked.push(message.text());
    });
    await signInPage(page, base, admin.agent.email);
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
