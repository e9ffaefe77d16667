import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { MailOutboundModule } from '../mail/outbound/mail-outbound.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { IncidentReminderJob } from './incident-reminder.job.js';
import { IncidentRemindersService } from './incident-reminders.service.js';
import { Incident, IncidentReminder } from './incident.entity.js';
import { IncidentsController } from './incidents.controller.js';
import { IncidentsService } from './incidents.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Incident, IncidentReminder]),
    AuditModule,
    NotificationsModule,
    MailOutboundModule,
  ],
  controllers: [IncidentsController],
  providers: [IncidentsService, IncidentRemindersService, IncidentReminderJob],
  exports: [IncidentsService, IncidentRemindersService],
})
export class IncidentsModule {}
