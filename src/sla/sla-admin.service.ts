import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { Clock } from '../common/clock.js';
import type { SavePolicyDto, UpdateCalendarDto, UpdatePolicyDto } from './dto/sla-admin.dto.js';
import { SlaClocksService } from './sla-clocks.service.js';
import { SlaPoliciesService } from './sla-policies.service.js';

/** Admin changes to policies and calendars, each followed by re-timing the open tickets' clocks. */
@Injectable()
export class SlaAdminService {
  constructor(
    private readonly policies: SlaPoliciesService,
    private readonly clocks: SlaClocksService,
    private readonly clock: Clock,
  ) {}

  listPolicies() {
    return this.policies.listPolicies();
  }

  listCalendars() {
    return this.policies.listCalendars();
  }

  createPolicy(dto: SavePolicyDto, actor: Actor) {
    return this.retiming(this.policies.createPolicy(dto, actor));
  }

  updatePolicy(id: string, dto: UpdatePolicyDto, actor: Actor) {
    return this.retiming(this.policies.updatePolicy(id, dto, actor));
  }

  updateCalendar(id: string, dto: UpdateCalendarDto, actor: Actor) {
    return this.retiming(this.policies.updateCalendar(id, dto, actor));
  }

  private async retiming<T>(change: Promise<T>): Promise<T> {
    const result = await change;
    await this.clocks.recomputeAll(this.clock.now());
    return result;
  }
}
