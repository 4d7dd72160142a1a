/**
 * The status scale (issue 18, point 2): five statuses, each with its own colour and its own shape,
 * the colours readable in light and dark. The colours are read from global.css itself, so a change
 * there that loses contrast fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { STATUS_SCALE, STATUS_SHAPE, byImpact } from '../../src/lib/status.ts';
import { ROOT } from '../helpers/fixtures.ts';

const css = readFileSync(join(ROOT, 'src/styles/global.css'), 'utf8');

/** The custom properties of each scheme: light from `:root` blocks, dark from those inside the dark media query. */
function schemes(): Record<'light' | 'dark', Record<string, string>> {
  const out = { light: {} as Record<string, string>, dark: {} as Record<string, string> };
  for (const m of css.matchAll(/(@media \(prefers-color-scheme: dark\) \{\s*)?:root \{([^}]*)\}/g)) {
    for (const v of m[2]!.matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)) out[m[1] ? 'dark' : 'light'][v[1]!] = v[2]!.toLowerCase();
  }
  return out;
}

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const vars = schemes();

describe('one status scale', () => {
  test('five statuses, mildest first, and an order by impact for lists', () => {
    expect(STATUS_SCALE).toEqual(['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage']);
    expect([...STATUS_SCALE].sort(byImpact)).toEqual([...STATUS_SCALE].reverse());
  });

  test('each status has its own shape', () => {
    expect(new Set(STATUS_SCALE.map((s) => STATUS_SHAPE[s])).size).toBe(STATUS_SCALE.length);
  });

  describe.each(['light', 'dark'] as const)('%s', (scheme) => {
    const v = vars[scheme];
    test('each status has its own colour', () => {
      const colours = STATUS_SCALE.map((s) => v[`--s-${s}`]);
      expect(colours.every(Boolean), JSON.stringify(v)).toBe(true);
      expect(new Set(colours).size).toBe(STATUS_SCALE.length);
    });

    test.each(STATUS_SCALE)('%s reads at 4.5:1 or more on the page and on panels (text), so marks pass 3:1 too', (status) => {
      for (const background of ['--bg', '--panel'])
        expect(contrast(v[`--s-${status}`]!, v[background]!), `${status} on ${background}`).toBeGreaterThanOrEqual(4.5);
    });
  });
});
