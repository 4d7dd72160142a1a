/** Time formatting for pages: an instant shown in a named IANA zone, in the reader's language. */
import { escapeHtml } from './escape.ts';
import { offsetAt } from './zone-slots.ts';

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
const WEEK = 7 * DAY;
const mod = (a: number, b: number) => ((a % b) + b) % b;

/** What a zone's clock does over time, remembered per week and, in weeks with a change, per day. */
interface Steady<T> {
  weeks: Map<number, T | null>;
  days: Map<number, T | null>;
}
const steady = <T>(): Steady<T> => ({ weeks: new Map(), days: new Map() });

/**
 * The value `at` gives for the instant `ms`, for something that changes a few times a year at most
 * (a zone's offset, its short name): asked at the start, middle and end of the instant's week, and
 * when those differ, at the start and end of its day. Undefined on the day of a change: the caller
 * asks for the instant itself. It assumes no zone changes its offset and back within half a week
 * (tests compare with Intl around changes and over forty years in twelve zones).
 */
function steadyAt<T>(s: Steady<T>, ms: number, at: (ms: number) => T): T | undefined {
  const week = Math.floor(ms / WEEK);
  let w = s.weeks.get(week);
  if (w === undefined) {
    const start = week * WEEK;
    const first = at(start);
    w = first !== undefined && first === at(start + WEEK / 2) && first === at(start + WEEK - 1) ? first : null;
    s.weeks.set(week, w);
  }
  if (w !== null) return w;
  const day = Math.floor(ms / DAY);
  let d = s.days.get(day);
  if (d === undefined) {
    const start = day * DAY;
    const first = at(start);
    d = first !== undefined && first === at(start + DAY - 1) ? first : null;
    s.days.set(day, d);
  }
  return d ?? undefined;
}

const offsets = new Map<string, Steady<number>>();

/** The offset of `zone` at `ms` when it holds all that UTC day (milliseconds), else undefined. */
function dayOffset(zone: string, ms: number): number | undefined {
  let s = offsets.get(zone);
  if (!s) offsets.set(zone, (s = steady()));
  return steadyAt(s, ms, (t) => offsetAt(zone, t) * MINUTE);
}

/** The formatters of one language and zone, and what they have produced. */
interface ZoneFormats {
  zone: string;
  dateTime: Intl.DateTimeFormat;
  /** The same in UTC: where the time of each minute of the day is read. */
  utc: Intl.DateTimeFormat;
  name: Intl.DateTimeFormat;
  /** Texts by ISO instant: the same instants appear on many pages, lists, feeds and the API. */
  instants: Map<string, string>;
  /** <time> elements by ISO instant (see timeElement). */
  elements: Map<string, string>;
  /** The zone's short name, by week or day (see steadyAt). */
  names: Steady<string | undefined>;
  /** What comes before and after the time of day, by local day number ("22 November 2026 at "). */
  days: Map<number, readonly [string, string]>;
  /** The time of day by minute of the day ("4:00 AM"). */
  times: Map<number, string>;
  /** False once a composed text differed from Intl's own (a language that words times unusually). */
  compose: boolean;
}
const zoneFormats = new Map<string, ZoneFormats>();
let last: { locale: string; zone: string; f: ZoneFormats } | undefined;

function formatsFor(locale: string, zone: string): ZoneFormats {
  if (last?.locale === locale && last.zone === zone) return last.f;
  const key = `${locale}|${zone}`;
  let f = zoneFormats.get(key);
  if (!f) {
    f = {
      zone,
      dateTime: dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: zone }),
      utc: dateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }),
      name: dateTimeFormat(locale, { timeZone: zone, timeZoneName: 'short' }),
      instants: new Map(),
      elements: new Map(),
      names: steady(),
      days: new Map(),
      times: new Map(),
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
    text = `${dateAndTime(f, ms)} ${nameAt(f, ms)}`;
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
function dateAndTime(f: ZoneFormats, ms: number): string {
  if (!f.compose) return f.dateTime.format(ms);
  const off = dayOffset(f.zone, ms);
  if (off === undefined) return f.dateTime.format(ms);
  const local = ms + off;
  const localDay = Math.floor(local / DAY);
  const minute = Math.floor(mod(local, DAY) / MINUTE);
  const around = f.days.get(localDay);
  if (around) return around[0] + timeOfDay(f, minute) + around[1];
  const cut = cutAtTime(f.dateTime, ms);
  const whole = cut ? cut.join('') : f.dateTime.format(ms);
  if (!cut || cut[0] + timeOfDay(f, minute) + cut[2] !== whole) {
    f.compose = false;
    return whole;
  }
  f.days.set(localDay, [cut[0], cut[2]]);
  return whole;
}

/** The time of day at a minute of the day, as the language writes it in a date and time. */
function timeOfDay(f: ZoneFormats, minute: number): string {
  let text = f.times.get(minute);
  if (text === undefined) {
    text = cutAtTime(f.utc, Date.UTC(2001, 0, 1) + minute * MINUTE)?.[1] ?? '';
    f.times.set(minute, text);
  }
  return text;
}

function nameOf(format: Intl.DateTimeFormat, ms: number): string | undefined {
  return format.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value;
}

/** The zone's short name at an instant ("CST"), asked per week or day where it holds (see steadyAt). */
function nameAt(f: ZoneFormats, ms: number): string {
  return steadyAt(f.names, ms, (t) => nameOf(f.name, t)) ?? nameOf(f.name, ms) ?? f.name.resolvedOptions().timeZone;
}

/** A calendar date ("2021-01-01") in words, in the reader's language. */
export function formatDate(date: string, locale: string): string {
  return dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
