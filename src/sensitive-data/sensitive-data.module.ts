import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { SensitiveDataController } from './sensitive-data.controller.js';
import { SensitiveDataService } from './sensitive-data.service.js';

/** Unmasking card, citizen ID and passport numbers; the masking itself is a rule the ticket thread applies. */
@Module({
  imports: [AuthModule, AuditModule, TicketsModule],
  controllers: [SensitiveDataController],
  providers: [SensitiveDataService],
})
export class SensitiveDataModule {}
