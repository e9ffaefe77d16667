import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateIf } from 'class-validator';
import type { LegalHold } from '../legal-hold.entity.js';

const NOT_BLANK = /\S/;

/** On a customer or on one of their tickets: give exactly one of the two. */
export class PlaceLegalHoldDto {
  @ApiPropertyOptional({ description: 'The customer to hold; or give ticketId' })
  @ValidateIf((dto: PlaceLegalHoldDto) => dto.ticketId === undefined || dto.customerId !== undefined)
  @IsUUID('all', { message: 'customerId must be a UUID (give customerId or ticketId)' })
  customerId?: string;
  @ApiPropertyOptional({ description: 'The ticket to hold (it holds its customer); or give customerId' })
  @ValidateIf((dto: PlaceLegalHoldDto) => dto.customerId === undefined || dto.ticketId !== undefined)
  @IsUUID('all', { message: 'ticketId must be a UUID (give customerId or ticketId)' })
  ticketId?: string;
  @ApiProperty({ example: 'Tranh chấp hoàn tiền đang chờ Tòa án nhân dân Quận 1 xét xử' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(500)
  reason: string;
  @ApiPropertyOptional({ example: 'TA-Q1-2026-0153', description: 'Dispute, claim or court case number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reference?: string;
}

export class ReleaseLegalHoldDto {
  @ApiProperty({ example: 'Bản án đã có hiệu lực; hết thời hạn kháng cáo' })
  @IsString()
  @Matches(NOT_BLANK, { message: 'reason must not be blank' })
  @MaxLength(500)
  reason: string;
}

export class ListLegalHoldsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() customerId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() ticketId?: string;
  @ApiPropertyOptional({ description: 'true: only holds not yet released' })
  @IsOptional()
  @Transform(({ obj }: { obj: Record<string, unknown> }) =>
    obj.active === 'true' ? true : obj.active === 'false' ? false : obj.active,
  )
  @IsBoolean()
  active?: boolean;
}

export class LegalHoldView {
  @ApiProperty() id: string;
  @ApiProperty() customerId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) ticketId: string | null;
  @ApiProperty() reason: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reference: string | null;
  @ApiProperty() placedById: string;
  @ApiProperty() placedAt: string;
  @ApiProperty() isActive: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) releasedById: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) releasedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) releaseReason: string | null;
}

export function toLegalHoldView(hold: LegalHold): LegalHoldView {
  return {
    id: hold.id,
    customerId: hold.customerId,
    ticketId: hold.ticketId,
    reason: hold.reason,
    reference: hold.reference,
    placedById: hold.placedById,
    placedAt: hold.placedAt.toISOString(),
    isActive: hold.releasedAt === null,
    releasedById: hold.releasedById,
    releasedAt: hold.releasedAt?.toISOString() ?? null,
    releaseReason: hold.releaseReason,
  };
}
