/**
 * Plain prose is written to HTML without the Markdown parser (src/lib/markdown-plain.ts); the full
 * renderer stays the reference. Whatever a text holds, markdownToHtml must give exactly what the full
 * renderer gives, and the shortcut must really be taken for the prose it is meant for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, test } from 'vitest';
import { proseHtml } from '../../src/lib/markdown-plain.ts';
import { markdownToHtml, proseShortcut, renderFullHtml } from '../../src/lib/markdown.ts';
import { ROOT, tempDir } from '../helpers/fixtures.ts';
import { generateSite } from '../../bench/generate.ts';

/** Checks every text against the full renderer; returns how many took the shortcut. */
function expectSame(texts: Iterable<string>): number {
  return shortcutHtml(texts).length;
}

/** Checks every text against the full renderer; returns the HTML of those that took the shortcut. */
function shortcutHtml(texts: Iterable<string>): string[] {
  const shortcut: string[] = [];
  for (const text of texts) {
    const html = proseShortcut(text);
    if (html !== undefined) shortcut.push(html);
    expect(markdownToHtml(text, 3), JSON.stringify(text)).toBe(renderFullHtml(text, 3));
  }
  return shortcut;
}

/** A small deterministic random source (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['We', 'are', 'investigating', 'the', 'cause.', 'Åtgärdat', 'très', 'bientôt', '(EU)', '"quoted"', "l'incident", 'and/or', '24/7', 'at', '10:30', 'UTC,', 'ok!', 'why?', '50%', '€5', 'x+y', 'a=b', 'é', '中文', '😀', 'مرحبا', '—', '…', 'v2.1', '1.', '2)', 'a-b', '-x', 'end.'];
/**
 * Things that are not prose, or that the parser treats specially, put anywhere in a line. ("[x]"
 * is left out: under test, GFM's task-list code asserts on it after an empty nested item.)
 */
const INLINE = ['*', '**b**', '_', '__u__', '`c`', '[l](https://e.com)', '![i](x.png)', '[ref]', '<b>', '<', '>', '&amp;', '&', '\\', '\\*', '~~s~~', '~', '|', 'a@b.se', '@', 'www.x.com', 'WWW.X.COM', 'http://x', 'https:x', 'mailto:', 'x://', '\t', '\r', '\0', '\ufeff', '\ud800', '\u202e', '\u00a0', '\u2028', '#', '#x', '^', '$', '{', '}'];
/** Bold, italic and links as messages use them. */
const SPANS = ['**bold**', '**Bold text.**', '*italic*', '*Published 2013-04-14.*', '**10:30**', '**Note**:', '**Note**.', '**a**,', '**b**!', '*c*?', '[support.example.com](https://support.example.com)', '[the portal](https://e.com/a-b/c.d)', '[t](http://e.com)', '[Planview Status](https://status.example.com/incidents/x-1/)', '**«guillemets»**', '*(aside)*', '**Åtgärd**', '*très*'];
/** Near misses of those: stars that cannot open or close, images, titles, other schemes, nesting. */
const NEAR = ['**a*', '*a**', '***a***', '** a**', '**a **', 'x**a**', '**a**x', '**a**b', '**a:**x', '**a:**.', '*a*b*', '**a.**b', '![i](https://e.com/x.png)', '[t](http://e.com "title")', '[t] (https://e.com)', '[](https://e.com)', '[t](javascript:alert(1))', '[t](HTTPS://E.COM)', '[**b**](https://e.com)', '**[t](https://e.com)**', '[t](https://e.com)**b**', '[ t ](https://e.com)', '[t](https://e.com/ä)', '[t](https://e.com/a_b)', '[t](https://e.com)x', '[a][b]', '[a]: https://e.com', '**\u00a0a**', '*\u00a0*', '**a**\u00a0', '(**a**)', '"*a*"', '**a**\ufeff', '[t](https://e.com))', '[t](<https://e.com>)', '[t](https://)', '*a\nb*', '**\ue000**', '**a <b> c**', '**a & b**', '**a_b_c**', '**www.e.com**', '*`code`*', '**a [t](https://e.com) b**', '*a\\*'];
/** Beginnings of lines: markers of every block kind, spaces, and nothing. */
const STARTS = ['', '', '', '', '- ', '- ', '-', '-  ', '-\t', '- - ', '- 1. ', '- [ ] ', '* ', '+ ', '1. ', '1) ', '2. ', '12 ', ' ', '  ', '   ', '    ', '\t', '> ', '# ', '## ', '=', '==', '---', '***', '___', '```', '~~~', '<div>', '|', '[^1]: ', '[a]: ', '\ufeff', '\u00a0'];
const ENDS = ['', '', '', '', ' ', '  ', '\t', '\\', '.', ':'];
const BREAKS = ['\n', '\n', '\n', '\n\n', '\n\n', '\n\n\n', '\n \n', '\n\t\n', '\r\n', '\r\n\r\n', '\r'];

/** A text of lines of prose; in half of them, rare markers, odd breaks and inline syntax too. */
function generated(next: () => number): string {
  const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const noisy = next() < 0.5;
  const odds = (p: number) => noisy && next() < p;
  const lines = 1 + Math.floor(next() * 8);
  let text = odds(0.2) ? pick(BREAKS) : '';
  for (let l = 0; l < lines; l++) {
    let line = odds(0.4) ? pick(STARTS) : next() < 0.15 ? '- ' : '';
    const words = 1 + Math.floor(next() * 10);
    for (let w = 0; w < words; w++) {
      if (w > 0) line += odds(0.02) ? '  ' : ' ';
      line += odds(0.03) ? pick(INLINE) : odds(0.03) ? pick(NEAR) : next() < 0.04 ? pick(SPANS) : pick(WORDS);
    }
    line += odds(0.15) ? pick(ENDS) : '';
    text += line + (l < lines - 1 ? (odds(0.3) ? pick(BREAKS) : next() < 0.5 ? '\n' : '\n\n') : '');
  }
  return odds(0.2) ? text + pick(BREAKS) : text;
}

describe('plain prose without the Markdown parser', () => {
  test('paragraphs and tight lists are written as the full renderer writes them', () => {
    const texts = [
      'One line.',
      'One line.\nA second line of the same paragraph.',
      'First paragraph.\n\nSecond paragraph.',
      '\n\nLeading and trailing empty lines.\n\n\n',
      'Before the list.\n\n- one\n- two\n\nAfter the list.',
      '- only\n- a list',
      '- a list\n\nthen text\n\n- and another list',
      'Customers in other regions are not affected (EU, US).\n\n- Mobile apps: same as the web app.\n- No action is needed!',
      'Åtgärdat. Très bientôt résolu. 中文 😀',
    ];
    expect(expectSame(texts)).toBe(texts.length);
    expect(markdownToHtml('Before.\n\n- one\n- two', 3)).toBe('<p>Before.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
  });

  test('bold, italic and plain links are written as the full renderer writes them', () => {
    const texts = [
      '**Since 10:30 UTC** some customers cannot sign in.',
      'Open a case at [support.example.com](https://support.example.com/cases).',
      '*Published 2013-04-14.*\n\n- **10:30** – First post.\n- **11:00** – Fixed.',
      '**Note**: this is *important*, really!',
    ];
    expect(expectSame(texts)).toBe(texts.length);
    expect(markdownToHtml(texts[1]!, 3)).toBe('<p>Open a case at <a href="https://support.example.com/cases">support.example.com</a>.</p>');
  });

  test('anything else goes to the full renderer', () => {
    const texts = [
      '- a\n\n- b', // one loose list
      'Text\n- item', // a list that interrupts a paragraph
      '- item\ncontinued', // a lazy continuation line
      'Line with two spaces  \nnext', // a hard break
      '1. first', // an ordered list
      'See www.example.com', // an autolink
      'Mail ops@example.com',
      'a & b',
      'Title\n===',
      '    code',
      '\ufeffStarts with a byte order mark',
      'Tab\there',
      'CR\r\nline',
      'x**a**', // stars inside a word
      '**a:**x', // closing stars after punctuation, before a letter
      '[t](javascript:alert(1))',
      '![image](https://e.com/x.png)',
      '[t](https://e.com "title")',
      'A private-use \ue000 character and [a link](https://e.com)', // the shortcut's own placeholders
      'Another \ue001 and **bold**',
    ];
    for (const text of texts) expect(proseHtml(text), JSON.stringify(text)).toBeUndefined();
    expect(expectSame([...texts, 'Bidi \u202eoverride'])).toBe(1); // controls are removed first
  });

  test('12,000 generated texts give the full renderer’s HTML, a fair share by the shortcut', () => {
    const next = random(20261130);
    const texts = Array.from({ length: 12_000 }, () => generated(next));
    const shortcut = shortcutHtml(texts);
    expect(shortcut.length).toBeGreaterThan(2_000);
    expect(shortcut.length).toBeLessThan(9_000);
    for (const element of ['<ul>', '<a href=', '<strong>', '<em>']) expect(shortcut.filter((html) => html.includes(element)).length, element).toBeGreaterThan(200);
  });

  test('every message and report of the content and of a generated site gives the same HTML', () => {
    const generatedSite = join(tempDir('prose'), 'site');
    generateSite({ dir: generatedSite, incidents: 300, seed: 11 });
    const dirs = [join(ROOT, 'content'), generatedSite];
    const texts = new Set<string>();
    const add = (v: unknown) => {
      if (typeof v === 'string') texts.add(v);
      else if (v && typeof v === 'object') for (const x of Object.values(v)) add(x);
    };
    for (const dir of dirs) {
      for (const kind of ['incidents', 'maintenance']) {
        for (const file of readdirSync(join(dir, kind)).filter((f) => f.endsWith('.md'))) {
          const { data, content } = matter(readFileSync(join(dir, kind, file), 'utf8'));
          for (const u of (data as { updates?: { message?: unknown }[] }).updates ?? []) add(u.message);
          texts.add(content);
        }
      }
    }
    const shortcut = expectSame(texts);
    expect(shortcut).toBeGreaterThan(texts.size / 5);
  });
});
