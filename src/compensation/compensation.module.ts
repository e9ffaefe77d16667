import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { MailOutboundModule } from '../mail/outbound/mail-outbound.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { CompensationLettersService } from './compensation-letters.service.js';
import { CompensationReportService } from './compensation-report.service.js';
import { Compensation } from './compensation.entity.js';
import { CompensationsController } from './compensations.controller.js';
import { CompensationsService } from './compensations.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Compensation]),
    AuditModule,
    CustomersModule,
    MailOutboundModule,
    TicketsModule,
  ],
  controllers: [CompensationsController],
  providers: [CompensationsService, CompensationLettersService, CompensationReportService],
  exports: [CompensationsService, CompensationReportService],
})
export class CompensationModule {}
