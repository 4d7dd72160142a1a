/**
 * The vendor's policy on the built default site, driven by content/FACTS.md: every fact of the 2021
 * edition is found on the page and at the anchor the table names, in English, Swedish and French;
 * a cell's `[label](address)` must be a link to that address with that text (release notes, case
 * forms); nothing the table marks as not in the source appears on any page; French text puts a
 * non-breaking space before : ; ? and !.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT, listFiles, type Run, sharedBuild } from '../helpers/fixtures.ts';

const LANGS = ['en', 'sv', 'fr'] as const;
type Lang = (typeof LANGS)[number];
const PREFIX: Record<Lang, string> = { en: '', sv: 'sv/', fr: 'fr/' };

const facts = readFileSync(join(ROOT, 'content/FACTS.md'), 'utf8');

/** The rows of the first Markdown table under `heading`, header and rule left out, `\|` kept as a bar. */
function tableRows(md: string, heading: string): string[][] {
  const start = md.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`FACTS.md has no "## ${heading}" section`);
  const rest = md.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  const lines = (end < 0 ? rest : rest.slice(0, end)).split('\n').filter((l) => l.startsWith('|'));
  return lines.slice(2).map((l) =>
    l
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((c) => c.trim().replace(/\\\|/g, '|')),
  );
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Text as a reader sees it, for comparing: tags and spacing dropped, no space before closing punctuation. */
function plain(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
      e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? m),
    )
    .replace(/\u2011/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/ ([.,;:!?)»”])/g, '$1')
    .replace(/([(«“]) /g, '$1')
    .trim();
}

/** The element a fact's anchor names: the section a heading labels, or the element with that id. */
function anchored(html: string, anchor: string): string | undefined {
  if (anchor === '') return /<main[\s\S]*<\/main>/.exec(html)?.[0];
  const open =
    new RegExp(`<([a-z][a-z0-9]*)[^>]*\\saria-labelledby="${anchor}"[^>]*>`).exec(html) ??
    new RegExp(`<([a-z][a-z0-9]*)[^>]*\\sid="${anchor}"[^>]*>`).exec(html);
  if (!open) return undefined;
  const tag = open[1]!;
  const re = new RegExp(`<${tag}[\\s>]|</${tag}>`, 'g');
  re.lastIndex = open.index + open[0].length;
  let depth = 1;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return html.slice(open.index, m.index + m[0].length);
  }
  return undefined;
}

/** `[label](address)` in a cell: the reader sees the label, and it links to that address. */
const LINK = /\[([^\]]+)\]\((\S+?)\)/g;

/** The links of an element: each address (entities decoded) with the text a reader sees. */
function linksIn(html: string): { href: string; text: string }[] {
  return [...html.matchAll(/<a\s[^>]*?href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)].map((m) => ({ href: plain(m[1]!), text: plain(m[2]!) }));
}

interface Fact {
  id: string;
  source: string;
  page: string;
  anchor: string;
  text: Record<Lang, string>;
}

const FACTS: Fact[] = tableRows(facts, 'Facts').map(([id, source, , where, en, sv, fr]) => {
  const [page, anchor = ''] = (where ?? '').replace(/`/g, '').split('#');
  return { id: id!, source: source!, page: page!.replace(/^\//, ''), anchor, text: { en: en!, sv: sv!, fr: fr! } };
});

const NOT_IN_SOURCE = tableRows(facts, 'Not in the source').map(([id, lang, wording, why]) => ({ id: id!, lang: lang!, wording: wording!, why: why! }));

/** The HTML without the elements marked as another language than French (a report shown in English keeps English typography). */
function withoutOtherLanguages(html: string): string {
  for (;;) {
    const open = /<(\w+)\b[^>]*\slang="(?!fr\b)[^"]*"[^>]*>/.exec(html);
    if (!open) return html;
    const tag = open[1]!;
    const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
    re.lastIndex = open.index + open[0].length;
    let depth = 1;
    let end = html.length;
    for (let m = re.exec(html); m; m = re.exec(html)) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) {
        end = m.index + m[0].length;
        break;
      }
    }
    html = html.slice(0, open.index) + html.slice(end);
  }
}

describe('the policy facts of content/FACTS.md on the built site', () => {
  let build: Run & { outDir: string };
  const cache = new Map<string, string>();
  const read = (file: string) => {
    if (!cache.has(file)) cache.set(file, readFileSync(join(build.outDir, file), 'utf8'));
    return cache.get(file)!;
  };
  beforeAll(() => {
    build = sharedBuild(join(ROOT, 'content'));
  });

  test('the table is well formed: ids unique, every fact with its text in all three languages', () => {
    expect(FACTS.length).toBeGreaterThan(50);
    expect(new Set(FACTS.map((f) => f.id)).size).toBe(FACTS.length);
    for (const f of FACTS) for (const l of LANGS) expect(f.text[l], `${f.id} ${l}`).not.toBe('');
    expect(NOT_IN_SOURCE.length).toBeGreaterThan(10);
  });

  describe.each(LANGS)('in %s', (lang) => {
    test.each(FACTS.map((f) => [f.id, f] as const))('%s', (_id, fact) => {
      expect(build.status).toBe(0);
      const section = anchored(read(`${PREFIX[lang]}${fact.page}index.html`), fact.anchor);
      expect(section, `#${fact.anchor} on ${PREFIX[lang]}${fact.page}`).toBeDefined();
      const cell = fact.text[lang];
      expect(plain(section!)).toContain(plain(cell.replace(LINK, '$1')));
      const links = linksIn(section!);
      for (const [, label, href] of cell.matchAll(LINK)) {
        expect(links, `a link "${label}" to ${href}`).toContainEqual({ href, text: plain(label!) });
      }
    });
  });

  test.each(NOT_IN_SOURCE.map((n) => [n.id, n] as const))('no page says "%s", which the source does not', (_id, row) => {
    const pages = listFiles(build.outDir).filter((f) => f.endsWith('.html'));
    const langOf = (f: string): Lang => (f.startsWith('sv/') ? 'sv' : f.startsWith('fr/') ? 'fr' : 'en');
    const found = pages.filter((f) => (row.lang === 'all' || langOf(f) === row.lang) && plain(read(f)).includes(plain(row.wording)));
    expect(found, `${row.wording} (${row.why})`).toEqual([]);
  });

  test.each([
    ['', true],
    ['incidents/', true],
    ['incidents/2026-11-22-daptiv-slow-page-loads/', true],
    ['maintenance/2026-11-22-changepoint-network-upgrade/', true],
    ['products/spigit/', true],
    ['releases/', true],
    ['support/hours/', true],
    ['support/', false],
    // The invented examples only (support-pages.test.ts counts them: one per level, one per case type).
    ['support/severity/', true],
    ['support/case-types/', true],
    ['support/policy-history/', false],
  ] as const)('%s: invented sample content carries the "sample" marker, the policy none (%s)', (page, marked) => {
    const words: Record<Lang, string> = { en: 'Sample', sv: 'Exempeldata', fr: 'Fictif' };
    for (const lang of LANGS) {
      const markers = read(`${PREFIX[lang]}${page}index.html`).match(/<span class="sample"[^>]*>[^<]*<\/span>/g) ?? [];
      expect(markers.length > 0, `${lang} ${page}`).toBe(marked);
      for (const m of markers) expect(m).toContain(`>${words[lang]}<`);
    }
  });

  test('French: every page under fr/ has a non-breaking space, never a plain one or none, before : ; ? and !', () => {
    const pages = listFiles(join(build.outDir, 'fr')).filter((f) => f.endsWith('index.html'));
    expect(pages).toContain('support/hours/index.html');
    const found = pages.flatMap((page) => {
      const text = withoutOtherLanguages(read(`fr/${page}`).replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>/g, '')).replace(/<[^>]+>/g, '');
      // Punctuation that ends a word ("Rythme: ", "Rythme : "), not a time ("11:00") or an address ("https://").
      return (text.match(/[^\s>]+ ?[:;?!](?=\s|$)/g) ?? []).map((m) => `fr/${page}: ${m}`);
    });
    expect(found).toEqual([]);
  });
});
