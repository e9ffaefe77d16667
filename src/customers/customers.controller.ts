import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../auth/actor.js';
import { CurrentActor } from '../auth/auth.decorators.js';
import { ApiSecured } from '../common/http/api-errors.decorator.js';
import { CustomersService } from './customers.service.js';
import { CreateCustomerDto, SearchCustomersQuery, UpdateCustomerDto } from './dto/customer.dto.js';
import { CustomerView, toCustomerView } from './dto/customer.view.js';

@ApiTags('customers')
@Controller('api/v1/customers')
export class CustomersController {
  constructor(private readonly customers: CustomersService) {}

  @Post()
  @ApiOperation({ summary: 'Create a customer record' })
  @ApiSecured(409)
  async create(@Body() dto: CreateCustomerDto, @CurrentActor() actor: Actor): Promise<CustomerView> {
    return toCustomerView(await this.customers.create(dto, actor));
  }

  @Get()
  @ApiOperation({ summary: 'Find customers by e-mail, phone or name (tone marks optional); audited' })
  @ApiSecured(422)
  async search(@Query() query: SearchCustomersQuery, @CurrentActor() actor: Actor): Promise<CustomerView[]> {
    return (await this.customers.search(query, actor)).map(toCustomerView);
  }

  @Get(':id')
  @ApiOperation({ summary: "A customer's record; audited" })
  @ApiSecured(404)
  async get(@Param('id', ParseUUIDPipe) id: string, @CurrentActor() actor: Actor): Promise<CustomerView> {
    return toCustomerView(await this.customers.get(id, actor));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Correct a customer record; before/after values and the reason are audited' })
  @ApiSecured(404, 409)
  async update(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: UpdateCustomerDto,
    @CurrentActor() actor: Actor,
  ): Promise<CustomerView> {
    return toCustomerView(await this.customers.update(id, dto, actor));
  }
}
