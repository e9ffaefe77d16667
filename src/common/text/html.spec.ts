import { sanitizeUserHtml, textToHtml } from './html.js';

describe('sanitizeUserHtml', () => {
  it('removes scripts, event handlers, forms and styles', () => {
    const html = sanitizeUserHtml(
      '<p onclick="steal()">Xin chào<script>alert(1)</script></p><form action="x"><input></form><style>p{}</style>',
    );
    expect(html).toBe('<p>Xin chào</p>');
  });

  it('drops remote images but keeps inline cid images', () => {
    expect(
      sanitizeUserHtml('<img src="https://tracker.example/p.gif"><img src="cid:logo@x" alt="logo">'),
    ).toBe('<img /><img src="cid:logo@x" alt="logo" />');
  });

  it('neutralises javascript links and opens links safely', () => {
    expect(sanitizeUserHtml('<a href="javascript:alert(1)">x</a>')).toBe(
      '<a rel="noopener noreferrer nofollow" target="_blank">x</a>',
    );
    expect(sanitizeUserHtml('<a href="https://offtrack.vn">site</a>')).toContain(
      'href="https://offtrack.vn"',
    );
  });
});

describe('textToHtml', () => {
  it('escapes markup and keeps line breaks', () => {
    expect(textToHtml('a < b\n"Đà Lạt"')).toBe('a &#60; b<br>\n&#34;Đà Lạt&#34;');
  });
});
