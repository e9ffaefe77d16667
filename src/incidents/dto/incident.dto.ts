import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Matches,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import type { Incident } from '../incident.entity.js';
import {
  type Deadline,
  INCIDENT_KINDS,
  INCIDENT_STATES,
  type IncidentKind,
  type IncidentState,
  OBLIGATIONS,
} from '../incident.rules.js';

const MAX_COUNT = 2_000_000_000;
const NOT_BLANK = /\S/;

/** The content of the notification to the authority; any of it may be filled in as it becomes known. */
export class IncidentContentDto {
  @ApiPropertyOptional({ example: 'Lộ dữ liệu đặt tour qua máy chủ sao lưu' })
  @ValidateIf((dto: IncidentContentDto) => dto.title !== undefined)
  @IsString()
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  @MaxLength(200)
  title?: string;
  @ApiPropertyOptional({ description: 'What happened, when and where; who did it, if known' })
  @ValidateIf((dto: IncidentContentDto) => dto.description !== undefined)
  @IsString()
  @Matches(NOT_BLANK, { message: 'description must not be blank' })
  @MaxLength(20_000)
  description?: string;
  @ApiPropertyOptional({
    example: 'Khách hàng: họ tên, e-mail, số điện thoại, mã đặt tour',
    description: 'Categories of data subjects and of personal data affected',
  })
  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  dataCategories?: string;
  @ApiPropertyOptional({ example: 1200, description: 'Approximate number of data subjects affected' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  subjectsAffected?: number;
  @ApiPropertyOptional({ example: 3400, description: 'Approximate number of records affected' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_COUNT)
  recordsAffected?: number;
  @ApiPropertyOptional({
    example: 'Nguyễn Thị Lan, phụ trách bảo vệ dữ liệu, dpo@offtrack.vn, +84 28 3821 0000',
    description: 'The person responsible for data protection, and how to reach them',
  })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  contactPerson?: string;
  @ApiPropertyOptional({ description: 'Likely consequences and harm' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  consequences?: string;
  @ApiPropertyOptional({ description: 'Measures taken to deal with it and limit the harm' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  measuresTaken?: string;
  @ApiPropertyOptional({ description: 'Measures proposed' })
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  measuresProposed?: string;
  @ApiPropertyOptional({ description: 'Why the notification is late; required when it is' })
  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  delayReason?: string;
}

export class ReportIncidentDto extends OmitType(IncidentContentDto, ['title', 'description'] as const) {
  @ApiProperty({ enum: INCIDENT_KINDS }) @IsIn(INCIDENT_KINDS) kind: IncidentKind;
  @ApiProperty({ example: 'Lộ dữ liệu đặt tour qua máy chủ sao lưu' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  @MaxLength(200)
  title: string;
  @ApiProperty({
    example: '2026-03-02T08:15:00+07:00',
    description: 'When it was discovered; not in the future',
  })
  @IsISO8601({ strict: true })
  discoveredAt: string;
  @ApiProperty({ description: 'What happened, when and where; who did it, if known' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'description must not be blank' })
  @MaxLength(20_000)
  description: string;
}

export class UpdateIncidentDto extends IncidentContentDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class RecordNotificationDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
  @ApiProperty({ example: 'Cục A05 – Bộ Công an' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  notifiedTo: string;
  @ApiPropertyOptional({ example: 'CV-123/2026', description: 'Dispatch number or receipt' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;
  @ApiPropertyOptional({
    example: '2026-03-02T15:00:00+07:00',
    description: 'Defaults to now; not in the future',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  notifiedAt?: string;
  @ApiPropertyOptional({ description: 'Why it is late, if it is and the incident does not say yet' })
  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  delayReason?: string;
}

export class CloseIncidentDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
  @ApiPropertyOptional({ description: 'Required when closing without a notification (a false alarm)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class DeadlineView {
  @ApiProperty({ enum: OBLIGATIONS }) obligation: string;
  @ApiProperty({ example: 72 }) hours: number;
  @ApiProperty({ description: 'UTC' }) dueAt: string;
  @ApiProperty() isMet: boolean;
  @ApiProperty() isOverdue: boolean;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'Negative once past; null once notified',
  })
  minutesLeft: number | null;
}

export class IncidentView {
  @ApiProperty() id: string;
  @ApiProperty({ enum: INCIDENT_KINDS }) kind: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'UTC' }) discoveredAt: string;
  @ApiProperty() reportedById: string;
  @ApiProperty({ enum: INCIDENT_STATES }) state: string;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ nullable: true, type: String }) dataCategories: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) subjectsAffected: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) recordsAffected: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) contactPerson: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) consequences: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) measuresTaken: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) measuresProposed: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) delayReason: string | null;
  @ApiProperty({ type: [DeadlineView] }) deadlines: DeadlineView[];
  @ApiPropertyOptional({ nullable: true, type: String }) notifiedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) notifiedTo: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) notificationReference: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) closingReason: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
}

export class NotificationDraftView {
  @ApiProperty({ example: 'vi' }) language: string;
  @ApiProperty() recipient: string;
  @ApiProperty() subject: string;
  @ApiProperty() body: string;
  @ApiProperty({ description: 'Content the decree asks for that the incident does not give yet' })
  missing: string[];
}

export function toIncidentView(row: Incident, deadlines: Deadline[]): IncidentView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    discoveredAt: row.discoveredAt.toISOString(),
    reportedById: row.reportedById,
    state: row.state,
    description: row.description,
    dataCategories: row.dataCategories,
    subjectsAffected: row.subjectsAffected,
    recordsAffected: row.recordsAffected,
    contactPerson: row.contactPerson,
    consequences: row.consequences,
    measuresTaken: row.measuresTaken,
    measuresProposed: row.measuresProposed,
    delayReason: row.delayReason,
    deadlines: deadlines.map((deadline) => ({ ...deadline, dueAt: deadline.dueAt.toISOString() })),
    notifiedAt: row.notifiedAt?.toISOString() ?? null,
    notifiedTo: row.notifiedTo,
    notificationReference: row.notificationReference,
    closedAt: row.closedAt?.toISOString() ?? null,
    closingReason: row.closingReason,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export class ListIncidentsQuery {
  @ApiPropertyOptional({ enum: INCIDENT_STATES }) @IsOptional() @IsIn(INCIDENT_STATES) state?: IncidentState;
}
