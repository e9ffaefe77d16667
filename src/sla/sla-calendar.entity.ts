import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BusinessCalendar, WorkingPeriod, Weekday } from './business-calendar.js';

export interface Holiday {
  date: string;
  name: string;
}

/** A business calendar admins keep: time zone, working hours and the year's holidays. */
@Entity('business_calendars')
export class SlaCalendar {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ name: 'time_zone', type: 'varchar', length: 64 }) timeZone: string;
  /** JSON: weekday → working periods. */
  @Column({ name: 'working_hours', type: 'text' }) workingHours: string;
  /** JSON: Holiday[]. */
  @Column({ type: 'text' }) holidays: string;
  /** JSON: local dates worked although a rest day or holiday. */
  @Column({ name: 'extra_working_days', type: 'text' }) extraWorkingDays: string;
  @Column({ name: 'is_default', type: 'boolean' }) isDefault: boolean;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'datetime', precision: 3 }) updatedAt: Date;
}

export function toBusinessCalendar(row: SlaCalendar): BusinessCalendar {
  return {
    timeZone: row.timeZone,
    workingHours: JSON.parse(row.workingHours) as Record<Weekday, WorkingPeriod[]>,
    holidays: (JSON.parse(row.holidays) as Holiday[]).map((holiday) => holiday.date),
    extraWorkingDays: JSON.parse(row.extraWorkingDays) as string[],
  };
}
