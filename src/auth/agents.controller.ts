import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { AgentsService } from './agents.service.js';
import type { Actor } from './actor.js';
import { CurrentActor, Roles } from './auth.decorators.js';
import { CreateAccessTokenDto, CreateAgentDto, UpdateAgentDto } from './dto/agent.dto.js';
import {
  AccessTokenView,
  AgentView,
  IssuedTokenView,
  toAccessTokenView,
  toAgentView,
} from './dto/agent.view.js';

@ApiTags('agents')
@Controller('api/v1/agents')
export class AgentsController {
  constructor(private readonly agents: AgentsService) {}

  @Get()
  @ApiOperation({ summary: 'List agents (for assignment and display)' })
  @ApiSecured()
  async list(): Promise<AgentView[]> {
    return (await this.agents.list()).map(toAgentView);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One agent' })
  @ApiSecured(404)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<AgentView> {
    return toAgentView(await this.agents.get(id));
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create an agent with a one-time password' })
  @ApiSecured(409)
  async create(@Body() dto: CreateAgentDto, @CurrentActor() actor: Actor): Promise<AgentView> {
    return toAgentView(await this.agents.create(dto, actor));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change role, name, language or zone; deactivate; reset the password' })
  @ApiSecured(404)
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateAgentDto,
    @CurrentActor() actor: Actor,
  ): Promise<AgentView> {
    return toAgentView(await this.agents.update(id, dto, actor));
  }

  @Get(':id/tokens')
  @Roles('admin')
  @ApiOperation({ summary: "An agent's access tokens (never the tokens themselves)" })
  @ApiSecured(404)
  async listTokens(@Param('id', ParseUUIDPipe) id: string): Promise<AccessTokenView[]> {
    return (await this.agents.listTokens(id)).map(toAccessTokenView);
  }

  @Post(':id/tokens')
  @Roles('admin')
  @ApiOperation({ summary: 'Create a personal access token for an agent or an integration' })
  @ApiSecured(404)
  async issueToken(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: CreateAccessTokenDto,
  ): Promise<IssuedTokenView> {
    const { token, record } = await this.agents.issuePersonalToken(id, dto);
    return { ...toAccessTokenView(record), token };
  }

  @Delete(':id/tokens/:tokenId')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke an access token' })
  @ApiSecured(404)
  async revokeToken(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('tokenId', ParseUUIDPipe) tokenId: string,
  ): Promise<void> {
    await this.agents.revokeToken(id, tokenId);
  }
}
