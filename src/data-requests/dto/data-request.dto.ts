import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { CONSENT_PURPOSES } from '../../consent/consent.rules.js';
import { UpdateCustomerDto } from '../../customers/dto/customer.dto.js';
import type { DataRequest } from '../data-request.entity.js';
import {
  DATA_REQUEST_CHANNELS,
  DATA_REQUEST_TYPES,
  deadlineStatus,
  type DeadlineStatus,
} from '../data-request.rules.js';

export class FileDataRequestDto {
  @ApiProperty({ enum: DATA_REQUEST_TYPES }) @IsIn(DATA_REQUEST_TYPES) type: string;
  @ApiProperty({ enum: DATA_REQUEST_CHANNELS, description: 'How the customer asked' })
  @IsIn(DATA_REQUEST_CHANNELS)
  channel: string;
  @ApiPropertyOptional({ description: 'When the request arrived (defaults to now); deadlines count from it' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedAt?: string;
  @ApiPropertyOptional({ description: 'What the customer asked for, in their words' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  details?: string;
}

export class DataRequestVersionDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ExtendDataRequestDto extends DataRequestVersionDto {
  @ApiProperty({ description: 'Why more time is needed; told to the customer' })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason: string;
}

export class CloseDataRequestDto extends DataRequestVersionDto {
  @ApiProperty({ description: 'What was done, or why it is refused; told to the customer' })
  @IsString()
  @MinLength(5)
  @MaxLength(4000)
  outcome: string;
}

export class CorrectCustomerDataDto extends DataRequestVersionDto {
  @ApiProperty({
    type: UpdateCustomerDto,
    description: "The corrected fields, with the customer record's version",
  })
  @ValidateNested()
  @Type(() => UpdateCustomerDto)
  customer: UpdateCustomerDto;
}

export class WithdrawConsentDto extends DataRequestVersionDto {
  @ApiProperty({ enum: CONSENT_PURPOSES, isArray: true, description: 'The consents the customer withdraws' })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(CONSENT_PURPOSES, { each: true })
  purposes: string[];
}

export class LiftProcessingRestrictionDto {
  @ApiProperty({ description: 'Why the restriction ends; audited and told to the customer' })
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  reason: string;
}

export class LiftedRestrictionView {
  @ApiProperty() customerId: string;
  @ApiProperty({
    description: 'The request that had set the restriction; the customer is told on its ticket',
  })
  dataRequestId: string;
}

export class DataRequestListQuery {
  @ApiPropertyOptional({ enum: ['open', 'closed'], default: 'open' })
  @IsOptional()
  @IsIn(['open', 'closed'])
  state: 'open' | 'closed' = 'open';
  @ApiPropertyOptional() @IsOptional() @IsUUID() customerId?: string;
  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 100;
}

export class DataRequestView {
  @ApiProperty() id: string;
  @ApiProperty() ticketId: string;
  @ApiProperty() customerId: string;
  @ApiProperty({ enum: DATA_REQUEST_TYPES }) type: string;
  @ApiProperty({ enum: DATA_REQUEST_CHANNELS }) channel: string;
  @ApiProperty({ enum: ['awaiting_verification', 'in_progress', 'completed', 'refused'] }) state: string;
  @ApiProperty({ type: String, nullable: true }) details: string | null;
  @ApiProperty() receivedAt: Date;
  @ApiProperty() firstReplyDueAt: Date;
  @ApiProperty({ type: Date, nullable: true }) firstRepliedAt: Date | null;
  @ApiProperty({ enum: ['met', 'on_track', 'due_soon', 'overdue'] }) firstReplyStatus: DeadlineStatus;
  @ApiProperty() dueAt: Date;
  @ApiProperty({ enum: ['met', 'on_track', 'due_soon', 'overdue'] }) dueStatus: DeadlineStatus;
  @ApiProperty({ type: Date, nullable: true }) extendedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) extensionReason: string | null;
  @ApiProperty({ description: 'The address the identity-check link went to' }) verificationSentTo: string;
  @ApiProperty({ type: Date, nullable: true }) verifiedAt: Date | null;
  @ApiProperty({ type: Date, nullable: true }) closedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) outcome: string | null;
  @ApiProperty() version: number;
}

export function toDataRequestView(row: DataRequest, now: Date): DataRequestView {
  return {
    id: row.id,
    ticketId: row.ticketId,
    customerId: row.customerId,
    type: row.type,
    channel: row.channel,
    state: row.state,
    details: row.details,
    receivedAt: row.receivedAt,
    firstReplyDueAt: row.firstReplyDueAt,
    firstRepliedAt: row.firstRepliedAt,
    firstReplyStatus: deadlineStatus(row.firstReplyDueAt, row.firstRepliedAt, now),
    dueAt: row.dueAt,
    dueStatus: deadlineStatus(row.dueAt, row.closedAt, now),
    extendedAt: row.extendedAt,
    extensionReason: row.extensionReason,
    verificationSentTo: row.verificationSentTo,
    verifiedAt: row.verifiedAt,
    closedAt: row.closedAt,
    outcome: row.outcome,
    version: row.version,
  };
}
