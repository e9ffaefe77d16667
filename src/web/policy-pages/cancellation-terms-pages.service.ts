import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor.js';
import { AgentsService } from '../../auth/agents.service.js';
import { CancellationTermsService } from '../../cancellations/cancellation-terms.service.js';
import {
  SaveCancellationTermsDto,
  toCancellationTermsView,
} from '../../cancellations/dto/cancellation-terms.dto.js';
import { NotFound } from '../../common/errors/domain-error.js';
import { type PostedForm, textOf } from '../admin-rules/admin-form.js';
import { termsToSave } from './cancellation-forms.js';
import { checked, refusalOf } from './page-refusal.js';
import { staffNames } from '../staff-names.js';

/**
 * The penalty terms admin pages, through CancellationTermsService: it checks the bands cover every day once,
 * keeps each saved version and audits it; quotes already made keep the version they used.
 */
@Injectable()
export class CancellationTermsPagesService {
  constructor(
    private readonly terms: CancellationTermsService,
    private readonly agents: AgentsService,
  ) {}

  /** The current terms of every product type. */
  async current() {
    return (await this.terms.list()).map(toCancellationTermsView);
  }

  /** Every version of a product type's terms, newest first, with who saved it; null when it has none. */
  async versions(productType: string) {
    try {
      const [rows, nameOf] = await Promise.all([this.terms.history(productType), staffNames(this.agents)]);
      return rows.map((row) => ({
        ...toCancellationTermsView(row),
        savedBy: nameOf(row.createdById),
      }));
    } catch (error) {
      if (error instanceof NotFound) return null;
      throw error;
    }
  }

  /** Saves the form as the product type's next version (its first, for a new type). */
  save(form: PostedForm, actor: Actor) {
    return refusalOf(async () =>
      this.terms.save(
        textOf(form, 'productType'),
        await checked(SaveCancellationTermsDto, termsToSave(form)),
        actor,
      ),
    );
  }
}
