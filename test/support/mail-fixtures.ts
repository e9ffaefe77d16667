import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';

const DIR = resolve('test/fixtures/mail');
/** A valid 1×1 JPEG. */
const TINY_JPEG =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQH/wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAAP/EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AP//Z';

/** A fixture's bytes, with {{PLACEHOLDERS}} filled (they are plain ASCII in every fixture). */
export function fixture(name: string, values: Record<string, string | number> = {}): Buffer {
  let raw = readFileSync(resolve(DIR, name)).toString('latin1');
  for (const [key, value] of Object.entries(values)) raw = raw.split(`{{${key}}}`).join(String(value));
  return Buffer.from(raw, 'latin1');
}

/** A complaint with a 26 MiB video (over the 25 MB default limit) and a small photo, built here, not stored. */
export function oversizedMail(): Promise<Buffer> {
  const block = Buffer.alloc(64 * 1024);
  for (let i = 0; i < block.length; i++) block[i] = (i * 2654435761) >>> 24;
  const video = Buffer.concat([Buffer.from('000000186674797069736f6d', 'hex'), ...Array(416).fill(block)]);
  return new MailComposer({
    from: 'Bùi Đức Long <long.bui@example.com>',
    to: 'care@offtrack.test',
    subject: 'Video bằng chứng xe đón trễ',
    messageId: '<fixture-15@mail.example.com>',
    text: 'Tôi gửi kèm video bằng chứng xe đón trễ hơn 2 tiếng và ảnh vé.',
    attachments: [
      { filename: 'video-bang-chung.mp4', content: video, contentType: 'video/mp4' },
      { filename: 'anh.jpg', content: Buffer.from(TINY_JPEG, 'base64'), contentType: 'image/jpeg' },
    ],
  })
    .compile()
    .build();
}
