import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { ConsentModule } from '../consent/consent.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { MailOutboundModule } from '../mail/outbound/mail-outbound.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { RetentionModule } from '../retention/retention.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { CustomerDataExportService } from './customer-data-export.service.js';
import { DataRequestFulfilmentService } from './data-request-fulfilment.service.js';
import { DataRequestLettersService } from './data-request-letters.service.js';
import { DataRequestLinksService } from './data-request-links.service.js';
import { DataRequestReminderJob } from './data-request-reminder.job.js';
import { DataRequestRemindersService } from './data-request-reminders.service.js';
import { DataRequest, DataRequestReminder } from './data-request.entity.js';
import { DataRequestsController } from './data-requests.controller.js';
import { DataRequestsService } from './data-requests.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([DataRequest, DataRequestReminder]),
    NotificationsModule,
    AuditModule,
    ConsentModule,
    RetentionModule,
    CustomersModule,
    MailOutboundModule,
    SlaModule,
    TicketsModule,
  ],
  controllers: [DataRequestsController],
  providers: [
    DataRequestsService,
    DataRequestLinksService,
    DataRequestLettersService,
    DataRequestFulfilmentService,
    CustomerDataExportService,
    DataRequestRemindersService,
    DataRequestReminderJob,
  ],
  exports: [DataRequestsService, DataRequestLinksService, DataRequestFulfilmentService],
})
export class DataRequestsModule {}
