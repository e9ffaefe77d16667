import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThanOrEqual } from 'typeorm';
import type { Agent } from '../auth/agent.entity.js';
import { Clock } from '../common/clock.js';
import { bulkInsert } from '../database/bulk-insert.js';
import { NotFound } from '../common/errors/domain-error.js';
import { OutboxService } from '../mail/outbound/outbox.service.js';
import type { NotificationView } from './dto/notification.view.js';
import { toNotificationView } from './dto/notification.view.js';
import { Notification } from './notification.entity.js';

export interface StaffNotice {
  kind: string;
  ticketId: string | null;
  /** Mail subject and in-app title. */
  title: string;
  body: string;
  /** Neither the mail nor the in-app entry shows before then. */
  deliverAt: Date;
}

/** Tells staff about something: in the app and by mail through the outbox, both in the caller's transaction. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async notify(em: EntityManager, agents: Agent[], notice: StaffNotice): Promise<void> {
    await this.notifyEach(
      em,
      agents.map((agent) => ({ agent, notice })),
    );
  }

  /** Several notices, each to its own agent, with one INSERT for the app and one for the mail. */
  async notifyEach(em: EntityManager, notices: { agent: Agent; notice: StaffNotice }[]): Promise<void> {
    if (notices.length === 0) return;
    const now = this.clock.now();
    await bulkInsert(
      em,
      Notification,
      notices.map(({ agent, notice }) => ({
        agentId: agent.id,
        ticketId: notice.ticketId,
        kind: notice.kind,
        title: notice.title.slice(0, 255),
        body: notice.body,
        deliverAt: notice.deliverAt,
        createdAt: now,
        readAt: null,
      })),
    );
    await this.outbox.enqueueMany(
      em,
      notices.map(({ agent, notice }) => ({
        kind: 'notification' as const,
        ticketId: notice.ticketId,
        to: agent.email,
        subject: notice.title,
        bodyText: notice.body,
        autoSubmitted: 'auto-generated' as const,
        notBefore: notice.deliverAt,
      })),
    );
  }

  /** The agent's notifications that are due, newest first. */
  async list(agentId: string, unreadOnly: boolean): Promise<NotificationView[]> {
    const rows = await this.dataSource.getRepository(Notification).find({
      where: {
        agentId,
        deliverAt: LessThanOrEqual(this.clock.now()),
        ...(unreadOnly ? { readAt: IsNull() } : {}),
      },
      order: { deliverAt: 'DESC', id: 'DESC' },
      take: 100,
    });
    return rows.map(toNotificationView);
  }

  async markRead(agentId: string, id: string): Promise<NotificationView> {
    const repository = this.dataSource.getRepository(Notification);
    const row = await repository.findOne({ where: { id, agentId } });
    if (!row) throw new NotFound('notification', id);
    if (!row.readAt) {
      row.readAt = this.clock.now();
      await repository.update({ id }, { readAt: row.readAt });
    }
    return toNotificationView(row);
  }
}
