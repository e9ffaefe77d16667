import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class UnmaskMessageDto {
  @ApiProperty({
    example: 'Khách yêu cầu xác minh số thẻ bị trừ tiền hai lần',
    description: 'Why the full numbers are needed; kept in the audit log',
    minLength: 10,
  })
  @IsString()
  @MinLength(10)
  @MaxLength(500)
  reason: string;
}
