import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldError {
  @ApiProperty({ example: 'subject' }) field: string;
  @ApiProperty({ example: 'subject should not be empty' }) reason: string;
}

/** The one error shape every /api route answers with. */
export class ErrorResponse {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'Validation failed' }) message: string;
  @ApiPropertyOptional({ type: [FieldError] }) errors?: FieldError[];
  @ApiPropertyOptional({ description: 'Facts about a conflict, e.g. the current version and what changed' })
  details?: Record<string, unknown>;
  @ApiProperty({ description: 'Quote it when reporting a problem; it is in the logs too' }) requestId: string;
}
