import { describe, expect, test } from 'vitest';
import { layoutView } from '../../src/lib/views/layout.ts';
import type { RoutePath } from '../../src/lib/routes.ts';
import { loadOrThrow, DEFAULT_CONTENT } from '../helpers/fixtures.ts';

const content = loadOrThrow(DEFAULT_CONTENT);

describe('absolute links of the page shell (canonical, hreflang alternates, x-default)', () => {
  // Plain paths are joined to the site's origin without URL parsing; the result must be what URL
  // resolution gives, also for a site under a sub-path and for paths URL would have to encode.
  test.each<[string, string, RoutePath]>([
    ['a plain path', 'https://status.example.com/', '/incidents/2026-11-22-sign-in-errors/'],
    ['a site under a sub-path', 'https://example.com/status/', '/support/hours/'],
    ['a site with a port', 'http://localhost:4321/', '/'],
    ['a path with a space and non-ASCII letters', 'https://status.example.com/', '/incidents/drift stör/'],
    ['a path with a query-like character', 'https://status.example.com/', '/incidents/a?b/'],
  ])('%s', (_name, site, path) => {
    const view = layoutView(content, { locale: 'sv', path, base: '/', site: new URL(site) });
    const expected = (href: string) => new URL(href, site).href;
    expect(view.canonical).toBe(expected(`/sv${path}`));
    for (const a of view.alternates) expect(a.absolute).toBe(expected(a.href));
    expect(view.xDefault).toBe(expected(path));
  });
});
