import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { CancellationsModule } from '../../cancellations/cancellations.module.js';
import { CompensationModule } from '../../compensation/compensation.module.js';
import { TicketsModule } from '../../tickets/tickets.module.js';
import { TransactionCasesModule } from '../../transaction-cases/transaction-cases.module.js';
import { WebCoreModule } from '../web-core.module.js';
import { CancellationPagesController } from './cancellation-pages.controller.js';
import { CancellationPagesService } from './cancellation-pages.service.js';
import { CancellationTermsPagesController } from './cancellation-terms-pages.controller.js';
import { CancellationTermsPagesService } from './cancellation-terms-pages.service.js';
import { CompensationPagesController } from './compensation-pages.controller.js';
import { CompensationPagesService } from './compensation-pages.service.js';
import { TransactionCasePagesController } from './transaction-case-pages.controller.js';
import { TransactionCasePagesService } from './transaction-case-pages.service.js';

/** Console pages for the policy's money matters: transaction cases, compensation, cancellations and their terms. */
@Module({
  imports: [
    WebCoreModule,
    AuthModule,
    TicketsModule,
    TransactionCasesModule,
    CompensationModule,
    CancellationsModule,
  ],
  controllers: [
    TransactionCasePagesController,
    CompensationPagesController,
    CancellationPagesController,
    CancellationTermsPagesController,
  ],
  providers: [
    TransactionCasePagesService,
    CompensationPagesService,
    CancellationPagesService,
    CancellationTermsPagesService,
  ],
  exports: [TransactionCasePagesService, CompensationPagesService, CancellationPagesService],
})
export class PolicyPagesModule {}
