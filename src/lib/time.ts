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

// The same instants appear on many pages (an incident's start is on its page, in lists, feeds and
// the API, in every language): each is formatted once per language and zone.
const instants = new Map<string, string>();

/** "22 November 2026 at 04:00 CST": date and time in `zone`, with the zone's short name. */
export function formatInstant(iso: string, locale: string, zone: string): string {
  const key = `${locale}|${zone}|${iso}`;
  let text = instants.get(key);
  if (text === undefined) {
    text = `${dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }).format(new Date(iso))} ${zoneAbbreviation(iso, locale, zone)}`;
    instants.set(key, text);
  }
  return text;
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
