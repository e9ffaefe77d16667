import { Module } from '@nestjs/common';
import { NotificationsModule } from '../../notifications/notifications.module.js';
import { QueuesModule } from '../../queues/queues.module.js';
import { SlaModule } from '../../sla/sla.module.js';
import { WebCoreModule } from '../web-core.module.js';
import { DashboardController } from './dashboard.controller.js';
import { DashboardService } from './dashboard.service.js';

/** The supervisor dashboard: backlog by queue and age, SLA breaches, response times over time, escalations. */
@Module({
  imports: [WebCoreModule, QueuesModule, SlaModule, NotificationsModule],
  controllers: [DashboardController],
  providers: [DashboardService],
})
export class DashboardPagesModule {}
