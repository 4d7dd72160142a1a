/** /robots.txt: everything may be crawled; where the sitemap is (src/lib/sitemap.ts). */
import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/sitemap.ts';

/** Built once, at build time. */
export const GET: APIRoute = ({ locals, site }) =>
  new Response(robotsTxt({ site: site ?? locals.content.site.url, base: import.meta.env.BASE_URL }), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
