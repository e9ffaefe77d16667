import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AgentsService } from '../auth/agents.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { MessageView } from '../tickets/dto/ticket.view.js';
import { TicketsService } from '../tickets/tickets.service.js';
import type { UnmaskMessageDto } from './dto/unmask-message.dto.js';
import { UnmaskRefused } from './sensitive-data.errors.js';
import { mayUnmaskSensitiveData } from './sensitive-data.rules.js';

@Injectable()
export class SensitiveDataService {
  private readonly logger = new Logger(SensitiveDataService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly agents: AgentsService,
    private readonly tickets: TicketsService,
    private readonly audit: AuditService,
  ) {}

  /** One message as stored, for a reader allowed to unmask who says why; the reason goes into the audit log. */
  async unmask(
    ticketId: string,
    messageId: string,
    dto: UnmaskMessageDto,
    actor: Actor,
  ): Promise<MessageView> {
    if (actor.type === 'agent') {
      const agent = await this.agents.get(actor.id);
      if (!mayUnmaskSensitiveData(agent.role, agent.canViewSensitive)) throw new UnmaskRefused();
    }
    const message = await this.dataSource.transaction(async (em) => {
      await this.tickets.loadForWork(em, ticketId, actor);
      const stored = await this.tickets.storedMessage(em, ticketId, messageId);
      await this.audit.record(em, actor, [
        {
          action: 'message.unmask',
          recordType: 'ticket',
          recordId: ticketId,
          fields: [`message:${messageId}`],
          reason: dto.reason.trim(),
        },
      ]);
      return stored;
    });
    this.logger.log({ ticketId, messageId }, 'message unmasked');
    return message;
  }
}
