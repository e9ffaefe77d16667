import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { MailOutboundModule } from '../mail/outbound/mail-outbound.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { CustomerDataExportService } from './customer-data-export.service.js';
import { DataRequest } from './data-request.entity.js';
import { DataRequestsController } from './data-requests.controller.js';
import { DataRequestsService } from './data-requests.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([DataRequest]),
    AuditModule,
    CustomersModule,
    MailOutboundModule,
    SlaModule,
    TicketsModule,
  ],
  controllers: [DataRequestsController],
  providers: [DataRequestsService, CustomerDataExportService],
  exports: [DataRequestsService],
})
export class DataRequestsModule {}
