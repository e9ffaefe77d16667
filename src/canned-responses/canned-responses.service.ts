import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { NotFound, StaleVersion } from '../common/errors/domain-error.js';
import { fillTemplate } from '../mail/outbound/delivery.rules.js';
import { CannedResponse } from './canned-response.entity.js';
import type { SaveCannedResponseDto, UpdateCannedResponseDto } from './dto/canned-response.dto.js';

/** Canned responses: admins keep them (audited), agents insert them into replies with the blanks filled. */
@Injectable()
export class CannedResponsesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  list(activeOnly: boolean): Promise<CannedResponse[]> {
    return this.dataSource.getRepository(CannedResponse).find({
      where: activeOnly ? { isActive: true } : {},
      order: { language: 'ASC', title: 'ASC' },
    });
  }

  /** The response's text with the customer's name, the ticket number and the agent's name filled in. */
  async filled(id: string, values: { customerName: string; ticketNumber: string; agentName: string }) {
    const row = await this.dataSource
      .getRepository(CannedResponse)
      .findOne({ where: { id, isActive: true } });
    if (!row) throw new NotFound('canned response', id);
    return fillTemplate(row.body, values);
  }

  create(dto: SaveCannedResponseDto, actor: Actor): Promise<CannedResponse> {
    return this.dataSource.transaction(async (em) => {
      const now = this.clock.now();
      const row = em.create(CannedResponse, {
        title: dto.title.trim(),
        language: dto.language,
        body: dto.body,
        isActive: dto.isActive ?? true,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      await em.insert(CannedResponse, row);
      await this.audit.record(em, actor, [
        { action: 'canned_response.create', recordType: 'canned_response', recordId: row.id },
      ]);
      return row;
    });
  }

  update(id: string, dto: UpdateCannedResponseDto, actor: Actor): Promise<CannedResponse> {
    return this.dataSource.transaction(async (em) => {
      const row = await em.findOne(CannedResponse, { where: { id } });
      if (!row) throw new NotFound('canned response', id);
      if (row.version !== dto.version) {
        throw new StaleVersion('The canned response', dto.version, { version: row.version, changed: {} });
      }
      const changes = {
        title: dto.title.trim(),
        language: dto.language,
        body: dto.body,
        isActive: dto.isActive ?? row.isActive,
        version: row.version + 1,
        updatedAt: this.clock.now(),
      };
      await em.update(CannedResponse, { id, version: row.version }, changes);
      await this.audit.record(em, actor, [
        { action: 'canned_response.update', recordType: 'canned_response', recordId: id },
      ]);
      return Object.assign(row, changes);
    });
  }
}
