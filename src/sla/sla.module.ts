import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { SlaAdminService } from './sla-admin.service.js';
import { SlaCalendar } from './sla-calendar.entity.js';
import { SlaClocksService } from './sla-clocks.service.js';
import { SlaPoliciesService } from './sla-policies.service.js';
import { SlaPolicy } from './sla-policy.entity.js';
import { SlaReportService } from './sla-report.service.js';
import { SlaController } from './sla.controller.js';
import { EscalationFiring, TicketSlaClock } from './ticket-sla-clock.entity.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([SlaCalendar, SlaPolicy, TicketSlaClock, EscalationFiring]),
    AuditModule,
  ],
  controllers: [SlaController],
  providers: [SlaPoliciesService, SlaClocksService, SlaAdminService, SlaReportService],
  exports: [SlaPoliciesService, SlaClocksService, SlaAdminService],
})
export class SlaModule {}
