/** /sitemap.xml: every page in every language with its hreflang alternates (src/lib/sitemap.ts). */
import type { APIRoute } from 'astro';
import { sitemapXml } from '../lib/sitemap.ts';

/** Built once, at build time, from content. */
export const GET: APIRoute = ({ locals, site }) =>
  new Response(sitemapXml(locals.content, { site: site ?? locals.content.site.url, base: import.meta.env.BASE_URL }), {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
