import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor.js';
import type { Agent } from '../../auth/agent.entity.js';
import { AgentsService } from '../../auth/agents.service.js';
import { AUDIT_RECORD_TYPES } from '../../audit/audit-event.entity.js';
import { AuditExportService } from '../../audit/audit-export.service.js';
import type { AuditEventFilter } from '../../audit/audit.queries.js';
import { AuditService } from '../../audit/audit.service.js';
import { AuditEventsFilterQuery } from '../../audit/dto/audit.dto.js';
import { formatLocal } from '../../common/time.js';
import { AppConfig } from '../../config/app-config.js';
import { checkWith, type FieldProblems, type PostedForm, text } from './admin-desk-forms.js';

const FILTER_FIELDS = ['customerId', 'actorId', 'recordType', 'action', 'from', 'to'] as const;
const PAGE_SIZE = 50;

export type AuditFilterForm = Partial<Record<(typeof FILTER_FIELDS)[number], string>>;

/** The auditors' page: audit events by customer, actor, record type, action and period, and their CSV. */
@Injectable()
export class AuditPagesService {
  constructor(
    private readonly audit: AuditService,
    private readonly exports: AuditExportService,
    private readonly agents: AgentsService,
    private readonly config: AppConfig,
  ) {}

  /** The filled-in filters of a query string, and the problems of those the API would refuse. */
  async readFilter(query: PostedForm): Promise<{ form: AuditFilterForm; problems: FieldProblems }> {
    const form: AuditFilterForm = {};
    for (const field of FILTER_FIELDS) {
      const value = text(query, field);
      if (value) form[field] = value;
    }
    return { form, problems: await checkWith(AuditEventsFilterQuery, form) };
  }

  /** The page for these query parameters: the filter form, and the events when the filter is valid. */
  async page(viewer: Agent, query: PostedForm) {
    const { form, problems } = await this.readFilter(query);
    const isValid = Object.keys(problems).length === 0;
    const agents = await this.agents.list();
    const names = new Map(agents.map((agent) => [agent.id, agent.displayName]));
    const cursor = text(query, 'cursor') || undefined;
    const page = isValid
      ? await this.audit.list({ ...this.filter(form), cursor, limit: PAGE_SIZE })
      : { items: [], nextCursor: null };
    return {
      isValid,
      form,
      problems,
      query: new URLSearchParams(form).toString(),
      actors: agents.map((agent) => [agent.id, agent.displayName]),
      recordTypes: AUDIT_RECORD_TYPES,
      events: page.items.map((event) => ({
        seq: event.seq,
        occurredAt: formatLocal(event.occurredAt, viewer.timeZone),
        actorName: event.actorId ? (names.get(event.actorId) ?? event.actorId) : null,
        action: event.action,
        recordType: event.recordType,
        recordId: event.recordId,
        fields: event.fields,
        isRedacted: event.redactedAt !== null,
        reason: event.reason,
      })),
      nextCursor: page.nextCursor,
    };
  }

  exportCsv(form: AuditFilterForm, actor: Actor) {
    return this.exports.exportCsv(this.filter(form), actor);
  }

  private filter(form: AuditFilterForm): AuditEventFilter {
    return { ...form, timeZone: this.config.defaultTimeZone } as AuditEventFilter;
  }
}
