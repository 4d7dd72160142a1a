import { describe, expect, test } from 'vitest';
import { fragmentsOnPage, markdownToHtml, markdownToText } from '../../src/lib/markdown.ts';

describe('Markdown is rendered and sanitized', () => {
  test('ordinary Markdown renders', () => {
    expect(markdownToHtml('We are **investigating**. See [the portal](https://support.example.com/).')).toBe(
      '<p>We are <strong>investigating</strong>. See <a href="https://support.example.com/">the portal</a>.</p>',
    );
  });

  test.each([
    ['a script tag', 'Hello <script>alert(1)</script> there'],
    ['an event handler', '<img src="x" onerror="alert(1)">'],
    ['a javascript: link', '[click](javascript:alert(1))'],
    ['a data: link', '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['an SVG with script', '<svg><script>alert(1)</script></svg>'],
    ['an iframe', '<iframe src="https://evil.example/"></iframe>'],
    ['a comment breaking out', '<!-- --><script>alert(1)</script><!-- -->'],
    ['a style attribute', '<p style="background:url(javascript:alert(1))">x</p>'],
    ['an autolinked javascript: URL', '<javascript:alert(1)>'],
  ])('%s never reaches the output', (_name, input) => {
    const html = markdownToHtml(input);
    expect(html).not.toMatch(/<script|onerror|href="(javascript|data):|<svg|<iframe|style=/i);
  });

  test('a link with a dangerous URL keeps its text and loses its target', () => {
    expect(markdownToHtml('[click](javascript:alert(1))')).toBe('<p><a>click</a></p>');
  });

  test.each([
    [
      'an image becomes a link to it, so the page loads nothing from elsewhere',
      '![the error screen](https://cdn.example.com/error.png)',
      '<p><a href="https://cdn.example.com/error.png">the error screen</a></p>',
    ],
    [
      'an image without alt text links with its address',
      '![](https://cdn.example.com/error.png)',
      '<p><a href="https://cdn.example.com/error.png">https://cdn.example.com/error.png</a></p>',
    ],
    ['an image whose address the sanitizer removed is its alt text alone', '![screen](javascript:alert(1))', '<p>screen</p>'],
  ])('%s', (_name, md, html) => {
    expect(markdownToHtml(md)).toBe(html);
  });

  test('ampersands are escaped and stray closing tags are dropped', () => {
    expect(markdownToHtml('Title with "quotes" & </p> inside')).toBe('<p>Title with "quotes" &#x26;  inside</p>');
  });

  test.each([
    ['report headings start below the page headings', '# Root cause\n\n## Actions', 3, '<h3>Root cause</h3>\n<h4>Actions</h4>'],
    ['levels that skip are closed up', '## Summary\n\n#### Detail', 3, '<h3>Summary</h3>\n<h4>Detail</h4>'],
    ['the top level can be chosen', '### Details', 2, '<h2>Details</h2>'],
  ])('%s', (_name, md, top, html) => {
    expect(markdownToHtml(md, top)).toBe(html);
  });

  test('plain text keeps the words and paragraphs and drops the markup', () => {
    expect(markdownToText('We are **investigating**.\n\nNext update at 14:00. <b>bold</b>')).toBe('We are investigating.\n\nNext update at 14:00. bold');
  });
});

describe('footnotes link to their notes, and back, within their own text', () => {
  const REPORT = '### Cause\n\nA disk filled up[^1] after a change[^change].\n\n[^1]: The log volume.\n[^change]: Made on 20 November.';
  const MESSAGE = 'We restarted it[^1].\n\n[^1]: Twice.';
  /** Every in-text link target, every id, and every ARIA reference of some HTML. */
  const parts = (html: string) => ({
    hrefs: [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!),
    ids: [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!),
    described: [...html.matchAll(/aria-describedby="([^"]+)"/g)].map((m) => m[1]!),
  });

  test.each([
    ['a report', REPORT],
    ['a message', MESSAGE],
    ['a note with a label that is not a number', 'Uploads[^über-Größe] fail.\n\n[^über-Größe]: Above 2 GB.'],
  ])('in %s every reference, back-reference and ARIA description points at an id the text has', (_name, md) => {
    const { hrefs, ids, described } = parts(markdownToHtml(md));
    expect(hrefs.length).toBeGreaterThan(1);
    expect(hrefs.filter((h) => !ids.includes(h))).toEqual([]);
    expect(described.filter((d) => !ids.includes(d))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('two texts on one page share no id, so each note 1 is reached from its own text', () => {
    const report = parts(markdownToHtml(REPORT));
    const message = parts(markdownToHtml(MESSAGE));
    expect(report.ids.filter((id) => message.ids.includes(id))).toEqual([]);
    expect(message.hrefs.filter((h) => report.ids.includes(h))).toEqual([]);
  });

  test('ids keep the sanitizer prefix, so none can take a page id such as "updates"', () => {
    expect(parts(markdownToHtml(REPORT)).ids.every((id) => /^md-[0-9a-f]{8}-/.test(id))).toBe(true);
    expect(markdownToHtml('See [the updates](#updates).')).toBe('<p>See <a href="#updates">the updates</a>.</p>');
  });

  test("the notes' heading sits beside the text's own sections and does not push them down", () => {
    const html = markdownToHtml(REPORT);
    expect(html).toMatch(/^<h3>Cause<\/h3>/);
    expect(html).toMatch(/<h3 class="sr-only" id="md-[0-9a-f]{8}-footnote-label">Footnotes<\/h3>/);
    expect(markdownToHtml(MESSAGE, 2)).toMatch(/<h2 class="sr-only" id="[^"]+">Footnotes<\/h2>/);
  });

  test('for a feed, links to places in the text point at them on the page; nothing else changes', () => {
    const md = `${MESSAGE}\n\nWritten as \`<a href="#x">\`, see [the portal](https://support.acme.test/#top).`;
    const html = markdownToHtml(md);
    const page = 'https://status.acme.test/incidents/a/?q="x"';
    const onPage = fragmentsOnPage(html, page);
    const { ids } = parts(html);
    const note = ids.find((id) => id.endsWith('-fn-1'))!;
    const ref = ids.find((id) => id.endsWith('-fnref-1'))!;
    const at = 'https://status.acme.test/incidents/a/?q=&quot;x&quot;#';
    expect([...onPage.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])).toEqual([`${at}${note}`, 'https://support.acme.test/#top', `${at}${ref}`]);
    expect(parts(onPage).ids).toEqual(ids);
    expect(onPage).toContain('<code>&#x3C;a href="#x"></code>');
  });
});
