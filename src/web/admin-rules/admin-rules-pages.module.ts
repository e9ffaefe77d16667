import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module.js';

/** Admin pages for routing rules with dry-run, SLA policies and holidays, mailboxes with a connection test. */
@Module({
  imports: [WebCoreModule],
  controllers: [],
  providers: [],
})
export class AdminRulesPagesModule {}
