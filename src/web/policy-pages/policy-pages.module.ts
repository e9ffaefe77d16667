import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { CompensationModule } from '../../compensation/compensation.module.js';
import { TicketsModule } from '../../tickets/tickets.module.js';
import { TransactionCasesModule } from '../../transaction-cases/transaction-cases.module.js';
import { WebCoreModule } from '../web-core.module.js';
import { CompensationPagesController } from './compensation-pages.controller.js';
import { CompensationPagesService } from './compensation-pages.service.js';
import { TransactionCasePagesController } from './transaction-case-pages.controller.js';
import { TransactionCasePagesService } from './transaction-case-pages.service.js';

/** Console pages for the policy's money matters: transaction cases and compensation. */
@Module({
  imports: [WebCoreModule, AuthModule, TicketsModule, TransactionCasesModule, CompensationModule],
  controllers: [TransactionCasePagesController, CompensationPagesController],
  providers: [TransactionCasePagesService, CompensationPagesService],
  exports: [TransactionCasePagesService, CompensationPagesService],
})
export class PolicyPagesModule {}
