/**
 * README shows the home page at 390 and 1280 px, light and dark: the images are committed under
 * docs/screenshots/, made by `npm run screenshots` from the built site, at those widths.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from '../helpers/fixtures.ts';

test.each([390, 1280].flatMap((width) => ['light', 'dark'].map((scheme) => [width, scheme] as const)))(
  'README shows the home page at %i px, %s, from a PNG of that width',
  (width, scheme) => {
    const path = `docs/screenshots/home-${width}-${scheme}.png`;
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain(`(${path})`);
    expect(existsSync(join(ROOT, path)), path).toBe(true);
    const png = readFileSync(join(ROOT, path));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // The IHDR chunk's width, in device pixels: the shot is taken at a device scale factor of 1.
    expect(png.readUInt32BE(16)).toBe(width);
  },
);
