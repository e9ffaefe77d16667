import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock.js';
import { NotFound } from '../../common/errors/domain-error.js';
import { fillTemplate } from './delivery.rules.js';
import { MailTemplate } from './mail-template.entity.js';

@Injectable()
export class MailTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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

  async update(
    key: string,
    language: string,
    change: { subject: string; bodyText: string },
  ): Promise<MailTemplate> {
    const repository = this.dataSource.getRepository(MailTemplate);
    const template = await repository.findOne({ where: { key, language } });
    if (!template) throw new NotFound('mail template', `${key}/${language}`);
    Object.assign(template, change, { updatedAt: this.clock.now() });
    return repository.save(template);
  }
}
