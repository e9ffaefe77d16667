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
 * The next customers, in id order after `after`, whose consent to the purpose stands given, who are neither
 * anonymised nor under a processing restriction, and whose primary address has not bounced. Walks the (purpose, state, customer_id) index.
 */
export async function nextRecipients(
  em: EntityManager,
  purpose: ConsentPurpose,
  after: string | null,
  limit: number,
): Promise<NewsletterRecipient[]> {
  const query = em
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
    .select('consent.customerId', 'customerId')
    .addSelect('customer.displayName', 'displayName')
    .addSelect('customer.preferredLanguage', 'language')
    .addSelect('email.address', 'address')
    .where('consent.purpose = :purpose AND consent.state = :state', { purpose, state: 'given' })
    .orderBy('consent.customerId', 'ASC')
    .limit(limit);
  if (after) query.andWhere('consent.customerId > :after', { after });
  const rows = await query.getRawMany<NewsletterRecipient>();
  return rows.map((row) => ({ ...row, language: row.language === 'en' ? 'en' : 'vi' }));
}
