import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import { CategoryView } from '../../tickets/dto/ticket.view.js';

export class SetKeywordsDto {
  @ApiProperty({ type: [String], example: ['hoàn tiền', 'trừ tiền hai lần', 'refund'] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  keywords: string[];
}

export class KeywordListView {
  @ApiProperty({ type: CategoryView }) category: CategoryView;
  @ApiProperty({ type: [String] }) keywords: string[];
}
