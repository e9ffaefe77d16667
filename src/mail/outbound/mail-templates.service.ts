import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service.js';
import type { Actor } from '../../auth/actor.js';
import { Clock } from '../../common/clock.js';
import { NotFound } from '../../common/errors/domain-error.js';
import { fillTemplate } from './delivery.rules.js';
import { MailTemplate } from './mail-template.entity.js';

@Injectable()
export class MailTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The template in the customer's language, falling back to Vietnamese, filled with `values`. */
  render(em: EntityManager, key: string, language: string, values: Record<string, string>) {
    return this.renderer(em)(key, language, values);
  }

  /** render() for many mails at once: each template is read once. */
  renderer(em: EntityManager) {
    const templates = new Map<string, Promise<MailTemplate | null>>();
    const find = (key: string, language: string) => {
      const id = `${key}/${language}`;
      if (!templates.has(id)) templates.set(id, em.findOne(MailTemplate, { where: { key, language } }));
      return templates.get(id)!;
    };
    return async (key: string, language: string, values: Record<string, string>) => {
      const template = (await find(key, language)) ?? (await find(key, 'vi'));
      if (!template) throw new NotFound('mail template', `${key}/${language}`);
      return {
        subject: fillTemplate(template.subject, values),
        bodyText: fillTemplate(template.bodyText, values),
      };
    };
  }

  list(): Promise<MailTemplate[]> {
    return this.dataSource.getRepository(MailTemplate).find({ order: { key: 'ASC', language: 'ASC' } });
  }

  /** Changes a template's subject and text; the audit event keeps both versions. */
  update(
    key: string,
    language: string,
    change: { subject: string; bodyText: string },
    actor: Actor,
  ): Promise<MailTemplate> {
    return this.dataSource.transaction(async (em) => {
      const template = await em.findOne(MailTemplate, { where: { key, language } });
      if (!template) throw new NotFound('mail template', `${key}/${language}`);
      const fields: Record<string, [unknown, unknown]> = {};
      if (template.subject !== change.subject) fields.subject = [template.subject, change.subject];
      if (template.bodyText !== change.bodyText) fields.bodyText = [template.bodyText, change.bodyText];
      Object.assign(template, change, { updatedAt: this.clock.now() });
      await em.save(template);
      await this.audit.record(em, actor, [
        {
          action: 'mail_template.update',
          recordType: 'mail_template',
          recordId: template.id,
          fields,
          reason: `${key}/${language}`,
        },
      ]);
      return template;
    });
  }
}
