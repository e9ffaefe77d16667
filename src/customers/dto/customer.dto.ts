import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsTimeZone,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { toE164 } from '../phone-number.js';

/** Each phone must parse in the customer's country (field `country` of the same body, VN if absent). */
function IsPhoneNumberInCountry() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPhoneNumberInCountry',
      target: object.constructor,
      propertyName,
      options: { each: true },
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          typeof value === 'string' && toE164(value, (args.object as { country?: string }).country) !== null,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} must hold valid phone numbers ("${String(args?.value)}" is not one)`,
      },
    });
}

class CustomerFields {
  @ApiPropertyOptional({ type: [String], example: ['nguyen.van.a@example.com'], maxItems: 10 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique((email: string) => email.toLowerCase())
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  emails?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['0901 234 567'],
    description: 'Stored in E.164; national numbers are read in `country` (VN by default)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsPhoneNumberInCountry()
  phones?: string[];

  @ApiPropertyOptional({ enum: ['vi', 'en'] }) @IsOptional() @IsIn(['vi', 'en']) preferredLanguage?:
    'vi' | 'en';
  @ApiPropertyOptional({ example: 'Asia/Ho_Chi_Minh' }) @IsOptional() @IsTimeZone() timeZone?: string;
  @ApiPropertyOptional({ example: 'VN', description: 'ISO 3166-1 alpha-2' })
  @IsOptional()
  @IsISO31661Alpha2()
  country?: string;
  @ApiPropertyOptional({ description: 'Vulnerable consumers get priority (Law 19/2023)' })
  @IsOptional()
  @IsBoolean()
  isVulnerable?: boolean;
}

export class CreateCustomerDto extends CustomerFields {
  @ApiProperty({ example: 'Nguyễn Văn A' }) @IsString() @MinLength(1) @MaxLength(200) displayName: string;
}

export class UpdateCustomerDto extends CustomerFields {
  @ApiProperty({ description: 'The version you read; a stale one answers 409' })
  @IsInt()
  @Min(1)
  version: number;
  @ApiProperty({
    description: 'Why the record is corrected, e.g. "customer asked by phone, ticket OT#100231"',
  })
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MinLength(1) @MaxLength(200) displayName?: string;
}

export class SearchCustomersQuery {
  @ApiPropertyOptional({ description: 'Exact e-mail address' }) @IsOptional() @IsEmail() email?: string;
  @ApiPropertyOptional({ description: 'Phone in any common format' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;
  @ApiPropertyOptional({
    description: 'Part of the name, tone marks optional: "nguyen van a" finds "Nguyễn Văn A"',
  })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name?: string;
  @ApiPropertyOptional({ default: 25, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit: number = 25;
}
