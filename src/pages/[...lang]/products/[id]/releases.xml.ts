/** /products/<id>/releases.xml, /sv/products/<id>/releases.xml, ...: one product's published releases, in each locale. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { releaseFeed } from '../../../../lib/release-feeds.ts';
import { getContent, productLocalePaths } from '../../../../lib/site-data.ts';

/** One feed per product and locale (a product with no releases yet has an empty one to subscribe to). */
export function getStaticPaths() {
  return productLocalePaths();
}

/** Built once, at build time, from content. */
export const GET: APIRoute = ({ props, site }) => {
  const c = getContent();
  const { locale, id } = props as { locale: string; id: string };
  return rss(releaseFeed(c, { locale, product: id, site: site ?? c.site.url, base: import.meta.env.BASE_URL }));
};
