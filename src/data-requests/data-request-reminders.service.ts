import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { Agent } from '../auth/agent.entity.js';
import { AuditService } from '../audit/audit.service.js';
import { bulkInsert } from '../database/bulk-insert.js';
import { MailTemplatesService } from '../mail/outbound/mail-templates.service.js';
import { NotificationsService, type StaffNotice } from '../notifications/notifications.service.js';
import { displayNumber, Ticket } from '../tickets/ticket.entity.js';
import { DataRequest, DataRequestReminder } from './data-request.entity.js';
import { deadlineDay, reminderDue, type ReminderStage, typeInWords } from './data-request.rules.js';

const STATE_IN_WORDS: Record<'awaiting_verification' | 'in_progress', { vi: string; en: string }> = {
  awaiting_verification: { vi: 'chờ khách hàng xác nhận', en: 'waiting for the customer to confirm' },
  in_progress: { vi: 'đang xử lý', en: 'in progress' },
};

/**
 * Reminds the ticket's assignee and every active supervisor of an open request's legal deadline, a day
 * before and once it has passed. Each reminder is recorded under a unique (request, stage) key in the same
 * transaction as the notices, so it goes out once. Like the deadline itself, it runs on wall-clock time.
 */
@Injectable()
export class DataRequestRemindersService {
  private readonly logger = new Logger(DataRequestRemindersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notifications: NotificationsService,
    private readonly templates: MailTemplatesService,
    private readonly audit: AuditService,
  ) {}

  async remind(now: Date): Promise<{ reminders: number }> {
    const reminders = await this.dataSource.transaction(async (em) => {
      const open = await em.find(DataRequest, {
        where: { state: In(['awaiting_verification', 'in_progress']) },
        order: { dueAt: 'ASC' },
      });
      if (open.length === 0) return 0;
      const sent = await em.find(DataRequestReminder, {
        where: { dataRequestId: In(open.map((row) => row.id)) },
      });
      const due: { request: DataRequest; stage: ReminderStage }[] = [];
      for (const request of open) {
        const stages = new Set(
          sent.filter((row) => row.dataRequestId === request.id).map((row) => row.stage),
        );
        const stage = reminderDue(request.dueAt, stages, now);
        if (stage) due.push({ request, stage });
      }
      if (due.length === 0) return 0;
      await bulkInsert(
        em,
        DataRequestReminder,
        due.map(({ request, stage }) => ({ dataRequestId: request.id, stage, sentAt: now })),
      );
      const [supervisors, tickets] = await Promise.all([
        em.find(Agent, {
          where: { role: In(['supervisor', 'admin']), isActive: true },
          order: { id: 'ASC' },
        }),
        em.find(Ticket, { where: { id: In(due.map(({ request }) => request.ticketId)) } }),
      ]);
      const assignees = await em.find(Agent, {
        where: {
          id: In(tickets.flatMap((ticket) => (ticket.assigneeId ? [ticket.assigneeId] : []))),
          isActive: true,
        },
      });
      const render = this.templates.renderer(em);
      const sends: { agent: Agent; notice: StaffNotice }[] = [];
      for (const { request, stage } of due) {
        const ticket = tickets.find((row) => row.id === request.ticketId)!;
        const assignee = assignees.find((agent) => agent.id === ticket.assigneeId);
        const recipients = [...supervisors, ...(assignee && assignee.role === 'agent' ? [assignee] : [])];
        for (const agent of recipients) {
          const language = agent.language === 'en' ? 'en' : 'vi';
          const text = await render(`data_request_${stage}`, language, {
            ticketNumber: displayNumber(ticket.number),
            requestType: typeInWords(request.type, language),
            dueAt: deadlineDay(request.dueAt, agent.timeZone),
            state: STATE_IN_WORDS[request.state as keyof typeof STATE_IN_WORDS][language],
          });
          sends.push({
            agent,
            notice: {
              kind: 'data_request_reminder',
              ticketId: ticket.id,
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
        due.map(({ request, stage }) => ({
          action: 'data_request.remind',
          recordType: 'data_request' as const,
          recordId: request.id,
          reason: stage,
        })),
      );
      return due.length;
    });
    if (reminders > 0) this.logger.log({ reminders }, 'data-subject request reminders sent');
    return { reminders };
  }
}
