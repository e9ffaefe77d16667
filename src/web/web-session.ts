import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { doubleCsrf } from 'csrf-csrf';
import type { Request, Response } from 'express';
import { AppConfig } from '../config/app-config.js';
import type { Language } from '../tickets/ticket.entity.js';
import { pickLanguage } from './i18n.js';

const VISITOR_COOKIE = 'care_visitor';
const CSRF_COOKIE = 'care_csrf';
const LANGUAGE_COOKIE = 'care_lang';
const YEAR_MS = 365 * 24 * 3600 * 1000;

/**
 * What the customer pages keep in cookies, none of it personal: a random visitor id that CSRF tokens are
 * bound to, the CSRF cookie (double submit, csrf-csrf) and the chosen language. httpOnly, SameSite=Lax,
 * Secure behind TLS.
 */
@Injectable()
export class WebSession {
  private readonly csrf;

  constructor(config: AppConfig) {
    this.csrf = doubleCsrf({
      getSecret: () => config.appSecret,
      getSessionIdentifier: (req) => String(req.cookies?.[VISITOR_COOKIE] ?? ''),
      cookieName: CSRF_COOKIE,
      cookieOptions: { sameSite: 'lax', path: '/', secure: config.trustProxy, httpOnly: true },
      getCsrfTokenFromRequest: (req) => (req.body as Record<string, string> | undefined)?._csrf,
    });
  }

  /** Starts (or continues) the visit, keeps a language chosen with ?lang=, and returns the page's token. */
  begin(req: Request, res: Response, fallback?: Language): { language: Language; csrfToken: string } {
    if (!req.cookies?.[VISITOR_COOKIE]) {
      const visitor = randomBytes(18).toString('base64url');
      req.cookies = { ...req.cookies, [VISITOR_COOKIE]: visitor };
      res.cookie(VISITOR_COOKIE, visitor, this.cookieOptions(req));
    }
    const chosen = typeof req.query.lang === 'string' ? req.query.lang : undefined;
    if (chosen === 'vi' || chosen === 'en') res.cookie(LANGUAGE_COOKIE, chosen, this.cookieOptions(req));
    return { language: this.language(req, fallback), csrfToken: this.csrf.generateCsrfToken(req, res) };
  }

  language(req: Request, fallback?: Language): Language {
    const chosen = typeof req.query.lang === 'string' ? req.query.lang : req.cookies?.[LANGUAGE_COOKIE];
    const posted = (req.body as Record<string, string> | undefined)?.lang;
    return pickLanguage(chosen ?? posted, req.headers['accept-language'], fallback);
  }

  /** Whether a posted form carries the token of this visit (checked after the body, multipart too, is read). */
  isGenuine(req: Request): boolean {
    return this.csrf.validateRequest(req);
  }

  private cookieOptions(req: Request) {
    return { httpOnly: true, sameSite: 'lax' as const, secure: req.secure, path: '/', maxAge: YEAR_MS };
  }
}
