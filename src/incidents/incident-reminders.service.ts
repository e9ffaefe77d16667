import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { Agent } from '../auth/agent.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { formatLocal } from '../common/time.js';
import { bulkInsert } from '../database/bulk-insert.js';
import { MailTemplatesService } from '../mail/outbound/mail-templates.service.js';
import { NotificationsService, type StaffNotice } from '../notifications/notifications.service.js';
import { Incident, IncidentReminder } from './incident.entity.js';
import { deadlinesFor, type Obligation, reminderDue, type ReminderStage } from './incident.rules.js';

const OBLIGATION_NAMES: Record<Obligation, { vi: string; en: string }> = {
  system_attack_24h: {
    vi: 'báo cáo tấn công hệ thống thông tin trong 24 giờ',
    en: 'report the attack on the information system within 24 hours',
  },
  personal_data_72h: {
    vi: 'thông báo vi phạm dữ liệu cá nhân trong 72 giờ',
    en: 'notify the personal-data breach within 72 hours',
  },
};

const TIME_LEFT: Record<Exclude<ReminderStage, 'overdue'>, { vi: string; en: string }> = {
  '12h_left': { vi: '12 giờ', en: '12 hours' },
  '2h_left': { vi: '2 giờ', en: '2 hours' },
};

/**
 * Reminds every active supervisor and admin of an open incident's notification deadline at 12 hours left,
 * 2 hours left and once overdue. Each reminder is recorded under a unique key (incident, deadline, stage) in
 * the same transaction as the notices, so it goes out once. Legal deadlines run on wall-clock time, so the
 * notices are not held to business hours.
 */
@Injectable()
export class IncidentRemindersService {
  private readonly logger = new Logger(IncidentRemindersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly templates: MailTemplatesService,
    private readonly audit: AuditService,
  ) {}

  /** One pass at `now`; returns how many reminders were sent (one per incident, deadline and stage). */
  async remind(now: Date): Promise<{ reminders: number }> {
    const reminders = await this.dataSource.transaction(async (em) => {
      const open = await em.find(Incident, { where: { state: 'open' }, order: { discoveredAt: 'ASC' } });
      if (open.length === 0) return 0;
      const sentRows = await em.find(IncidentReminder, {
        where: { incidentId: In(open.map((row) => row.id)) },
      });
      const due: { incident: Incident; obligation: Obligation; stage: ReminderStage; dueAt: Date }[] = [];
      for (const incident of open) {
        for (const deadline of deadlinesFor(incident.kind, incident.discoveredAt, null, now)) {
          const sent = new Set(
            sentRows
              .filter((row) => row.incidentId === incident.id && row.obligation === deadline.obligation)
              .map((row) => row.stage),
          );
          const stage = reminderDue(deadline.dueAt, sent, now);
          if (stage) due.push({ incident, obligation: deadline.obligation, stage, dueAt: deadline.dueAt });
        }
      }
      if (due.length === 0) return 0;
      await bulkInsert(
        em,
        IncidentReminder,
        due.map(({ incident, obligation, stage }) => ({
          incidentId: incident.id,
          obligation,
          stage,
          sentAt: now,
        })),
      );
      const staff = await em.find(Agent, {
        where: { role: In(['supervisor', 'admin']), isActive: true },
        order: { id: 'ASC' },
      });
      const render = this.templates.renderer(em);
      const sends: { agent: Agent; notice: StaffNotice }[] = [];
      for (const { incident, obligation, stage, dueAt } of due) {
        for (const agent of staff) {
          const language = agent.language === 'en' ? 'en' : 'vi';
          const text = await render(
            stage === 'overdue' ? 'incident_overdue' : 'incident_due_soon',
            language,
            {
              title: incident.title,
              obligation: OBLIGATION_NAMES[obligation][language],
              dueAt: formatLocal(dueAt, agent.timeZone),
              timeLeft: stage === 'overdue' ? '' : TIME_LEFT[stage][language],
            },
          );
          sends.push({
            agent,
            notice: {
              kind: 'incident_reminder',
              ticketId: null,
              title: text.subject,
              body: text.bodyText,
              deliverAt: now,
            },
          });
        }
      }
      await this.notifications.notifyEach(em, sends);
      await this.audit.record(
        em,
        SYSTEM_ACTOR,
        due.map(({ incident, obligation, stage }) => ({
          action: 'incident.remind',
          recordType: 'incident' as const,
          recordId: incident.id,
          reason: `${obligation}: ${stage}`,
        })),
      );
      return due.length;
    });
    if (reminders > 0) this.logger.log({ reminders }, 'incident deadline reminders sent');
    return { reminders };
  }
}
