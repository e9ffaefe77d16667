import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { AVAILABILITIES, type Availability } from '../agent.entity.js';
import { ROLES, type Role } from '../role.js';

export class CreateAgentDto {
  @ApiProperty({ example: 'lan.nguyen@offtrack.vn' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty({ example: 'Nguyễn Thị Lan' }) @IsString() @MinLength(1) @MaxLength(200) displayName: string;
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiProperty({ description: 'A first password the agent must replace at first sign-in', minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  initialPassword: string;
  @ApiPropertyOptional({ enum: ['vi', 'en'], default: 'vi' })
  @IsOptional()
  @IsIn(['vi', 'en'])
  language?: string;
  @ApiPropertyOptional({ example: 'Asia/Ho_Chi_Minh' }) @IsOptional() @IsTimeZone() timeZone?: string;
  @ApiPropertyOptional({ default: 20, description: 'Open tickets the agent can carry' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity?: number;
}

export class SetAvailabilityDto {
  @ApiProperty({ enum: AVAILABILITIES, description: 'Away agents get no automatic assignments' })
  @IsIn(AVAILABILITIES)
  availability: Availability;
}

export class UpdateAgentDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) displayName?: string;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ description: 'False signs the agent out everywhere and stops new sign-ins' })
  @IsOptional()
  @IsBoolean()
  isActive?: boolean;
  @ApiPropertyOptional({ enum: ['vi', 'en'] }) @IsOptional() @IsIn(['vi', 'en']) language?: string;
  @ApiPropertyOptional() @IsOptional() @IsTimeZone() timeZone?: string;
  @ApiPropertyOptional() @IsOptional() @IsInt() @Min(1) @Max(1000) capacity?: number;
  @ApiPropertyOptional({ enum: AVAILABILITIES })
  @IsOptional()
  @IsIn(AVAILABILITIES)
  availability?: Availability;
  @ApiPropertyOptional({ description: 'Sees card, citizen ID and passport numbers in messages unmasked' })
  @IsOptional()
  @IsBoolean()
  canViewSensitive?: boolean;
  @ApiPropertyOptional({ description: 'Sets a new one-time password and unlocks the account', minLength: 12 })
  @IsOptional()
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  resetPassword?: string;
}

export class CreateAccessTokenDto {
  @ApiProperty({ example: 'booking-system integration' })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name: string;
  @ApiPropertyOptional({ description: 'Days until it expires; without it, it lasts until revoked' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3650)
  expiresInDays?: number;
}
