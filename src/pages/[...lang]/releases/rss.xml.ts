/** /releases/rss.xml, /sv/releases/rss.xml, ...: every published release of every product, in each locale. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { releaseFeed } from '../../../lib/release-feeds.ts';
import { getContent, localePaths } from '../../../lib/site-data.ts';

/** One feed per locale; the default locale's at the root. */
export function getStaticPaths() {
  return localePaths();
}

/** Built once, at build time, from content. */
export const GET: APIRoute = ({ props, site }) => {
  const c = getContent();
  return rss(releaseFeed(c, { locale: (props as { locale: string }).locale, site: site ?? c.site.url, base: import.meta.env.BASE_URL }));
};
