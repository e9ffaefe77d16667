/**
 * Patterns for personal data in free text, shared by log masking (common/logging) and retention redaction.
 * Both are global regexes: use them with `replace` or `matchAll`, which reset their position.
 */
export const EMAIL_PATTERN = /([A-Za-z0-9._%+-])[A-Za-z0-9._%+-]*@([A-Za-z0-9.-]+\.[A-Za-z]{2,})/g;

/** A phone number: 9 to 15 digits, maybe after "+", maybe grouped; not part of an id, a date or a token. */
export const PHONE_PATTERN = /(?<![\w-])(\+?)(\d(?:[ .-]?\d){5,})[ .-]?(\d{3})(?![\w-])/g;

/** Whether a PHONE_PATTERN match (its head and tail groups) has the 9 digits a phone number needs. */
export function isPhoneLength(head: string, tail: string): boolean {
  return head.replace(/\D/g, '').length + tail.length >= 9;
}
