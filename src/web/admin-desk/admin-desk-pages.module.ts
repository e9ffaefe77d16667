import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module.js';
import { AuthModule } from '../../auth/auth.module.js';
import { CannedResponsesModule } from '../../canned-responses/canned-responses.module.js';
import { MailOutboundModule } from '../../mail/outbound/mail-outbound.module.js';
import { QueuesModule } from '../../queues/queues.module.js';
import { WebCoreModule } from '../web-core.module.js';
import { AgentsPagesController } from './agents-pages.controller.js';
import { AgentsPagesService } from './agents-pages.service.js';
import { AuditPagesController } from './audit-pages.controller.js';
import { AuditPagesService } from './audit-pages.service.js';
import { CannedResponsesPagesController } from './canned-responses-pages.controller.js';
import { CannedResponsesPagesService } from './canned-responses-pages.service.js';
import { MailTemplatesPagesController } from './mail-templates-pages.controller.js';
import { MailTemplatesPagesService } from './mail-templates-pages.service.js';
import { QueuesPagesController } from './queues-pages.controller.js';
import { QueuesPagesService } from './queues-pages.service.js';

/** Admin pages for agents and roles, queues and membership, mail templates, canned responses and the audit log. */
@Module({
  imports: [WebCoreModule, AuthModule, AuditModule, QueuesModule, MailOutboundModule, CannedResponsesModule],
  controllers: [
    AgentsPagesController,
    QueuesPagesController,
    MailTemplatesPagesController,
    CannedResponsesPagesController,
    AuditPagesController,
  ],
  providers: [
    AgentsPagesService,
    QueuesPagesService,
    MailTemplatesPagesService,
    CannedResponsesPagesService,
    AuditPagesService,
  ],
})
export class AdminDeskPagesModule {}
