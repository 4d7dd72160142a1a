/**
 * "Stay informed", at the foot of every page: the feeds (the product's on a product's pages), the
 * calendars, how to follow the feed in Slack and Microsoft Teams, e-mail when the vendor runs an
 * announcement list customers can join (notify.yaml), and the API.
 */
import type { SiteContent } from '../content/load.ts';
import { calendarProducts, releaseCalendarPath } from '../calendars.ts';
import { inLanguage, localize, translator } from '../i18n.ts';
import { localeUrl, type RoutePath } from '../routes.ts';

/** One way to follow the site: a link, or an address to paste into a chat app. */
export type SubscribeItem =
  | { kind: 'link'; label: string; href: string; type?: string; note?: string | undefined }
  | { kind: 'paste'; label: string; text: string }
  | { kind: 'email'; label: string; href: string; address: string };

export interface SubscribeView {
  title: string;
  items: SubscribeItem[];
  strings: { copy: string; copied: string };
}

/** The block for a page in `locale`, about one product when `product` is given. */
export function subscribeView(c: SiteContent, o: { locale: string; base: string; site?: URL | undefined; product?: string | undefined }): SubscribeView {
  const t = translator(o.locale);
  const def = c.site.defaultLocale;
  const url = (path: RoutePath) => localeUrl(path, o.locale, def, o.base);
  const root = (path: string) => `${o.base.replace(/\/?$/, '/')}${path.replace(/^\//, '')}`;
  // Chat apps need the whole address; without a site URL the path is the best there is.
  const absolute = (href: string) => (o.site ? new URL(href, o.site).href : href);
  const product = c.products.find((p) => p.id === o.product);
  const name = product ? localize(product.name, o.locale, def).text : undefined;
  const feed = url(product ? `/products/${product.id}/rss.xml` : '/rss.xml');
  const updates = url(product ? `/products/${product.id}/updates.xml` : '/updates.xml');
  const rss = 'application/rss+xml';
  // Calendars are written in the default language.
  const calendarNote = inLanguage(o.locale, def);
  const items: SubscribeItem[] = [
    { kind: 'link', label: name ? t('subscribe.productFeed', { product: name }) : t('subscribe.feed'), href: feed, type: rss },
    { kind: 'link', label: name ? t('subscribe.productUpdates', { product: name }) : t('subscribe.updates'), href: updates, type: rss },
    { kind: 'link', label: t('subscribe.maintenanceCalendar'), href: root('calendars/maintenance.ics'), type: 'text/calendar', note: calendarNote },
  ];
  const releases = product ? (calendarProducts(c).some((p) => p.id === product.id) ? releaseCalendarPath(product.id) : undefined) : releaseCalendarPath();
  if (releases)
    items.push({
      kind: 'link',
      label: name ? t('subscribe.productReleases', { product: name }) : t('subscribe.releases'),
      href: root(releases),
      type: 'text/calendar',
      note: calendarNote,
    });
  items.push(
    { kind: 'paste', label: t('subscribe.slack'), text: `/feed subscribe ${absolute(feed)}` },
    { kind: 'paste', label: t('subscribe.teams'), text: absolute(feed) },
  );
  for (const list of c.notify?.channels ?? []) {
    if (list.type !== 'email' || list.enabled === false || !list.join) continue;
    if (product && list.products && !list.products.includes(product.id)) continue;
    const web = /^https?:/.test(list.join);
    items.push({ kind: 'email', label: t(web ? 'subscribe.emailPage' : 'subscribe.email'), href: web ? list.join : `mailto:${list.join}`, address: list.join });
  }
  items.push({ kind: 'link', label: t('subscribe.api'), href: root('api/v2/summary.json'), type: 'application/json' });
  return { title: t('subscribe.title'), items, strings: { copy: t('subscribe.copy'), copied: t('subscribe.copied') } };
}
