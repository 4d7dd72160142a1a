/**
 * Every RSS feed, in every language (the default at the root, the others under /<code>/):
 * rss.xml (incidents and maintenance), updates.xml (every incident update), maintenance/rss.xml,
 * releases/rss.xml, and per product products/<id>/rss.xml, products/<id>/updates.xml and
 * products/<id>/releases.xml.
 */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { buildFeed, maintenanceFeed } from '../lib/feeds.ts';
import { releaseFeed } from '../lib/release-feeds.ts';
import { updatesFeed } from '../lib/update-feeds.ts';
import { siteContent } from '../lib/site-data.ts';

/** Which feed a path serves. */
const FEEDS = { incidents: buildFeed, updates: updatesFeed, maintenance: maintenanceFeed, releases: releaseFeed };
type Props = { locale: string; kind: keyof typeof FEEDS; product?: string };

export function getStaticPaths() {
  const { site, products } = siteContent();
  return site.locales.flatMap(({ code: locale }) => {
    const root = locale === site.defaultLocale ? '' : `${locale}/`;
    const feed = (path: string, props: Props) => ({ params: { feed: root + path }, props });
    return [
      feed('rss.xml', { locale, kind: 'incidents' }),
      feed('updates.xml', { locale, kind: 'updates' }),
      feed('maintenance/rss.xml', { locale, kind: 'maintenance' }),
      feed('releases/rss.xml', { locale, kind: 'releases' }),
      ...products.flatMap((p) => [
        feed(`products/${p.id}/rss.xml`, { locale, kind: 'incidents', product: p.id }),
        feed(`products/${p.id}/updates.xml`, { locale, kind: 'updates', product: p.id }),
        feed(`products/${p.id}/releases.xml`, { locale, kind: 'releases', product: p.id }),
      ]),
    ];
  });
}

/** Built once, at build time, from content. */
export const GET: APIRoute = ({ locals, props, site }) => {
  const c = locals.content;
  const { locale, kind, product } = props as Props;
  return rss(FEEDS[kind](c, { locale, product, site: site ?? c.site.url, base: import.meta.env.BASE_URL }));
};
