import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { MailOutboundModule } from '../mail/outbound/mail-outbound.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { CancellationLettersService } from './cancellation-letters.service.js';
import { CancellationTermsController } from './cancellation-terms.controller.js';
import { CancellationTerms } from './cancellation-terms.entity.js';
import { CancellationTermsService } from './cancellation-terms.service.js';
import { Cancellation } from './cancellation.entity.js';
import { CancellationsController } from './cancellations.controller.js';
import { CancellationsService } from './cancellations.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([CancellationTerms, Cancellation]),
    AuditModule,
    CustomersModule,
    MailOutboundModule,
    TicketsModule,
  ],
  controllers: [CancellationTermsController, CancellationsController],
  providers: [CancellationTermsService, CancellationsService, CancellationLettersService],
  exports: [CancellationsService, CancellationTermsService],
})
export class CancellationsModule {}
