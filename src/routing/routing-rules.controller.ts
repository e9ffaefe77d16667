import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import {
  CreateRoutingRuleDto,
  RoutingDecisionView,
  RoutingDryRunDto,
  RoutingRuleView,
  toRoutingRuleView,
  UpdateRoutingRuleDto,
} from './dto/routing-rule.dto.js';
import { RoutingRulesService } from './routing-rules.service.js';
import { TicketRoutingService } from './ticket-routing.service.js';

@ApiTags('routing')
@Controller('api/v1/routing-rules')
export class RoutingRulesController {
  constructor(
    private readonly rules: RoutingRulesService,
    private readonly routing: TicketRoutingService,
  ) {}

  @Get()
  @Roles('supervisor')
  @ApiOperation({ summary: 'The routing rules in the order they run' })
  @ApiSecured()
  async list(): Promise<RoutingRuleView[]> {
    return (await this.rules.list()).map(toRoutingRuleView);
  }

  @Post('dry-run')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Which rules a sample message fires and where it would land; creates nothing' })
  @ApiSecured()
  dryRun(@Body() dto: RoutingDryRunDto): Promise<RoutingDecisionView> {
    return this.routing.dryRun(dto);
  }

  @Get(':id')
  @Roles('supervisor')
  @ApiOperation({ summary: 'One routing rule' })
  @ApiSecured(404)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<RoutingRuleView> {
    return toRoutingRuleView(await this.rules.get(id));
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Add a rule (conditions and actions are checked; a bad one is a 400 per field)' })
  @ApiSecured()
  async create(@Body() dto: CreateRoutingRuleDto, @CurrentActor() actor: Actor): Promise<RoutingRuleView> {
    return toRoutingRuleView(await this.rules.create(dto, actor));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Change, reorder (position) or (de)activate a rule' })
  @ApiSecured(404, 409)
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateRoutingRuleDto,
    @CurrentActor() actor: Actor,
  ): Promise<RoutingRuleView> {
    return toRoutingRuleView(await this.rules.update(id, dto, actor));
  }

  @Delete(':id')
  @Roles('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a rule' })
  @ApiSecured(404)
  async remove(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.rules.remove(id, actor);
  }
}
