/** View models of the release schedule page and of the release section on product pages. */
import { inLanguage, type LocalizedText } from '../i18n.ts';
import type { Product } from '../../schemas/products.ts';
import { productSchedules, releaseCalendar } from '../cadence.ts';
import { productReleases } from '../releases.ts';
import { calendarLinks, calendarProducts, releaseCalendarPath } from '../calendars.ts';
import { formatDate, dateTimeFormat } from '../time.ts';
import type { Ctx } from './incidents.ts';

/** A local date in words with its weekday: "Tuesday, December 8". */
function dayWords(date: string, locale: string): string {
  return dateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** One product's schedule in words. */
export interface ScheduleView {
  id: string;
  /**
   * The versions supported today, newest first, each with its line from the product page ("Supported until ...");
   * `sample` when the release is an invented sample or its end date comes from a sample schedule: the page marks it.
   */
  supported: { version: string; href: string; text: string; sample?: true }[];
  name: string;
  href: string;
  cadence: LocalizedText;
  continuous: boolean;
  next: { date: string; text: string }[];
  /** The planned dates come from an invented sample schedule: the page marks them. */
  sampleDates?: true;
  notes?: string;
  /** The language of the release-notes pages when it is not the reader's: "(in English)". */
  notesLanguage?: { lang: string; text: string };
  calendar?: CalendarLink;
}

/** The release schedule page. */
export interface ReleasesPageView {
  months: {
    month: string;
    label: string;
    /** Planned days from today on: a day before today is no longer planned (its release is under the product's versions). */
    days: { date: string; text: string; entries: { name: string; href: string; version?: string; notes?: string }[] }[];
  }[];
  /** Today in the site's zone, in words, and its month ("YYYY-MM"), where the page marks it. */
  today: { date: string; text: string; month: string };
  products: ScheduleView[];
  /** Some planned dates come from invented sample schedules: the page marks the calendar. */
  sampleDates: boolean;
  calendarAll: CalendarLink;
}

/** A calendar's addresses (webcal: to subscribe, https: to download), and "in English" where the page is in another language. */
export interface CalendarLink {
  https: string;
  webcal: string;
  note?: string | undefined;
}

function calendarLink(x: Ctx, path: Parameters<typeof calendarLinks>[0], site: URL | string, base: string): CalendarLink {
  return { ...calendarLinks(path, { site, base }), note: inLanguage(x.locale, x.c.site.defaultLocale) };
}

/** Builds the release schedule page: three months of planned dates, each product's next dates and calendars. */
export function releasesPageView(x: Ctx, site: string | URL, base: string): ReleasesPageView {
  const cal = releaseCalendar(x.c, 3);
  const schedules = productSchedules(x.c, 3);
  const withCalendar = new Set(calendarProducts(x.c).map((p) => p.id));
  return {
    today: { date: cal.today, text: dayWords(cal.today, x.locale), month: cal.today.slice(0, 7) },
    months: cal.months.map((m) => ({
      month: m.month,
      label: dateTimeFormat(x.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m.first}T12:00:00Z`)),
      days: m.days
        .filter((d) => d.entries.some((e) => !e.past))
        .map((d) => ({
          date: d.date,
          text: dayWords(d.date, x.locale),
          entries: d.entries
            .filter((e) => !e.past)
            .map((e) => {
              const entry: { name: string; href: string; version?: string; notes?: string } = {
                name: x.productName(e.product),
                href: x.url(`/products/${e.product}/`),
              };
              if (e.release) {
                entry.version = e.release.version;
                if (e.release.notes) entry.notes = e.release.notes;
              }
              return entry;
            }),
        })),
    })),
    products: schedules.map((s) => {
      const view: ScheduleView = {
        id: s.product.id,
        name: s.product.name,
        href: x.url(`/products/${s.product.id}/`),
        cadence: x.loc(s.product.cadence.label),
        continuous: s.continuous,
        next: s.next.map((d) => ({ date: d, text: dayWords(d, x.locale) })),
        supported: (productReleasesView(x, s.product.id, site, base)?.versions ?? [])
          .filter((v) => v.supported)
          .map((v) => ({
            version: v.version,
            href: `${x.url(`/products/${s.product.id}/`)}#${v.anchor}`,
            text: v.supportText,
            ...(v.sample || (v.supportEnds && isSampleSchedule(s.product)) ? { sample: true as const } : {}),
          })),
      };
      if (s.product.releaseNotes) view.notes = s.product.releaseNotes;
      const notesLang = s.product.releaseNotesLanguage;
      const notesIn = s.product.releaseNotes && notesLang ? inLanguage(x.locale, notesLang) : undefined;
      if (notesLang && notesIn) view.notesLanguage = { lang: notesLang, text: notesIn };
      if (isSampleSchedule(s.product)) view.sampleDates = true;
      if (withCalendar.has(s.product.id)) view.calendar = calendarLink(x, releaseCalendarPath(s.product.id), site, base);
      return view;
    }),
    sampleDates: schedules.some((s) => isSampleSchedule(s.product)),
    calendarAll: calendarLink(x, releaseCalendarPath(), site, base),
  };
}

/** Whether a product's planned dates come from an invented sample rule (`sample: true` on its cadence). */
function isSampleSchedule(product: Product): boolean {
  return product.cadence.kind === 'recurring' && product.cadence.sample === true;
}

/** The release section of a product page. */
export interface ProductReleasesView {
  cadence: LocalizedText;
  continuous: boolean;
  next: { date: string; text: string }[];
  versions: {
    anchor: string;
    version: string;
    date: string;
    dateText: string;
    supported: boolean;
    supportText: string;
    /** The planned date a supported version's support ends on, when there is one. */
    supportEnds?: string;
    notes?: string;
    summary?: LocalizedText;
    /** An invented sample release, or a supported one whose end date comes from a sample schedule: the page marks it. */
    sample?: true;
  }[];
  /** The planned dates come from an invented sample schedule: the page marks them. */
  sampleDates?: true;
  notes?: string;
  calendar?: CalendarLink;
  feed: string;
}

/** Builds a product's release section: cadence, next dates, supported and unsupported versions. */
export function productReleasesView(x: Ctx, id: string, site: string | URL, base: string): ProductReleasesView | undefined {
  const r = productReleases(x.c, id);
  if (!r) return undefined;
  const schedule = productSchedules(x.c, 3).find((s) => s.product.id === id);
  const view: ProductReleasesView = {
    cadence: x.loc(r.product.cadence.label),
    continuous: r.continuous,
    next: (schedule?.next ?? []).map((d) => ({ date: d, text: dayWords(d, x.locale) })),
    versions: r.versions.map((v) => {
      const row: ProductReleasesView['versions'][number] = {
        anchor: v.anchor,
        version: v.version,
        date: v.date,
        dateText: formatDate(v.date, x.locale),
        supported: v.supported,
        supportText: !v.supported
          ? x.t('releases.unsupportedSince', { date: formatDate(v.supportEnded ?? v.date, x.locale) })
          : v.supportEnds
            ? x.t('releases.supportedUntil', { date: formatDate(v.supportEnds, x.locale) })
            : x.t('releases.supportedNow'),
      };
      if (v.supported && v.supportEnds) row.supportEnds = v.supportEnds;
      if (v.notes) row.notes = v.notes;
      if (v.summary) row.summary = x.loc(v.summary);
      // As on the schedule page: an invented release, or a supported one whose end date an invented schedule gives.
      if (v.sample || (row.supportEnds && isSampleSchedule(r.product))) row.sample = true;
      return row;
    }),
    feed: x.url(`/products/${id}/releases.xml`),
  };
  if (r.product.releaseNotes) view.notes = r.product.releaseNotes;
  if (isSampleSchedule(r.product)) view.sampleDates = true;
  if (calendarProducts(x.c).some((p) => p.id === id)) view.calendar = calendarLink(x, releaseCalendarPath(id), site, base);
  return view;
}
