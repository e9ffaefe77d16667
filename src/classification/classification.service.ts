import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { InvalidInput, NotFound } from '../common/errors/domain-error.js';
import { AppConfig } from '../config/app-config.js';
import { Category } from '../tickets/category.entity.js';
import {
  classify,
  compileBookingReferencePattern,
  extractBookingReference,
  type KeywordList,
  validateKeyword,
} from './classifier.rules.js';

export interface Classification {
  category: Category;
  matched: string[];
}

/** Rules and keyword lists change rarely and are read for every new ticket: each instance keeps them briefly. */
const CACHE_MS = 10_000;

/** Chooses a category for new tickets from the admin-editable keyword lists, and finds booking references. */
@Injectable()
export class ClassificationService {
  private readonly bookingReferencePattern: RegExp;
  private cached: { categories: Category[]; lists: KeywordList[]; until: number } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    config: AppConfig,
  ) {
    this.bookingReferencePattern = compileBookingReferencePattern(config.bookingReferencePattern);
  }

  async classify(em: EntityManager, input: { subject: string; body: string }): Promise<Classification> {
    const { categories, lists } = await this.categories(em);
    const { categoryKey, matched } = classify(input, lists);
    const category = categories.find((candidate) => candidate.key === categoryKey);
    if (!category) throw new NotFound('category', categoryKey);
    return { category, matched };
  }

  bookingReference(text: string): string | null {
    return extractBookingReference(text, this.bookingReferencePattern);
  }

  async keywordLists(): Promise<{ category: Category; keywords: string[] }[]> {
    const { categories, lists } = await this.categories(this.dataSource.manager);
    return categories.map((category, index) => ({ category, keywords: lists[index].keywords }));
  }

  async setKeywords(categoryKey: string, keywords: string[], actor: Actor): Promise<Category> {
    const problems = keywords.flatMap((keyword, index) => {
      const reason = validateKeyword(keyword);
      return reason ? [{ field: `keywords.${index}`, reason }] : [];
    });
    if (problems.length > 0) throw new InvalidInput(problems);
    const cleaned = [...new Set(keywords.map((keyword) => keyword.normalize('NFC').trim()))];
    const category = await this.dataSource.transaction(async (em) => {
      const found = await em.findOne(Category, { where: { key: categoryKey, isActive: true } });
      if (!found) throw new NotFound('category', categoryKey);
      const before = toKeywordList(found).keywords;
      found.keywords = JSON.stringify(cleaned);
      await em.update(Category, { id: found.id }, { keywords: found.keywords });
      await this.audit.record(em, actor, [
        {
          action: 'category.keywords.update',
          recordType: 'category',
          recordId: found.id,
          fields: { keywords: [before, cleaned] },
        },
      ]);
      return found;
    });
    this.cached = null;
    return category;
  }

  /** Active categories in precedence order (sort order): ties in the classifier go to the earlier one. */
  private async categories(em: EntityManager): Promise<{ categories: Category[]; lists: KeywordList[] }> {
    if (!this.cached || this.cached.until <= Date.now()) {
      const categories = await em.find(Category, { where: { isActive: true }, order: { sortOrder: 'ASC' } });
      this.cached = { categories, lists: categories.map(toKeywordList), until: Date.now() + CACHE_MS };
    }
    return this.cached;
  }
}

function toKeywordList(category: Category): KeywordList {
  return {
    categoryKey: category.key,
    keywords: category.keywords ? (JSON.parse(category.keywords) as string[]) : [],
  };
}
