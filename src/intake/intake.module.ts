import { Module } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { MailOutboundModule } from '../mail/outbound/mail-outbound.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { IntakeService } from './intake.service.js';

@Module({
  imports: [CustomersModule, ConsentModule, TicketsModule, MailOutboundModule],
  providers: [IntakeService],
  exports: [IntakeService],
})
export class IntakeModule {}
