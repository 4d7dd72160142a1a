/**
 * iCalendar documents (RFC 5545, written by ical-generator) for calendar apps to subscribe to:
 * planned release dates per product and for all products, and maintenance windows. They are not
 * localized: names and wording are in English and content text in the site's default language.
 *
 * Rules a subscriber relies on:
 * - A release is an all-day event (DTSTART;VALUE=DATE, DTEND the next day) on each planned date
 *   from today (in the cadence's zone) for the next `months` months; UID
 *   `release-<product>-<yyyymmdd>@<site host>`, the same in the product's and the combined calendar.
 * - A maintenance window is one event with its exact start and end in UTC; UID
 *   `maintenance-<file id>@<site host>`. Its SEQUENCE is the number of notices plus one once it is
 *   cancelled: content changes a published window by posting a notice, so each change raises it
 *   (a notice must never be deleted). STATUS is CONFIRMED, or CANCELLED once called off. Its
 *   DESCRIPTION leads with the latest entry of the window's timeline, as the page shows it (once the
 *   window has ended, the automatic "completed" notice unless staff posted one).
 * - DTSTAMP is the build's "now", so the same content and "now" give the same bytes.
 */
import ical, { ICalCalendarMethod, ICalEventStatus, ICalEventTransparency, type ICalCalendar } from 'ical-generator';
import { DateTime } from 'luxon';
import type { SiteContent } from './content/load.ts';
import type { Maintenance } from '../schemas/maintenance.ts';
import type { Product } from '../schemas/products.ts';
import type { Localized } from '../schemas/common.ts';
import { localize } from './i18n.ts';
import { markdownToText } from './markdown.ts';
import { automaticNoticeText, maintenanceTimeline } from './maintenance-timeline.ts';
import { plain } from './feeds.ts';
import { localeUrl, type RoutePath } from './routes.ts';
import { isRecurring, upcomingReleaseDates, type LocalDate } from './cadence.ts';

/** The Content-Type of every .ics endpoint. */
export const ICS_CONTENT_TYPE = 'text/calendar; charset=utf-8';

/** Where the site lives. */
export interface CalendarOptions {
  /** The site's absolute URL (Astro's `site`, else site.yaml's url). */
  site: string | URL;
  /** The deployment's base path (`import.meta.env.BASE_URL`). */
  base: string;
}

/** Which release calendar: one product's, or all products' when `product` is absent. */
export interface ReleaseCalendarOptions extends CalendarOptions {
  product?: string | undefined;
  /** Planned dates from today for this many months (default cadence.ts's RELEASE_HORIZON_MONTHS, which the content check uses too). */
  months?: number;
}

/** The path of a calendar below the base: all releases, one product's releases, or maintenance. */
export type CalendarPath = '/calendars/releases.ics' | `/calendars/releases/${string}.ics` | '/calendars/maintenance.ics';

const PRODID = { company: 'Pharos', product: 'Pharos status site', language: 'EN' };

/** Products that get a release calendar: those with a recurring cadence, in products.yaml order. */
export function calendarProducts(c: Pick<SiteContent, 'products'>): Product[] {
  return c.products.filter((p) => isRecurring(p.cadence));
}

/** The path of a release calendar: all products', or one product's. */
export function releaseCalendarPath(product?: string): CalendarPath {
  return product === undefined ? '/calendars/releases.ics' : `/calendars/releases/${product}.ics`;
}

/** A calendar's https URL and its webcal: URL (which opens a subscription in calendar apps). */
export function calendarLinks(path: CalendarPath, o: CalendarOptions): { https: string; webcal: string } {
  const https = absolute(path, o);
  return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}

/** The UID of a planned release: `release-<product>-<yyyymmdd>@<host>`. */
export function releaseUid(product: string, date: LocalDate, host: string): string {
  return `release-${product}-${date.replaceAll('-', '')}@${host}`;
}

/** The UID of a maintenance window: `maintenance-<file id>@<host>`. */
export function maintenanceUid(id: string, host: string): string {
  return `maintenance-${id}@${host}`;
}

/** A window's SEQUENCE: one per notice, plus one when cancelled; it rises with every change content records. */
export function maintenanceSequence(m: Pick<Maintenance, 'updates' | 'cancelled'>): number {
  return m.updates.length + (m.cancelled !== undefined ? 1 : 0);
}

/** The release calendar (.ics text) of one product, or of every recurring product. */
export function releaseIcs(c: Pick<SiteContent, 'site' | 'products' | 'releases' | 'now'>, o: ReleaseCalendarOptions): string {
  const siteName = defaultText(c, c.site.name);
  const product = o.product === undefined ? undefined : c.products.find((p) => p.id === o.product);
  if (o.product !== undefined && (!product || !isRecurring(product.cadence)))
    throw new Error(`no release calendar for "${o.product}" (expected a product with a recurring cadence)`);
  const products = product ? [product] : calendarProducts(c);
  const cal = calendar(o, {
    name: product ? `${plain(product.name)} releases` : `${plain(siteName)}: releases`,
    description: product ? `Planned release dates of ${plain(product.name)}.` : `Planned release dates of every product on ${plain(siteName)}.`,
    page: product ? `/products/${product.id}/` : '/releases/',
    self: releaseCalendarPath(product?.id),
    ttl: 24 * 3600,
  });
  const host = hostOf(o.site);
  const events: { date: LocalDate; order: number; product: Product }[] = [];
  products.forEach((p, order) => {
    if (!isRecurring(p.cadence)) return;
    for (const date of upcomingReleaseDates(p.cadence, c.now, o.months).dates) events.push({ date, order, product: p });
  });
  events.sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
  for (const { date, product: p } of events) {
    const name = plain(p.name);
    const release = (c.releases[p.id] ?? []).find((r) => r.date === date);
    // The schema takes any URL scheme; only web links are offered.
    const notes = [release?.notes, p.releaseNotes].find((u) => u !== undefined && /^https?:\/\//i.test(u));
    const day = DateTime.fromISO(date, { zone: 'utc' });
    cal.createEvent({
      id: releaseUid(p.id, date, host),
      stamp: new Date(c.now),
      allDay: true,
      // Floating dates: ical-generator writes an all-day Date by its UTC calendar day.
      start: day.toJSDate(),
      end: day.plus({ days: 1 }).toJSDate(),
      summary: `${name} release`,
      description: [
        release ? `${name} ${plain(release.version)}, released on this day.` : `Planned release date of ${name}.`,
        // Invented sample dates (the default site's) say so, as the pages do.
        (release ? release.sample : p.cadence.kind === 'recurring' && p.cadence.sample) ? SAMPLE_NOTE : '',
        `Cadence: ${plain(defaultText(c, p.cadence.label))}.`,
        notes ? `Release notes: ${notes}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
      url: absolute(`/products/${p.id}/`, o),
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return ics(cal);
}

/** What an invented sample event (the default site's) says first; calendars are written in English. */
const SAMPLE_NOTE = "Sample: invented for this demonstration, not the vendor's own.";

/** How far back the maintenance calendar reaches: older windows stay on the site, not in calendars. */
export const MAINTENANCE_HISTORY_DAYS = 180;

/** The maintenance calendar (.ics text): upcoming windows and those of the last 180 days, cancelled ones marked so. */
export function maintenanceIcs(c: Pick<SiteContent, 'site' | 'products' | 'maintenance' | 'now'>, o: CalendarOptions): string {
  const siteName = plain(defaultText(c, c.site.name));
  const cal = calendar(o, {
    name: `${siteName}: maintenance`,
    description: `Planned maintenance windows on ${siteName}.`,
    page: '/maintenance/',
    self: '/calendars/maintenance.ics',
    // Windows change at short notice: ask clients to look again every hour.
    ttl: 3600,
  });
  const host = hostOf(o.site);
  const names = (ids: string[]) => ids.map((id) => plain(c.products.find((p) => p.id === id)?.name ?? id)).join(', ');
  // Oldest first: the order a reader expects when opening the file.
  // Bounded: a calendar app re-downloads the whole file, so years of history would only grow it.
  const since = Date.parse(c.now) - MAINTENANCE_HISTORY_DAYS * 86400000;
  const windows = c.maintenance
    .filter((m) => Date.parse(m.window.end) >= since)
    .sort((a, b) => Date.parse(a.window.start) - Date.parse(b.window.start) || a.id.localeCompare(b.id));
  for (const m of windows) {
    const title = plain(defaultText(c, m.title)) || m.id;
    // The timeline's latest entry, as on the page: once a window has ended, the notice that says so.
    const last = maintenanceTimeline(m, c.now).at(-1);
    const url = absolute(`/maintenance/${m.id}/`, o);
    const activity = [...m.updates.map((u) => u.at), ...(m.cancelled ? [m.cancelled] : [])].sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1);
    cal.createEvent({
      id: maintenanceUid(m.id, host),
      sequence: maintenanceSequence(m),
      stamp: new Date(c.now),
      ...(activity ? { lastModified: new Date(activity) } : {}),
      start: new Date(m.window.start),
      end: new Date(m.window.end),
      summary: m.cancelled ? `Cancelled maintenance: ${title}` : `Maintenance: ${title}`,
      description: [
        m.sample ? SAMPLE_NOTE : '',
        last === undefined ? '' : plain(last.automatic ? automaticNoticeText(last, c.site.defaultLocale).text : markdownToText(defaultText(c, last.message))),
        `Products: ${names(m.products)}`,
        `Details: ${url}`,
      ]
        .filter(Boolean)
        .join('\n\n'),
      url,
      status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return ics(cal);
}

/** The calendar's text: ical-generator ends the last line without the CRLF that RFC 5545 asks of every content line. */
function ics(cal: ICalCalendar): string {
  return `${cal.toString()}\r\n`;
}

function calendar(o: CalendarOptions, d: { name: string; description: string; page: RoutePath; self: CalendarPath; ttl: number }): ICalCalendar {
  return ical({
    prodId: PRODID,
    method: ICalCalendarMethod.PUBLISH,
    name: d.name,
    description: d.description,
    url: absolute(d.page, o),
    source: absolute(d.self, o),
    ttl: d.ttl,
  });
}

/** Absolute URL of a path in the default language (calendars are not localized). */
function absolute(path: RoutePath, o: CalendarOptions): string {
  // The default locale's URLs have no prefix, so any locale name equal to itself gives them.
  return new URL(localeUrl(path, '', '', o.base), o.site).href;
}

function hostOf(site: string | URL): string {
  return new URL(site).host;
}

function defaultText(c: Pick<SiteContent, 'site'>, value: Localized): string {
  return localize(value, c.site.defaultLocale, c.site.defaultLocale).text;
}
