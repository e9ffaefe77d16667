import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import {
  LegalHoldView,
  ListLegalHoldsQuery,
  PlaceLegalHoldDto,
  ReleaseLegalHoldDto,
  toLegalHoldView,
} from './dto/legal-hold.dto.js';
import { LegalHoldsService } from './legal-holds.service.js';

type AgentActor = Actor & { type: 'agent' };

@ApiTags('legal holds')
@Controller('api/v1/legal-holds')
export class LegalHoldsController {
  constructor(private readonly holds: LegalHoldsService) {}

  @Post()
  @Roles('supervisor')
  @ApiOperation({ summary: 'Hold a customer, or a ticket and its customer: retention keeps their data' })
  @ApiSecured(404, 409)
  async place(@Body() dto: PlaceLegalHoldDto, @CurrentActor() actor: AgentActor): Promise<LegalHoldView> {
    return toLegalHoldView(await this.holds.place(dto, actor));
  }

  @Get()
  @Roles('supervisor')
  @ApiOperation({ summary: 'Legal holds, latest first (at most 500)' })
  @ApiSecured()
  async list(@Query() query: ListLegalHoldsQuery): Promise<LegalHoldView[]> {
    return (await this.holds.list(query)).map(toLegalHoldView);
  }

  @Get(':id')
  @Roles('supervisor')
  @ApiOperation({ summary: 'One legal hold' })
  @ApiSecured(404)
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<LegalHoldView> {
    return toLegalHoldView(await this.holds.get(id));
  }

  @Post(':id/release')
  @HttpCode(200)
  @Roles('supervisor')
  @ApiOperation({ summary: 'Release a legal hold, with the reason; retention may then anonymise' })
  @ApiSecured(404, 409)
  async release(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ReleaseLegalHoldDto,
    @CurrentActor() actor: AgentActor,
  ): Promise<LegalHoldView> {
    return toLegalHoldView(await this.holds.release(id, dto, actor));
  }
}
