import { toE164 } from '../customers/phone-number.js';
import { DATA_REQUEST_TYPES, type DataRequestType } from '../data-requests/data-request.rules.js';
import type { MessageKey } from './i18n.js';

export const COMPLAINT_TOPICS = [
  'fraud_or_tampering',
  'payment',
  'cancellation',
  'newsletter',
  'privacy_request',
  'general',
] as const;
export type ComplaintTopic = (typeof COMPLAINT_TOPICS)[number];

export const MAX_FILES = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** What customers send as evidence: photos, scans, office documents, plain text. */
export const ACCEPTED_FILE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'application/pdf',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'text/plain',
];

/** The form as typed, kept whole so a page with errors shows it again. */
export interface ComplaintFormInput {
  name?: string;
  email?: string;
  phone?: string;
  bookingReference?: string;
  topic?: string;
  /** For the personal-data topic: which right the customer exercises (one of DATA_REQUEST_TYPES). */
  dataRequest?: string;
  description?: string;
  consent?: string;
  newsletter?: string;
  /** Honeypot: hidden from people, filled by bots. */
  website?: string;
}

export interface UploadedFile {
  originalname: string;
  mimetype: string;
  size: number;
}

export interface Complaint {
  name: string;
  email: string;
  phoneE164: string | null;
  bookingReference: string | null;
  topic: ComplaintTopic;
  dataRequest: DataRequestType | null;
  description: string;
  newsletter: boolean;
}

export type ComplaintCheck =
  | { ok: true; complaint: Complaint }
  | { ok: false; errors: Partial<Record<keyof ComplaintFormInput | 'attachments', MessageKey>> };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Why a set of uploaded files is refused (too many, too large, a type we do not take), or null. */
export function checkUploads(
  files: UploadedFile[],
): 'error.tooManyFiles' | 'error.fileTooLarge' | 'error.fileType' | null {
  if (files.length > MAX_FILES) return 'error.tooManyFiles';
  if (files.some((file) => file.size > MAX_FILE_BYTES)) return 'error.fileTooLarge';
  if (files.some((file) => !ACCEPTED_FILE_TYPES.includes(file.mimetype.toLowerCase())))
    return 'error.fileType';
  return null;
}

/** Checks a complaint form field by field; errors are message keys, shown next to each field. */
export function checkComplaintForm(input: ComplaintFormInput, files: UploadedFile[]): ComplaintCheck {
  const errors: Extract<ComplaintCheck, { ok: false }>['errors'] = {};
  const text = (value: string | undefined) => (value ?? '').trim();
  const name = text(input.name);
  const email = text(input.email).toLowerCase();
  const phone = text(input.phone);
  const bookingReference = text(input.bookingReference);
  const description = text(input.description);

  if (!name) errors.name = 'error.required';
  else if (name.length > 200) errors.name = 'error.tooLong';
  if (!email) errors.email = 'error.required';
  else if (email.length > 254 || !EMAIL.test(email)) errors.email = 'error.email';
  // Numbers without a country code are read as Vietnamese.
  const phoneE164 = phone ? toE164(phone, 'VN') : null;
  if (phone && !phoneE164) errors.phone = 'error.phone';
  if (bookingReference.length > 40) errors.bookingReference = 'error.tooLong';
  const dataRequest = text(input.dataRequest);
  if (dataRequest && !DATA_REQUEST_TYPES.includes(dataRequest as DataRequestType))
    errors.dataRequest = 'error.dataRequest';
  // Naming a right to exercise makes it a personal-data request, whatever topic was picked.
  const topic = dataRequest ? 'privacy_request' : input.topic;
  if (!COMPLAINT_TOPICS.includes(topic as ComplaintTopic)) errors.topic = 'error.topic';
  if (!description) errors.description = 'error.required';
  else if (description.length < 10) errors.description = 'error.tooShort';
  else if (description.length > 20_000) errors.description = 'error.tooLong';
  if (input.consent !== 'yes') errors.consent = 'error.consent';
  const refusedFiles = checkUploads(files);
  if (refusedFiles) errors.attachments = refusedFiles;

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    complaint: {
      name,
      email,
      phoneE164,
      bookingReference: bookingReference || null,
      topic: topic as ComplaintTopic,
      dataRequest: (dataRequest as DataRequestType) || null,
      description,
      newsletter: input.newsletter === 'yes',
    },
  };
}
