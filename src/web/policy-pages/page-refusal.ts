import { DomainError, InvalidInput } from '../../common/errors/domain-error.js';
import { statusOf } from '../../common/errors/domain-error.filter.js';
import { dtoProblems } from '../admin-rules/admin-form.js';

/** What a page shows when a service or a form check says no: the words and the status the API would answer. */
export interface Refusal {
  status: number;
  reason: string;
}

/** The body, checked by the same DTO as the API, or InvalidInput naming each field at fault. */
export async function checked<T extends object>(dto: new () => T, body: object): Promise<T> {
  const problems = await dtoProblems(dto, body);
  if (problems.length > 0) throw new InvalidInput(problems);
  return body as T;
}

/** Runs a use case; a domain error becomes a refusal to show, anything else goes on to the error filter. */
export async function refusalOf(action: () => Promise<unknown>): Promise<Refusal | null> {
  try {
    await action();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { status: statusOf(error.kind), reason: reasonOf(error) };
  }
}

function reasonOf(error: DomainError): string {
  if (error instanceof InvalidInput)
    return error.errors.map(({ field, reason }) => `${field}: ${reason}`).join('; ');
  return error.message;
}
