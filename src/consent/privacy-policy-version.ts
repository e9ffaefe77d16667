/**
 * The version of the published privacy policy (src/web/content/privacy-policy.vi.txt, from
 * ../shared/seed/privacy-policy.vi.txt) that every consent event records: consent is only provable together
 * with the text it was given under (Law 91/2025). Change the text, and privacy-policy-version.spec.ts fails
 * until the version and the digest here are brought up to date.
 */
export const PRIVACY_POLICY_VERSION = '2026-11-25';

/** SHA-256 of the Vietnamese text that PRIVACY_POLICY_VERSION names. */
export const PRIVACY_POLICY_SHA256 = '3cd4ce10a4485ed314bcc20614fb79ba499f8ff889928050d1b7d228cba4b0a3';
