import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AccessTokenKind = 'session' | 'personal';

/**
 * A bearer token. Only its SHA-256 is stored: tokens are 256 random bits, so a fast hash is enough and
 * lets each request look the token up by an index.
 */
@Entity('access_tokens')
export class AccessToken {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'agent_id', type: 'varchar', length: 36 }) agentId: string;
  @Column({ type: 'varchar', length: 100 }) name: string;
  @Column({ type: 'varchar', length: 20 }) kind: AccessTokenKind;
  @Column({ name: 'token_hash', type: 'varchar', length: 64 }) tokenHash: string;
  @Column({ name: 'token_prefix', type: 'varchar', length: 16 }) tokenPrefix: string;
  @Column({ name: 'created_at', type: 'datetime', precision: 3 }) createdAt: Date;
  @Column({ name: 'expires_at', type: 'datetime', precision: 3, nullable: true }) expiresAt: Date | null;
  @Column({ name: 'last_used_at', type: 'datetime', precision: 3, nullable: true }) lastUsedAt: Date | null;
  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true }) revokedAt: Date | null;
}
