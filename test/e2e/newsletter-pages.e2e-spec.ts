import { NewsletterSendJob } from '../../src/consent/newsletter-send.job.js';
import { csrfTokenOf, signedIn } from '../support/console-session.js';
import { givenAgent, givenCustomer, type SignedInAgent } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ISSUE = {
  purpose: 'marketing',
  subjectVi: 'Ưu đãi Tết: giảm 10% tour Sa Pa',
  subjectEn: 'Tet offer: 10% off Sa Pa tours',
  textVi: 'Đặt trước ngày 15/01 để được giảm 10%.',
  textEn: 'Book before 15 January for 10% off.',
};

/** Newsletter and marketing sends from the console: who they reach, the form, and the sends' progress. */
describe('console page for newsletter and marketing sends', () => {
  let t: TestApp;
  let agent: SignedInAgent;
  let admin: SignedInAgent;

  beforeAll(async () => {
    t = await startTestApp({ JOBS_ENABLED: 'false' });
    agent = await givenAgent(t, 'agent', { queues: 'all' });
    admin = await givenAgent(t, 'admin');
  });
  afterAll(() => t.close());

  const consent = (customerId: string, purpose: string, state: 'given' | 'withdrawn') =>
    t
      .http()
      .post(`/api/v1/customers/${customerId}/consents`)
      .set(agent.auth)
      .send({ purpose, state, note: 'Khách gọi điện' })
      .expect(201);
  const newsletterMails = async () =>
    (await t.dataSource.query('SELECT to_address, subject, headers FROM outbox WHERE kind = ?', [
      'newsletter',
    ])) as { to_address: string; subject: string; headers: string | null }[];

  it('is for admins only', async () => {
    for (const who of [agent, await givenAgent(t, 'supervisor')]) {
      const browser = await signedIn(t, who);
      const home = await browser.get('/console/queues').expect(200);
      await browser.get('/console/admin/newsletters').expect(403);
      await browser
        .post('/console/admin/newsletters')
        .type('form')
        .send({ _csrf: csrfTokenOf(home.text), ...ISSUE })
        .expect(403);
    }
    const page = await (await signedIn(t, admin)).get('/console/admin/newsletters').expect(200);
    expect(page.text).toContain('<a href="/console/admin/newsletters" aria-current="page">');
  });

  it('shows whom each kind of mail reaches, refuses a blank subject keeping the text, and sends', async () => {
    const both = await givenCustomer(t, agent);
    const newsletterOnly = await givenCustomer(t, agent);
    const withdrawn = await givenCustomer(t, agent);
    await consent(both.id, 'newsletter', 'given');
    await consent(both.id, 'marketing', 'given');
    await consent(newsletterOnly.id, 'newsletter', 'given');
    await consent(withdrawn.id, 'marketing', 'given');
    await consent(withdrawn.id, 'marketing', 'withdrawn');
    const browser = await signedIn(t, admin);
    let page = await browser.get('/console/admin/newsletters').expect(200);
    expect(page.text).toContain('<dd class="audience-newsletter">sẽ tới 2 khách hàng</dd>');
    expect(page.text).toContain('<dd class="audience-marketing">sẽ tới 1 khách hàng</dd>');
    expect(page.text).toContain('Chưa gửi lần nào.');

    const forged = await browser.post('/console/admin/newsletters').type('form').send(ISSUE).expect(403);
    expect(forged.text).toContain('Phiên làm việc đã hết hạn');
    const refused = await browser
      .post('/console/admin/newsletters')
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), ...ISSUE, subjectVi: '  ' })
      .expect(400);
    expect(refused.text).toContain('subjectVi: subjectVi must not be blank');
    expect(refused.text).toContain(`>${ISSUE.textVi}</textarea>`);
    expect(refused.text).toContain('<option value="marketing" selected>');

    const sent = await browser
      .post('/console/admin/newsletters')
      .type('form')
      .send({ _csrf: csrfTokenOf(page.text), ...ISSUE })
      .expect(303);
    expect(sent.headers.location).toBe('/console/admin/newsletters?started=1');
    page = await browser.get(sent.headers.location).expect(200);
    expect(page.text).toContain('Đã bắt đầu gửi');
    const sendId = /data-send="([^"]+)"/.exec(page.text)![1];
    const row = () => page.text.slice(page.text.indexOf(`data-send="${sendId}"`)).split('</tr>')[0];
    expect(row()).toContain(ISSUE.subjectVi);
    expect(row()).toContain(admin.agent.displayName);
    expect(row()).toContain('Đang gửi');

    await t.get(NewsletterSendJob).run();
    page = await browser.get('/console/admin/newsletters').expect(200);
    expect(row()).toContain('Đã xong');
    expect(row()).toContain('1 thư trong 1 đợt');
    const mails = await newsletterMails();
    expect(mails.map((mail) => mail.to_address)).toEqual([both.emails[0].value]);
    expect(mails[0].headers).toContain('List-Unsubscribe');
  });
});
