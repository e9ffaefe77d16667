import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidInput } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { paidByReasonAndMonth } from './compensation.queries.js';
import { reportPeriod, summarisePaid } from './compensation.rules.js';
import type { CompensationReportQuery, CompensationReportView } from './dto/compensation.dto.js';

/** Compensation paid in a period, by reason and by month, in the desk's time zone. */
@Injectable()
export class CompensationReportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async report(query: CompensationReportQuery): Promise<CompensationReportView> {
    const timeZone = this.config.defaultTimeZone;
    const period = reportPeriod(query.from, query.to, timeZone);
    if ('field' in period) throw new InvalidInput([period]);
    const groups = await paidByReasonAndMonth(this.dataSource.manager, period);
    return {
      from: query.from,
      to: query.to,
      timeZone,
      ...summarisePaid(
        groups,
        period.months.map(({ month }) => month),
      ),
    };
  }
}
