/** Time formatting for pages: an instant shown in a named IANA zone, in the reader's language. */
import { DateTime } from 'luxon';

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

const MINUTE = 60_000;
const DAY = 86_400_000;
const mod = (a: number, b: number) => ((a % b) + b) % b;

/**
 * The offset of `zone` from UTC through one UTC day (milliseconds to add to UTC), or null on a day
 * when it changes. Asked at the day's first and last millisecond and at noon: a zone's offset
 * changes a few times a year at most, never twice within a day.
 */
const dayOffsets = new Map<string, Map<number, number | null>>();

function offsetAt(zone: string, ms: number): number {
  return DateTime.fromMillis(ms, { zone }).offset * MINUTE;
}

function dayOffset(zone: string, day: number): number | null {
  let days = dayOffsets.get(zone);
  if (!days) dayOffsets.set(zone, (days = new Map()));
  let off = days.get(day);
  if (off === undefined) {
    const start = day * DAY;
    const first = offsetAt(zone, start);
    off = first === offsetAt(zone, start + DAY / 2) && first === offsetAt(zone, start + DAY - 1) ? first : null;
    days.set(day, off);
  }
  return off;
}

/** The formatters of one language and zone, and what they have produced. */
interface ZoneFormats {
  dateTime: Intl.DateTimeFormat;
  name: Intl.DateTimeFormat;
  /** Texts by ISO instant: the same instants appear on many pages, lists, feeds and the API. */
  instants: Map<string, string>;
  /** <time> elements by ISO instant (see timeElement). */
  elements: Map<string, string>;
  /** Zone names by UTC day number, for days without a change of name. */
  names: Map<number, string>;
  /** What comes before and after the time of day, by local day number ("22 November 2026 at "). */
  days: Map<number, readonly [string, string]>;
  /** The time of day by minute of the day ("4:00 AM"), shared by the language's zones. */
  times: Map<number, string>;
  /** False once a composed text differed from Intl's own (a language that words times unusually). */
  compose: boolean;
}
const zoneFormats = new Map<string, ZoneFormats>();
const timesByLocale = new Map<string, Map<number, string>>();
let last: { locale: string; zone: string; f: ZoneFormats } | undefined;

function formatsFor(locale: string, zone: string): ZoneFormats {
  if (last?.locale === locale && last.zone === zone) return last.f;
  const key = `${locale}|${zone}`;
  let f = zoneFormats.get(key);
  if (!f) {
    let times = timesByLocale.get(locale);
    if (!times) timesByLocale.set(locale, (times = new Map()));
    f = {
      dateTime: dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }),
      name: dateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }),
      instants: new Map(),
      elements: new Map(),
      names: new Map(),
      days: new Map(),
      times,
      compose: true,
    };
    zoneFormats.set(key, f);
  }
  last = { locale, zone, f };
  return f;
}

/** "22 November 2026 at 04:00 CST": date and time in `zone`, with the zone's short name. */
export function formatInstant(iso: string, locale: string, zone: string): string {
  const f = formatsFor(locale, zone);
  let text = f.instants.get(iso);
  if (text === undefined) {
    const ms = Date.parse(iso);
    text = `${dateAndTime(f, locale, zone, ms)} ${nameAt(f, ms)}`;
    f.instants.set(iso, text);
  }
  return text;
}

/**
 * An instant as HTML: `<time datetime data-local title>` with the text in the site's zone, which
 * the local-time script rewrites into the reader's zone. A function rather than a component: an
 * incident page shows a dozen instants, and a component instance costs more than the text.
 */
export function timeElement(iso: string, locale: string, zone: string): string {
  const f = formatsFor(locale, zone);
  let html = f.elements.get(iso);
  if (html === undefined) {
    const text = escapeHtml(formatInstant(iso, locale, zone));
    html = `<time datetime="${escapeHtml(iso)}" data-local title="${text} (${escapeHtml(zone)})">${text}</time>`;
    f.elements.set(iso, html);
  }
  return html;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const TIME_PARTS = new Set<string>(['hour', 'minute', 'second', 'dayPeriod']);

/**
 * Intl's text for an instant cut around its time of day: [before, time, after]. The cut is placed
 * by formatToParts, the text is format()'s (the two may differ in spaces: V8's format() writes a
 * plain space where formatToParts has a narrow no-break space before "PM").
 */
function cutAtTime(format: Intl.DateTimeFormat, ms: number): [string, string, string] | undefined {
  const whole = format.format(ms);
  const parts = format.formatToParts(ms);
  const first = parts.findIndex((p) => TIME_PARTS.has(p.type));
  let last = parts.length - 1;
  while (last >= 0 && !TIME_PARTS.has(parts[last]!.type)) last--;
  if (first < 0 || parts.reduce((n, p) => n + p.value.length, 0) !== whole.length) return undefined;
  const at = (i: number) => parts.slice(0, i).reduce((n, p) => n + p.value.length, 0);
  const a = at(first);
  const b = at(last + 1);
  return [whole.slice(0, a), whole.slice(a, b), whole.slice(b)];
}

/**
 * Intl's date and time of an instant. Formatting each instant costs more than the rest of a page's
 * times together, so the text is composed from what Intl wrote once: the words around the time for
 * each local day, and the time for each minute of the day. Where the zone's offset changes during
 * the day, the instant is formatted on its own. The first instant of each day is formatted by Intl
 * and compared with its composition; one difference turns composing off for the language and zone.
 */
function dateAndTime(f: ZoneFormats, locale: string, zone: string, ms: number): string {
  if (!f.compose) return f.dateTime.format(ms);
  const off = dayOffset(zone, Math.floor(ms / DAY));
  if (off === null) return f.dateTime.format(ms);
  const local = ms + off;
  const localDay = Math.floor(local / DAY);
  const minute = Math.floor(mod(local, DAY) / MINUTE);
  const around = f.days.get(localDay);
  if (around) return around[0] + timeOfDay(f, locale, minute) + around[1];
  const cut = cutAtTime(f.dateTime, ms);
  const whole = cut ? cut.join('') : f.dateTime.format(ms);
  if (!cut || cut[0] + timeOfDay(f, locale, minute) + cut[2] !== whole) {
    f.compose = false;
    return whole;
  }
  f.days.set(localDay, [cut[0], cut[2]]);
  return whole;
}

/** The time of day at a minute of the day, as the language writes it in a date and time. */
function timeOfDay(f: ZoneFormats, locale: string, minute: number): string {
  let text = f.times.get(minute);
  if (text === undefined) {
    text = cutAtTime(dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }), Date.UTC(2001, 0, 1) + minute * MINUTE)?.[1] ?? '';
    f.times.set(minute, text);
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
function nameAt(f: ZoneFormats, ms: number): string {
  const day = Math.floor(ms / DAY);
  const known = f.names.get(day);
  if (known !== undefined) return known;
  const start = day * DAY;
  const first = nameOf(f.name, start);
  const last = nameOf(f.name, start + DAY - 1);
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
