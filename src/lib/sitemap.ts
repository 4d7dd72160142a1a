/**
 * What search engines read: the list of every page (sitemap.xml, each page once per language with
 * its language alternates as hreflang links) and robots.txt, which allows everything and names the
 * sitemap. The page list is the one the build's self-check expects (output-check.ts).
 */
import type { SiteContent } from './content/load.ts';
import { escapeXml } from './escape.ts';
import { localeUrl, type RoutePath } from './routes.ts';
import { historyFilters, historyPageCount, historyPath } from './views/status.ts';

/** Every page that exists once per language, as a language-neutral path ("/", "/incidents/x/"). */
export function pagePaths(c: SiteContent): RoutePath[] {
  const paths: RoutePath[] = [
    '/',
    '/incidents/',
    '/maintenance/',
    '/releases/',
    '/support/',
    '/support/severity/',
    '/support/case-types/',
    '/support/hours/',
    '/support/policy-history/',
  ];
  for (const f of historyFilters(c)) for (let n = 1; n <= historyPageCount(c, f); n++) if (n > 1 || f.product || f.severity) paths.push(historyPath(n, f));
  for (const i of c.incidents) paths.push(`/incidents/${i.id}/`);
  for (const m of c.maintenance) paths.push(`/maintenance/${m.id}/`);
  for (const p of c.products) paths.push(`/products/${p.id}/`);
  return paths;
}

/** Where the site is served: its public URL and the base path below it. */
export interface SiteAddress {
  site: string | URL;
  base: string;
}

/** sitemap.xml: every page in every language, each listing all its languages and the default as x-default. */
export function sitemapXml(c: SiteContent, where: SiteAddress): string {
  const { locales, defaultLocale } = c.site;
  const abs = (path: RoutePath, locale: string) => escapeXml(new URL(localeUrl(path, locale, defaultLocale, where.base), where.site).href);
  const entries = pagePaths(c).flatMap((path) => {
    const links = [
      ...locales.map((l) => `<xhtml:link rel="alternate" hreflang="${escapeXml(l.code)}" href="${abs(path, l.code)}"/>`),
      `<xhtml:link rel="alternate" hreflang="x-default" href="${abs(path, defaultLocale)}"/>`,
    ].join('');
    return locales.map((l) => `<url><loc>${abs(path, l.code)}</loc>${links}</url>`);
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...entries,
    '</urlset>',
    '',
  ].join('\n');
}

/** robots.txt: every page may be crawled; the sitemap's address. */
export function robotsTxt(where: SiteAddress): string {
  const root = where.base.endsWith('/') ? where.base : `${where.base}/`;
  return `User-agent: *\nAllow: /\n\nSitemap: ${new URL(`${root}sitemap.xml`, where.site).href}\n`;
}
