import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module.js';
import { CustomersModule } from '../customers/customers.module.js';
import { IntakeModule } from '../intake/intake.module.js';
import { QueuesModule } from '../queues/queues.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { DemoDeskService } from './demo-desk.service.js';

/** `npm run demo` (DEMO=1): a sample desk for newcomers, loaded once at boot. */
@Module({
  imports: [AuthModule, CustomersModule, QueuesModule, SlaModule, TicketsModule, IntakeModule],
  providers: [DemoDeskService],
})
export class DemoModule {}
