import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { ConsentService } from './consent.service.js';
import { ConsentHistoryView, RecordConsentDto, toConsentHistoryView } from './dto/consent.dto.js';

@ApiTags('consent')
@Controller('api/v1/customers/:id/consents')
export class ConsentController {
  constructor(private readonly consent: ConsentService) {}

  @Get()
  @Roles('agent')
  @ApiOperation({ summary: "The customer's consent per purpose and every event behind it (audited read)" })
  @ApiSecured(404)
  async history(
    @Param('id', ParseUUIDPipe) id: string,
    @CurrentActor() actor: Actor,
  ): Promise<ConsentHistoryView> {
    return toConsentHistoryView(await this.consent.history(id, actor));
  }

  @Post()
  @Roles('agent')
  @ApiOperation({
    summary: 'Record consent given or withdrawn on the customer’s word (a withdrawal needs a note)',
  })
  @ApiSecured(404)
  async record(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: RecordConsentDto,
    @CurrentActor() actor: Actor,
  ): Promise<ConsentHistoryView> {
    return toConsentHistoryView(await this.consent.recordByAgent(id, dto, actor));
  }
}
