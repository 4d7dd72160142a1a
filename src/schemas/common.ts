/** Building blocks shared by every content schema: ids, localized text, times, zones, targets. */
import { z } from 'astro/zod';
import { DateTime, IANAZone } from 'luxon';
import { formatCount, lengthProblem, textProblem, unicodeName, type TextKind } from './limits.ts';

/** Lower-case slug used as an id across files (products, desks, severities, case types). */
export const IdSchema = withinLimit(
  z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: (iss) => `found ${JSON.stringify(iss.input)} (expected a lower-case id such as "enterprise-one": letters, digits and single hyphens)`,
  }),
  'id',
);

/** A string schema held to the length of a kind in limits.ts (for values that are not free text: ids, addresses, numbers). */
export function withinLimit<S extends z.ZodType<string>>(schema: S, kind: TextKind) {
  return schema.superRefine((value, ctx) => {
    const problem = lengthProblem(value, kind);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

/** A BCP 47 language code as used in site.yaml's locales ("en", "sv", "fr", "pt-BR"). */
export const LocaleCodeSchema = z.string().regex(/^[a-z]{2,3}(?:-[A-Z]{2})?$/, {
  error: (iss) => `found ${JSON.stringify(iss.input)} (expected a language code such as "en" or "pt-BR")`,
});

/**
 * Removes bidirectional embedding and override controls (U+202A to U+202E, U+2066 to U+2069): they
 * can make a title display reversed or spoofed text, and real right-to-left writing does not need them.
 */
export function stripBidiControls(text: string): string {
  return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
}

/** Marks the maps that are localized text, so cross-file rules can find them in parsed data. */
export const LOCALIZED_MAP = Symbol('localized map');

/** Whether a parsed value is a localized map (as opposed to any other map). */
export function isLocalizedMap(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[LOCALIZED_MAP] === true;
}

/** One text of a kind (limits.ts): within its length, one line where it must be, no control characters; bidi controls removed. */
export function textSchema(kind: TextKind) {
  // overwrite, not transform: a union reports a failed pipe as its own error, losing this message.
  return z
    .string()
    .superRefine((text, ctx) => {
      const problem = textProblem(text, kind);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .overwrite(stripBidiControls);
}

/**
 * Human-readable text of a kind: a plain string (written in the site's default locale) or a map
 * from locale to string, each text within the kind's limits. A cross-file rule checks that every
 * map has the default locale.
 */
export function localizedSchema(kind: TextKind) {
  return z.union(
    [
      textSchema(kind),
      z.record(LocaleCodeSchema, textSchema(kind)).overwrite((map) => Object.defineProperty(map, LOCALIZED_MAP, { value: true, enumerable: false })),
    ],
    { error: (iss) => `found ${describe(iss.input)} (expected a text, or a map of language to text such as { en: ..., sv: ... })` },
  );
}

/** Human-readable text of a paragraph at most, in the default locale or a map of locales. */
export const LocalizedSchema = localizedSchema('paragraph');
/** Localized text: a default-locale string or a map from locale code to string. */
export type Localized = string | Record<string, string>;

/** A web address customers can open: absolute http or https only (never javascript: or data:). */
export const WebUrlSchema = urlSchema(/^https?$/, 'an absolute http or https address such as "https://support.example.com/"');

/** White space and invisible or direction-changing characters: in an address they would show one place and lead to another. */
const HIDDEN_IN_URL = /[\s\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/u;

/**
 * An absolute address with one of these protocols, within the length limit, holding no white space
 * or invisible character. Every check reads the text as it is, so a value that is not an address
 * at all gets one message (zod runs the later checks even after the first failed).
 */
export function urlSchema(protocol: RegExp, expected: string) {
  return withinLimit(z.url({ protocol, error: (iss) => `found ${JSON.stringify(iss.input)} (expected ${expected})` }), 'url').superRefine((url, ctx) => {
    const hidden = HIDDEN_IN_URL.exec(url);
    if (hidden && URL.canParse(url))
      ctx.addIssue({
        code: 'custom',
        message: `found ${hidden[0] === ' ' ? 'a space' : `the invisible character ${unicodeName(hidden[0])}`} in ${JSON.stringify(url.replace(new RegExp(HIDDEN_IN_URL, 'gu'), (c) => (c === ' ' ? c : `<${unicodeName(c)}>`)))} (expected ${expected}, with no space or invisible character)`,
      });
  });
}

/** A list of localized texts (bullet points such as examples or conditions). */
export const LocalizedListSchema = z.array(LocalizedSchema);

/** An IANA time-zone name that the runtime's zone database knows ("Europe/Berlin"). */
export const ZoneSchema = z
  .string()
  .refine((s) => /^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$|^UTC$/.test(s) && IANAZone.isValidZone(s), {
    error: (iss) =>
      `found ${JSON.stringify(iss.input)} (expected an IANA time zone such as "America/Chicago" or "Europe/Berlin"; labels like "UTC-6" or "CET" are not zones)`,
    abort: true,
  })
  .superRefine((s, ctx) => {
    // Intl takes a zone in any letter case, but pages, calendars and the browser's own Intl (which
    // may be older) are given it as written: only the database's spelling is safe everywhere.
    const spelled = new Intl.DateTimeFormat('en', { timeZone: s }).resolvedOptions().timeZone;
    if (spelled !== s && spelled.toLowerCase() === s.toLowerCase())
      ctx.addIssue({ code: 'custom', message: `found "${s}" (expected the zone's own spelling "${spelled}": capitals matter)` });
  });

/** A point in time written in ISO 8601 with an explicit offset ("2026-11-20T08:12:00+01:00"). */
export const InstantSchema = z
  .string({ error: (iss) => `found ${describe(iss.input)} (expected a date and time such as "2026-11-20T08:12:00+01:00")` })
  .transform((s, ctx) => {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(s)) {
      ctx.addIssue({
        code: 'custom',
        message: `found "${s}" (expected ISO 8601 with an offset, such as "2026-11-20T08:12:00+01:00" or "2026-11-20T07:12:00Z")`,
      });
      return z.NEVER;
    }
    const offset = /([+-])(\d{2}):(\d{2})$/.exec(s);
    if (offset && (Number(offset[2]) * 60 + Number(offset[3]) > (offset[1] === '+' ? 14 * 60 : 12 * 60) || Number(offset[3]) > 59)) {
      // ISO 8601 allows up to 23:59, but no place on Earth is more than 12 hours behind or 14 ahead: a typo.
      ctx.addIssue({ code: 'custom', message: `found "${s}", whose offset ${offset[0]} no place uses (expected an offset from -12:00 to +14:00)` });
      return z.NEVER;
    }
    const utc = utcInstant(s);
    if (utc !== undefined) return utc;
    const dt = DateTime.fromISO(s, { setZone: true });
    if (!dt.isValid) {
      ctx.addIssue({ code: 'custom', message: `found "${s}", which is not a real date and time (${whyInvalid(s)})` });
      return z.NEVER;
    }
    const iso = dt.toUTC().toISO() as string;
    // Outside the years 0000 to 9999 in UTC, luxon writes "+010000-..." or "-000001-...": such a text
    // sorts before every other instant (the rules on order and on now compare texts) and no
    // calendar can carry it.
    if (!/^\d{4}-/.test(iso)) {
      ctx.addIssue({
        code: 'custom',
        message: `found "${s}", which is outside the years 0000 to 9999 in UTC (expected a date and time such as "2026-11-20T08:12:00+01:00")`,
      });
      return z.NEVER;
    }
    return iso;
  });

const UTC_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?Z$/;

/**
 * An instant written in UTC ("...Z", whole seconds, years 1000 on: what the CLI writes and most
 * files hold) in luxon's ISO form, read with Date, which is many times cheaper than luxon; anything
 * else, or a date or time that does not exist, is left to luxon (undefined).
 */
function utcInstant(s: string): string | undefined {
  const m = UTC_INSTANT.exec(s);
  if (!m) return undefined;
  const [y, mo, d, h, mi, sec = 0] = m.slice(1).map((v) => (v === undefined ? 0 : Number(v))) as number[];
  if (y! < 1000) return undefined;
  const date = new Date(Date.UTC(y!, mo! - 1, d!, h!, mi!, sec));
  // Date rolls "February 30" or "25:00" over into the next day: such a text is not a real instant.
  if (
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== mo! - 1 ||
    date.getUTCDate() !== d ||
    date.getUTCHours() !== h ||
    date.getUTCMinutes() !== mi ||
    date.getUTCSeconds() !== sec
  )
    return undefined;
  return date.toISOString();
}

/** Why a well-formed "YYYY-MM-DDTHH:MM" is not a real date and time, in words. */
function whyInvalid(s: string): string {
  const [y, mo, d, h, mi] = (s.match(/\d+/g) ?? []).map(Number) as [number, number, number, number, number];
  if (mo < 1 || mo > 12) return `there is no month ${mo}`;
  const days = DateTime.fromObject({ year: y, month: mo }).daysInMonth ?? 31;
  if (d < 1 || d > days) return `${DateTime.fromObject({ year: y, month: mo }).setLocale('en').toFormat('LLLL yyyy')} has ${days} days`;
  if (h > 23) return `hours run from 00 to 23`;
  if (mi > 59) return `minutes run from 00 to 59`;
  return 'check each part';
}

/** A calendar date ("2026-12-24"). */
export const DateSchema = z
  .string({ error: (iss) => `found ${describe(iss.input)} (expected a date such as "2026-12-24")` })
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid, {
    error: (iss) => `found ${JSON.stringify(iss.input)} (expected a real calendar date such as "2026-12-24")`,
  });

/** A wall-clock time of day, "HH:MM" from 00:00 to 24:00. */
export const TimeOfDaySchema = z.string({ error: (iss) => `found ${describe(iss.input)} (expected a time such as "07:00"; quote it in YAML)` }).refine(
  (s) => {
    const m = /^(\d{2}):(\d{2})$/.exec(s);
    if (!m) return false;
    const h = Number(m[1]);
    const min = Number(m[2]);
    return (h < 24 && min < 60) || (h === 24 && min === 0);
  },
  { error: (iss) => `found ${JSON.stringify(iss.input)} (expected a time from "00:00" to "24:00" such as "07:30")` },
);

/** Units a target amount can be expressed in. */
export const TARGET_UNITS = ['minutes', 'hours', 'days', 'business-days'] as const;
/** A target unit. */
export type TargetUnit = (typeof TARGET_UNITS)[number];

/** Target kinds without an amount, and the words that write them in shorthand. */
const WORD_TARGETS = {
  'best-effort': 'best effort',
  'next-monthly-release': 'next monthly release',
  'future-update': 'future update',
  'scheduled-update': 'scheduled update',
  'on-news': 'when there is news',
  asap: 'as soon as possible',
} as const;
/** A target kind that has no amount. */
export type WordTarget = keyof typeof WORD_TARGETS;

/**
 * A service target (response, restoration, resolution, status updates). Written either as
 * shorthand ("30 minutes", "2 business days", "best effort", "next monthly release") or as a
 * map with the shorthand under `target` plus qualifiers.
 */
export type Target =
  | { kind: 'duration'; amount: number; unit: TargetUnit; excludesCustomerWait: boolean; condition?: Localized; alsoOnNews: boolean; until?: Localized }
  | { kind: WordTarget; excludesCustomerWait: boolean; condition?: Localized; alsoOnNews: boolean; until?: Localized };

const SHORTHAND_HELP = `"30 minutes", "2 hours", "2 business days", ${Object.values(WORD_TARGETS)
  .map((w) => `"${w}"`)
  .join(', ')}`;

/** Parses target shorthand; undefined when the text is not one. */
export function parseTargetShorthand(text: string): (Pick<Target, 'kind'> & { amount?: number; unit?: TargetUnit }) | undefined {
  const t = text.trim().toLowerCase();
  for (const [kind, words] of Object.entries(WORD_TARGETS)) if (t === words) return { kind: kind as WordTarget };
  const m = /^(\d+(?:\.\d+)?)\s+(minutes?|hours?|days?|business[ -]days?)$/.exec(t);
  if (!m) return undefined;
  const unitWord = (m[2] as string).replace(' ', '-');
  const unit = (unitWord.endsWith('s') ? unitWord : `${unitWord}s`) as TargetUnit;
  return { kind: 'duration', amount: Number(m[1]), unit };
}

/**
 * The longest amount of each unit: a year. Longer targets promise nothing, and they would reach
 * beyond what the SLA clock can compute (a date past the year 275,760 throws; business days are
 * counted one by one).
 */
export const TARGET_MAX: Record<TargetUnit, number> = { minutes: 525_600, hours: 8_760, days: 366, 'business-days': 261 };

const ShorthandSchema = z.string({ error: (iss) => `found ${describe(iss.input)} (expected a target such as ${SHORTHAND_HELP})` }).transform((s, ctx) => {
  const parsed = parseTargetShorthand(s);
  if (!parsed) {
    ctx.addIssue({ code: 'custom', message: `found "${s}" (expected a target such as ${SHORTHAND_HELP})` });
    return z.NEVER;
  }
  if (parsed.amount !== undefined && parsed.unit !== undefined) {
    const words = parsed.unit.replace('-', ' ');
    if (parsed.amount > TARGET_MAX[parsed.unit]) {
      ctx.addIssue({
        code: 'custom',
        message: `found "${s}" (expected at most ${formatCount(TARGET_MAX[parsed.unit])} ${words}, a year; a longer target promises nothing)`,
      });
      return z.NEVER;
    }
    // Business days are whole days: "1.5 business days" would be counted as 2 without a word.
    if (parsed.unit === 'business-days' && !Number.isInteger(parsed.amount)) {
      ctx.addIssue({ code: 'custom', message: `found "${s}" (expected a whole number of business days, such as "2 business days")` });
      return z.NEVER;
    }
  }
  return parsed;
});

/** A target: shorthand string, or `{ target, excludesCustomerWait, condition, alsoOnNews, until }`. */
export const TargetSchema = z.union([
  ShorthandSchema.transform((p): Target => ({ ...p, excludesCustomerWait: false, alsoOnNews: false }) as Target),
  z
    .strictObject({
      /** The target in shorthand: "48 hours", "best effort". */
      target: ShorthandSchema,
      /** Time spent waiting for the customer's information does not count. */
      excludesCustomerWait: z.boolean().default(false),
      /** The condition under which the target holds ("provided no code change is needed"). */
      condition: localizedSchema('sentence').optional(),
      /** For status updates: also whenever there is news. */
      alsoOnNews: z.boolean().default(false),
      /** For status updates: until when the cadence runs ("until service is restored"). */
      until: localizedSchema('sentence').optional(),
    })
    .transform(({ target, ...rest }): Target => ({ ...target, ...rest }) as Target),
]);

/**
 * `sample: true` marks invented data the vendor must replace (holidays, release dates, versions,
 * sample incidents): the pages show a small "sample" marker there, and the check warns when a
 * build without a pinned "now" still carries it.
 */
export const SampleSchema = z
  .boolean({ error: (iss) => `found ${describe(iss.input)} (expected true for sample content the vendor must replace, or no sample field)` })
  .optional();

/** Describes a YAML value for an error message: `"urgent"`, `42`, `a list`, `nothing`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  return 'a map';
}
