import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBase64,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/http/cursor.js';
import {
  CHANNELS,
  type Channel,
  type Language,
  LANGUAGES,
  type Priority,
  PRIORITIES,
} from '../ticket.entity.js';
import { TICKET_STATES, type TicketState } from '../ticket-state.rules.js';

const MAX_BODY = 100_000;

export class NewCustomerDto {
  @ApiProperty({ example: 'nguyen.van.a@example.com' }) @IsEmail() @MaxLength(254) email: string;
  @ApiPropertyOptional({ example: 'Nguyễn Văn A' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  displayName?: string;
  @ApiPropertyOptional({ example: '0901 234 567' }) @IsOptional() @IsString() @MaxLength(40) phone?: string;
  @ApiPropertyOptional({ enum: LANGUAGES }) @IsOptional() @IsIn(LANGUAGES) preferredLanguage?: Language;
  @ApiPropertyOptional({ example: 'VN' }) @IsOptional() @IsISO31661Alpha2() country?: string;
}

export class AttachmentUploadDto {
  @ApiProperty({ example: 'Hóa đơn.pdf' }) @IsString() @MinLength(1) @MaxLength(255) fileName: string;
  @ApiProperty({ example: 'application/pdf' })
  @Matches(/^[\w.+-]+\/[\w.+-]+$/, { message: 'contentType must be a MIME type such as application/pdf' })
  @MaxLength(127)
  contentType: string;
  @ApiProperty({ description: 'The file, base64-encoded' }) @IsBase64() contentBase64: string;
}

class MessageFields {
  @ApiProperty({ description: 'Plain-text body', maxLength: MAX_BODY })
  @IsString()
  @MinLength(1)
  @MaxLength(MAX_BODY)
  body: string;

  @ApiPropertyOptional({ description: 'HTML body; sanitised before it is stored', maxLength: MAX_BODY * 2 })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_BODY * 2)
  bodyHtml?: string;

  @ApiPropertyOptional({ type: [AttachmentUploadDto], maxItems: 10 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => AttachmentUploadDto)
  attachments?: AttachmentUploadDto[];
}

export class CreateTicketDto extends MessageFields {
  @ApiPropertyOptional({ description: 'An existing customer; or give `customer`' })
  @ValidateIf((dto: CreateTicketDto) => !dto.customer || dto.customerId !== undefined)
  @IsUUID()
  customerId?: string;

  @ApiPropertyOptional({ type: NewCustomerDto, description: 'Found by e-mail, or created' })
  @ValidateIf((dto: CreateTicketDto) => !dto.customerId || dto.customer !== undefined)
  @ValidateNested()
  @Type(() => NewCustomerDto)
  customer?: NewCustomerDto;

  @ApiProperty({ example: 'Khiếu nại: hoàn tiền tour Đà Lạt' })
  @IsString()
  @MinLength(1)
  @MaxLength(255)
  subject: string;
  @ApiPropertyOptional({ enum: CHANNELS, default: 'api' }) @IsOptional() @IsIn(CHANNELS) channel?: Channel;
  @ApiPropertyOptional({ enum: LANGUAGES, description: "Defaults to the customer's preferred language" })
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
  @ApiPropertyOptional({ enum: PRIORITIES, default: 'normal' })
  @IsOptional()
  @IsIn(PRIORITIES)
  priority?: Priority;
  @ApiPropertyOptional({ description: 'Defaults to the default queue' })
  @IsOptional()
  @IsUUID()
  queueId?: string;
  @ApiPropertyOptional({ example: 'payment' }) @IsOptional() @IsString() @MaxLength(40) categoryKey?: string;
  @ApiPropertyOptional({ example: 'OTV-2026-001234' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  bookingReference?: string;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];
}

export class UpdateTicketDto {
  @ApiProperty({ description: 'The version you read; a stale one answers 409 with what changed' })
  @IsInt()
  @Min(1)
  version: number;
  @ApiPropertyOptional({ enum: TICKET_STATES }) @IsOptional() @IsIn(TICKET_STATES) state?: TicketState;
  @ApiPropertyOptional({ enum: PRIORITIES }) @IsOptional() @IsIn(PRIORITIES) priority?: Priority;
  @ApiPropertyOptional() @IsOptional() @IsUUID() queueId?: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null unassigns' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  assigneeId?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'null clears the category' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(40)
  categoryKey?: string | null;
  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(40)
  bookingReference?: string | null;
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  tags?: string[];
}

export class ReplyToTicketDto extends MessageFields {
  @ApiPropertyOptional({ description: 'The version you read; a stale one answers 409 with what changed' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
  @ApiPropertyOptional({
    enum: TICKET_STATES,
    description: 'State after the reply; by default a new or open ticket waits on the customer',
  })
  @IsOptional()
  @IsIn(TICKET_STATES)
  nextState?: TicketState;
}

export class AddNoteDto extends MessageFields {}

/** A message from the customer that reached an agent another way (phone, chat, walk-in). */
export class RecordCustomerMessageDto extends MessageFields {}

export const toList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

export class ListTicketsQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() queueId?: string;
  @ApiPropertyOptional({ description: 'One or more states, comma-separated', example: 'new,open' })
  @IsOptional()
  @Transform(toList)
  @IsIn(TICKET_STATES, { each: true })
  state?: TicketState[];
  @ApiPropertyOptional({ description: 'One or more priorities, comma-separated' })
  @IsOptional()
  @Transform(toList)
  @IsIn(PRIORITIES, { each: true })
  priority?: Priority[];
  @ApiPropertyOptional({ description: 'An agent id, or "none" for unassigned tickets' })
  @IsOptional()
  @ValidateIf((_, value) => value !== 'none')
  @IsUUID()
  assigneeId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() customerId?: string;
  @ApiPropertyOptional({
    description: 'Words from the subject, number or booking reference; tone marks optional',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  text?: string;
}

export class MergeTicketDto {
  @ApiProperty({ description: 'The ticket that lives on; it must belong to the same customer' })
  @IsUUID()
  targetTicketId: string;
  @ApiProperty({ description: 'The version of this (the duplicate) ticket you read' })
  @IsInt()
  @Min(1)
  version: number;
  @ApiPropertyOptional({ default: false, description: 'Mail the customer which number to use from now on' })
  @IsOptional()
  @IsBoolean()
  notifyCustomer?: boolean;
}
