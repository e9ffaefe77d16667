import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { MailOutboundModule } from '../mail/outbound/mail-outbound.module.js';
import { ConsentController } from './consent.controller.js';
import { ConsentEvent, CustomerConsent, NewsletterSend } from './consent.entity.js';
import { ConsentService } from './consent.service.js';
import { NewsletterSendJob } from './newsletter-send.job.js';
import { NewslettersController } from './newsletters.controller.js';
import { NewslettersService } from './newsletters.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([ConsentEvent, CustomerConsent, NewsletterSend]),
    AuditModule,
    CustomersModule,
    MailOutboundModule,
  ],
  controllers: [ConsentController, NewslettersController],
  providers: [ConsentService, NewslettersService, NewsletterSendJob],
  exports: [ConsentService, NewslettersService],
})
export class ConsentModule {}
