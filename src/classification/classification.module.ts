import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { Category } from '../tickets/category.entity.js';
import { ClassificationController } from './classification.controller.js';
import { ClassificationService } from './classification.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Category]), AuditModule],
  controllers: [ClassificationController],
  providers: [ClassificationService],
  exports: [ClassificationService],
})
export class ClassificationModule {}
