import { DateTime } from 'luxon';

/** A UTC instant as people in `timeZone` read it: "27/11/2026 16:00 (GMT+7)". */
export function formatLocal(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat("dd/MM/yyyy HH:mm '(GMT'Z')'");
}
