import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { isUniqueViolation } from '../common/errors/database-errors.js';
import { NotFound } from '../common/errors/domain-error.js';
import { AccessToken } from './access-token.entity.js';
import { AccessTokensService, type IssuedToken } from './access-tokens.service.js';
import { Agent, type Availability } from './agent.entity.js';
import { AgentEmailTaken } from './auth.errors.js';
import { hashPassword } from './credentials.js';
import { CreateAccessTokenDto, CreateAgentDto, UpdateAgentDto } from './dto/agent.dto.js';

@Injectable()
export class AgentsService {
  private readonly logger = new Logger(AgentsService.name);

  constructor(
    @InjectRepository(Agent) private readonly agents: Repository<Agent>,
    private readonly tokens: AccessTokensService,
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

  /** Creates an agent with a one-time password they must replace at first sign-in. */
  async create(dto: CreateAgentDto, mustChangePassword = true): Promise<Agent> {
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
      await this.agents.insert(agent);
    } catch (error) {
      if (isUniqueViolation(error)) throw new AgentEmailTaken(email);
      throw error;
    }
    this.logger.log({ agentId: agent.id, role: agent.role }, 'agent created');
    return agent;
  }

  async update(id: string, dto: UpdateAgentDto): Promise<Agent> {
    const agent = await this.get(id);
    const { resetPassword, ...fields } = dto;
    Object.assign(agent, fields, { updatedAt: this.clock.now(), version: agent.version + 1 });
    if (resetPassword) {
      Object.assign(agent, {
        passwordHash: await hashPassword(resetPassword),
        passwordMustChange: true,
        failedLoginCount: 0,
        lockedUntil: null,
      });
    }
    await this.agents.save(agent);
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
