import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { AppConfig } from '../config/app-config.js';
import { Clock } from '../common/clock.js';
import { Conflict, Invalid, NotFound, StaleVersion } from '../common/errors/domain-error.js';
import { foldForSearch, LIKE_ESCAPE, likeContains } from '../common/text/search-text.js';
import { Customer, CustomerEmail, CustomerPhone } from './customer.entity.js';
import { CustomerEmailTaken, InvalidPhoneNumber } from './customer.errors.js';
import { diffCustomer, PERSONAL_FIELDS } from './customer-changes.rules.js';
import { CreateCustomerDto, SearchCustomersQuery, UpdateCustomerDto } from './dto/customer.dto.js';
import { type CustomerRecord } from './dto/customer.view.js';
import { toE164 } from './phone-number.js';

export interface CustomerContact {
  email: string;
  displayName?: string;
  phone?: string;
  preferredLanguage?: 'vi' | 'en';
  country?: string;
}

@Injectable()
export class CustomersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  create(dto: CreateCustomerDto, actor: Actor): Promise<CustomerRecord> {
    return this.dataSource.transaction(async (em) => {
      const record = await this.insert(em, dto);
      await this.audit.record(em, actor, [
        {
          action: 'customer.create',
          recordType: 'customer',
          recordId: record.customer.id,
          fields: PERSONAL_FIELDS,
        },
      ]);
      return record;
    });
  }

  /** The customer who owns this e-mail address, created from the contact details if there is none. */
  async findOrCreateByEmail(em: EntityManager, contact: CustomerContact, actor: Actor): Promise<Customer> {
    const address = contact.email.trim().toLowerCase();
    const existing = await em.findOne(CustomerEmail, { where: { address } });
    if (existing) return em.findOneOrFail(Customer, { where: { id: existing.customerId } });
    const { customer } = await this.insert(em, {
      displayName: contact.displayName?.trim() || address.split('@')[0],
      emails: [address],
      phones: contact.phone ? [contact.phone] : [],
      preferredLanguage: contact.preferredLanguage,
      country: contact.country,
    });
    await this.audit.record(em, actor, [
      { action: 'customer.create', recordType: 'customer', recordId: customer.id, fields: PERSONAL_FIELDS },
    ]);
    return customer;
  }

  /** The customer who owns this e-mail address, if any. */
  async idByEmail(em: EntityManager, address: string): Promise<string | null> {
    const email = await em.findOne(CustomerEmail, { where: { address: address.trim().toLowerCase() } });
    return email?.customerId ?? null;
  }

  /** One customer's record; the read is audited. */
  get(id: string, actor: Actor): Promise<CustomerRecord> {
    return this.dataSource.transaction(async (em) => {
      const customer = await em.findOne(Customer, { where: { id } });
      if (!customer) throw new NotFound('customer', id);
      const [record] = await this.withContacts(em, [customer]);
      await this.audit.record(em, actor, [
        { action: 'customer.read', recordType: 'customer', recordId: id, fields: PERSONAL_FIELDS },
      ]);
      return record;
    });
  }

  /** Finds customers by exact e-mail, by phone, or by part of the name ignoring tone marks; each hit is audited. */
  search(query: SearchCustomersQuery, actor: Actor): Promise<CustomerRecord[]> {
    if (!query.email && !query.phone && !query.name) throw new Invalid('Search by email, phone or name');
    return this.dataSource.transaction(async (em) => {
      const found = em.createQueryBuilder(Customer, 'customer');
      if (query.email) {
        found.innerJoin(
          CustomerEmail,
          'email',
          'email.customerId = customer.id AND email.address = :address',
          {
            address: query.email.trim().toLowerCase(),
          },
        );
      }
      if (query.phone) {
        const number = toE164(query.phone, null) ?? query.phone.replace(/[^\d+]/g, '');
        found.innerJoin(CustomerPhone, 'phone', 'phone.customerId = customer.id AND phone.number = :number', {
          number,
        });
      }
      if (query.name) {
        found.andWhere(`customer.searchText LIKE :name ${LIKE_ESCAPE}`, {
          name: likeContains(foldForSearch(query.name)),
        });
      }
      const customers = await found.orderBy('customer.displayName', 'ASC').take(query.limit).getMany();
      const records = await this.withContacts(em, customers);
      await this.audit.record(
        em,
        actor,
        customers.map((customer) => ({
          action: 'customer.search',
          recordType: 'customer' as const,
          recordId: customer.id,
          fields: PERSONAL_FIELDS,
          reason: `search by ${Object.keys(query)
            .filter((key) => key !== 'limit')
            .join(', ')}`,
        })),
      );
      return records;
    });
  }

  /** A staff correction: optimistic on `version`, audited with before/after values and the reason. */
  async update(id: string, dto: UpdateCustomerDto, actor: Actor): Promise<CustomerRecord> {
    return (await this.dataSource.transaction((em) => this.updateWithin(em, id, dto, actor))).record;
  }

  /** update() in the caller's transaction; also says what changed, as {field: [before, after]}. */
  async updateWithin(em: EntityManager, id: string, dto: UpdateCustomerDto, actor: Actor) {
    const customer = await em.findOne(Customer, { where: { id } });
    if (!customer) throw new NotFound('customer', id);
    if (customer.version !== dto.version) {
      throw new StaleVersion('customer', dto.version, {
        version: customer.version,
        changed: { updatedAt: customer.updatedAt.toISOString() },
      });
    }
    const [before] = await this.withContacts(em, [customer]);
    const country = dto.country ?? customer.country;
    const after = {
      displayName: dto.displayName ?? customer.displayName,
      preferredLanguage: dto.preferredLanguage ?? customer.preferredLanguage,
      timeZone: dto.timeZone ?? customer.timeZone,
      country,
      isVulnerable: dto.isVulnerable ?? customer.isVulnerable,
      emails:
        dto.emails?.map((email) => email.trim().toLowerCase()) ?? before.emails.map((email) => email.address),
      phones:
        dto.phones?.map((phone) => this.e164(phone, country)) ?? before.phones.map((phone) => phone.number),
    };
    const changes = diffCustomer(before, after);
    if (Object.keys(changes).length === 0) return { record: before, changes };

    const now = this.clock.now();
    const result = await em.update(
      Customer,
      { id, version: dto.version },
      {
        displayName: after.displayName,
        preferredLanguage: after.preferredLanguage,
        timeZone: after.timeZone,
        country: after.country,
        isVulnerable: after.isVulnerable,
        searchText: this.searchTextOf(after.displayName, after.emails, after.phones),
        version: dto.version + 1,
        updatedAt: now,
      },
    );
    if (result.affected !== 1) {
      throw new StaleVersion('customer', dto.version, { version: dto.version + 1, changed: {} });
    }
    if (changes.emails) await this.writeEmails(em, id, after.emails, now, true);
    if (changes.phones) await this.writePhones(em, id, after.phones, now, true);
    await this.audit.record(em, actor, [
      {
        action: 'customer.update',
        recordType: 'customer',
        recordId: id,
        fields: changes,
        reason: dto.reason,
      },
    ]);
    const updated = await em.findOneOrFail(Customer, { where: { id } });
    const [record] = await this.withContacts(em, [updated]);
    return { record, changes };
  }

  /**
   * Restricts processing for a completed restrict or object request, in the caller's transaction: no newsletter
   * or marketing mail reaches the customer while it stands. A restriction already standing stays as it was.
   */
  async restrictProcessing(
    em: EntityManager,
    id: string,
    dataRequestId: string,
    actor: Actor,
  ): Promise<void> {
    const customer = await this.findById(em, id);
    if (customer.processingRestrictedAt) return;
    await this.setRestriction(em, customer, dataRequestId, actor, {
      action: 'customer.restrict_processing',
      reason: `data-subject request ${dataRequestId}`,
    });
  }

  /** Lifts the customer's processing restriction, in the caller's transaction; returns the request that set it. */
  async liftProcessingRestriction(
    em: EntityManager,
    id: string,
    reason: string,
    actor: Actor,
  ): Promise<string> {
    const customer = await this.findById(em, id);
    const dataRequestId = customer.processingRestrictionRequestId;
    if (!customer.processingRestrictedAt || !dataRequestId)
      throw new Conflict('The customer has no processing restriction to lift');
    await this.setRestriction(em, customer, null, actor, { action: 'customer.lift_restriction', reason });
    return dataRequestId;
  }

  async findById(em: EntityManager, id: string): Promise<Customer> {
    const customer = await em.findOne(Customer, { where: { id } });
    if (!customer) throw new NotFound('customer', id);
    return customer;
  }

  /** Where mail to this customer goes: the primary address that has not bounced, else any that has not. */
  async replyAddress(em: EntityManager, customerId: string): Promise<string | null> {
    const emails = await em.find(CustomerEmail, {
      where: { customerId },
      order: { isPrimary: 'DESC', createdAt: 'ASC' },
    });
    return emails.find((email) => !email.bouncedAt)?.address ?? null;
  }

  async primaryEmailOf(em: EntityManager, customerId: string): Promise<string | null> {
    const email = await em.findOne(CustomerEmail, { where: { customerId, isPrimary: true } });
    return email?.address ?? null;
  }

  async emailsOf(em: EntityManager, customerId: string): Promise<string[]> {
    const emails = await em.find(CustomerEmail, { where: { customerId }, select: { address: true } });
    return emails.map((email) => email.address);
  }

  /** A permanent bounce: later replies skip this address, and agents see it. */
  async markBounced(em: EntityManager, address: string): Promise<void> {
    await em.update(
      CustomerEmail,
      { address: address.trim().toLowerCase() },
      { bouncedAt: this.clock.now() },
    );
  }

  /** Customers' names for a list staff review outside a ticket (the retention preview); each read is audited. */
  namesFor(ids: string[], actor: Actor, reason: string): Promise<Map<string, string>> {
    return this.dataSource.transaction(async (em) => {
      const customers = ids.length === 0 ? [] : await em.findBy(Customer, { id: In([...new Set(ids)]) });
      await this.audit.record(
        em,
        actor,
        customers.map((customer) => ({
          action: 'customer.read',
          recordType: 'customer' as const,
          recordId: customer.id,
          fields: ['displayName'],
          reason,
        })),
      );
      return new Map(customers.map((customer) => [customer.id, customer.displayName]));
    });
  }

  /** Names and flags of customers for ticket views; no contact details, so nothing to audit here. */
  async summaries(
    ids: string[],
    em: EntityManager = this.dataSource.manager,
  ): Promise<Map<string, Customer>> {
    if (ids.length === 0) return new Map();
    const customers = await em.findBy(Customer, { id: In([...new Set(ids)]) });
    return new Map(customers.map((customer) => [customer.id, customer]));
  }

  private async setRestriction(
    em: EntityManager,
    customer: Customer,
    dataRequestId: string | null,
    actor: Actor,
    audit: { action: string; reason: string },
  ): Promise<void> {
    const now = this.clock.now();
    const result = await em.update(
      Customer,
      { id: customer.id, version: customer.version },
      {
        processingRestrictedAt: dataRequestId ? now : null,
        processingRestrictionRequestId: dataRequestId,
        version: customer.version + 1,
        updatedAt: now,
      },
    );
    if (result.affected !== 1) {
      throw new StaleVersion('customer', customer.version, { version: customer.version + 1, changed: {} });
    }
    await this.audit.record(em, actor, [
      {
        ...audit,
        recordType: 'customer',
        recordId: customer.id,
        fields: { processingRestriction: [customer.processingRestrictionRequestId, dataRequestId] },
      },
    ]);
  }

  private async insert(em: EntityManager, dto: CreateCustomerDto): Promise<CustomerRecord> {
    const now = this.clock.now();
    const emails = (dto.emails ?? []).map((email) => email.trim().toLowerCase());
    const phones = (dto.phones ?? []).map((phone) => this.e164(phone, dto.country));
    const customer = em.create(Customer, {
      displayName: dto.displayName,
      searchText: this.searchTextOf(dto.displayName, emails, phones),
      preferredLanguage: dto.preferredLanguage ?? 'vi',
      timeZone: dto.timeZone ?? this.config.defaultTimeZone,
      country: dto.country?.toUpperCase() ?? null,
      isVulnerable: dto.isVulnerable ?? false,
      anonymisedAt: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await em.insert(Customer, customer);
    return {
      customer,
      emails: await this.writeEmails(em, customer.id, emails, now, false),
      phones: await this.writePhones(em, customer.id, phones, now, false),
    };
  }

  /** Writes the customer's addresses, the first one primary; `replacing` drops the ones they had. */
  private async writeEmails(
    em: EntityManager,
    customerId: string,
    addresses: string[],
    now: Date,
    replacing: boolean,
  ) {
    if (addresses.length > 0) {
      const taken = await em.find(CustomerEmail, { where: { address: In(addresses) } });
      const other = taken.find((email) => email.customerId !== customerId);
      if (other) throw new CustomerEmailTaken(other.customerId);
    }
    if (replacing) await em.delete(CustomerEmail, { customerId });
    const rows = addresses.map((address, index) =>
      em.create(CustomerEmail, {
        customerId,
        address,
        isPrimary: index === 0,
        bouncedAt: null,
        createdAt: now,
      }),
    );
    if (rows.length > 0) await em.insert(CustomerEmail, rows);
    return rows;
  }

  private async writePhones(
    em: EntityManager,
    customerId: string,
    numbers: string[],
    now: Date,
    replacing: boolean,
  ) {
    if (replacing) await em.delete(CustomerPhone, { customerId });
    const rows = [...new Set(numbers)].map((number, index) =>
      em.create(CustomerPhone, { customerId, number, isPrimary: index === 0, createdAt: now }),
    );
    if (rows.length > 0) await em.insert(CustomerPhone, rows);
    return rows;
  }

  private async withContacts(em: EntityManager, customers: Customer[]): Promise<CustomerRecord[]> {
    if (customers.length === 0) return [];
    const customerId = In(customers.map((customer) => customer.id));
    const order = { isPrimary: 'DESC', createdAt: 'ASC' } as const;
    const [emails, phones] = await Promise.all([
      em.find(CustomerEmail, { where: { customerId }, order }),
      em.find(CustomerPhone, { where: { customerId }, order }),
    ]);
    return customers.map((customer) => ({
      customer,
      emails: emails.filter((email) => email.customerId === customer.id),
      phones: phones.filter((phone) => phone.customerId === customer.id),
    }));
  }

  private e164(phone: string, country: string | null | undefined): string {
    const number = toE164(phone, country);
    if (!number) throw new InvalidPhoneNumber(phone);
    return number;
  }

  private searchTextOf(displayName: string, emails: string[], phones: string[]): string {
    return foldForSearch([displayName, ...emails, ...phones].join(' ')).slice(0, 1000);
  }
}
