import { Writable } from 'node:stream';
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import { findSensitiveData } from '../../src/sensitive-data/sensitive-data.rules.js';

/** An address with at least two visible characters before the "@": masked ones read "n***@example.com". */
const EMAIL = /[A-Za-z0-9._%+-]{2,}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
/** Request, record and message ids: their digit groups can read as a phone number ("6949-4161"). */
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** pino's own fields: a 13-digit epoch or a pid is not personal data, and would read as a number. */
const LOGGER_FIELDS = new Set(['time', 'pid', 'hostname', 'level']);

export interface PersonalDataInLog {
  kind: 'email' | 'phone' | 'card_number' | 'citizen_id' | 'passport_number';
  value: string;
  line: string;
}

/**
 * What a log line gives away: e-mail addresses, phone numbers (valid ones by libphonenumber's full metadata,
 * national numbers read as Vietnamese) and card, citizen ID and passport numbers. Deliberately not the
 * application's own maskers, so a gap in them shows here.
 */
export function findPersonalDataInLogLine(line: string): PersonalDataInLog[] {
  let text = line;
  try {
    const record = JSON.parse(line) as Record<string, unknown>;
    text = JSON.stringify(record, (key, value: unknown) => (LOGGER_FIELDS.has(key) ? undefined : value));
  } catch {
    // not JSON: scan it as it is
  }
  text = text.replace(UUID, '[id]');
  const found: PersonalDataInLog[] = [];
  for (const match of text.matchAll(EMAIL)) found.push({ kind: 'email', value: match[0], line });
  for (const { startsAt, endsAt } of findPhoneNumbersInText(text, 'VN'))
    found.push({ kind: 'phone', value: text.slice(startsAt, endsAt), line });
  for (const finding of findSensitiveData(text))
    found.push({ kind: finding.kind, value: text.slice(finding.start, finding.end), line });
  return found;
}

/**
 * Every test app's logs, at debug level, scanned as they are written. Nothing is printed unless
 * TEST_LOG_LEVEL is set; what personal data was found is kept for `assertClean`.
 */
export class LogCapture extends Writable {
  readonly findings: PersonalDataInLog[] = [];
  private readonly echo = Boolean(process.env.TEST_LOG_LEVEL);

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    const text = chunk.toString();
    if (this.echo) process.stdout.write(text);
    for (const line of text.split('\n')) if (line) this.findings.push(...findPersonalDataInLogLine(line));
    done();
  }

  assertClean(): void {
    if (this.findings.length === 0) return;
    const shown = this.findings
      .slice(0, 5)
      .map((finding) => `${finding.kind} "${finding.value}" in ${finding.line}`);
    throw new Error(`personal data in the application's logs:\n${shown.join('\n')}`);
  }
}
