import { Injectable } from '@nestjs/common';
import type { Actor } from '../../auth/actor.js';
import type { Agent } from '../../auth/agent.entity.js';
import type { CannedResponse } from '../../canned-responses/canned-response.entity.js';
import { CannedResponsesService } from '../../canned-responses/canned-responses.service.js';
import {
  SaveCannedResponseDto,
  UpdateCannedResponseDto,
} from '../../canned-responses/dto/canned-response.dto.js';
import { DomainError, StaleVersion } from '../../common/errors/domain-error.js';
import { formatLocal } from '../../common/time.js';
import { AppConfig } from '../../config/app-config.js';
import { Clock } from '../../common/clock.js';
import {
  cannedResponseFields,
  checkWith,
  type FormOutcome,
  formVersion,
  type PostedForm,
  refused,
} from './admin-desk-forms.js';
import { CANNED_RESPONSE_PLACEHOLDERS, editorAid, sampleValues } from './mail-placeholders.js';

/** The canned responses admin pages: kept through CannedResponsesService, so every change is audited. */
@Injectable()
export class CannedResponsesPagesService {
  constructor(
    private readonly responses: CannedResponsesService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Every canned response, in use or not, by language and title. */
  list(): Promise<CannedResponse[]> {
    return this.responses.list(false);
  }

  async find(id: string): Promise<CannedResponse | null> {
    return (await this.responses.list(false)).find((row) => row.id === id) ?? null;
  }

  async create(form: PostedForm, actor: Actor): Promise<FormOutcome<CannedResponse>> {
    const dto = cannedResponseFields(form);
    const problems = await checkWith(SaveCannedResponseDto, dto);
    if (Object.keys(problems).length) return refused(problems);
    return this.saving(() => this.responses.create(dto, actor));
  }

  /** Replaces title, language, text and whether it is in use, at the version the form was drawn from. */
  async update(row: CannedResponse, form: PostedForm, actor: Actor): Promise<FormOutcome<CannedResponse>> {
    const dto = { ...cannedResponseFields(form), version: formVersion(form) };
    const { version: _version, ...problems } = await checkWith(UpdateCannedResponseDto, dto);
    if (Object.keys(problems).length) return refused(problems);
    return this.saving(() => this.responses.update(row.id, dto, actor));
  }

  /** Takes the response out of use as it is, at the version the list was drawn from. */
  deactivate(row: CannedResponse, form: PostedForm, actor: Actor): Promise<FormOutcome<CannedResponse>> {
    const { title, language, body } = row;
    const dto = { title, language, body, isActive: false, version: formVersion(form) };
    return this.saving(() => this.responses.update(row.id, dto, actor));
  }

  /** The blanks a canned response may use and its text filled with sample values. */
  editorAid(typed: { language: string; body: string }, viewer: Agent) {
    const values = sampleValues(typed.language === 'en' ? 'en' : 'vi', {
      publicUrl: this.config.publicUrl,
      dueAt: formatLocal(this.clock.now(), viewer.timeZone),
      agentName: viewer.displayName,
    });
    return editorAid('', typed.body, CANNED_RESPONSE_PLACEHOLDERS, values);
  }

  private async saving(save: () => Promise<CannedResponse>): Promise<FormOutcome<CannedResponse>> {
    try {
      return { ok: true, saved: await save() };
    } catch (error) {
      if (error instanceof StaleVersion) return refused({}, { isStale: true });
      if (error instanceof DomainError) return refused({}, { reason: error.message });
      throw error;
    }
  }
}

/** The edit form's fields as the canned response is now. */
export function cannedResponseForm(row: CannedResponse) {
  return {
    title: row.title,
    language: row.language,
    body: row.body,
    isActive: row.isActive,
    version: row.version,
  };
}
