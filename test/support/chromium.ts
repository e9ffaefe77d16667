import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { AGENT_PASSWORD } from './factories.js';
import type { TestApp } from './test-app.js';

/** Debian's Chromium, installed by ../shared/recipes/chromium.sh (run by .ci/run). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where browser tests leave their screenshots. */
export const ARTIFACTS = join(process.cwd(), 'test', 'artifacts');

/** Serves the app on a free local port and launches headless Chromium; answers with both and the base address. */
export async function browserOn(t: TestApp): Promise<{ browser: Browser; base: string }> {
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
  return { browser, base };
}

/** A fresh page; any script smuggled into a page would open a dialog, which fails the test. */
export async function pageIn(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`);
  });
  return page;
}

/** Signs the page in to the console through the sign-in form and waits for the queues. */
export async function signInPage(page: Page, base: string, email: string): Promise<Page> {
  await page.goto(`${base}/console/sign-in`);
  await page.locator('#email').fill(email);
  await page.locator('#password').fill(AGENT_PASSWORD);
  await page.locator('#password').press('Enter');
  await page.waitForURL(/\/console\/queues$/);
  return page;
}
