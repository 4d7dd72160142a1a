/** Rendered Markdown kept between builds: read back by digest, never stale, never decisive. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { cachedHtml, forgetRendered, markdownCacheDir, RENDERER_REVISION } from '../../src/lib/markdown-cache.ts';
import { markdownToHtml, markdownToText } from '../../src/lib/markdown.ts';
import { ROOT, tempDir } from '../helpers/fixtures.ts';

/** Every cached file below the cache folder. */
function cachedFiles(): string[] {
  const dir = markdownCacheDir();
  return readdirSync(dir).flatMap((sub) => readdirSync(join(dir, sub)).map((f) => join(dir, sub, f)));
}

describe('the Markdown cache', () => {
  const saved = process.env.PHAROS_CACHE_DIR;
  beforeEach(() => {
    process.env.PHAROS_CACHE_DIR = tempDir('md-cache');
    forgetRendered();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.PHAROS_CACHE_DIR;
    else process.env.PHAROS_CACHE_DIR = saved;
    forgetRendered();
  });

  test('a text is rendered once; a later process reads it from disk', () => {
    let renders = 0;
    const render = () => `<p>${++renders}</p>`;
    expect(cachedHtml('Some *text*', 3, render)).toBe('<p>1</p>');
    expect(cachedHtml('Some *text*', 3, render)).toBe('<p>1</p>');
    forgetRendered();
    expect(cachedHtml('Some *text*', 3, render)).toBe('<p>1</p>');
    expect(renders).toBe(1);
    // Another heading level, or another text, is another entry.
    expect(cachedHtml('Some *text*', 2, render)).toBe('<p>2</p>');
    expect(cachedHtml('Some *text* ', 3, render)).toBe('<p>3</p>');
    expect(cachedFiles()).toHaveLength(3);
  });

  test('markdownToHtml gives the same HTML from the cache as rendered', () => {
    const text = '## Cause\n\nA *certificate* expired; see <https://example.com/x>.\n\n- one\n- two';
    const fresh = markdownToHtml(text, 2);
    forgetRendered();
    expect(markdownToHtml(text, 2)).toBe(fresh);
    expect(fresh).toContain('<h2>Cause</h2>');
  });

  test('markdownToText is kept too, apart from the HTML of the same text', () => {
    const text = '**Uploads** fail; see [the notice](https://example.com/n).\n\n\n\nMore soon.';
    const fresh = markdownToText(text);
    expect(fresh).toBe('Uploads fail; see the notice.\n\nMore soon.');
    expect(cachedFiles()).toHaveLength(1);
    forgetRendered();
    expect(markdownToText(text)).toBe(fresh);
    expect(markdownToHtml(text)).toContain('<strong>Uploads</strong>');
    expect(cachedFiles()).toHaveLength(2);
  });

  test('an unreadable cache folder only costs a render', () => {
    process.env.PHAROS_CACHE_DIR = join(tempDir('md-cache'), 'file');
    writeFileSync(process.env.PHAROS_CACHE_DIR, 'not a folder');
    forgetRendered();
    expect(markdownToHtml('plain')).toBe('<p>plain</p>');
  });

  test('markdown.ts changes only with a new renderer revision', () => {
    // When this fails: if markdown.ts now writes other HTML for the same text, raise
    // RENDERER_REVISION in markdown-cache.ts (old cached HTML is then never read); then record both here.
    const source = createHash('sha256')
      .update(readFileSync(join(ROOT, 'src/lib/markdown.ts')))
      .digest('hex')
      .slice(0, 16);
    expect({ source, revision: RENDERER_REVISION }).toEqual({ source: '66ad424761816d99', revision: 2 });
  });
});
