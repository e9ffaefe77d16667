import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock.js';
import { NotFound } from '../common/errors/domain-error.js';
import { AccessToken, type AccessTokenKind } from './access-token.entity.js';
import { Agent } from './agent.entity.js';
import { hashAccessToken, newAccessToken } from './credentials.js';

/** Writing last_used_at on every request would turn each read into a write; once a minute is enough. */
const LAST_USED_RESOLUTION_MS = 60_000;

export interface IssuedToken {
  token: string;
  record: AccessToken;
}

@Injectable()
export class AccessTokensService {
  constructor(
    @InjectRepository(AccessToken) private readonly tokens: Repository<AccessToken>,
    private readonly clock: Clock,
  ) {}

  async issue(
    agentId: string,
    kind: AccessTokenKind,
    name: string,
    expiresAt: Date | null,
    em: EntityManager = this.tokens.manager,
  ): Promise<IssuedToken> {
    const { token, hash, prefix } = newAccessToken();
    const record = em.create(AccessToken, {
      agentId,
      kind,
      name,
      tokenHash: hash,
      tokenPrefix: prefix,
      createdAt: this.clock.now(),
      expiresAt,
      lastUsedAt: null,
      revokedAt: null,
    });
    await em.save(record);
    return { token, record };
  }

  /** The agent behind a bearer token, or null if the token is unknown, revoked, expired or its agent inactive. */
  async authenticate(token: string): Promise<{ agent: Agent; tokenId: string } | null> {
    const now = this.clock.now();
    // One round trip per request: the token and its agent together.
    const record = (await this.tokens
      .createQueryBuilder('token')
      .innerJoinAndMapOne(
        'token.agent',
        Agent,
        'agent',
        'agent.id = token.agentId AND agent.isActive = :active',
        {
          active: true,
        },
      )
      .where('token.tokenHash = :hash AND token.revokedAt IS NULL', { hash: hashAccessToken(token) })
      .getOne()) as (AccessToken & { agent: Agent }) | null;
    if (!record || (record.expiresAt && record.expiresAt <= now)) return null;
    const agent = record.agent;
    if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await this.tokens.update({ id: record.id }, { lastUsedAt: now });
    }
    return { agent, tokenId: record.id };
  }

  listForAgent(agentId: string): Promise<AccessToken[]> {
    return this.tokens.find({ where: { agentId }, order: { createdAt: 'DESC' } });
  }

  async revoke(agentId: string, tokenId: string): Promise<void> {
    const record = await this.tokens.findOne({ where: { id: tokenId, agentId } });
    if (!record) throw new NotFound('access token', tokenId);
    if (!record.revokedAt) await this.tokens.update({ id: tokenId }, { revokedAt: this.clock.now() });
  }

  async revokeAllFor(agentId: string, except?: string): Promise<void> {
    const live = await this.tokens.find({ where: { agentId, revokedAt: IsNull() } });
    const ids = live.map((token) => token.id).filter((id) => id !== except);
    if (ids.length > 0) await this.tokens.update(ids, { revokedAt: this.clock.now() });
  }
}
