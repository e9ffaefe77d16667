import { Module } from '@nestjs/common';
import { MailOutboundModule } from '../mail/outbound/mail-outbound.module.js';
import { NotificationsModule } from '../notifications/notifications.module.js';
import { SlaModule } from '../sla/sla.module.js';
import { TicketsModule } from '../tickets/tickets.module.js';
import { EscalationSweepService } from './escalation-sweep.service.js';
import { EscalationJob } from './escalation.job.js';

@Module({
  imports: [SlaModule, TicketsModule, NotificationsModule, MailOutboundModule],
  providers: [EscalationSweepService, EscalationJob],
  exports: [EscalationSweepService],
})
export class EscalationsModule {}
