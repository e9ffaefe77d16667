import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { ClassificationModule } from '../classification/classification.module.js';
import { MailOutboundModule } from '../mail/outbound/mail-outbound.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { RoutingRule } from './routing-rule.entity.js';
import { RoutingRulesController } from './routing-rules.controller.js';
import { RoutingRulesService } from './routing-rules.service.js';
import { TicketRoutingService } from './ticket-routing.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([RoutingRule]),
    AuditModule,
    ClassificationModule,
    QueuesModule,
    MailOutboundModule,
  ],
  controllers: [RoutingRulesController],
  providers: [RoutingRulesService, TicketRoutingService],
  exports: [TicketRoutingService, RoutingRulesService],
})
export class RoutingModule {}
