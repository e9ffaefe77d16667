import type { CustomerRecord } from './dto/customer.view.js';

/** The fields of a customer record that are personal data, named in audit events of reads. */
export const PERSONAL_FIELDS = [
  'displayName',
  'emails',
  'phones',
  'preferredLanguage',
  'timeZone',
  'country',
  'isVulnerable',
];

export interface CustomerValues {
  displayName: string;
  preferredLanguage: string;
  timeZone: string;
  country: string | null;
  isVulnerable: boolean;
  emails: string[];
  phones: string[];
}

/** {field: [before, after]} for each field whose value changes; the shape audit events store. */
export function diffCustomer(
  before: CustomerRecord,
  after: CustomerValues,
): Record<string, [unknown, unknown]> {
  const old: CustomerValues = {
    displayName: before.customer.displayName,
    preferredLanguage: before.customer.preferredLanguage,
    timeZone: before.customer.timeZone,
    country: before.customer.country,
    isVulnerable: before.customer.isVulnerable,
    emails: before.emails.map((email) => email.address),
    phones: before.phones.map((phone) => phone.number),
  };
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of Object.keys(after) as (keyof CustomerValues)[]) {
    if (JSON.stringify(old[field]) !== JSON.stringify(after[field]))
      changes[field] = [old[field], after[field]];
  }
  return changes;
}
