/**
 * RSS feeds of published releases (all products, or one), in the shape @astrojs/rss takes, like
 * src/lib/feeds.ts.
 *
 * A release item links to its version on the product page (`/products/<id>/#release-<version>`,
 * see releaseAnchor), which is also its guid: release-notes pages are shared by many versions, so
 * they could not tell items apart. A release never changes once published, so neither does its item.
 */
import type { SiteContent } from './content/load.ts';
import { ATOM, channelData, FEED_LIMIT, feedUrl, plain, type Feed, type FeedItem } from './feeds.ts';
import { localize, translator } from './i18n.ts';
import type { RoutePath } from './routes.ts';
import { formatDate } from './time.ts';
import { escapeXml } from './escape.ts';
import { DateTime } from 'luxon';
import { cadenceZone } from './cadence.ts';
import { publishedReleases, releaseAnchor } from './releases.ts';

/** Which release feed: its locale, where the site lives, and optionally one product. */
export interface ReleaseFeedOptions {
  locale: string;
  /** The site's absolute URL (Astro's `site`, else site.yaml's url). */
  site: string | URL;
  /** The deployment's base path (`import.meta.env.BASE_URL`). */
  base: string;
  /** Only this product's releases. */
  product?: string | undefined;
  /** At most this many items (default FEED_LIMIT). */
  limit?: number;
}

/** The release feed of one locale (all products, or one): channel texts, links and items. */
export function releaseFeed(c: SiteContent, o: ReleaseFeedOptions): Feed {
  const t = translator(o.locale);
  const def = c.site.defaultLocale;
  const site = plain(localize(c.site.name, o.locale, def).text);
  const product = o.product === undefined ? undefined : c.products.find((p) => p.id === o.product);
  const abs = (path: RoutePath) => feedUrl(path, o, def);
  const name = product ? plain(product.name) : '';
  return {
    title: product ? t('feed.productReleases.title', { site, product: name }) : t('feed.releases.title', { site }),
    description: product ? t('feed.productReleases.description', { product: name }) : t('feed.releases.description', { site }),
    site: abs(product ? `/products/${product.id}/` : '/releases/'),
    items: releaseFeedItems(c, o),
    xmlns: { atom: ATOM },
    customData: channelData(o.locale, abs(product ? `/products/${product.id}/releases.xml` : '/releases/rss.xml')),
  };
}

/** One item per published release, newest first (same day: products.yaml order), at most `limit`. */
export function releaseFeedItems(c: SiteContent, o: ReleaseFeedOptions): FeedItem[] {
  const t = translator(o.locale);
  const def = c.site.defaultLocale;
  const items: { date: string; order: number; item: FeedItem }[] = [];
  c.products.forEach((p, order) => {
    if (o.product !== undefined && p.id !== o.product) return;
    const zone = cadenceZone(p.cadence, c.site.timeZone);
    const name = plain(p.name);
    for (const r of publishedReleases(c, p.id)) {
      const version = plain(r.version);
      // "Released", "Släppt", "Publiée le": each reads on into the date.
      const released = `${t('releases.date')} ${formatDate(r.date, o.locale)}`;
      const summary = r.summary === undefined ? undefined : localize(r.summary, o.locale, def);
      const notesLabel = t('releases.notes');
      const lang = summary && summary.lang !== o.locale ? ` lang="${escapeXml(summary.lang)}"` : '';
      // The schema takes any URL scheme; only web links become links.
      const notes = r.notes !== undefined && /^https?:\/\//i.test(r.notes) ? r.notes : undefined;
      items.push({
        date: r.date,
        order,
        item: {
          title: t('feed.release', { product: name, version }),
          link: `${feedUrl(`/products/${p.id}/`, o, def)}#${releaseAnchor(r.version)}`,
          // The start of the release day where the product ships.
          pubDate: DateTime.fromISO(r.date, { zone }).toJSDate(),
          // Plain text; the notes link is in `content`.
          description: [`${released}.`, summary ? plain(summary.text) : '', r.sample ? `${t('sample.title')}.` : ''].filter(Boolean).join('\n'),
          content: [
            `<p>${escapeXml(released)}.</p>`,
            // Invented sample content (the default site's) says so, as the pages do.
            r.sample ? `<p>${escapeXml(t('sample.title'))}.</p>` : '',
            summary ? `<p${lang}>${escapeXml(plain(summary.text))}</p>` : '',
            notes ? `<p><a href="${escapeXml(notes)}">${escapeXml(notesLabel)}</a></p>` : '',
          ].join(''),
          categories: r.sample ? [name, t('sample.marker')] : [name],
        },
      });
    }
  });
  return items
    .sort((a, b) => b.date.localeCompare(a.date) || a.order - b.order)
    .slice(0, o.limit ?? FEED_LIMIT)
    .map((x) => x.item);
}
