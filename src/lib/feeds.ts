/**
 * RSS feeds of incidents and maintenance: the channel and its items for one locale, optionally for
 * one product. Each incident and each maintenance window is one item whose link (also its guid) is
 * its page, so an update changes the item and never adds a second one.
 */
import type { SiteContent } from './content/load.ts';
import type { Incident } from '../schemas/incident.ts';
import type { Maintenance } from '../schemas/maintenance.ts';
import { stripBidiControls, type Localized } from '../schemas/common.ts';
import { localize, translator, type LocalizedText } from './i18n.ts';
import { localeUrl, type RoutePath } from './routes.ts';
import { fragmentsOnPage, markdownToHtml, markdownToText } from './markdown.ts';
import { maintenanceState, shownImpacts } from './status.ts';
import { automaticNoticeText, maintenanceTimeline } from './maintenance-timeline.ts';
import { displayZone, formatInstant } from './time.ts';
import { escapeHtml, escapeXml } from './escape.ts';

/** How many items a feed carries at most. */
export const FEED_LIMIT = 50;
/** How many of an item's latest updates its content carries; earlier ones are a link away. */
export const FEED_TIMELINE_LIMIT = 20;

/** Which feed: its locale, where the site lives, and optionally one product. */
export interface FeedOptions {
  locale: string;
  /** The site's absolute URL (Astro's `site`, else site.yaml's url). */
  site: string | URL;
  /** The deployment's base path (`import.meta.env.BASE_URL`). */
  base: string;
  /** Only what affects this product id. */
  product?: string | undefined;
  /** At most this many items (default FEED_LIMIT). */
  limit?: number;
}

/** One feed item, in the shape @astrojs/rss takes; it makes the guid from `link` (isPermaLink). */
export interface FeedItem {
  /** Plain-text title in the feed's locale (or the default one when untranslated). */
  title: string;
  /** Absolute URL of the incident's or window's page in the feed's locale; also the guid. */
  link: string;
  /** The latest activity: last update, or for maintenance also its start, end or cancellation once passed. */
  pubDate: Date;
  /** Plain text: the latest status and time, and the latest message. */
  description: string;
  /** Sanitized HTML: affected products and the latest FEED_TIMELINE_LIMIT updates, newest first. */
  content: string;
  /** Names of the affected products. */
  categories: string[];
}

/** Everything @astrojs/rss needs for one feed (structurally its RSSOptions). */
export interface Feed {
  title: string;
  description: string;
  /** The channel's link: the localized home page, or the product's page for a product feed. */
  site: string;
  items: FeedItem[];
  xmlns: Record<string, string>;
  /** `<language>` and the `<atom:link rel="self">` of the feed. */
  customData: string;
}

/** The namespace of the channel's `<atom:link rel="self">`. */
export const ATOM = 'http://www.w3.org/2005/Atom';

/** The absolute URL of a route in the feed's language. */
export function feedUrl(path: RoutePath, o: { locale: string; site: string | URL; base: string }, defaultLocale: string): string {
  return new URL(localeUrl(path, o.locale, defaultLocale, o.base), o.site).href;
}

/** A channel's `<language>` and `<atom:link rel="self">`. */
export function channelData(locale: string, self: string): string {
  return `<language>${escapeXml(locale)}</language><atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>`;
}

/** The feed of one locale (and optionally one product): channel texts, links and items. */
export function buildFeed(c: SiteContent, o: FeedOptions): Feed {
  const t = translator(o.locale);
  const def = c.site.defaultLocale;
  const site = plain(localize(c.site.name, o.locale, def).text);
  const product = o.product === undefined ? undefined : c.products.find((p) => p.id === o.product);
  return {
    title: product ? t('feed.product.title', { site, product: plain(product.name) }) : t('feed.all.title', { site }),
    description: product ? t('feed.product.description', { product: plain(product.name) }) : t('feed.all.description', { site }),
    site: feedUrl(product ? `/products/${product.id}/` : '/', o, def),
    items: feedItems(c, o),
    xmlns: { atom: ATOM },
    customData: channelData(o.locale, feedUrl(o.product === undefined ? '/rss.xml' : `/products/${o.product}/rss.xml`, o, def)),
  };
}

/** The maintenance feed of one locale: the maintenance items (no incidents) under their own channel. */
export function maintenanceFeed(c: SiteContent, o: Omit<FeedOptions, 'product'>): Feed {
  const t = translator(o.locale);
  const def = c.site.defaultLocale;
  const site = plain(localize(c.site.name, o.locale, def).text);
  return {
    title: t('feed.maintenance.title', { site }),
    description: t('feed.maintenance.description', { site }),
    site: feedUrl('/maintenance/', o, def),
    items: feedItems({ ...c, incidents: [] }, o),
    xmlns: { atom: ATOM },
    customData: channelData(o.locale, feedUrl('/maintenance/rss.xml', o, def)),
  };
}

/** The items of one feed: one per incident and maintenance window, newest activity first, at most `limit`. */
export function feedItems(c: SiteContent, o: FeedOptions): FeedItem[] {
  const t = translator(o.locale);
  const def = c.site.defaultLocale;
  const loc = (v: Localized) => localize(v, o.locale, def);
  const text = (v: Localized) => loc(v).text;
  // HTML marked with its language when it fell back to another one than the feed's.
  const marked = (lang: string, inner: string) => (lang === o.locale ? inner : `<div lang="${escapeHtml(lang)}">${inner}</div>`);
  // Markdown through the renderer; its links to its own footnotes lead to them on the item's page.
  const html = ({ text: markdown, lang }: LocalizedText, page: string) => marked(lang, fragmentsOnPage(markdownToHtml(markdown), page));
  const when = (iso: string) => formatInstant(iso, o.locale, displayZone(c.site, o.locale));
  const link = (path: RoutePath) => new URL(localeUrl(path, o.locale, def, o.base), o.site).href;
  const name = (id: string) => plain(c.products.find((p) => p.id === id)?.name ?? id);
  // A long timeline keeps its latest updates; the rest is one link to the page that has them all.
  const earlier = (count: number, page: string) =>
    count > FEED_TIMELINE_LIMIT
      ? `<p><a href="${escapeHtml(page)}">${escapeHtml(t('feed.earlier', { count: String(count - FEED_TIMELINE_LIMIT) }))}</a></p>`
      : '';
  // Invented sample content (the default site's) says so in the item, as the pages do.
  const sampleLines = (sample: boolean | undefined) => (sample ? [t('sample.title')] : []);
  const samplePara = (sample: boolean | undefined) => (sample ? para(t('sample.title')) : '');
  const sampleCategory = (sample: boolean | undefined) => (sample ? [t('sample.marker')] : []);
  const items: { at: string; key: string; item: () => FeedItem }[] = [];

  for (const inc of c.incidents) {
    if (o.product !== undefined && !inc.affects.some((a) => a.product === o.product)) continue;
    const at = incidentActivity(inc);
    // Built only for the items that make the cut: rendering every timeline would cost N x feeds.
    items.push({
      at,
      key: `incident ${inc.id}`,
      item: () => {
        const last = inc.updates[inc.updates.length - 1]!;
        const page = link(`/incidents/${inc.id}/`);
        const timeline = latest(inc.updates).map((u) => update(t(`incidentStatus.${u.status}`), when(u.at), html(loc(u.message), page)));
        const affects = shownImpacts(inc, c.now)
          .map((a) => `${name(a.product)} (${t(`status.${a.impact}`)})`)
          .join(', ');
        return {
          title: title(text(inc.title), inc.id),
          link: page,
          pubDate: new Date(at),
          description: describe(
            t('feed.latest', { status: t(`incidentStatus.${last.status}`), time: when(at) }),
            sampleLines(inc.sample),
            markdownToText(text(last.message)),
          ),
          content: xmlSafe(
            [
              samplePara(inc.sample),
              para(t('feed.affects', { products: affects })),
              timelineHtml(t('feed.timeline'), timeline, earlier(inc.updates.length, page)),
              // The post-incident report, under a heading, in the default language it is written in.
              inc.body.trim() ? `<h2>${escapeHtml(t('incident.report'))}</h2>${html({ text: inc.body, lang: def }, page)}` : '',
            ].join(''),
          ),
          categories: [...inc.affects.map((a) => name(a.product)), ...sampleCategory(inc.sample)],
        };
      },
    });
  }

  for (const m of c.maintenance) {
    if (o.product !== undefined && !m.products.includes(o.product)) continue;
    const at = maintenanceActivity(m, c.now);
    items.push({
      at,
      key: `maintenance ${m.id}`,
      item: () => {
        const state = t(`maintenanceState.${maintenanceState(m, c.now)}`);
        const notices = maintenanceTimeline(m, c.now);
        const last = notices.at(-1);
        const window = t('feed.window', { start: when(m.window.start), end: when(m.window.end) });
        const page = link(`/maintenance/${m.id}/`);
        const timeline = latest(notices).map((n) => {
          if (!n.automatic) return update(undefined, when(n.at), html(loc(n.message), page));
          const words = automaticNoticeText(n, o.locale);
          return update(undefined, when(n.at), marked(words.lang, para(words.text)), t('maintenanceNotice.automatic'));
        });
        // The latest notice, automatic or not, at the time it was posted; before any, the state alone.
        const latestLine = last ? t('feed.latest', { status: state, time: when(last.at) }) : state;
        const lastText = last === undefined ? '' : last.automatic ? automaticNoticeText(last, o.locale).text : markdownToText(text(last.message));
        return {
          title: title(text(m.title), m.id),
          link: page,
          pubDate: new Date(at),
          description: describe(latestLine, [window, ...sampleLines(m.sample)], lastText),
          content: xmlSafe(
            [
              samplePara(m.sample),
              para(`${state}. ${window}`),
              para(t('feed.affects', { products: m.products.map(name).join(', ') })),
              m.body.trim() ? html({ text: m.body, lang: def }, page) : '',
              timeline.length > 0 ? timelineHtml(t('feed.timeline'), timeline, earlier(notices.length, page)) : '',
            ].join(''),
          ),
          categories: [...m.products.map(name), ...sampleCategory(m.sample)],
        };
      },
    });
  }

  // Instants are compared as dates: content may write them with different offsets.
  const ms = (iso: string) => Date.parse(iso);
  return items
    .sort((a, b) => ms(b.at) - ms(a.at) || a.key.localeCompare(b.key))
    .slice(0, o.limit ?? FEED_LIMIT)
    .map((x) => x.item());
}

/**
 * A window's latest activity at `now`: its last notice, its cancellation, or its start and end once
 * they have passed (a reader sees it begin and finish); before any of these, its planned start.
 */
export function maintenanceActivity(m: Maintenance, now: string): string {
  // The timeline holds the start and end once passed, unless a later notice said so.
  const times = [...maintenanceTimeline(m, now).map((n) => n.at), ...(m.cancelled ? [m.cancelled] : [])];
  if (times.length === 0) return m.window.start;
  return times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

/** The latest activity of an incident: its last update (a resolved incident's last update is the resolution). */
export function incidentActivity(inc: Incident): string {
  return inc.updates[inc.updates.length - 1]!.at;
}

/** An entry of a timeline: its status and time, marked when no person wrote it, then its message. */
function update(status: string | undefined, time: string, messageHtml: string, automatic?: string): string {
  const head = status === undefined ? escapeHtml(time) : `<strong>${escapeHtml(status)}</strong> · ${escapeHtml(time)}`;
  return `<p>${head}${automatic === undefined ? '' : ` · <em>${escapeHtml(automatic)}</em>`}</p>${messageHtml}`;
}

/** The latest FEED_TIMELINE_LIMIT updates, newest first. */
function latest<T>(updates: readonly T[]): T[] {
  return updates.slice(-FEED_TIMELINE_LIMIT).reverse();
}

function timelineHtml(heading: string, entries: string[], after = ''): string {
  return `<h2>${escapeHtml(heading)}</h2>${entries.join('')}${after}`;
}

function para(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}

/** "Latest update: Resolved, <time>.", extra lines, then the message (plain text). */
function describe(latest: string, extra: string[], message: string): string {
  return [`${latest}.`, ...extra.map((e) => `${e}.`), plain(message)].filter(Boolean).join('\n');
}

function title(text: string, id: string): string {
  return plain(text) || id;
}

/**
 * Plain text safe for fields that many feed readers and calendar apps render as HTML (titles,
 * descriptions). Text shaped like a tag keeps its words, drawn between angle quotation marks
 * instead of < and > ("Widget <Pro>" reads "Widget ‹Pro›"), so such a reader shows what staff
 * wrote and never makes markup of it (`<img onerror=...>` is inert text). Characters XML forbids
 * and bidirectional overrides are dropped, and whitespace is tidied.
 */
export function plain(text: string): string {
  return stripBidiControls(xmlSafe(text))
    .replace(/<([A-Za-z/!?][^<>]*)(>?)/g, (_, inside: string, end: string) => `‹${inside}${end ? '›' : ''}`)
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();
}

/** Drops characters XML 1.0 does not allow (C0 controls but tab and newlines, lone surrogates, U+FFFE/F). */
function xmlSafe(text: string): string {
  // eslint-disable-next-line no-control-regex -- these are the characters XML forbids
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');
}
