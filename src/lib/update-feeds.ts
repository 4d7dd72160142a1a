/**
 * RSS feeds whose items are the updates posted to incidents, one item each (all products, or one),
 * in the shape @astrojs/rss takes, like src/lib/feeds.ts.
 *
 * Feed readers and chat feed apps (Slack's /feed, Teams' RSS connector) announce a new item, not a
 * changed one: in the incident feeds an update changes its incident's item and goes unnoticed.
 * Here each update is an item of its own, linked to it on the incident's page
 * (`/incidents/<id>/#update-<n>`, see updateAnchor), which is also its guid; an update never
 * moves, as updates are only ever added at the end.
 */
import type { SiteContent } from './content/load.ts';
import { ATOM, FEED_LIMIT, channelData, feedUrl, plain, type Feed, type FeedItem, type FeedOptions } from './feeds.ts';
import { localize, translator } from './i18n.ts';
import { fragmentsOnPage, markdownToHtml, markdownToText } from './markdown.ts';
import { escapeHtml } from './escape.ts';
import { announcedImpacts, worstOf } from './status.ts';

/** The id of an incident's update on its page, by its position in `updates` (0 the first). */
export function updateAnchor(index: number): string {
  return `update-${index + 1}`;
}

/** The updates feed of one locale (all products, or one): channel texts, links and items, newest first. */
export function updatesFeed(c: SiteContent, o: FeedOptions): Feed {
  const t = translator(o.locale);
  const def = c.site.defaultLocale;
  const site = plain(localize(c.site.name, o.locale, def).text);
  const product = o.product === undefined ? undefined : c.products.find((p) => p.id === o.product);
  const name = product ? plain(product.name) : '';
  const names = (ids: string[]) => ids.map((id) => plain(c.products.find((p) => p.id === id)?.name ?? id));
  const all: { at: string; key: string; item: () => FeedItem }[] = [];
  for (const inc of c.incidents) {
    const affects = o.product === undefined ? inc.affects : inc.affects.filter((a) => a.product === o.product);
    if (affects.length === 0) continue;
    inc.updates.forEach((u, i) => {
      // A product's feed names that product's impact as this update announces it; the others the worst of the incident's.
      const impact = worstOf(announcedImpacts(inc, i).filter((a) => o.product === undefined || a.product === o.product));
      all.push({
        at: u.at,
        key: `${inc.id} ${String(i).padStart(6, '0')}`,
        item: () => {
          const page = feedUrl(`/incidents/${inc.id}/`, o, def);
          const m = localize(u.message, o.locale, def);
          const html = fragmentsOnPage(markdownToHtml(m.text), page);
          return {
            title: t('feed.update.title', {
              status: t(`incidentStatus.${u.status}`),
              title: plain(localize(inc.title, o.locale, def).text) || inc.id,
              impact: t(`status.${impact}`).toLocaleLowerCase(o.locale),
            }),
            link: `${page}#${updateAnchor(i)}`,
            pubDate: new Date(u.at),
            // Invented sample content (the default site's) says so, as the pages do.
            description: [inc.sample ? `${t('sample.title')}.` : '', plain(markdownToText(m.text))].filter(Boolean).join('\n'),
            // The update as its page shows it, marked with its language when it fell back to another.
            content: `${inc.sample ? `<p>${escapeHtml(t('sample.title'))}.</p>` : ''}${m.lang === o.locale ? html : `<div lang="${escapeHtml(m.lang)}">${html}</div>`}`,
            categories: [...names(inc.affects.map((a) => a.product)), ...(inc.sample ? [t('sample.marker')] : [])],
          };
        },
      });
    });
  }
  const ms = (iso: string) => Date.parse(iso);
  return {
    title: product ? t('feed.productUpdates.title', { site, product: name }) : t('feed.updates.title', { site }),
    description: product ? t('feed.productUpdates.description', { product: name }) : t('feed.updates.description', { site }),
    site: feedUrl(product ? `/products/${product.id}/` : '/', o, def),
    items: all
      .sort((a, b) => ms(b.at) - ms(a.at) || b.key.localeCompare(a.key))
      .slice(0, o.limit ?? FEED_LIMIT)
      .map((x) => x.item()),
    xmlns: { atom: ATOM },
    customData: channelData(o.locale, feedUrl(product ? `/products/${product.id}/updates.xml` : '/updates.xml', o, def)),
  };
}
