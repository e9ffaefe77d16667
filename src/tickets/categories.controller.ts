import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { CategoryView, toCategoryView } from './dto/ticket.view.js';
import { TicketsService } from './tickets.service.js';

@ApiTags('tickets')
@Controller('api/v1/categories')
export class CategoriesController {
  constructor(private readonly tickets: TicketsService) {}

  @Get()
  @ApiOperation({ summary: 'The active ticket categories' })
  @ApiSecured()
  async list(): Promise<CategoryView[]> {
    return (await this.tickets.categories()).map((category) => toCategoryView(category)!);
  }
}
