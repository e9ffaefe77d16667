import { DataRequestsModule } from '../data-requests/data-requests.module.js';
import { DataRequestConsoleController } from './data-requests/data-request-console.controller.js';
import { DataRequestPagesController } from './data-requests/data-request-pages.controller.js';
import { Module } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { IntakeModule } from '../intake/intake.module.js';
import { MailOutboundModule } from '../mail/outbound/mail-outbound.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { CannedResponsesModule } from '../canned-responses/canned-responses.module.js';
import { QueueWorkModule } from '../queue-work/queue-work.module.js';
import { ConsoleController } from './console.controller.js';
import { ConsoleService } from './console.service.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { CustomerPagesController } from './customer-pages.controller.js';
import { CustomerPagesService } from './customer-pages.service.js';
import { UnsubscribePagesController } from './unsubscribe-pages.controller.js';
import { AdminDeskPagesModule } from './admin-desk/admin-desk-pages.module.js';
import { AdminRulesPagesModule } from './admin-rules/admin-rules-pages.module.js';
import { DashboardPagesModule } from './dashboard/dashboard-pages.module.js';
import { PolicyPagesModule } from './policy-pages/policy-pages.module.js';
import { PrivacyPagesModule } from './privacy-pages/privacy-pages.module.js';
import { TicketLegalHoldsController } from './ticket-legal-holds.controller.js';
import { TicketPage } from './ticket-page.js';
import { WebCoreModule } from './web-core.module.js';

/** Server-rendered pages: the customer's side (complaint form, status by signed link) and the agent console. */
@Module({
  imports: [
    AuthModule,
    CannedResponsesModule,
    IntakeModule,
    ConsentModule,
    TicketsModule,
    CustomersModule,
    QueuesModule,
    QueueWorkModule,
    MailOutboundModule,
    SlaModule,
    WebCoreModule,
    DashboardPagesModule,
    AdminDeskPagesModule,
    AdminRulesPagesModule,
    DataRequestsModule,
    PolicyPagesModule,
    PrivacyPagesModule,
  ],
  controllers: [
    CustomerPagesController,
    UnsubscribePagesController,
    ConsoleController,
    DataRequestPagesController,
    DataRequestConsoleController,
    TicketLegalHoldsController,
  ],
  providers: [CustomerPagesService, ConsoleService, TicketPage],
})
export class WebModule {}
