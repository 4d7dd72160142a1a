/** Text limits: at the limit a text passes, one character over it is refused with the limit named. */
import { describe, expect, test } from 'vitest';
import { IncidentSchema } from '../../src/schemas/incident.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import { LIMITS, markdownDepth, textProblem, type TextKind } from '../../src/schemas/limits.ts';
import { markdownToHtml, markdownToText } from '../../src/lib/markdown.ts';
import fc from 'fast-check';
import { ProductsFileSchema } from '../../src/schemas/products.ts';
import { SiteSchema } from '../../src/schemas/site.ts';
import { ReleasesFileSchema } from '../../src/schemas/releases.ts';
import { CaseTypesFileSchema } from '../../src/schemas/case-types.ts';
import { SeveritiesFileSchema } from '../../src/schemas/severities.ts';
import { PolicySchema } from '../../src/schemas/policy.ts';
import { SupportHoursSchema } from '../../src/schemas/support-hours.ts';
import { MINIMAL } from '../helpers/fixtures.ts';

const incident = (title: unknown, message: unknown = 'Looking into it.') => ({
  title,
  severity: 'major',
  scope: 'own',
  affects: [{ product: 'p', impact: 'partial_outage' }],
  started: '2026-11-20T08:00:00Z',
  updates: [{ at: '2026-11-20T08:05:00Z', status: 'investigating', message }],
});
const issues = (value: unknown) => IncidentSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('an incident title', () => {
  test('of 160 characters (emoji count one each) passes; of 161 is refused naming the limit', () => {
    expect(issues(incident('t'.repeat(158) + '🚨🚨'))).toEqual([]);
    expect(issues(incident('t'.repeat(161)))).toEqual([
      'title: found a title of 161 characters (expected at most 160; shorten it and put the details in an update message)',
    ]);
  });
  test.each(['line one\nline two', 'a\r\nb', 'a\u2028b'])('with a line break (%j) is refused', (title) => {
    expect(issues(incident(title))[0]).toMatch(/^title: found a line break \(expected a title on one line/);
  });
  test('in each language of a map is held to the limit', () => {
    expect(issues(incident({ en: 'Short', sv: 's'.repeat(200) }))[0]).toMatch(/^title\.sv: found a title of 200 characters/);
  });
  test('of 200 KB is refused, not copied into every page', () => {
    expect(issues(incident('y'.repeat(200_000)))[0]).toMatch(/found a title of 200,000 characters/);
  });
});

describe('other texts', () => {
  test.each(Object.entries(LIMITS))('%s: at %o passes, one more is refused', (kind, limit) => {
    const k = kind as keyof typeof LIMITS;
    expect(textProblem('x'.repeat(limit.max), k)).toBeUndefined();
    expect(textProblem('x'.repeat(limit.max + 1), k)).toMatch(/expected at most/);
  });
  test('an update message over 10,000 characters is refused', () => {
    expect(issues(incident('Title', 'm'.repeat(10_001)))[0]).toMatch(/^updates\.0\.message: found an update message of 10,001 characters/);
  });
  test('a control character that XML cannot carry is refused', () => {
    expect(textProblem('bell \u0007', 'paragraph')).toMatch(/control character U\+0007/);
  });
});

/** The minimal site's file, parsed, with the value at `path` replaced: each field is tested where it really sits. */
function withField(file: string, path: (string | number)[], value: unknown): unknown {
  const data = parse(readFileSync(join(MINIMAL, file), 'utf8')) as Record<string | number, unknown>;
  let node = data;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path.at(-1)!] = value;
  return data;
}

/** A text of exactly `n` characters that the field's format accepts. */
const fill: Partial<Record<TextKind, (n: number) => string>> = {
  id: (n) => 'a'.repeat(n),
  url: (n) => `https://acme.test/${'a'.repeat(n - 18)}`,
  email: (n) => `${'a'.repeat(n - 10)}@acme.test`,
  phone: (n) => `+${'1'.repeat(n - 1)}`,
};

describe('every text field is held to its kind of limit', () => {
  test.each<[string, z.ZodType, string, (string | number)[], TextKind]>([
    ['product name', ProductsFileSchema, 'products.yaml', ['products', 0, 'name'], 'name'],
    ['product id', ProductsFileSchema, 'products.yaml', ['products', 0, 'id'], 'id'],
    ['product description', ProductsFileSchema, 'products.yaml', ['products', 1, 'description'], 'sentence'],
    ['cadence label', ProductsFileSchema, 'products.yaml', ['products', 0, 'cadence', 'label', 'sv'], 'label'],
    ['site name', SiteSchema, 'site.yaml', ['name', 'sv'], 'name'],
    ['site description', SiteSchema, 'site.yaml', ['description', 'en'], 'sentence'],
    ['language name', SiteSchema, 'site.yaml', ['locales', 1, 'name'], 'name'],
    ['release version', ReleasesFileSchema, 'releases/widget.yaml', ['releases', 0, 'version'], 'label'],
    ['release summary', ReleasesFileSchema, 'releases/widget.yaml', ['releases', 1, 'summary', 'sv'], 'sentence'],
    ['case type name', CaseTypesFileSchema, 'case-types.yaml', ['caseTypes', 0, 'name', 'en'], 'name'],
    ['case type question', CaseTypesFileSchema, 'case-types.yaml', ['caseTypes', 0, 'fitsWhen', 'en'], 'sentence'],
    ['case type description', CaseTypesFileSchema, 'case-types.yaml', ['caseTypes', 0, 'description', 'sv'], 'paragraph'],
    ['severity name', SeveritiesFileSchema, 'severities.yaml', ['levels', 0, 'name', 'en'], 'name'],
    ['policy revision', PolicySchema, 'policy.yaml', ['revision'], 'label'],
    ['desk name', SupportHoursSchema, 'support-hours.yaml', ['desks', 0, 'name', 'sv'], 'name'],
    ['closure name', SupportHoursSchema, 'support-hours.yaml', ['desks', 0, 'closures', 0, 'name', 'en'], 'name'],
    ['portal address', SupportHoursSchema, 'support-hours.yaml', ['desks', 0, 'products', 0, 'portal'], 'url'],
    ['e-mail address', SupportHoursSchema, 'support-hours.yaml', ['desks', 0, 'products', 0, 'emails', 0], 'email'],
    ['phone number', SupportHoursSchema, 'support-hours.yaml', ['desks', 0, 'products', 0, 'phones', 0, 'number'], 'phone'],
  ])('%s', (_name, schema, file, path, kind) => {
    const { max } = LIMITS[kind];
    const text = fill[kind] ?? ((n: number) => 'x'.repeat(n));
    const messages = (value: string) => schema.safeParse(withField(file, path, value)).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    expect(messages(text(max))).toEqual([]);
    expect(messages(text(max + 1))).toEqual([
      `${path.join('.')}: found ${LIMITS[kind].what} of ${(max + 1).toLocaleString('en-US')} characters (expected at most ${max.toLocaleString('en-US')}; ${LIMITS[kind].fix})`,
    ]);
  });

  test.each<[string, z.ZodType, string, (string | number)[]]>([
    ['product name', ProductsFileSchema, 'products.yaml', ['products', 0, 'name']],
    ['site name', SiteSchema, 'site.yaml', ['name', 'en']],
    ['cadence label', ProductsFileSchema, 'products.yaml', ['products', 0, 'cadence', 'label', 'en']],
  ])('a %s is one line', (_name, schema, file, path) => {
    expect(schema.safeParse(withField(file, path, 'Acme\nWidget')).error?.issues[0]?.message).toMatch(
      /^found a line break \(expected a (name|label) on one line/,
    );
  });
});

describe('Markdown nesting', () => {
  // Each construct nested `n` levels deep, the ways the renderer recurses once per level.
  const nest: [string, (n: number) => string][] = [
    ['quotes', (n) => `${'> '.repeat(n)}x`],
    ['quotes without spaces', (n) => `${'>'.repeat(n)}x`],
    ['bullets on one line', (n) => `${'- '.repeat(n)}x`],
    ['numbers on one line', (n) => `${'1. '.repeat(n)}x`],
    ['indented lists', (n) => Array.from({ length: n }, (_, i) => `${' '.repeat(i * 2)}- a`).join('\n')],
    ['emphasis', (n) => `${'*'.repeat(n)}x${'*'.repeat(n)}`],
    ['strong with words between', (n) => `${'**a '.repeat(Math.ceil(n / 2))}x${' b**'.repeat(Math.ceil(n / 2))}`],
    ['strikethrough with words between', (n) => `${'~~a '.repeat(Math.ceil(n / 2))}x${' b~~'.repeat(Math.ceil(n / 2))}`],
    ['links', (n) => `${'[a '.repeat(n)}x${'](u)'.repeat(n)}`],
    ['images', (n) => `${'![a '.repeat(n)}x${'](u)'.repeat(n)}`],
  ];
  test.each(nest)('%s: the estimate never undercounts, 100 levels render, 101 are refused', (_name, make) => {
    for (const n of [1, 10, 100, 101, 500]) expect(markdownDepth(make(n)).depth).toBeGreaterThanOrEqual(n);
    expect(() => markdownToHtml(make(100))).not.toThrow();
    expect(textProblem(make(101), 'report')).toMatch(/^found Markdown nested \d+ levels deep/);
  });
  test('beyond the limit the renderer really fails', () => {
    expect(() => markdownToHtml(`${'> '.repeat(3000)}x`)).toThrow(/call stack/);
  });
  test.each([
    ['prose', 'We are **investigating** slow _reports_ and [a fix](https://acme.test/) is ~~late~~ near.'],
    ['arithmetic and names', '2 * 3 * 4 and snake_case_name_with_many_parts_in_it and a_b_c_d_e_f_g_h_i_j'],
    ['a fenced block of brackets', `Log:\n\n\`\`\`\n${'['.repeat(300)}\n\`\`\`\n`],
    ['code spans', `\`${'*'.repeat(300)}\` and \`${'['.repeat(300)}\``],
    ['a nested list', '- a\n  - b\n    - c\n      > quote\n      > - d'],
  ])('%s stays shallow', (_name, text) => {
    expect(markdownDepth(text).depth).toBeLessThan(10);
    expect(textProblem(text, 'message')).toBeUndefined();
  });
});

describe('HTML in a Markdown text', () => {
  const words = fc.stringMatching(/^[A-Za-z]{1,8}(?: [A-Za-z]{1,8}){0,4}$/);

  test('a block that starts with a tag would vanish with its words, so it is refused at its line; tags within a paragraph keep their words and pass', () => {
    fc.assert(
      fc.property(words, fc.constantFrom('p', 'div', 'details', 'table'), (w, tag) => {
        const block = `First line.\n\n<${tag}>${w}</${tag}>`;
        // The refusal's premise: the pages would show none of those words.
        expect(markdownToText(block)).toBe('First line.');
        expect(textProblem(block, 'message')).toMatch(/^found HTML \("<.+"\) on the text's line 3, whose words the pages would leave out/);
        const inline = `First line with <b>${w}</b> in it.`;
        expect(textProblem(inline, 'message')).toBeUndefined();
        expect(markdownToText(inline)).toBe(`First line with ${w} in it.`);
      }),
      { seed: 31, numRuns: 100 },
    );
  });

  test.each([
    ['a comment', 'Words.\n\n<!-- a note for staff -->'],
    ['tags alone', 'Words.\n\n<br>\n\n</details>'],
    ['a code block showing HTML', 'Paste this:\n\n```\n<p>hello</p>\n```'],
    ['an e-mail address in angle brackets', 'Write to <support@acme.test>.'],
  ])('%s loses no words and passes', (_, text) => {
    expect(textProblem(text, 'message')).toBeUndefined();
  });

  test('a tag that is no HTML element was meant as words, which the pages would drop: refused at its line, with how to show it', () => {
    fc.assert(
      fc.property(fc.constantFrom('Pro', 'Enterprise', 'username', 'my-widget', 'V2'), fc.boolean(), (name, closing) => {
        const tag = closing ? `</${name}>` : `<${name}>`;
        const text = `Line one.\n\nCustomers on ${tag} plans cannot sign in.`;
        // The refusal's premise: the pages would show the sentence without it.
        expect(markdownToText(text)).toBe('Line one.\n\nCustomers on  plans cannot sign in.');
        expect(textProblem(text, 'message')).toBe(
          `found "${tag}" on the text's line 3, which Markdown reads as an HTML tag and the pages would leave out (expected words: to show it as written, put it between backquotes, \`${tag}\`, or write \\${tag})`,
        );
        // Either way out shows it as written.
        for (const fixed of [`Customers on \`${tag}\` plans.`, `Customers on \\${tag} plans.`]) {
          expect(textProblem(fixed, 'message')).toBeUndefined();
          expect(markdownToText(fixed)).toContain(tag);
        }
      }),
      { seed: 31, numRuns: 30 },
    );
  });

  test('a long tag is quoted cut short, and the way out is said rather than shown', () => {
    const tag = '<Enterprise plan="yearly" region="eu-north" seats="500">';
    expect(textProblem(`Customers on ${tag} plans.`, 'message')).toBe(
      `found ${JSON.stringify(`${tag.slice(0, 40)}…`)}, which Markdown reads as an HTML tag and the pages would leave out (expected words: to show it as written, put it between backquotes or write a backslash before its "<")`,
    );
  });

  test.each([
    ['elements of HTML', 'A <b>bold</b> move, <em>this</em>, <br>, <sup>2</sup> and <a href="https://acme.test/">a link</a>.'],
    ['the same in capitals', 'A <B>bold</B> move.'],
    ['a link in angle brackets', 'See <https://acme.test/status>.'],
    ['elements of SVG and MathML', 'A <svg><circle r="1"></circle></svg> and <math><mtext>x</mtext></math>.'],
  ])('%s within a paragraph keep their words and pass', (_, text) => {
    expect(textProblem(text, 'message')).toBeUndefined();
  });

  test('titles and other one-line texts are plain text, never read as HTML', () => {
    expect(textProblem('<p>Sign-in fails</p>', 'title')).toBeUndefined();
  });
});
