import { IncidentRemindersService } from '../../src/incidents/incident-reminders.service.js';
import { givenAgent, unique, type SignedInAgent } from '../support/factories.js';
import { startTestApp, TestClock, type TestApp } from '../support/test-app.js';

interface DeadlineView {
  obligation: string;
  hours: number;
  dueAt: string;
  isMet: boolean;
  isOverdue: boolean;
  minutesLeft: number | null;
}

interface IncidentView {
  id: string;
  kind: string;
  title: string;
  state: string;
  discoveredAt: string;
  reportedById: string;
  deadlines: DeadlineView[];
  notifiedAt: string | null;
  notifiedTo: string | null;
  delayReason: string | null;
  version: number;
}

/** 10:00 on Monday 2 March 2026 in Ho Chi Minh City. */
const NOW = new Date('2026-03-02T03:00:00.000Z');
const HOUR = 3_600_000;
const hoursFromNow = (hours: number) => new Date(NOW.getTime() + hours * HOUR);

describe('breach and incident register', () => {
  let t: TestApp;
  let clock: TestClock;
  let admin: SignedInAgent;
  let supervisor: SignedInAgent;
  let agent: SignedInAgent;

  beforeAll(async () => {
    clock = new TestClock(NOW);
    t = await startTestApp({}, { clock });
    admin = await givenAgent(t, 'admin');
    supervisor = await givenAgent(t, 'supervisor');
    agent = await givenAgent(t, 'agent', { queues: 'all' });
  });
  beforeEach(() => clock.set(NOW));
  afterAll(() => t.close());

  const report = async (body: Record<string, unknown> = {}, as = supervisor) =>
    (
      await t
        .http()
        .post('/api/v1/incidents')
        .set(as.auth)
        .send({
          kind: 'personal_data_breach',
          title: unique('Lộ dữ liệu đặt tour'),
          discoveredAt: NOW.toISOString(),
          description: 'Máy chủ sao lưu để mở công khai; phát hiện tại văn phòng 50 Tôn Thất Đạm.',
          ...body,
        })
        .expect(201)
    ).body as IncidentView;

  const remindAt = (at: Date) => {
    clock.set(at);
    return t.get(IncidentRemindersService).remind(at);
  };

  /** The incident's reminders that reached `as`, oldest first. */
  const remindersOf = async (as: SignedInAgent, incident: IncidentView) => {
    const { body } = await t.http().get('/api/v1/notifications').set(as.auth).expect(200);
    return (body as { kind: string; title: string; body: string }[])
      .filter((notice) => notice.kind === 'incident_reminder' && notice.body.includes(incident.title))
      .reverse();
  };

  it('computes the 24-hour, 72-hour or both deadlines from the discovery time, in wall-clock hours', async () => {
    const discoveredAt = hoursFromNow(-10);
    const attack = await report({ kind: 'system_attack', discoveredAt: '2026-03-02T00:00:00+07:00' });
    expect(attack.discoveredAt).toBe(discoveredAt.toISOString());
    expect(attack.state).toBe('open');
    expect(attack.reportedById).toBe(supervisor.agent.id);
    expect(attack.deadlines).toEqual([
      {
        obligation: 'system_attack_24h',
        hours: 24,
        dueAt: '2026-03-02T17:00:00.000Z',
        isMet: false,
        isOverdue: false,
        minutesLeft: 14 * 60,
      },
    ]);
    const breach = await report({ kind: 'personal_data_breach', discoveredAt: discoveredAt.toISOString() });
    expect(breach.deadlines.map((d) => [d.obligation, d.dueAt, d.minutesLeft])).toEqual([
      ['personal_data_72h', '2026-03-04T17:00:00.000Z', 62 * 60],
    ]);
    const both = await report({ kind: 'both', discoveredAt: hoursFromNow(-30).toISOString() });
    expect(both.deadlines.map((d) => [d.obligation, d.dueAt, d.isOverdue, d.minutesLeft])).toEqual([
      ['system_attack_24h', hoursFromNow(-6).toISOString(), true, -6 * 60],
      ['personal_data_72h', hoursFromNow(42).toISOString(), false, 42 * 60],
    ]);
    const fetched = (await t.http().get(`/api/v1/incidents/${both.id}`).set(admin.auth).expect(200)).body;
    expect(fetched.deadlines).toEqual(both.deadlines);
    const open = (await t.http().get('/api/v1/incidents?state=open').set(supervisor.auth).expect(200)).body;
    expect(open.map((row: IncidentView) => row.id)).toEqual(
      expect.arrayContaining([attack.id, breach.id, both.id]),
    );
  });

  it('refuses a discovery time in the future and missing or malformed fields with 400', async () => {
    const future = await t
      .http()
      .post('/api/v1/incidents')
      .set(supervisor.auth)
      .send({
        kind: 'system_attack',
        title: 'Tấn công',
        description: 'DDoS',
        discoveredAt: hoursFromNow(1).toISOString(),
      })
      .expect(400);
    expect(future.body.errors).toEqual([
      { field: 'discoveredAt', reason: 'discoveredAt must not be in the future' },
    ]);
    const missing = await t
      .http()
      .post('/api/v1/incidents')
      .set(supervisor.auth)
      .send({ kind: 'data_loss', title: '   ', subjectsAffected: -1 })
      .expect(400);
    expect([...new Set(missing.body.errors.map((error: { field: string }) => error.field))].sort()).toEqual([
      'description',
      'discoveredAt',
      'kind',
      'subjectsAffected',
      'title',
    ]);
    const incident = await report();
    const blank = await t
      .http()
      .patch(`/api/v1/incidents/${incident.id}`)
      .set(supervisor.auth)
      .send({ version: 1, description: null })
      .expect(400);
    expect(blank.body.errors.map((error: { field: string }) => error.field)).toContain('description');
  });

  it('lets supervisors and admins keep the register, and refuses agents with 403', async () => {
    const incident = await report({}, admin);
    const asAgent = (method: 'get' | 'post' | 'patch', path: string) =>
      t.http()[method](path).set(agent.auth).send({ version: 1, notifiedTo: 'A05', reason: 'x' }).expect(403);
    await asAgent('post', '/api/v1/incidents');
    await asAgent('get', '/api/v1/incidents');
    await asAgent('get', `/api/v1/incidents/${incident.id}`);
    await asAgent('patch', `/api/v1/incidents/${incident.id}`);
    await asAgent('post', `/api/v1/incidents/${incident.id}/notified`);
    await asAgent('post', `/api/v1/incidents/${incident.id}/close`);
    await asAgent('get', `/api/v1/incidents/${incident.id}/notification-draft`);
    const unchanged = (
      await t.http().get(`/api/v1/incidents/${incident.id}`).set(supervisor.auth).expect(200)
    ).body;
    expect(unchanged).toMatchObject({ state: 'open', version: 1 });
  });

  it('completes the content under versions and answers a stale one with 409', async () => {
    const incident = await report();
    const edited = (
      await t
        .http()
        .patch(`/api/v1/incidents/${incident.id}`)
        .set(supervisor.auth)
        .send({
          version: 1,
          dataCategories: 'Khách hàng: họ tên, e-mail, số điện thoại',
          subjectsAffected: 1200,
          recordsAffected: 3400,
          contactPerson: 'Nguyễn Thị Lan, dpo@offtrack.vn',
        })
        .expect(200)
    ).body;
    expect(edited).toMatchObject({ version: 2, subjectsAffected: 1200, title: incident.title });
    const stale = await t
      .http()
      .patch(`/api/v1/incidents/${incident.id}`)
      .set(admin.auth)
      .send({ version: 1, consequences: 'Thư lừa đảo' })
      .expect(409);
    expect(stale.body.details).toMatchObject({ currentVersion: 2 });
    await t
      .http()
      .post(`/api/v1/incidents/${incident.id}/notified`)
      .set(admin.auth)
      .send({ version: 1, notifiedTo: 'Cục A05 – Bộ Công an' })
      .expect(409);
    const audit = (
      await t
        .http()
        .get(`/api/v1/audit-events?recordType=incident&recordId=${incident.id}`)
        .set(admin.auth)
        .expect(200)
    ).body;
    expect(audit.items.map((event: { action: string }) => event.action).sort()).toEqual([
      'incident.report',
      'incident.update',
    ]);
  });

  it('reminds supervisors and admins, not agents, at 12 hours left, 2 hours left and overdue, once each', async () => {
    const incident = await report({ kind: 'system_attack', title: unique('Tấn công từ chối dịch vụ') });
    const service = t.get(IncidentRemindersService);
    await remindAt(hoursFromNow(11.9));
    expect(await remindersOf(supervisor, incident)).toEqual([]);
    await remindAt(hoursFromNow(12));
    await service.remind(hoursFromNow(12));
    await remindAt(hoursFromNow(13));
    const first = await remindersOf(supervisor, incident);
    expect(first.map((notice) => notice.title)).toEqual([
      `[Sự cố] Còn 12 giờ để thông báo: ${incident.title}`,
    ]);
    await remindAt(hoursFromNow(22));
    await remindAt(hoursFromNow(23));
    await remindAt(hoursFromNow(24.01));
    await remindAt(hoursFromNow(40));
    for (const staff of [supervisor, admin]) {
      expect((await remindersOf(staff, incident)).map((notice) => notice.title)).toEqual([
        `[Sự cố] Còn 12 giờ để thông báo: ${incident.title}`,
        `[Sự cố] Còn 2 giờ để thông báo: ${incident.title}`,
        `[Sự cố – Quá hạn] Chưa thông báo: ${incident.title}`,
      ]);
    }
    expect(await remindersOf(agent, incident)).toEqual([]);
    const overdue = (await remindersOf(admin, incident))[2];
    expect(overdue.body).toContain('báo cáo tấn công hệ thống thông tin trong 24 giờ');
    expect(overdue.body).toContain('Hạn chót: 03/03/2026 10:00 (GMT+7)');
  });

  it('reminds of each deadline of an incident that is both, and only of the latest stage reached', async () => {
    const incident = await report({ kind: 'both', discoveredAt: hoursFromNow(-60).toISOString() });
    await remindAt(NOW);
    expect((await remindersOf(supervisor, incident)).map((notice) => notice.title).sort()).toEqual([
      `[Sự cố – Quá hạn] Chưa thông báo: ${incident.title}`,
      `[Sự cố] Còn 12 giờ để thông báo: ${incident.title}`,
    ]);
  });

  it('stops reminding once the authority is notified, and keeps the deadline met', async () => {
    const incident = await report({ kind: 'personal_data_breach' });
    await remindAt(hoursFromNow(60));
    expect(await remindersOf(supervisor, incident)).toHaveLength(1);
    const notified = (
      await t
        .http()
        .post(`/api/v1/incidents/${incident.id}/notified`)
        .set(supervisor.auth)
        .send({ version: 1, notifiedTo: 'Cục A05 – Bộ Công an', reference: 'CV-12/2026' })
        .expect(200)
    ).body as IncidentView;
    expect(notified).toMatchObject({
      state: 'notified',
      notifiedAt: hoursFromNow(60).toISOString(),
      version: 2,
    });
    expect(notified.deadlines[0]).toMatchObject({ isMet: true, isOverdue: false, minutesLeft: null });
    await remindAt(hoursFromNow(70.5));
    await remindAt(hoursFromNow(80));
    expect(await remindersOf(supervisor, incident)).toHaveLength(1);
    const later = (await t.http().get(`/api/v1/incidents/${incident.id}`).set(supervisor.auth).expect(200))
      .body;
    expect(later.deadlines[0]).toMatchObject({ isMet: true, isOverdue: false });
    await t
      .http()
      .post(`/api/v1/incidents/${incident.id}/notified`)
      .set(supervisor.auth)
      .send({ version: 2, notifiedTo: 'Cục A05' })
      .expect(409);
  });

  it('asks a late notification for the reason for the delay', async () => {
    const incident = await report({ kind: 'system_attack', discoveredAt: hoursFromNow(-30).toISOString() });
    const refused = await t
      .http()
      .post(`/api/v1/incidents/${incident.id}/notified`)
      .set(supervisor.auth)
      .send({ version: 1, notifiedTo: 'Cục A05 – Bộ Công an' })
      .expect(400);
    expect(refused.body.errors).toEqual([
      { field: 'delayReason', reason: 'delayReason is required: the notification is late' },
    ]);
    const notified = (
      await t
        .http()
        .post(`/api/v1/incidents/${incident.id}/notified`)
        .set(supervisor.auth)
        .send({
          version: 1,
          notifiedTo: 'Cục A05 – Bộ Công an',
          delayReason: 'Sự cố xảy ra ngoài giờ, chưa có người trực.',
        })
        .expect(200)
    ).body as IncidentView;
    expect(notified.delayReason).toBe('Sự cố xảy ra ngoài giờ, chưa có người trực.');
    expect(notified.deadlines[0]).toMatchObject({ isMet: false, isOverdue: true });
  });

  it('assembles the notification to the authority in Vietnamese, and audits taking it', async () => {
    const incident = await report({
      kind: 'personal_data_breach',
      discoveredAt: '2026-03-02T08:15:00+07:00',
      subjectsAffected: 1200,
      contactPerson: 'Nguyễn Thị Lan, dpo@offtrack.vn',
      measuresTaken: 'Đã khoá máy chủ sao lưu.',
    });
    const draft = (
      await t
        .http()
        .get(`/api/v1/incidents/${incident.id}/notification-draft`)
        .set(supervisor.auth)
        .expect(200)
    ).body;
    expect(draft.language).toBe('vi');
    expect(draft.recipient).toContain('(A05) – Bộ Công an');
    expect(draft.subject).toBe(`Thông báo vi phạm quy định bảo vệ dữ liệu cá nhân: ${incident.title}`);
    expect(draft.body).toContain('Thời điểm phát hiện: 02/03/2026 08:15 (GMT+7)');
    expect(draft.body).toContain('Máy chủ sao lưu để mở công khai');
    expect(draft.body).toContain('Số chủ thể dữ liệu bị ảnh hưởng: khoảng 1.200');
    expect(draft.body).toContain('Hạn thông báo 72 giờ: 05/03/2026 08:15 (GMT+7)');
    expect(draft.missing).toEqual(['consequences', 'dataCategories', 'recordsAffected']);
    const audit = (
      await t
        .http()
        .get(`/api/v1/audit-events?recordType=incident&recordId=${incident.id}`)
        .set(admin.auth)
        .expect(200)
    ).body;
    expect(audit.items.map((event: { action: string }) => event.action)).toContain('incident.draft');
  });

  it('closes a notified incident, and an open one only with a reason; a closed one takes no edits', async () => {
    const falseAlarm = await report({ kind: 'system_attack' });
    const noReason = await t
      .http()
      .post(`/api/v1/incidents/${falseAlarm.id}/close`)
      .set(supervisor.auth)
      .send({ version: 1 })
      .expect(400);
    expect(noReason.body.errors.map((error: { field: string }) => error.field)).toEqual(['reason']);
    const closed = (
      await t
        .http()
        .post(`/api/v1/incidents/${falseAlarm.id}/close`)
        .set(supervisor.auth)
        .send({ version: 1, reason: 'Báo động giả: lưu lượng tăng do chiến dịch khuyến mãi.' })
        .expect(200)
    ).body;
    expect(closed).toMatchObject({ state: 'closed', version: 2 });
    await t
      .http()
      .patch(`/api/v1/incidents/${falseAlarm.id}`)
      .set(supervisor.auth)
      .send({ version: 2, consequences: 'Không có' })
      .expect(409);
    await remindAt(hoursFromNow(23));
    expect(await remindersOf(supervisor, falseAlarm)).toEqual([]);

    const notified = await report();
    await t
      .http()
      .post(`/api/v1/incidents/${notified.id}/notified`)
      .set(admin.auth)
      .send({ version: 1, notifiedTo: 'Cục A05 – Bộ Công an' })
      .expect(200);
    await t
      .http()
      .post(`/api/v1/incidents/${notified.id}/close`)
      .set(admin.auth)
      .send({ version: 2 })
      .expect(200);
  });
});
