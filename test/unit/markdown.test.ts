import { describe, expect, test } from 'vitest';
import { markdownToHtml, markdownToText } from '../../src/lib/markdown.ts';

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
    ['an image becomes a link to it, so the page loads nothing from elsewhere', '![the error screen](https://cdn.example.com/error.png)', '<p><a href="https://cdn.example.com/error.png">the error screen</a></p>'],
    ['an image without alt text links with its address', '![](https://cdn.example.com/error.png)', '<p><a href="https://cdn.example.com/error.png">https://cdn.example.com/error.png</a></p>'],
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
