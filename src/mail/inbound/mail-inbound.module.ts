import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContentModule } from '../../content/content.module.js';
import { CustomersModule } from '../../customers/customers.module.js';
import { IntakeModule } from '../../intake/intake.module.js';
import { QueuesModule } from '../../queues/queues.module.js';
import { TicketsModule } from '../../tickets/tickets.module.js';
import { MailOutboundModule } from '../outbound/mail-outbound.module.js';
import { ImapFetcherService } from './imap-fetcher.service.js';
import { InboundMail } from './inbound-mail.entity.js';
import { InboundMailService } from './inbound-mail.service.js';
import { MailIntakeController } from './mail-intake.controller.js';
import { MailIntakeJob } from './mail-intake.job.js';
import { MailProcessorService } from './mail-processor.service.js';
import { Mailbox } from './mailbox.entity.js';
import { MailboxesService } from './mailboxes.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Mailbox, InboundMail]),
    CustomersModule,
    QueuesModule,
    TicketsModule,
    IntakeModule,
    MailOutboundModule,
    ContentModule,
  ],
  controllers: [MailIntakeController],
  providers: [MailboxesService, InboundMailService, ImapFetcherService, MailProcessorService, MailIntakeJob],
  exports: [MailIntakeJob, InboundMailService, MailboxesService],
})
export class MailInboundModule {}
