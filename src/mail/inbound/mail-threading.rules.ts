/**
 * A Message-ID in its stored form `<local@domain>`: the domain lower-cased (domains are case-insensitive), the
 * local part kept as it is (RFC 5322 §3.6.4 compares ids as opaque strings, and senders such as Gmail use
 * mixed-case ids). Folded white space inside the brackets is dropped, as the obsolete syntax allows it.
 * Null for anything that is not `local@domain`.
 */
export function normalizeMessageId(id: string): string | null {
  const bracketed = /<([^<>]*)>/.exec(id);
  const bare = (bracketed ? bracketed[1] : id).replace(/\s+/g, '');
  const at = bare.lastIndexOf('@');
  if (at <= 0 || at === bare.length - 1) return null;
  const local = bare.slice(0, at);
  const domain = bare.slice(at + 1);
  if (/[<>]/.test(local) || !/^[^<>@(),;"]+$/.test(domain)) return null;
  return `<${local}@${domain.toLowerCase()}>`;
}

/**
 * The Message-IDs named by an In-Reply-To or References header, in order and once each.
 *
 * When the value has bracketed ids, only those count: old mailers write In-Reply-To as
 * `Your message of Mon, 1 Jan 2024 … <id@host>` or add comments naming the author's address, and those
 * bare addresses are not ids. Only a value with no brackets at all (some web forms and scripts write
 * `id@host`) is read as bare ids separated by white space or commas.
 */
export function parseMessageIds(header: string | string[] | undefined | null): string[] {
  const value = Array.isArray(header) ? header.join(' ') : (header ?? '');
  const bracketed = value.match(/<[^<>]*>/g);
  const candidates = bracketed ?? value.split(/[\s,]+/);
  const ids = candidates.map(normalizeMessageId).filter((id): id is string => id !== null);
  return [...new Set(ids)];
}
