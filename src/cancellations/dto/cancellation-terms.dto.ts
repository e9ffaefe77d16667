import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import type { CancellationTerms } from '../cancellation-terms.entity.js';
import { MAX_BAND_DAYS, type PenaltyBand } from '../cancellation.rules.js';

export class PenaltyBandDto implements PenaltyBand {
  @ApiProperty({ example: 15, description: 'Cancelled at least this many days before departure' })
  @IsInt()
  @Min(0)
  @Max(MAX_BAND_DAYS)
  fromDays: number;
  @ApiProperty({
    example: 29,
    nullable: true,
    type: Number,
    description: 'and at most this many; null: or more',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_BAND_DAYS)
  toDays: number | null;
  @ApiProperty({ example: 20, description: 'Percentage of the price kept' })
  @IsInt()
  @Min(0)
  @Max(100)
  percentKept: number;
}

export class SaveCancellationTermsDto {
  @ApiPropertyOptional({ description: 'The version you read; leave out to add a new product type' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
  @ApiProperty({ example: 'Tour nhiều ngày' }) @IsString() @MinLength(1) @MaxLength(100) nameVi: string;
  @ApiProperty({ example: 'Multi-day tour' }) @IsString() @MinLength(1) @MaxLength(100) nameEn: string;
  @ApiProperty({
    type: [PenaltyBandDto],
    description:
      'Together they must cover every day count from 0 up exactly once; the furthest is open-ended',
  })
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => PenaltyBandDto)
  bands: PenaltyBandDto[];
  @ApiProperty({ example: 100, description: 'Percentage kept when cancelled after the departure date' })
  @IsInt()
  @Min(0)
  @Max(100)
  noShowPercentKept: number;
}

export class CancellationTermsView {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'multi_day_tour' }) productType: string;
  @ApiProperty() version: number;
  @ApiProperty() nameVi: string;
  @ApiProperty() nameEn: string;
  @ApiProperty({ type: [PenaltyBandDto], description: 'Furthest from departure first' }) bands: PenaltyBand[];
  @ApiProperty() noShowPercentKept: number;
  @ApiPropertyOptional({ nullable: true, type: String }) createdById: string | null;
  @ApiProperty() createdAt: string;
}

export function toCancellationTermsView(row: CancellationTerms): CancellationTermsView {
  return {
    id: row.id,
    productType: row.productType,
    version: row.version,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    bands: JSON.parse(row.bands) as PenaltyBand[],
    noShowPercentKept: row.noShowPercentKept,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
  };
}
