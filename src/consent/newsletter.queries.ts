import type { EntityManager } from 'typeorm';
import { Customer, CustomerEmail } from '../customers/customer.entity.js';
import { CustomerConsent } from './consent.entity.js';
import type { ConsentPurpose } from './consent.rules.js';

export interface NewsletterRecipient {
  customerId: string;
  displayName: string;
  language: 'vi' | 'en';
  address: string;
}

/**
 * The customers whose consent to the purpose stands given, who are neither anonymised nor under a processing
 * restriction, and whose primary address has not bounced. Walks the (purpose, state, customer_id) index.
 */
function recipientsQuery(em: EntityManager, purpose: ConsentPurpose) {
  return em
    .createQueryBuilder(CustomerConsent, 'consent')
    .innerJoin(
      Customer,
      'customer',
      'customer.id = consent.customerId AND customer.anonymisedAt IS NULL ' +
        'AND customer.processingRestrictedAt IS NULL',
    )
    .innerJoin(
      CustomerEmail,
      'email',
      'email.customerId = consent.customerId AND email.isPrimary = 1 AND email.bouncedAt IS NULL',
    )
    .where('consent.purpose = :purpose AND consent.state = :state', { purpose, state: 'given' });
}

/** The next recipients, in id order after `after`. */
export async function nextRecipients(
  em: EntityManager,
  purpose: ConsentPurpose,
  after: string | null,
  limit: number,
): Promise<NewsletterRecipient[]> {
  const query = recipientsQuery(em, purpose)
    .select('consent.customerId', 'customerId')
    .addSelect('customer.displayName', 'displayName')
    .addSelect('customer.preferredLanguage', 'language')
    .addSelect('email.address', 'address')
    .orderBy('consent.customerId', 'ASC')
    .limit(limit);
  if (after) query.andWhere('consent.customerId > :after', { after });
  const rows = await query.getRawMany<NewsletterRecipient>();
  return rows.map((row) => ({ ...row, language: row.language === 'en' ? 'en' : 'vi' }));
}

/** How many customers a send for the purpose would reach now. */
export function countRecipients(em: EntityManager, purpose: ConsentPurpose): Promise<number> {
  return recipientsQuery(em, purpose).getCount();
}
