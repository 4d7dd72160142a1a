/** Time formatting for pages: an instant shown in a named IANA zone, in the reader's language. */
import { memo } from './memo.ts';

/** A shared Intl.DateTimeFormat for these options (making one costs far more than using one). */
export const dateTimeFormat = memo(
  (locale: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, options),
  (locale, options) => `${locale}|${JSON.stringify(options)}`,
);

/** The zone's short name at an instant ("CST"), as the language writes it. */
function zoneName(locale: string, zone: string, ms: number): string {
  const format = dateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' });
  return format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

/**
 * "22 November 2026 at 04:00 CST": date and time in `zone`, with the zone's short name. Kept per
 * instant: the same instants appear on many pages (lists, product pages, feeds).
 */
export const formatInstant = memo((iso: string, locale: string, zone: string): string => {
  const ms = Date.parse(iso);
  return `${dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(ms)} ${zoneName(locale, zone, ms)}`;
});

/**
 * "Nov 22, 4:00 AM CST": the short form of formatInstant, where several instants share a small
 * space (the status page's verdict). The day is always there: a page may be read a day later.
 */
export const formatShortInstant = memo((iso: string, locale: string, zone: string): string => {
  const ms = Date.parse(iso);
  // As local-time.ts writes it in the reader's zone: "05:40" where the clock runs to 23, as the long form writes it; "5:40 AM" where it runs to 12.
  const hour = /1/.test(dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).resolvedOptions().hourCycle!) ? 'numeric' : '2-digit';
  return `${dateTimeFormat(locale, { month: 'short', day: 'numeric', hour, minute: '2-digit', timeZone: zone }).format(ms)} ${zoneName(locale, zone, ms)}`;
});

/**
 * The zone a language's pages and feeds write instants in, before a reader's browser converts them:
 * the language's own `timeZone` in site.yaml, else the site's.
 */
export function displayZone(site: { timeZone: string; locales: readonly { code: string; timeZone?: string | undefined }[] }, locale: string): string {
  return site.locales.find((l) => l.code === locale)?.timeZone ?? site.timeZone;
}

/** A calendar date ("2021-01-01") in words, in the reader's language. */
export function formatDate(date: string, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
