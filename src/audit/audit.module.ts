import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditChainService } from './audit-chain.service.js';
import { AuditChainHead, AuditEvent } from './audit-event.entity.js';
import { AuditExportService } from './audit-export.service.js';
import { AuditSealerJob } from './audit-sealer.job.js';
import { AuditSealer } from './audit-sealer.service.js';
import { AuditController } from './audit.controller.js';
import { AuditService } from './audit.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent, AuditChainHead])],
  controllers: [AuditController],
  providers: [AuditService, AuditChainService, AuditExportService, AuditSealer, AuditSealerJob],
  exports: [AuditService, AuditChainService, AuditExportService, AuditSealer],
})
export class AuditModule {}
