import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Injectable } from '@nestjs/common';
import { Eta } from 'eta';
import type { Language } from '../tickets/ticket.entity.js';
import { type Translate, translator } from './i18n.js';

/** What every page gets besides its own data. */
export interface PageContext {
  language: Language;
  csrfToken: string;
  /** The path of this page, for the language switcher. */
  path: string;
  /** An agent console page (its own navigation). */
  console?: boolean;
}

/**
 * Renders the server-side pages with Eta: every `<%= %>` is HTML-escaped (Eta's default), so text typed by
 * customers and agents cannot become markup. Templates live beside this file in views/.
 */
@Injectable()
export class PageRenderer {
  private readonly eta = new Eta({
    views: join(dirname(fileURLToPath(import.meta.url)), 'views'),
    autoEscape: true,
    cache: true,
  });

  render(view: string, context: PageContext, data: Record<string, unknown> = {}): string {
    const t: Translate = translator(context.language);
    return this.eta.render(view, { ...data, ...context, t, other: context.language === 'vi' ? 'en' : 'vi' });
  }
}
