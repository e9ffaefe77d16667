import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../../audit/audit.module.js';
import { ContentModule } from '../../content/content.module.js';
import { AppConfig } from '../../config/app-config.js';
import { MailTemplate } from './mail-template.entity.js';
import { MailTemplatesService } from './mail-templates.service.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { OutboxSenderService } from './outbox-sender.service.js';
import { OutboxController } from './outbox.controller.js';
import { OutboxJob } from './outbox.job.js';
import { OutboxPurgeJob } from './outbox-purge.job.js';
import { OutboxService } from './outbox.service.js';
import { createSmtpTransport, SMTP_TRANSPORT } from './smtp-transport.js';

@Module({
  imports: [TypeOrmModule.forFeature([OutboxMessage, MailTemplate]), ContentModule, AuditModule],
  controllers: [OutboxController],
  providers: [
    OutboxService,
    MailTemplatesService,
    OutboxSenderService,
    OutboxJob,
    OutboxPurgeJob,
    {
      provide: SMTP_TRANSPORT,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => (config.mail.smtp ? createSmtpTransport(config.mail.smtp) : null),
    },
  ],
  exports: [OutboxService, MailTemplatesService, OutboxSenderService],
})
export class MailOutboundModule {}
