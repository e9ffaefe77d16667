import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';

/**
 * Streams CSV lines to the client as they are made, as a download. Once the first line is sent the status
 * cannot change, so a failure later cuts the download short (the client sees an incomplete transfer).
 */
export async function sendCsv(res: Response, lines: AsyncGenerator<string>): Promise<void> {
  res
    .status(200)
    .type('text/csv; charset=utf-8')
    .setHeader('Content-Disposition', 'attachment; filename="audit-events.csv"');
  await pipeline(Readable.from(lines), res).catch(() => res.destroy());
}
