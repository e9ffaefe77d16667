import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { DomainError, type DomainErrorKind, InvalidInput } from './domain-error.js';
import { ErrorResponse } from './error-response.js';

export function statusOf(kind: DomainErrorKind): number {
  switch (kind) {
    case 'unauthenticated':
      return HttpStatus.UNAUTHORIZED;
    case 'not_found':
      return HttpStatus.NOT_FOUND;
    case 'forbidden':
      return HttpStatus.FORBIDDEN;
    case 'conflict':
      return HttpStatus.CONFLICT;
    case 'invalid':
      return HttpStatus.UNPROCESSABLE_ENTITY;
    case 'invalid_input':
      return HttpStatus.BAD_REQUEST;
  }
}

/** Every error leaves the app in one shape; anything unexpected is a 500 whose stack goes only to the log. */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(DomainErrorFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = this.toErrorResponse(exception, String(request.id ?? ''));
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId }, 'unhandled error');
    }
    if (response.headersSent) return;
    // The console's pages send an agent who is not signed in to the sign-in page.
    if (request.path.startsWith('/console/') && body.statusCode === 401) {
      return response.redirect(303, '/console/sign-in');
    }
    response.status(body.statusCode).json(body);
  }

  private toErrorResponse(exception: unknown, requestId: string): ErrorResponse {
    if (exception instanceof DomainError) {
      const statusCode = statusOf(exception.kind);
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message: exception.message,
        details: exception.details,
        errors: exception instanceof InvalidInput ? exception.errors : undefined,
        requestId,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const payload = exception.getResponse();
      const fields =
        typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
      const message = typeof payload === 'string' ? payload : fields.message;
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message: Array.isArray(message) ? message.join('; ') : String(message ?? exception.message),
        errors: Array.isArray(fields.errors) ? (fields.errors as ErrorResponse['errors']) : undefined,
        requestId,
      };
    }
    return {
      statusCode: 500,
      error: STATUS_CODES[500]!,
      message: 'Something went wrong on our side; quote the request id when reporting it',
      requestId,
    };
  }
}
