/** Time formatting for pages: an instant shown in a named IANA zone, in the reader's language. */
import { escapeHtml } from './escape.ts';
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
 * An instant as HTML: `<time datetime data-local title>` with the text in the site's zone, which
 * the local-time script rewrites into the reader's zone.
 */
export function timeElement(iso: string, locale: string, zone: string): string {
  const text = escapeHtml(formatInstant(iso, locale, zone));
  return `<time datetime="${escapeHtml(iso)}" data-local title="${text} (${escapeHtml(zone)})">${text}</time>`;
}

/** A calendar date ("2021-01-01") in words, in the reader's language. */
export function formatDate(date: string, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
