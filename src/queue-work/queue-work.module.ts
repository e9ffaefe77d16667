import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { QueueWorkController } from './queue-work.controller.js';
import { QueueWorkService } from './queue-work.service.js';

@Module({
  imports: [AuditModule, QueuesModule, TicketsModule],
  controllers: [QueueWorkController],
  providers: [QueueWorkService],
  exports: [QueueWorkService],
})
export class QueueWorkModule {}
