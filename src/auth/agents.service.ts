import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { isUniqueViolation } from '../common/errors/database-errors.js';
import { NotFound } from '../common/errors/domain-error.js';
import { AccessToken } from './access-token.entity.js';
import { AccessTokensService, type IssuedToken } from './access-tokens.service.js';
import type { Actor } from './actor.js';
import { Agent, type Availability } from './agent.entity.js';
import { AgentEmailTaken } from './auth.errors.js';
import { hashPassword } from './credentials.js';
import { CreateAccessTokenDto, CreateAgentDto, UpdateAgentDto } from './dto/agent.dto.js';

/** What an admin may change about an agent, as the audit log shows it (never the password). */
const AUDITED_FIELDS = [
  'email',
  'displayName',
  'role',
  'isActive',
  'canViewSensitive',
  'language',
  'timeZone',
  'capacity',
  'availability',
] as const;

function changedFields(before: Partial<Agent>, after: Agent): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of AUDITED_FIELDS) {
    if (before[field] !== after[field]) changes[field] = [before[field] ?? null, after[field]];
  }
  return changes;
}

@Injectable()
export class AgentsService {
  private readonly logger = new Logger(AgentsService.name);

  constructor(
    @InjectRepository(Agent) private readonly agents: Repository<Agent>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tokens: AccessTokensService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  list(): Promise<Agent[]> {
    return this.agents.find({ order: { displayName: 'ASC' } });
  }

  async get(id: string): Promise<Agent> {
    const agent = await this.agents.findOne({ where: { id } });
    if (!agent) throw new NotFound('agent', id);
    return agent;
  }

  /** Creates an agent with a one-time password they must replace at first sign-in; audited. */
  async create(dto: CreateAgentDto, actor: Actor, mustChangePassword = true): Promise<Agent> {
    const now = this.clock.now();
    const email = dto.email.trim().toLowerCase();
    const agent = this.agents.create({
      email,
      displayName: dto.displayName,
      role: dto.role,
      passwordHash: await hashPassword(dto.initialPassword),
      passwordMustChange: mustChangePassword,
      isActive: true,
      failedLoginCount: 0,
      lockedUntil: null,
      lastLoginAt: null,
      language: dto.language ?? 'vi',
      timeZone: dto.timeZone ?? this.config.defaultTimeZone,
      capacity: dto.capacity ?? 20,
      availability: 'available',
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    try {
      await this.dataSource.transaction(async (em) => {
        await em.insert(Agent, agent);
        await this.audit.record(em, actor, [
          {
            action: 'agent.create',
            recordType: 'agent',
            recordId: agent.id,
            fields: changedFields({}, agent),
          },
        ]);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new AgentEmailTaken(email);
      throw error;
    }
    this.logger.log({ agentId: agent.id, role: agent.role }, 'agent created');
    return agent;
  }

  /** Changes an agent's settings or gives them a one-time password; before/after values are audited. */
  async update(id: string, dto: UpdateAgentDto, actor: Actor): Promise<Agent> {
    const { resetPassword, ...fields } = dto;
    const passwordHash = resetPassword ? await hashPassword(resetPassword) : null;
    const agent = await this.dataSource.transaction(async (em) => {
      const agent = await em.findOne(Agent, { where: { id } });
      if (!agent) throw new NotFound('agent', id);
      const before = { ...agent };
      Object.assign(agent, fields, { updatedAt: this.clock.now(), version: agent.version + 1 });
      if (passwordHash) {
        Object.assign(agent, {
          passwordHash,
          passwordMustChange: true,
          failedLoginCount: 0,
          lockedUntil: null,
        });
      }
      await em.save(agent);
      const changes = changedFields(before, agent);
      await this.audit.record(em, actor, [
        ...(Object.keys(changes).length > 0
          ? [{ action: 'agent.update', recordType: 'agent' as const, recordId: id, fields: changes }]
          : []),
        ...(passwordHash
          ? [{ action: 'agent.password_reset', recordType: 'agent' as const, recordId: id }]
          : []),
      ]);
      return agent;
    });
    if (dto.isActive === false || resetPassword) await this.tokens.revokeAllFor(agent.id);
    this.logger.log({ agentId: agent.id, fields: Object.keys(dto) }, 'agent updated');
    return agent;
  }

  async setAvailability(agent: Agent, availability: Availability): Promise<Agent> {
    if (agent.availability === availability) return agent;
    Object.assign(agent, { availability, updatedAt: this.clock.now(), version: agent.version + 1 });
    await this.agents.update(
      { id: agent.id },
      { availability, updatedAt: agent.updatedAt, version: agent.version },
    );
    this.logger.log({ agentId: agent.id, availability }, 'agent availability changed');
    return agent;
  }

  async issuePersonalToken(agentId: string, dto: CreateAccessTokenDto): Promise<IssuedToken> {
    const agent = await this.get(agentId);
    const expiresAt = dto.expiresInDays
      ? new Date(this.clock.now().getTime() + dto.expiresInDays * 86_400_000)
      : null;
    return this.tokens.issue(agent.id, 'personal', dto.name, expiresAt);
  }

  async listTokens(agentId: string): Promise<AccessToken[]> {
    await this.get(agentId);
    return this.tokens.listForAgent(agentId);
  }

  revokeToken(agentId: string, tokenId: string): Promise<void> {
    return this.tokens.revoke(agentId, tokenId);
  }

  countAgents(): Promise<number> {
    return this.agents.count();
  }
}
