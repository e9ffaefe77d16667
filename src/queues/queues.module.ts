import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AssignmentService } from './assignment.service.js';
import { QueueCountsService } from './queue-counts.service.js';
import { Queue, QueueMember, QueueTicketCount } from './queue.entity.js';
import { QueuesController } from './queues.controller.js';
import { QueuesService } from './queues.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Queue, QueueMember, QueueTicketCount]), AuditModule],
  controllers: [QueuesController],
  providers: [QueuesService, QueueCountsService, AssignmentService],
  exports: [QueuesService, QueueCountsService, AssignmentService],
})
export class QueuesModule {}
