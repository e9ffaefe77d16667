import type { Actor } from '../../auth/actor.js';
import { Injectable } from '@nestjs/common';
import type { Agent } from '../../auth/agent.entity.js';
import { Clock } from '../../common/clock.js';
import { DomainError } from '../../common/errors/domain-error.js';
import { formatLocal } from '../../common/time.js';
import { AppConfig } from '../../config/app-config.js';
import { UpdateMailTemplateDto } from '../../mail/outbound/dto/outbox.dto.js';
import type { MailTemplate } from '../../mail/outbound/mail-template.entity.js';
import { MailTemplatesService } from '../../mail/outbound/mail-templates.service.js';
import {
  checkWith,
  type FormOutcome,
  formVersion,
  mailTemplateFields,
  type PostedForm,
  refused,
} from './admin-desk-forms.js';
import {
  editorAid,
  MAIL_TEMPLATE_PLACEHOLDERS,
  sampleValues,
  supportedPlaceholders,
} from './mail-placeholders.js';

const HOUR_MS = 3_600_000;

/** The mail templates admin pages: automatic mail texts per language, changed through MailTemplatesService. */
@Injectable()
export class MailTemplatesPagesService {
  constructor(
    private readonly templates: MailTemplatesService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** Every template with when it last changed, in the viewer's zone. */
  async list(viewer: Agent) {
    return (await this.templates.list()).map((template) => ({
      ...describe(template),
      subject: template.subject,
      updatedAt: formatLocal(template.updatedAt, viewer.timeZone),
    }));
  }

  /** The template of this mail in this language, or null when there is none. */
  async find(key: string, language: string): Promise<MailTemplate | null> {
    return (await this.templates.list()).find((t) => t.key === key && t.language === language) ?? null;
  }

  /** Saves subject and text; refuses a form drawn from a text someone has changed since. */
  async update(template: MailTemplate, form: PostedForm, actor: Actor): Promise<FormOutcome<MailTemplate>> {
    const fields = mailTemplateFields(form);
    const problems = await checkWith(UpdateMailTemplateDto, fields);
    if (Object.keys(problems).length) return refused(problems);
    if (formVersion(form) !== template.updatedAt.getTime()) return refused({}, { isStale: true });
    try {
      return { ok: true, saved: await this.templates.update(template.key, template.language, fields, actor) };
    } catch (error) {
      if (error instanceof DomainError) return refused({}, { reason: error.message });
      throw error;
    }
  }

  /** The blanks of this mail and the text as a customer (or colleague) would read it with sample values. */
  editorAid(template: MailTemplate, typed: { subject: string; bodyText: string }, viewer: Agent) {
    const language = template.language === 'en' ? 'en' : 'vi';
    const values = sampleValues(language, {
      publicUrl: this.config.publicUrl,
      dueAt: formatLocal(new Date(this.clock.now().getTime() + 2 * HOUR_MS), viewer.timeZone),
      agentName: viewer.displayName,
    });
    const supported = supportedPlaceholders(template.key, template.subject, template.bodyText);
    return editorAid(typed.subject, typed.bodyText, supported, values);
  }
}

/** Which mail a template is and in which language, for headings and links. */
export function describe(template: MailTemplate) {
  return {
    key: template.key,
    language: template.language,
    nameKey: template.key in MAIL_TEMPLATE_PLACEHOLDERS ? `adminDesk.template.${template.key}` : null,
  };
}

/** The editor's fields as the template is now. */
export function mailTemplateForm(template: MailTemplate) {
  return { subject: template.subject, bodyText: template.bodyText, version: template.updatedAt.getTime() };
}
