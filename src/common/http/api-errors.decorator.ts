import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from '../errors/error-response.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is malformed; `errors` lists each field and the reason',
  401: 'No valid bearer token',
  403: 'The role is too small for this route',
  404: 'The record does not exist',
  409: 'The change conflicts with the current state (stale version, duplicate, disallowed state move)',
  422: 'The request is well-formed but breaks a rule',
  429: 'Too many requests; try again later',
};

/** Documents the shared error shape for the statuses a controller's routes can answer. */
export function ApiErrors(...statuses: number[]) {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: DESCRIPTIONS[status], type: ErrorResponse }),
    ),
  );
}

/** A route group behind the bearer-token guard. */
export function ApiSecured(...extraStatuses: number[]) {
  return applyDecorators(ApiBearerAuth(), ApiErrors(400, 401, 403, ...extraStatuses));
}
