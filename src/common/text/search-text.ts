/** NFC is how every text is stored, so the same words always have the same bytes. */
export function normalizeText(value: string): string {
  return value.normalize('NFC');
}

/**
 * Folds text for Vietnamese-aware search: tone marks and other diacritics removed, đ to d, lower case,
 * white space collapsed. "Nguyễn Văn Đạt" and "nguyen van dat" fold to the same string.
 * Databases fold differently (SQLite not at all, MySQL collations vary), so the app folds once on write.
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A LIKE pattern matching `term` anywhere, wildcards escaped; use with `LIKE :x ESCAPE '!'`. The escape
 * character is not the backslash because MySQL and SQLite disagree on how to write a backslash literal.
 */
export const LIKE_ESCAPE = "ESCAPE '!'";
export function likeContains(term: string): string {
  return `%${term.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}
