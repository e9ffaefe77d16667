import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { MailOutboundModule } from '../mail/outbound/mail-outbound.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { ContentModule } from '../content/content.module.js';
import { Attachment } from './attachment.entity.js';
import { AttachmentsService } from './attachments.service.js';
import { CategoriesController } from './categories.controller.js';
import { Category } from './category.entity.js';
import { Message } from './message.entity.js';
import { TicketEvent } from './ticket-event.entity.js';
import { TicketThreadService } from './ticket-thread.service.js';
import { Ticket, TicketNumber } from './ticket.entity.js';
import { TicketsController } from './tickets.controller.js';
import { TicketsService } from './tickets.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Ticket, TicketNumber, Message, Attachment, TicketEvent, Category]),
    ContentModule,
    AuthModule,
    AuditModule,
    CustomersModule,
    QueuesModule,
    MailOutboundModule,
  ],
  controllers: [TicketsController, CategoriesController],
  providers: [TicketsService, TicketThreadService, AttachmentsService],
  exports: [TicketsService, TicketThreadService],
})
export class TicketsModule {}
