import { IsIn, IsOptional } from 'class-validator';
import { DASHBOARD_PERIODS } from '../dashboard.rules.js';

/** What the dashboard's period form sends. */
export class DashboardQuery {
  @IsOptional()
  @IsIn(DASHBOARD_PERIODS.map(String))
  period?: string;
}
