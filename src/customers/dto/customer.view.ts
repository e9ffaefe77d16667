import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Customer, CustomerEmail, CustomerPhone } from '../customer.entity.js';

export class ContactView {
  @ApiProperty() value: string;
  @ApiProperty() isPrimary: boolean;
}

export class EmailContactView extends ContactView {
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'When mail to it last bounced permanently',
  })
  bouncedAt: string | null;
}

export class ProcessingRestrictionView {
  @ApiProperty() restrictedAt: string;
  @ApiProperty({ description: 'The data-subject request that set it' }) dataRequestId: string;
}

export class CustomerView {
  @ApiProperty() id: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: [EmailContactView] }) emails: EmailContactView[];
  @ApiProperty({ type: [ContactView], description: 'E.164' }) phones: ContactView[];
  @ApiProperty({ enum: ['vi', 'en'] }) preferredLanguage: string;
  @ApiProperty() timeZone: string;
  @ApiPropertyOptional({ nullable: true, type: String }) country: string | null;
  @ApiProperty() isVulnerable: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) anonymisedAt: string | null;
  @ApiProperty({
    type: ProcessingRestrictionView,
    nullable: true,
    description: 'Set while a restrict or object request stands: no newsletter or marketing mail is sent',
  })
  processingRestriction: ProcessingRestrictionView | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export interface CustomerRecord {
  customer: Customer;
  emails: CustomerEmail[];
  phones: CustomerPhone[];
}

export function toCustomerView({ customer, emails, phones }: CustomerRecord): CustomerView {
  return {
    id: customer.id,
    displayName: customer.displayName,
    emails: emails.map((email) => ({
      value: email.address,
      isPrimary: email.isPrimary,
      bouncedAt: email.bouncedAt?.toISOString() ?? null,
    })),
    phones: phones.map((phone) => ({ value: phone.number, isPrimary: phone.isPrimary })),
    preferredLanguage: customer.preferredLanguage,
    timeZone: customer.timeZone,
    country: customer.country,
    isVulnerable: customer.isVulnerable,
    anonymisedAt: customer.anonymisedAt?.toISOString() ?? null,
    processingRestriction: customer.processingRestrictedAt
      ? {
          restrictedAt: customer.processingRestrictedAt.toISOString(),
          dataRequestId: customer.processingRestrictionRequestId!,
        }
      : null,
    version: customer.version,
    createdAt: customer.createdAt.toISOString(),
    updatedAt: customer.updatedAt.toISOString(),
  };
}
