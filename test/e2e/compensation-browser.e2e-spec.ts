import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, browserOn, pageIn, signInPage } from '../support/chromium.js';
import { givenAgent, givenTicket, unique, type SignedInAgent } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A payment incident from report to approved compensation, clicked through in a real browser. */
describe('compensation in a real browser', () => {
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

  const signedIn = async (as: SignedInAgent): Promise<Page> =>
    signInPage(await pageIn(browser, { locale: 'vi-VN' }), base, as.agent.email);

  it('reports a payment incident, proposes compensation, and a supervisor approves it from the list', async () => {
    const ticket = await givenTicket(t, agent, { bookingReference: unique('OTV') });
    const desk = await signedIn(agent);
    await desk.goto(`${base}/console/tickets/${ticket.id}`);
    await desk.getByText('Báo một giao dịch', { exact: true }).click();
    await desk.locator('#case-kind').selectOption('payment_incident');
    await desk.getByRole('button', { name: 'Báo giao dịch' }).click();
    await expect(desk.locator('.case-state').textContent()).resolves.toBe('Đã báo');

    await desk.getByText('Đề xuất bồi hoàn', { exact: true }).click();
    await desk.locator('#comp-amount').fill('1.200.000');
    await desk.locator('#comp-explanation').fill('Khách bị trừ tiền hai lần cho cùng đơn.');
    await desk.locator('#comp-evidence').fill('https://bank.example.vn/sao-ke/77');
    await desk.getByRole('button', { name: 'Gửi đề xuất' }).click();
    await expect(desk.locator('.compensation-state').textContent()).resolves.toBe('Chờ duyệt');
    // Agents have no approval page in their navigation.
    await expect(desk.getByRole('link', { name: 'Bồi hoàn', exact: true }).count()).resolves.toBe(0);

    const approver = await signedIn(supervisor);
    await approver.getByRole('link', { name: 'Bồi hoàn', exact: true }).click();
    await expect(approver.locator('h1').textContent()).resolves.toBe('Bồi hoàn chờ duyệt');
    const row = approver.locator('tr', { hasText: 'Khách bị trừ tiền hai lần cho cùng đơn.' });
    await expect(row.locator('.amount').textContent()).resolves.toBe('1.200.000 ₫');
    await row.locator('textarea[name=note]').fill('Đã đối chiếu sao kê ngân hàng.');
    await approver.screenshot({ path: join(ARTIFACTS, 'compensation-awaiting-vi.png'), fullPage: true });
    await row.getByRole('button', { name: 'Duyệt' }).click();
    await approver.waitForURL(/\/console\/compensation\?saved=1$/);
    await expect(approver.locator('[role=status]').textContent()).resolves.toBe('Đã lưu.');
    await expect(approver.getByText('Khách bị trừ tiền hai lần cho cùng đơn.').count()).resolves.toBe(0);

    await desk.reload();
    await expect(desk.locator('.compensation-state').textContent()).resolves.toBe('Đã duyệt');
  });
});
