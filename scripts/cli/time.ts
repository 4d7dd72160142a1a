/** Times as support staff type them ("now", ISO 8601, "2026-11-22 14:00 Europe/Stockholm"), written as ISO 8601 with offset. */
import { DateTime } from 'luxon';
import { ZoneSchema } from '../../src/schemas/common.ts';
import { CliError } from './io.ts';

/** What a time is read against. */
export interface TimeContext {
  /** "now" as the loader resolves it (PHAROS_NOW, site.yaml's now, else the clock), ISO 8601. */
  now: string;
  /** The site's zone: "now" is written in its offset. */
  siteZone: string;
  /** The zone of a local time written without one (`--zone`, else the author's computer). */
  localZone: string;
}

/** A parsed time: what to write, and the zone it was read in (for the date in a file name and for messages). */
export interface ParsedTime {
  /** ISO 8601 with offset, to the second: "2026-11-22T14:00:00+01:00". */
  iso: string;
  /** IANA zone or fixed offset the time is written in. */
  zone: string;
  /** Set when a local time occurs twice (clocks going back): which one was taken and how to write the other. */
  note?: string;
}

/** What the parser accepts, for error messages and help. */
export const TIME_FORMS = `"now", ISO 8601 with an offset such as "2026-11-22T14:00:00+01:00", or a local time with a zone such as "2026-11-22 14:00 Europe/Stockholm"`;

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\s+(\S+))?$/;

/** The time zone of the author's computer (TZ, else the system's). */
export function systemZone(): string {
  return DateTime.local().zoneName ?? 'UTC';
}

/** Parses a time as typed; an error says what was found and what is accepted. */
export function parseTime(text: string, ctx: TimeContext): ParsedTime | { error: string } {
  const s = text.trim();
  if (/^now$/i.test(s)) {
    const dt = DateTime.fromISO(ctx.now, { zone: ctx.siteZone }).startOf('second');
    return { iso: write(dt), zone: ctx.siteZone };
  }
  if (ISO_WITH_OFFSET.test(s)) {
    const dt = DateTime.fromISO(s, { setZone: true });
    if (!dt.isValid) return { error: `found "${s}", which is not a real date and time (expected ${TIME_FORMS})` };
    return { iso: write(dt.startOf('second')), zone: dt.zoneName ?? 'UTC' };
  }
  const m = LOCAL.exec(s);
  if (!m) return { error: `found "${s}" (expected ${TIME_FORMS})` };
  const zone = m[3] ?? ctx.localZone;
  // A start typed with an offset lends a local end its offset ("UTC+1"): exact, though not an IANA zone.
  const lentOffset = m[3] === undefined && /^UTC[+-]\d{1,2}(?::\d{2})?$/.test(zone);
  if (!lentOffset && !ZoneSchema.safeParse(zone).success)
    return {
      error:
        m[3] === undefined
          ? // Nothing typed names a zone: this computer's (TZ set but empty, or to no zone) was no help.
            `found "${s}" with no zone, and this computer's zone ("${zone}") is none Pharos can use (expected a zone after the time, such as "${s} Europe/Stockholm", or --zone)`
          : `found zone "${zone}" in "${s}" (expected an IANA time zone such as "Europe/Stockholm" or "America/Chicago"; labels like "CET" are not zones)`,
    };
  const local = `${m[1]}T${m[2]!.length === 5 ? `${m[2]}:00` : m[2]}`;
  const dt = DateTime.fromISO(local, { zone });
  if (!dt.isValid) return { error: `found "${s}", which is not a real date and time (expected ${TIME_FORMS})` };
  // Luxon moves a time in a spring-forward gap to a real one; the author should pick it knowingly.
  if (dt.toFormat("yyyy-MM-dd'T'HH:mm:ss") !== local)
    return { error: `found "${s}", a time that does not exist in ${zone} (the clocks go forward then; expected a time before or after the gap)` };
  // In the hour that repeats when clocks go back, luxon's pick depends on the zone; RFC 5545 and
  // Python's zoneinfo (fold=0) take the first occurrence, and so does hours.ts: one rule everywhere.
  const [first, second] = dt.getPossibleOffsets().sort((a, b) => a.toMillis() - b.toMillis());
  if (first === undefined || second === undefined) return { iso: write(dt), zone };
  const typed = `${m[1]} ${m[2]} ${zone}`;
  // A zone that changes its standard offset repeats an hour too, without summer time to name.
  const season = first.isInDST === second.isInDST ? '' : first.isInDST ? ' (summer time)' : ' (standard time)';
  const note = `${typed} occurs twice; read as the first, ${m[2]}${first.toFormat('ZZ')}${season}; for the second write ${write(second)}`;
  return { iso: write(first), zone, note };
}

/** A time given as an option; a wrong one is a usage error naming the option. */
export function timeOption(option: string, value: string, ctx: TimeContext): ParsedTime {
  const t = parseTime(value, ctx);
  if ('error' in t) throw new CliError(`option --${option}: ${t.error}`, 2);
  return t;
}

/** Checks a time as typed in a question: undefined when it reads, else what was expected. */
export function timeCheck(ctx: TimeContext): (s: string) => string | undefined {
  return (s) => ('error' in parseTime(s, ctx) ? `expected ${TIME_FORMS}` : undefined);
}

/** How far from now a time may be before a warning asks whether its year is right. */
const FAR_BEFORE_DAYS = 60;
const FAR_AFTER_DAYS = 366;

/**
 * Warning lines in `pharos check`'s style ("option --at warning: ..."): a time that occurs twice,
 * and one so far from `now` that a mistyped year is likelier than a plan (the file is written).
 */
export function timeWarnings(times: Record<string, ParsedTime | undefined>, now: string): string[] {
  return Object.entries(times).flatMap(([option, t]) => {
    if (t === undefined) return [];
    const days = Math.round((Date.parse(t.iso) - Date.parse(now)) / 86_400_000);
    const far = days < -FAR_BEFORE_DAYS ? `${-days} days before now` : days > FAR_AFTER_DAYS ? `${days} days after now` : undefined;
    return [
      ...(t.note === undefined ? [] : [`option --${option} warning: ${t.note}`]),
      ...(far === undefined ? [] : [`option --${option} warning: ${t.iso} is ${far}; if the year is wrong, correct it in the file`]),
    ];
  });
}

/** Refuses a time after now for something that has happened (an update, a start, a notice). */
export function notAfterNow(option: string, t: ParsedTime, now: string): ParsedTime {
  if (Date.parse(t.iso) > Date.parse(now))
    throw new CliError(
      `option --${option}: found ${t.iso}, later than now (${write(DateTime.fromISO(now, { zone: 'UTC' }).startOf('second'))}) (expected a time that has passed; post it when it happens)`,
      2,
    );
  return t;
}

/** ISO 8601 with the zone's offset, without milliseconds; UTC is written "Z". */
function write(dt: DateTime): string {
  return dt.toISO({ suppressMilliseconds: true }) as string;
}

/** The local calendar date of a written time ("2026-11-22"), for file names. */
export function localDate(iso: string): string {
  return iso.slice(0, 10);
}

/** A time for people reading the terminal: "2026-11-22 14:00" in the zone. */
export function show(iso: string, zone: string): string {
  return DateTime.fromISO(iso, { zone }).toFormat('yyyy-MM-dd HH:mm');
}
