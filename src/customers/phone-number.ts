import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * The E.164 form of a phone number as a person typed it, or null if it is not a valid number.
 * National numbers ("0901 234 567") are read in the customer's country, Vietnam by default.
 */
export function toE164(input: string, country: string | null | undefined): string | null {
  const parsed = parsePhoneNumberFromString(input, (country ?? 'VN').toUpperCase() as CountryCode);
  return parsed?.isValid() ? parsed.number : null;
}
