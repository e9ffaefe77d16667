import { BadRequestException, type ValidationError } from '@nestjs/common';

export interface FieldReason {
  field: string;
  reason: string;
}

/** Flattens class-validator's tree into {field, reason} pairs with dotted paths (`phones.0`, `customer.email`). */
export function toFieldReasons(errors: ValidationError[], parent = ''): FieldReason[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...toFieldReasons(error.children ?? [], field)];
  });
}

export function validationFailed(errors: ValidationError[]): BadRequestException {
  return new BadRequestException({ message: 'Validation failed', errors: toFieldReasons(errors) });
}
