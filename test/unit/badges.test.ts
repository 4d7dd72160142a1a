/** Badges and the widget's data speak the pages' status scale: same colours, words and shapes, and a badge is valid SVG whatever a name holds. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { badgeSubject, badgeSvg, shieldsDoc, STATUS_COLOURS, widgetData } from '../../src/lib/badges.ts';
import { STATUS_SCALE, STATUS_SHAPE } from '../../src/lib/status.ts';
import { DEFAULT_CONTENT, MINIMAL, ROOT, loadOrThrow } from '../helpers/fixtures.ts';

/** WCAG contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Problems a strict XML parser finds. */
function xmlProblems(text: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser();
  parser.on('error', (e) => void problems.push(e.message));
  parser.write(text).close();
  return problems;
}

describe('one status scale', () => {
  test("the badges' colours are global.css's --s-* colours, light then dark", () => {
    const css = readFileSync(join(ROOT, 'src/styles/global.css'), 'utf8');
    for (const status of STATUS_SCALE) {
      const declared = [...css.matchAll(new RegExp(`--s-${status}:\\s*(#[0-9a-f]{6})`, 'gi'))].map((m) => m[1]!.toLowerCase());
      expect(declared.slice(0, 2), status).toEqual([STATUS_COLOURS.light[status], STATUS_COLOURS.dark[status]]);
    }
  });

  test("a badge's white words on each status colour have at least 4.5:1 contrast", () => {
    for (const status of STATUS_SCALE) expect(contrast('#ffffff', STATUS_COLOURS.light[status]), status).toBeGreaterThanOrEqual(4.5);
  });

  test("the widget carries the pages' status words of every language, and the shapes", () => {
    const content = loadOrThrow(DEFAULT_CONTENT);
    const data = widgetData(content);
    expect(data.shapes).toEqual(STATUS_SHAPE);
    for (const { code } of content.site.locales) {
      const words = JSON.parse(readFileSync(join(ROOT, `src/i18n/${code}.json`), 'utf8')) as Record<string, string>;
      expect(data.locales[code]!.words).toEqual(Object.fromEntries(STATUS_SCALE.map((s) => [s, words[`status.${s}`]])));
    }
    expect(Object.keys(data.products)).toEqual(content.products.map((p) => p.id));
    expect(data.products[content.products[1]!.id]!.pages.sv).toBe(`sv/products/${content.products[1]!.id}/`);
  });
});

describe('badges', () => {
  test('the site badge shows the worst product status; a product badge its own', () => {
    const content = loadOrThrow(MINIMAL);
    const site = badgeSubject(content);
    const each = content.products.map((p) => badgeSubject(content, p.id).status);
    expect(STATUS_SCALE.indexOf(site.status)).toBe(Math.max(...each.map((s) => STATUS_SCALE.indexOf(s))));
    expect(shieldsDoc(site)).toEqual({ schemaVersion: 1, label: site.label, message: site.word, color: STATUS_COLOURS.light[site.status].slice(1) });
  });

  test('any name makes a well-formed badge whose title says it, escaped', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.constantFrom(...STATUS_SCALE), (label, status) => {
        // Characters XML 1.0 cannot carry never reach a badge: the content check refuses control characters.
        // eslint-disable-next-line no-control-regex -- the characters are the point
        fc.pre(!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/.test(label));
        const svg = badgeSvg({ label, status, word: 'Word' });
        expect(xmlProblems(svg)).toEqual([]);
        const title = /<title>([^<]*)<\/title>/.exec(svg)![1]!;
        expect(
          title
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'")
            .replace(/&amp;/g, '&'),
        ).toBe(`${label}: Word`);
      }),
      { seed: 20261204, numRuns: 300 },
    );
  });
});
