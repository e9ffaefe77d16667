import { Module } from '@nestjs/common';
import { WebCoreModule } from '../web-core.module.js';

/** The supervisor dashboard: backlog by queue and age, SLA breaches, response times over time, escalations. */
@Module({
  imports: [WebCoreModule],
  controllers: [],
  providers: [],
})
export class DashboardPagesModule {}
