import { Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Agent } from '../auth/agent.entity.js';
import type { Language } from '../tickets/ticket.entity.js';
import type { ConsolePost } from './console-post.js';
import type { MessageKey } from './i18n.js';
import { PageRenderer } from './page-renderer.js';
import { WebSession } from './web-session.js';

/** Sends rendered pages: starts the visit (CSRF token, language cookie) and never lets a page be cached. */
@Injectable()
export class PageResponder {
  constructor(
    private readonly renderer: PageRenderer,
    private readonly session: WebSession,
  ) {}

  /** A customer page, in the visitor's language (`preferred`: the customer's own, when the page is theirs). */
  customerPage(
    req: Request,
    res: Response,
    status: number,
    view: string,
    data: Record<string, unknown> = {},
    preferred?: Language,
  ) {
    const { language, csrfToken } = this.session.begin(req, res, preferred);
    this.send(res, status, this.renderer.render(view, { language, csrfToken, path: req.path }, data));
  }

  /** A console page, in the agent's language (or the visitor's before sign-in), with the console navigation. */
  consolePage(
    req: Request,
    res: Response,
    status: number,
    view: string,
    data: Record<string, unknown>,
    language: Language,
  ) {
    const { csrfToken } = this.session.begin(req, res);
    const context = { language, csrfToken, path: req.path, console: true };
    this.send(res, status, this.renderer.render(view, context, data));
  }

  message(
    req: Request,
    res: Response,
    status: number,
    heading: MessageKey,
    text: MessageKey,
    language?: Language,
  ) {
    if (language) this.consolePage(req, res, status, 'message', { heading, text }, language);
    else this.customerPage(req, res, status, 'message', { heading, text });
  }

  /** The answer to a form posted without this visit's CSRF token. */
  refuseForgery(req: Request, res: Response, language?: Language) {
    this.message(req, res, 403, 'error.pageTitle', 'error.csrf', language);
  }

  /** Runs a console form's action, or refuses the form when it does not carry this visit's CSRF token. */
  async guarded(post: ConsolePost, res: Response, action: () => Promise<unknown>): Promise<void> {
    if (!this.isGenuine(post.req)) return this.refuseForgery(post.req, res, agentLanguage(post.agent));
    await action();
  }

  /** Whether a posted form carries this visit's CSRF token. */
  isGenuine(req: Request): boolean {
    return this.session.isGenuine(req);
  }

  language(req: Request): Language {
    return this.session.language(req);
  }

  private send(res: Response, status: number, html: string) {
    res.status(status).type('html').setHeader('Cache-Control', 'no-store').send(html);
  }
}

/** The language an agent works in. */
export function agentLanguage(agent: Agent): Language {
  return agent.language === 'en' ? 'en' : 'vi';
}
