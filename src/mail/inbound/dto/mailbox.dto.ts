import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import type { Mailbox } from '../mailbox.entity.js';

const SECURITY = ['implicit', 'starttls', 'none'] as const;

export class CreateMailboxDto {
  @ApiProperty({ example: 'Official address' }) @IsString() @MinLength(1) @MaxLength(100) name: string;
  @ApiProperty({ example: 'care@offtrack.vn', description: 'The official address customers write to' })
  @IsEmail()
  @MaxLength(254)
  address: string;
  @ApiProperty({ example: 'imap.offtrack.vn' }) @IsString() @MinLength(1) @MaxLength(255) imapHost: string;
  @ApiProperty({ example: 993 }) @Min(1) @Max(65535) @IsInt() imapPort: number;
  @ApiProperty({ enum: SECURITY, description: '"none" only for a loopback host' })
  @IsIn(SECURITY)
  imapSecurity: (typeof SECURITY)[number];
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(254) imapUsername: string;
  @ApiProperty({ description: 'Stored encrypted; never returned' })
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  imapPassword: string;
  @ApiPropertyOptional({ default: 'INBOX' }) @IsOptional() @IsString() @MaxLength(255) imapFolder?: string;
  @ApiProperty() @IsUUID() defaultQueueId: string;
}

export class UpdateMailboxDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(100) name?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(255) imapHost?: string;
  @ApiPropertyOptional() @IsOptional() @Min(1) @Max(65535) @IsInt() imapPort?: number;
  @ApiPropertyOptional({ enum: SECURITY })
  @IsOptional()
  @IsIn(SECURITY)
  imapSecurity?: (typeof SECURITY)[number];
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(254) imapUsername?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(500) imapPassword?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(255) imapFolder?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() defaultQueueId?: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() isActive?: boolean;
}

export class MailboxView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty({ enum: ['env', 'admin'] }) source: string;
  @ApiProperty() imapHost: string;
  @ApiProperty() imapPort: number;
  @ApiProperty({ enum: SECURITY }) imapSecurity: string;
  @ApiProperty() imapUsername: string;
  @ApiProperty() imapFolder: string;
  @ApiProperty() defaultQueueId: string;
  @ApiProperty() isActive: boolean;
  @ApiProperty() lastUid: number;
  @ApiPropertyOptional({ nullable: true, type: String }) lastFetchAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lastError: string | null;
}

export function toMailboxView(mailbox: Mailbox): MailboxView {
  return {
    id: mailbox.id,
    name: mailbox.name,
    address: mailbox.address,
    source: mailbox.source,
    imapHost: mailbox.imapHost,
    imapPort: mailbox.imapPort,
    imapSecurity: mailbox.imapSecurity,
    imapUsername: mailbox.imapUsername,
    imapFolder: mailbox.imapFolder,
    defaultQueueId: mailbox.defaultQueueId,
    isActive: mailbox.isActive,
    lastUid: mailbox.lastUid,
    lastFetchAt: mailbox.lastFetchAt?.toISOString() ?? null,
    lastError: mailbox.lastError,
  };
}

export class ConnectionTestView {
  @ApiProperty() ok: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) error: string | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) messages: number | null;
}
