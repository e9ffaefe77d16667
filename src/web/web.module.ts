import { Module } from '@nestjs/common';
import { CustomersModule } from '../customers/customers.module.js';
import { IntakeModule } from '../intake/intake.module.js';
import { MailOutboundModule } from '../mail/outbound/mail-outbound.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { CustomerPagesController } from './customer-pages.controller.js';
import { CustomerPagesService } from './customer-pages.service.js';
import { PageRenderer } from './page-renderer.js';
import { WebSession } from './web-session.js';

/** Server-rendered pages: for now the customer's side (complaint form, status by signed link). */
@Module({
  imports: [IntakeModule, TicketsModule, CustomersModule, QueuesModule, MailOutboundModule, SlaModule],
  controllers: [CustomerPagesController],
  providers: [CustomerPagesService, PageRenderer, WebSession],
})
export class WebModule {}
