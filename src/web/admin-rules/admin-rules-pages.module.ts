import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { QueuesModule } from '../../queues/queues.module.js';
import { MailInboundModule } from '../../mail/inbound/mail-inbound.module.js';
import { RoutingModule } from '../../routing/routing.module.js';
import { SlaModule } from '../../sla/sla.module.js';
import { TicketsModule } from '../../tickets/tickets.module.js';
import { WebCoreModule } from '../web-core.module.js';
import { MailboxConnectionTest } from './mailbox-connection-test.js';
import { MailboxPagesController } from './mailbox-pages.controller.js';
import { MailboxPagesService } from './mailbox-pages.service.js';
import { RoutingRulesPagesController } from './routing-rules-pages.controller.js';
import { RoutingRulesPagesService } from './routing-rules-pages.service.js';
import { SlaPagesController } from './sla-pages.controller.js';
import { SlaPagesService } from './sla-pages.service.js';

/** Admin pages for routing rules with dry-run, SLA policies and holidays, mailboxes with a connection test. */
@Module({
  imports: [
    WebCoreModule,
    AuthModule,
    QueuesModule,
    TicketsModule,
    RoutingModule,
    SlaModule,
    MailInboundModule,
  ],
  controllers: [RoutingRulesPagesController, SlaPagesController, MailboxPagesController],
  providers: [RoutingRulesPagesService, SlaPagesService, MailboxPagesService, MailboxConnectionTest],
})
export class AdminRulesPagesModule {}
