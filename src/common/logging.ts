import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import { pino, type DestinationStream, type Logger as Pino } from 'pino';
import { pinoHttp } from 'pino-http';
import type { AppConfig } from '../config/app-config.js';
import { EMAIL_PATTERN, isPhoneLength, PHONE_PATTERN } from './text/personal-data.js';

/** "nguyen.van.a@example.com" → "n***@example.com": enough to tell mailboxes apart, not to read them. */
export function maskEmails(text: string): string {
  return text.replace(EMAIL_PATTERN, '$1***@$2');
}

/** E-mail addresses as above, and phone numbers down to their last three digits: "+84912345678" → "+***678". */
export function maskPersonalData(text: string): string {
  return maskEmails(text).replace(PHONE_PATTERN, (whole, plus: string, head: string, tail: string) =>
    isPhoneLength(head, tail) ? `${plus}***${tail}` : whole,
  );
}

/** A URL as logged: decoded first, so "a%40b.vn" in a query string is masked like "a@b.vn", phones too. */
export function maskUrl(url: string): string {
  let decoded = url;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    // a malformed escape: mask what is there
  }
  // A customer's status link opens their ticket, a data-request link their data, an unsubscribe link stops
  // their newsletter: signed tokens are credentials.
  return maskPersonalData(decoded)
    .replace(/^\/(status|privacy\/requests)\/[^/?#]+/, '/$1/[link]')
    .replace(/([?&]token=)[^&#]+/g, '$1[link]');
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * Structured JSON logs with pino. Tokens, passwords and cookies are redacted and e-mail addresses masked
 * wherever they appear in a message or a URL.
 */
export function createRootLogger(config: Pick<AppConfig, 'logLevel'>, destination?: DestinationStream): Pino {
  return pino(
    {
      level: config.logLevel,
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.currentPassword',
          '*.newPassword',
          '*.token',
          '*.appSecret',
        ],
        censor: '[redacted]',
      },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((arg) => (typeof arg === 'string' ? maskPersonalData(arg) : arg)) as Parameters<
              typeof method
            >,
          );
        },
      },
    },
    destination,
  );
}

/** One access-log line per request, with the request id that error responses and audit events carry too. */
export function requestLogger(root: Pino) {
  return pinoHttp({
    logger: root,
    genReqId: (request: IncomingMessage, response: ServerResponse) => {
      const incoming = request.headers['x-request-id'];
      const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      response.setHeader('x-request-id', id);
      return id;
    },
    serializers: {
      req: (request: { id: string; method: string; url: string }) => ({
        id: request.id,
        method: request.method,
        url: maskUrl(request.url),
      }),
      res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
    },
    customLogLevel: (_request, response, error) =>
      error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    autoLogging: { ignore: (request) => request.url?.startsWith('/health') ?? false },
  });
}

/** Nest's Logger calls, written through pino: `logger.log({ ticketId }, 'ticket created')` keeps the fields. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Pino) {}

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }

  private write(
    level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal',
    message: unknown,
    params: unknown[],
  ) {
    const context = typeof params.at(-1) === 'string' ? (params.pop() as string) : undefined;
    if (message !== null && typeof message === 'object') {
      const text = typeof params[0] === 'string' ? params[0] : undefined;
      this.root[level]({ context, ...(message as object) }, text);
    } else {
      // Nest's own error calls pass the stack as the next argument.
      const detail = typeof params[0] === 'string' ? params[0] : undefined;
      this.root[level]({ context, ...(detail ? { detail } : {}) }, String(message));
    }
  }
}
