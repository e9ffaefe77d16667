import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { Category } from './category.entity.js';
import { CategoryView, toCategoryView } from './dto/ticket.view.js';

@ApiTags('tickets')
@Controller('api/v1/categories')
export class CategoriesController {
  constructor(@InjectRepository(Category) private readonly categories: Repository<Category>) {}

  @Get()
  @ApiOperation({ summary: 'The active ticket categories' })
  @ApiSecured()
  async list(): Promise<CategoryView[]> {
    const categories = await this.categories.find({ where: { isActive: true }, order: { sortOrder: 'ASC' } });
    return categories.map((category) => toCategoryView(category)!);
  }
}
