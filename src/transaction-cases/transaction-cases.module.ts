import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { MailOutboundModule } from '../mail/outbound/mail-outbound.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { TransactionCase } from './transaction-case.entity.js';
import { TransactionCasesController } from './transaction-cases.controller.js';
import { TransactionCasesService } from './transaction-cases.service.js';
import { TransactionLettersService } from './transaction-letters.service.js';
import { TransactionWebhookJob } from './transaction-webhook.job.js';
import { WebhookDeliveriesController } from './webhook-deliveries.controller.js';
import { WebhookDeliveriesService } from './webhook-deliveries.service.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookSenderService } from './webhook-sender.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([TransactionCase, WebhookDelivery]),
    AuditModule,
    CustomersModule,
    MailOutboundModule,
    NotificationsModule,
    TicketsModule,
  ],
  controllers: [TransactionCasesController, WebhookDeliveriesController],
  providers: [
    TransactionCasesService,
    TransactionLettersService,
    WebhookDeliveriesService,
    WebhookSenderService,
    TransactionWebhookJob,
  ],
  exports: [TransactionCasesService, WebhookSenderService],
})
export class TransactionCasesModule {}
