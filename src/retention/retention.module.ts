import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CustomerAnonymiser } from './customer-anonymiser.service.js';
import { LegalHold } from './legal-hold.entity.js';
import { LegalHoldsController } from './legal-holds.controller.js';
import { LegalHoldsService } from './legal-holds.service.js';
import { RetentionRun } from './retention-run.entity.js';
import { RetentionController } from './retention.controller.js';
import { RetentionJob } from './retention.job.js';
import { RetentionService } from './retention.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([LegalHold, RetentionRun]), AuditModule],
  controllers: [LegalHoldsController, RetentionController],
  providers: [CustomerAnonymiser, LegalHoldsService, RetentionService, RetentionJob],
  exports: [CustomerAnonymiser, LegalHoldsService, RetentionService],
})
export class RetentionModule {}
