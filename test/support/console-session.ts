import request from 'supertest';
import { AGENT_PASSWORD, type SignedInAgent } from './factories.js';
import type { TestApp } from './test-app.js';

/** A browser on the console over HTTP: it keeps the session and CSRF cookies between requests. */
export type ConsoleBrowser = ReturnType<typeof request.agent>;

/** The CSRF token of the page's (first) form. */
export const csrfTokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1];

/** The version in the first form posting to `action`. */
export const versionFor = (html: string, action: string) =>
  new RegExp(`action="${action}"[^]*?name="version" value="(\\d+)"`).exec(html)![1];

/** Signs in through the sign-in form, whatever the outcome: the browser and the form's answer. */
export async function signInToConsole(t: TestApp, email: string, password = AGENT_PASSWORD) {
  const browser = request.agent(t.app.getHttpServer());
  const form = await browser.get('/console/sign-in').expect(200);
  const answer = await browser
    .post('/console/sign-in')
    .type('form')
    .send({ email, password, _csrf: csrfTokenOf(form.text) });
  return { browser, answer };
}

/** A browser signed in to the console as the agent. */
export async function signedIn(t: TestApp, who: SignedInAgent): Promise<ConsoleBrowser> {
  const { browser, answer } = await signInToConsole(t, who.agent.email);
  if (answer.status !== 303) throw new Error(`${who.agent.email} could not sign in: ${answer.status}`);
  return browser;
}
