import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { Weekday, WorkingPeriod } from '../business-calendar.js';
import type { Holiday, SlaCalendar } from '../sla-calendar.entity.js';
import { type SlaPolicy, toPolicySpec } from '../sla-policy.entity.js';
import type { EscalationStep, PolicyConditions, TargetSpec } from '../sla.rules.js';

export class SavePolicyDto {
  @ApiProperty({ example: 'VIP partners' }) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiPropertyOptional({
    description: 'Policies are tried in ascending position; the first that matches applies',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  position?: number;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() isActive?: boolean;
  @ApiPropertyOptional({ description: 'The default calendar when absent' })
  @IsOptional()
  @IsUUID()
  calendarId?: string;
  @ApiPropertyOptional({
    example: { priorities: ['urgent'], categoryKeys: ['payment'], channels: ['email'], vulnerable: true },
    description: 'Every listed condition must hold; none at all matches every ticket',
  })
  @IsOptional()
  @IsObject()
  conditions?: PolicyConditions;
  @ApiProperty({
    example: { first_response: { businessMinutes: 60 }, resolution: { workingDays: 7 } },
    description: 'first_response, next_response, resolution: businessMinutes or workingDays each',
  })
  @IsObject()
  targets: Record<string, TargetSpec>;
  @ApiPropertyOptional({ example: ['pending_customer'], default: ['pending_customer'] })
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  pauseStates?: string[];
  @ApiPropertyOptional({
    example: [
      { at: 'before_breach', percent: 75, action: 'notify_assignee' },
      { at: 'breach', action: 'notify_supervisors' },
      { at: 'after_breach', afterMinutes: 240, action: 'reassign', queueId: '…' },
    ],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  escalationLadder?: EscalationStep[];
  @ApiPropertyOptional({ description: 'Send notifications at once even outside business hours' })
  @IsOptional()
  @IsBoolean()
  urgentNotifications?: boolean;
}

export class UpdatePolicyDto extends SavePolicyDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class HolidayDto {
  @ApiProperty({ example: '2027-02-06' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) date: string;
  @ApiProperty({ example: 'Tết Nguyên Đán' }) @IsString() @MinLength(1) @MaxLength(100) name: string;
}

export class UpdateCalendarDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) @IsString() timeZone: string;
  @ApiProperty({
    example: {
      mon: [
        { start: '08:00', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
      sat: [],
      sun: [],
    },
  })
  @IsObject()
  workingHours: Record<Weekday, WorkingPeriod[]>;
  @ApiProperty({ type: [HolidayDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => HolidayDto)
  holidays: HolidayDto[];
  @ApiPropertyOptional({
    example: ['2026-02-28'],
    description: 'Make-up working days (worked with Monday hours)',
  })
  @IsOptional()
  @IsArray()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true })
  extraWorkingDays?: string[];
}

export class SlaPolicyView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() position: number;
  @ApiProperty() isActive: boolean;
  @ApiProperty() calendarId: string;
  @ApiProperty() conditions: PolicyConditions;
  @ApiProperty() targets: Record<string, TargetSpec>;
  @ApiProperty() pauseStates: string[];
  @ApiProperty() escalationLadder: EscalationStep[];
  @ApiProperty() urgentNotifications: boolean;
  @ApiProperty() version: number;
}

export function toSlaPolicyView(row: SlaPolicy): SlaPolicyView {
  const spec = toPolicySpec(row);
  return {
    id: row.id,
    name: row.name,
    position: row.position,
    isActive: row.isActive,
    calendarId: row.calendarId,
    conditions: spec.conditions,
    targets: spec.targets,
    pauseStates: spec.pauseStates,
    escalationLadder: spec.ladder,
    urgentNotifications: row.urgentNotifications,
    version: row.version,
  };
}

export class CalendarView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() timeZone: string;
  @ApiProperty() workingHours: Record<Weekday, WorkingPeriod[]>;
  @ApiProperty({ type: [HolidayDto] }) holidays: Holiday[];
  @ApiProperty() extraWorkingDays: string[];
  @ApiProperty() isDefault: boolean;
  @ApiProperty() version: number;
}

export function toCalendarView(row: SlaCalendar): CalendarView {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.timeZone,
    workingHours: JSON.parse(row.workingHours) as Record<Weekday, WorkingPeriod[]>,
    holidays: JSON.parse(row.holidays) as Holiday[],
    extraWorkingDays: JSON.parse(row.extraWorkingDays) as string[],
    isDefault: row.isDefault,
    version: row.version,
  };
}
