import sanitizeHtml from 'sanitize-html';

/**
 * What may stay in HTML written by customers or agents: formatting, links, tables and inline (cid:) or
 * embedded (data:) images. No scripts, styles, forms, frames or event handlers, and nothing that loads
 * remote content when an agent opens the ticket (tracking pixels, remote images).
 */
const POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags.filter((tag) => tag !== 'img'),
    'img',
    'span',
    'font',
    'center',
    'u',
    's',
    'del',
    'ins',
    'sub',
    'sup',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan', 'align'],
    th: ['colspan', 'rowspan', 'align'],
    '*': ['dir', 'lang'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['cid', 'data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
};
POLICY.allowedAttributes = { ...POLICY.allowedAttributes, a: ['href', 'title', 'rel', 'target'] };

export function sanitizeUserHtml(html: string): string {
  return sanitizeHtml(html, POLICY).normalize('NFC');
}

/** HTML for a plain-text body: escaped, line breaks kept. */
export function textToHtml(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return escaped.split(/\r?\n/).join('<br>\n');
}
