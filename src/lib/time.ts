/** Time formatting for pages: an instant shown in a named IANA zone, in the reader's language. */

// Building an Intl.DateTimeFormat costs far more than using one; a large site formats thousands of times.
const formats = new Map<string, Intl.DateTimeFormat>();

/** A cached Intl.DateTimeFormat for these options. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

/** "22 November 2026 at 04:00 CST": date and time in `zone`, with the zone's short name. */
export function formatInstant(iso: string, locale: string, zone: string): string {
  const date = new Date(iso);
  return `${dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(date)} ${zoneAbbreviation(iso, locale, zone)}`;
}

/** The zone's short name at that instant ("CST", "CET", "GMT+1"). */
export function zoneAbbreviation(iso: string, locale: string, zone: string): string {
  const parts = dateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }).formatToParts(new Date(iso));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

/** A calendar date ("2021-01-01") in words, in the reader's language. */
export function formatDate(date: string, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
