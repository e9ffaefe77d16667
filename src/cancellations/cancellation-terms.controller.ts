import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { CancellationTermsService } from './cancellation-terms.service.js';
import {
  CancellationTermsView,
  SaveCancellationTermsDto,
  toCancellationTermsView,
} from './dto/cancellation-terms.dto.js';

@ApiTags('cancellations')
@Controller('api/v1/cancellation-terms')
export class CancellationTermsController {
  constructor(private readonly terms: CancellationTermsService) {}

  @Get()
  @Roles('agent')
  @ApiOperation({ summary: 'The current penalty terms of every product type' })
  @ApiSecured()
  async list(): Promise<CancellationTermsView[]> {
    return (await this.terms.list()).map(toCancellationTermsView);
  }

  @Get(':productType')
  @Roles('agent')
  @ApiOperation({ summary: 'The current penalty terms of a product type' })
  @ApiSecured(404)
  async get(@Param('productType') productType: string): Promise<CancellationTermsView> {
    return toCancellationTermsView(await this.terms.get(productType));
  }

  @Get(':productType/versions')
  @Roles('agent')
  @ApiOperation({ summary: 'Every version of the penalty terms of a product type, newest first' })
  @ApiSecured(404)
  async history(@Param('productType') productType: string): Promise<CancellationTermsView[]> {
    return (await this.terms.history(productType)).map(toCancellationTermsView);
  }

  @Put(':productType')
  @Roles('admin')
  @ApiOperation({
    summary:
      'Save new penalty terms for a product type (a new version; bands with a gap or overlap are a 400)',
  })
  @ApiSecured(409)
  async save(
    @Param('productType') productType: string,
    @Body() dto: SaveCancellationTermsDto,
    @CurrentActor() actor: Actor,
  ): Promise<CancellationTermsView> {
    return toCancellationTermsView(await this.terms.save(productType, dto, actor));
  }
}
