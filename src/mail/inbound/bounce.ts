import { normalizeMessageId } from './mail-threading.rules.js';
import type { ParsedMail } from './mail-parser.js';

export interface BounceFacts {
  originalMessageId: string | null;
  recipient: string | null;
  status: string | null;
  /** 5.x.x (RFC 3463): the address will not start working by itself. */
  permanent: boolean;
}

/**
 * Reads a delivery status notification (RFC 3464): the failed recipient and status from the
 * message/delivery-status part, the original Message-ID from the returned headers or message.
 */
export function bounceFacts(mail: ParsedMail): BounceFacts {
  const parts = mail.attachments.map((attachment) => ({
    type: attachment.contentType,
    text: attachment.bytes.toString('utf8'),
  }));
  const report = parts.find((part) => part.type === 'message/delivery-status')?.text ?? mail.text;
  const returned =
    parts.find((part) => part.type === 'text/rfc822-headers' || part.type === 'message/rfc822')?.text ??
    mail.text;

  const recipient =
    /^(?:final|original)-recipient:\s*(?:rfc822;)?\s*<?([^\s<>]+@[^\s<>]+)>?/im.exec(report)?.[1] ?? null;
  const status = /^status:\s*([245]\.\d{1,3}\.\d{1,3})/im.exec(report)?.[1] ?? null;
  const messageId = /^message-id:\s*(<[^>\r\n]+>)/im.exec(returned)?.[1] ?? null;
  return {
    originalMessageId: messageId ? normalizeMessageId(messageId) : null,
    recipient: recipient?.toLowerCase() ?? null,
    status,
    permanent: status ? status.startsWith('5') : /action:\s*failed/i.test(report),
  };
}
