import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor.js';
import { AgentsService } from '../../auth/agents.service.js';
import { CustomersService } from '../../customers/customers.service.js';
import { toRetentionRunView } from '../../retention/dto/retention.dto.js';
import { RetentionService } from '../../retention/retention.service.js';
import { refusalOf } from '../policy-pages/page-refusal.js';
import { staffNames } from '../staff-names.js';

/** Customers listed in each part of the preview: enough to check a few by hand, not a report. */
const PREVIEW_LIMIT = 20;

/** The retention admin page, through RetentionService: the preview reads only; a run takes the job's lease. */
@Injectable()
export class RetentionPagesService {
  constructor(
    private readonly retention: RetentionService,
    private readonly agents: AgentsService,
    private readonly customers: CustomersService,
  ) {}

  /** What a run started now would do (the customers by name: an audited read), and the latest runs. */
  async page(actor: Actor) {
    const [preview, runs, nameOf] = await Promise.all([
      this.retention.preview(PREVIEW_LIMIT),
      this.retention.listRuns(),
      staffNames(this.agents),
    ]);
    const listed = [...preview.customers, ...preview.skipped].map((customer) => customer.id);
    const names = await this.customers.namesFor(listed, actor, 'retention preview');
    const named = <T extends { id: string }>(customer: T) => ({
      ...customer,
      name: names.get(customer.id) ?? null,
    });
    return {
      preview: { ...preview, customers: preview.customers.map(named), skipped: preview.skipped.map(named) },
      runs: runs.map((run) => ({
        ...toRetentionRunView(run),
        // "schedule" and "script" are words for the page; anything else is the admin's id.
        startedByName:
          run.startedBy === 'schedule' || run.startedBy === 'script' ? null : nameOf(run.startedBy),
      })),
    };
  }

  /** Starts a run in the background; refused while another is running. */
  start(actor: Actor) {
    return refusalOf(() => this.retention.start(actor));
  }
}
