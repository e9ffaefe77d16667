import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { AgentView } from './agent.view.js';

export class LoginDto {
  @ApiProperty({ example: 'admin@offtrack.test' }) @IsEmail() @MaxLength(254) email: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) password: string;
}

export class LoginView {
  @ApiProperty({ description: 'Send as "Authorization: Bearer <token>"; shown only once' }) token: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({
    description: 'True while the one-time password must be replaced (POST /api/v1/auth/password)',
  })
  mustChangePassword: boolean;
  @ApiProperty({ type: AgentView }) agent: AgentView;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MaxLength(200) currentPassword: string;
  @ApiProperty({ minLength: 12 }) @IsString() @MinLength(12) @MaxLength(200) newPassword: string;
}
