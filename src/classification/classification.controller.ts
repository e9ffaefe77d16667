import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor, Roles } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { toCategoryView } from '../tickets/dto/ticket.view.js';
import { ClassificationService } from './classification.service.js';
import { KeywordListView, SetKeywordsDto } from './dto/keywords.dto.js';

@ApiTags('routing')
@Controller('api/v1/classification/keywords')
export class ClassificationController {
  constructor(private readonly classification: ClassificationService) {}

  @Get()
  @Roles('supervisor')
  @ApiOperation({ summary: 'The words and phrases that suggest each category (matched without diacritics)' })
  @ApiSecured()
  async list(): Promise<KeywordListView[]> {
    return (await this.classification.keywordLists()).map(({ category, keywords }) => ({
      category: toCategoryView(category)!,
      keywords,
    }));
  }

  @Put(':categoryKey')
  @Roles('admin')
  @ApiOperation({ summary: "Replace a category's keyword list; audited" })
  @ApiSecured(404)
  async set(
    @Param('categoryKey') categoryKey: string,
    @Body() dto: SetKeywordsDto,
    @CurrentActor() actor: Actor,
  ): Promise<KeywordListView> {
    const category = await this.classification.setKeywords(categoryKey, dto.keywords, actor);
    return {
      category: toCategoryView(category)!,
      keywords: JSON.parse(category.keywords ?? '[]') as string[],
    };
  }
}
