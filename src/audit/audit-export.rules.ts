import { DateTime } from 'luxon';

/** Excel reads a CSV as UTF-8 (and shows Vietnamese) only when the file starts with the byte order mark. */
export const UTF8_BOM = '\uFEFF';

export const AUDIT_CSV_COLUMNS = [
  'seq',
  'occurred_at_utc',
  'occurred_at_local',
  'actor_type',
  'actor_id',
  'action',
  'record_type',
  'record_id',
  'fields',
  'reason',
  'request_id',
  'redacted',
  'hash',
] as const;

/** seq and hash are empty for an event the sealer has not chained yet. */
export interface CsvAuditEvent {
  seq: number | null;
  occurredAt: Date;
  actorType: string;
  actorId: string | null;
  action: string;
  recordType: string;
  recordId: string;
  fields: string | null;
  reason: string | null;
  requestId: string | null;
  redactedAt: Date | null;
  hash: string | null;
}

/**
 * One RFC 4180 field: quoted when it holds a quote, comma or line break, quotes doubled. A text that
 * starts like a formula (= + - @) gets a leading apostrophe, so a spreadsheet shows it instead of running
 * it: reasons and fields hold what customers and agents typed.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number | null)[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export function auditCsvHeader(): string {
  return UTF8_BOM + csvLine([...AUDIT_CSV_COLUMNS]);
}

export function auditCsvLine(event: CsvAuditEvent, timeZone: string): string {
  return csvLine([
    event.seq,
    event.occurredAt.toISOString(),
    DateTime.fromJSDate(event.occurredAt, { zone: timeZone }).toISO(),
    event.actorType,
    event.actorId,
    event.action,
    event.recordType,
    event.recordId,
    event.fields,
    event.reason,
    event.requestId,
    event.redactedAt ? 'yes' : 'no',
    event.hash,
  ]);
}
