import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { PRESENCE_ACTIVITIES, type PresenceActivity } from './ticket-presence.entity.js';
import { type PresentAgent, TicketPresenceService } from './ticket-presence.service.js';

class HeartbeatDto {
  @ApiProperty({ enum: PRESENCE_ACTIVITIES }) @IsIn(PRESENCE_ACTIVITIES) activity: PresenceActivity;
}

class PresentAgentView {
  @ApiProperty() agentId: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: PRESENCE_ACTIVITIES }) activity: string;
  @ApiProperty() expiresAt: string;
}

const toView = (present: PresentAgent[]): PresentAgentView[] =>
  present.map((entry) => ({ ...entry, expiresAt: entry.expiresAt.toISOString() }));

type AgentActor = Actor & { type: 'agent' };

@ApiTags('tickets')
@Controller('api/v1/tickets/:id/presence')
export class TicketPresenceController {
  constructor(private readonly presence: TicketPresenceService) {}

  @Get()
  @ApiOperation({ summary: 'Who is viewing or replying to the ticket now' })
  @ApiSecured(404)
  async list(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<PresentAgentView[]> {
    return toView(await this.presence.present(id, actor));
  }

  @Put()
  @ApiOperation({ summary: 'Heartbeat: you are viewing or replying (lapses after 30 s; send every 10 s)' })
  @ApiSecured(404)
  async heartbeat(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: HeartbeatDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<PresentAgentView[]> {
    return toView(await this.presence.heartbeat(id, dto.activity, actor));
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({ summary: 'You left the ticket' })
  @ApiSecured()
  async leave(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: AgentActor): Promise<void> {
    await this.presence.leave(id, actor);
  }
}
