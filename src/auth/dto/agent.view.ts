import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '../role.js';
import { type Agent, AVAILABILITIES } from '../agent.entity.js';
import type { AccessToken } from '../access-token.entity.js';

export class AgentView {
  @ApiProperty() id: string;
  @ApiProperty() email: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty() isActive: boolean;
  @ApiProperty({ enum: ['vi', 'en'] }) language: string;
  @ApiProperty({ example: 'Asia/Ho_Chi_Minh' }) timeZone: string;
  @ApiProperty() capacity: number;
  @ApiProperty({ enum: AVAILABILITIES }) availability: string;
  @ApiProperty({ description: 'Sees sensitive data in messages unmasked; admins always do' })
  canViewSensitive: boolean;
  @ApiProperty() mustChangePassword: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) lockedUntil: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lastLoginAt: string | null;
  @ApiProperty() createdAt: string;
}

export function toAgentView(agent: Agent): AgentView {
  return {
    id: agent.id,
    email: agent.email,
    displayName: agent.displayName,
    role: agent.role,
    isActive: agent.isActive,
    language: agent.language,
    timeZone: agent.timeZone,
    capacity: agent.capacity,
    availability: agent.availability,
    canViewSensitive: agent.canViewSensitive,
    mustChangePassword: agent.passwordMustChange,
    lockedUntil: agent.lockedUntil?.toISOString() ?? null,
    lastLoginAt: agent.lastLoginAt?.toISOString() ?? null,
    createdAt: agent.createdAt.toISOString(),
  };
}

export class AccessTokenView {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['session', 'personal'] }) kind: string;
  @ApiProperty({ description: 'The first characters, to recognise a token without revealing it' })
  prefix: string;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({ nullable: true, type: String }) expiresAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) lastUsedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) revokedAt: string | null;
}

export class IssuedTokenView extends AccessTokenView {
  @ApiProperty({ description: 'The token itself; shown only this once' }) token: string;
}

export function toAccessTokenView(token: AccessToken): AccessTokenView {
  return {
    id: token.id,
    name: token.name,
    kind: token.kind,
    prefix: token.tokenPrefix,
    createdAt: token.createdAt.toISOString(),
    expiresAt: token.expiresAt?.toISOString() ?? null,
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
  };
}
