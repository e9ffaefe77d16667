import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { MailOutboundModule } from '../mail/outbound/mail-outbound.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { RoutingModule } from '../routing/routing.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { ContentModule } from '../content/content.module.js';
import { Attachment } from './attachment.entity.js';
import { AttachmentsService } from './attachments.service.js';
import { CategoriesController } from './categories.controller.js';
import { Category } from './category.entity.js';
import { Message } from './message.entity.js';
import { TicketEvent } from './ticket-event.entity.js';
import { TicketMergeService } from './ticket-merge.service.js';
import { TicketPresenceController } from './ticket-presence.controller.js';
import { TicketPresence } from './ticket-presence.entity.js';
import { TicketPresenceService } from './ticket-presence.service.js';
import { TicketThreadService } from './ticket-thread.service.js';
import { Ticket, TicketNumber } from './ticket.entity.js';
import { TicketsController } from './tickets.controller.js';
import { CustomerLettersService } from './customer-letters.service.js';
import { TicketsService } from './tickets.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Ticket,
      TicketNumber,
      Message,
      Attachment,
      TicketEvent,
      Category,
      TicketPresence,
    ]),
    ContentModule,
    AuthModule,
    AuditModule,
    CustomersModule,
    QueuesModule,
    MailOutboundModule,
    RoutingModule,
    SlaModule,
  ],
  controllers: [TicketsController, TicketPresenceController, CategoriesController],
  providers: [
    TicketsService,
    TicketThreadService,
    TicketMergeService,
    TicketPresenceService,
    AttachmentsService,
    CustomerLettersService,
  ],
  exports: [TicketsService, TicketThreadService, TicketPresenceService, CustomerLettersService],
})
export class TicketsModule {}
