/** /products/<id>/rss.xml, /sv/products/<id>/rss.xml, ...: what affects one product, in each locale. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { buildFeed } from '../../../../lib/feeds.ts';
import { getContent, productLocalePaths } from '../../../../lib/site-data.ts';

/** One feed per product and locale. */
export function getStaticPaths() {
  return productLocalePaths();
}

/** Built once, at build time, from content. */
export const GET: APIRoute = ({ props, site }) => {
  const c = getContent();
  const { locale, id } = props as { locale: string; id: string };
  return rss(buildFeed(c, { locale, product: id, site: site ?? c.site.url, base: import.meta.env.BASE_URL }));
};
