import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor.js';
import { AgentsService } from '../../auth/agents.service.js';
import {
  CloseIncidentDto,
  RecordNotificationDto,
  ReportIncidentDto,
  toIncidentView,
  UpdateIncidentDto,
} from '../../incidents/dto/incident.dto.js';
import type { Incident } from '../../incidents/incident.entity.js';
import { INCIDENT_KINDS, INCIDENT_STATES } from '../../incidents/incident.rules.js';
import { IncidentsService } from '../../incidents/incidents.service.js';
import { type PostedForm, textOf } from '../admin-rules/admin-form.js';
import { checked, refusalOf } from '../policy-pages/page-refusal.js';
import { versionOf } from '../policy-pages/policy-forms.js';
import { clockOf, incidentContent, incidentToReport, notificationOf } from './privacy-forms.js';
import { staffNames } from '../staff-names.js';

type AgentActor = Actor & { type: 'agent' };

/**
 * The incident register pages, through IncidentsService: it keeps the 24h and 72h clocks, the moves
 * (open → notified → closed) and the decree's demand for a reason when the notification is late.
 */
@Injectable()
export class IncidentsPagesService {
  constructor(
    private readonly incidents: IncidentsService,
    private readonly agents: AgentsService,
  ) {}

  /** The register, latest discovery first (only one state when asked), each with its clocks. */
  async list(state: unknown) {
    const only = INCIDENT_STATES.find((candidate) => candidate === state);
    const rows = await this.incidents.list(only);
    return { incidents: rows.map((row) => this.shown(row)), state: only ?? null, kinds: INCIDENT_KINDS };
  }

  async one(id: string) {
    const [row, nameOf] = await Promise.all([this.incidents.get(id), staffNames(this.agents)]);
    return {
      incident: this.shown(row),
      reportedBy: nameOf(row.reportedById),
      notifiedBy: nameOf(row.notifiedById),
      closedBy: nameOf(row.closedById),
    };
  }

  /** The incident with the notification to the authority drafted from it; taking the draft is audited. */
  async draft(id: string, actor: AgentActor) {
    const [row, draft] = await Promise.all([this.incidents.get(id), this.incidents.draft(id, actor)]);
    return { incident: this.shown(row), draft };
  }

  /** Records the incident; answers with its id, or why not. */
  async report(form: PostedForm, actor: AgentActor, timeZone: string) {
    let id: string | null = null;
    const refusal = await refusalOf(async () => {
      id = (
        await this.incidents.report(await checked(ReportIncidentDto, incidentToReport(form, timeZone)), actor)
      ).id;
    });
    return { id, refusal };
  }

  update(id: string, form: PostedForm, actor: AgentActor) {
    return refusalOf(async () =>
      this.incidents.update(
        id,
        await checked(UpdateIncidentDto, incidentContent(form, versionOf(form))),
        actor,
      ),
    );
  }

  recordNotification(id: string, form: PostedForm, actor: AgentActor, timeZone: string) {
    return refusalOf(async () =>
      this.incidents.recordNotification(
        id,
        await checked(RecordNotificationDto, notificationOf(form, versionOf(form), timeZone)),
        actor,
      ),
    );
  }

  close(id: string, form: PostedForm, actor: AgentActor) {
    const reason = textOf(form, 'reason');
    return refusalOf(async () =>
      this.incidents.close(
        id,
        await checked(CloseIncidentDto, { version: versionOf(form), ...(reason ? { reason } : {}) }),
        actor,
      ),
    );
  }

  private shown(row: Incident) {
    const view = toIncidentView(row, this.incidents.deadlines(row));
    return {
      ...view,
      clocks: view.deadlines.map((deadline) => ({ ...deadline, ...clockOf(deadline) })),
    };
  }
}
