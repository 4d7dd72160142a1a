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

/** The formatters of one language and zone: date and time, and the zone's short name. */
interface ZoneFormats {
  dateTime: Intl.DateTimeFormat;
  name: Intl.DateTimeFormat;
  /** Zone names by UTC day ("2026-11-22"), for days without a change of name. */
  names: Map<string, string>;
}
const zoneFormats = new Map<string, ZoneFormats>();

function formatsFor(locale: string, zone: string): ZoneFormats {
  const key = `${locale}|${zone}`;
  let f = zoneFormats.get(key);
  if (!f) {
    f = {
      dateTime: dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }),
      name: dateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }),
      names: new Map(),
    };
    zoneFormats.set(key, f);
  }
  return f;
}

/** "22 November 2026 at 04:00 CST": date and time in `zone`, with the zone's short name. */
export function formatInstant(iso: string, locale: string, zone: string): string {
  const key = `${locale}|${zone}|${iso}`;
  let text = instants.get(key);
  if (text === undefined) {
    const f = formatsFor(locale, zone);
    text = `${f.dateTime.format(new Date(iso))} ${nameAt(f, iso)}`;
    instants.set(key, text);
  }
  return text;
}

function nameOf(format: Intl.DateTimeFormat, ms: number): string | undefined {
  return format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value;
}

/**
 * A zone changes its name only where its offset changes, a few times a year at most: when the name
 * at the first and last millisecond of a UTC day agree, it holds all day, and the day is asked once.
 * On the days of a change, each instant is asked.
 */
function nameAt(f: ZoneFormats, iso: string): string {
  const ms = Date.parse(iso);
  const day = new Date(ms).toISOString().slice(0, 10);
  const known = f.names.get(day);
  if (known !== undefined) return known;
  const start = Date.parse(`${day}T00:00:00.000Z`);
  const first = nameOf(f.name, start);
  const last = nameOf(f.name, start + 86_399_999);
  if (first !== undefined && first === last) {
    f.names.set(day, first);
    return first;
  }
  return nameOf(f.name, ms) ?? f.name.resolvedOptions().timeZone;
}

/** A calendar date ("2021-01-01") in words, in the reader's language. */
export function formatDate(date: string, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
