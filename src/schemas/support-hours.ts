/** content/support-hours.yaml: customer-care desks, their weekly hours, closures and contacts. */
import { z } from 'astro/zod';
import {
  DateSchema,
  IdSchema,
  LocalizedSchema,
  SampleSchema,
  TimeOfDaySchema,
  WebUrlSchema,
  ZoneSchema,
  describe,
  localizedSchema,
  textSchema,
  withinLimit,
} from './common.ts';

/** Day codes in week order (ISO: Monday first). */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** A day of the week. */
export type Day = (typeof DAYS)[number];

/** Days: a list (`[mon, tue]`), a range (`mon-fri`), or `daily`. */
export const DaysSchema = z
  .union([z.string(), z.array(z.string())], { error: (iss) => `found ${describe(iss.input)} (expected days such as "mon-fri", "sun" or [mon, wed])` })
  .transform((v, ctx): Day[] => {
    const items = Array.isArray(v) ? v : [v];
    const out = new Set<Day>();
    for (const raw of items) {
      const item = raw.trim().toLowerCase();
      if (item === 'daily') DAYS.forEach((d) => out.add(d));
      else if (/^[a-z]{3}-[a-z]{3}$/.test(item)) {
        const [a, b] = item.split('-') as [Day, Day];
        const i = DAYS.indexOf(a);
        const j = DAYS.indexOf(b);
        if (i < 0 || j < 0 || j < i) {
          const wrap = i >= 0 && j >= 0 ? `; a range cannot wrap past Sunday, so write [${[...DAYS.slice(i), ...DAYS.slice(0, j + 1)].join(', ')}]` : '';
          ctx.addIssue({ code: 'custom', message: `found "${raw}" (expected a range within the week such as "mon-fri"${wrap})` });
          return z.NEVER;
        }
        DAYS.slice(i, j + 1).forEach((d) => out.add(d));
      } else if ((DAYS as readonly string[]).includes(item)) out.add(item as Day);
      else {
        ctx.addIssue({ code: 'custom', message: `found "${raw}" (expected mon, tue, wed, thu, fri, sat, sun, a range such as "mon-fri", or "daily")` });
        return z.NEVER;
      }
    }
    return DAYS.filter((d) => out.has(d));
  });

/** A weekly opening rule; `close` at or before `open` means the desk closes on the next day. */
export const WeeklyRuleSchema = z.strictObject({
  /** Days on which the desk opens at `open`. */
  days: DaysSchema,
  /** Opening time, in the desk's zone. */
  open: TimeOfDaySchema,
  /** Closing time, in the desk's zone; "01:00" after an "07:00" opening is 01:00 the next day. */
  close: TimeOfDaySchema,
});

/** A day or span on which the desk is closed (public holiday, company event). */
export const ClosureSchema = z.strictObject({
  /** Invented sample data that the vendor must replace (the default site's holidays). */
  sample: SampleSchema,
  /** First closed day. */
  date: DateSchema,
  /** Last closed day, when longer than one day. */
  until: DateSchema.optional(),
  /** What the closure is for ("Christmas Day"). */
  name: localizedSchema('name'),
});

const REGIONS = new Intl.DisplayNames(['en'], { type: 'region' });

/** A phone line. */
export const PhoneSchema = z.strictObject({
  /** Country or area the number serves, ISO 3166 alpha-2 ("US", "SE"). */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, { error: (iss) => `found ${JSON.stringify(iss.input)} (expected a two-letter country code such as "US" or "SE")`, abort: true })
    // The hours page names the country with Intl, which gives back a code it does not know as it is ("XX").
    .refine((code) => REGIONS.of(code) !== code, {
      error: (iss) => `found ${JSON.stringify(iss.input)}, which is no country (expected an ISO 3166 code such as "US" or "SE")`,
    }),
  /** The number as dialled from abroad, e.g. "+1 512-346-8460". */
  number: withinLimit(
    z.string().regex(/^\+?[0-9][0-9 ().-]{5,}$/, { error: (iss) => `found ${JSON.stringify(iss.input)} (expected a phone number such as "+46 8 586 302 60")` }),
    'phone',
  ),
  /** Toll-free numbers can be unreachable from abroad. */
  tollFree: z.boolean().default(false),
});

/** The ways to reach the desk about one product. */
export const ProductDeskSchema = z.strictObject({
  /** Product id from products.yaml. */
  product: IdSchema,
  /** Weekly hours of the phone, e-mail and chat team; omit (or empty) when there are no staffed hours. */
  hours: z.array(WeeklyRuleSchema).default([]),
  /** The earlier policy revision these hours come from, when the current one lists none ("REV-20201117-A"). */
  hoursRevision: textSchema('label').optional(),
  /** Where to open a case at this desk, when it differs from the product's `caseForm`. */
  portal: WebUrlSchema.optional(),
  /** Phone lines. */
  phones: z.array(PhoneSchema).default([]),
  /** E-mail addresses. */
  emails: z
    .array(withinLimit(z.email({ error: (iss) => `found ${JSON.stringify(iss.input)} (expected an e-mail address such as "support@example.com")` }), 'email'))
    .default([]),
  /** Chat: a URL, or "in-product" when chat opens from within the product. */
  chat: z.union([WebUrlSchema, z.literal('in-product')]).optional(),
  /** Anything else a customer should know ("several languages spoken"). */
  note: LocalizedSchema.optional(),
});

/** A regional customer-care desk. */
export const DeskSchema = z.strictObject({
  /** Stable id ("americas", "emea"). */
  id: IdSchema,
  /** Region served ("Americas and Asia-Pacific"). */
  name: localizedSchema('name'),
  /** The zone the desk's hours are written in. */
  zone: ZoneSchema,
  /** How the source policy labels the time base ("UTC-6"); the hours page says the hours are given in it. */
  zoneLabel: textSchema('label').optional(),
  /** Why the hours are read in `zone`, when the policy leaves the zone in doubt. */
  zoneNote: LocalizedSchema.optional(),
  /** Days the desk is closed. */
  closures: z.array(ClosureSchema).default([]),
  /** Contacts and hours per product. */
  products: z.array(ProductDeskSchema).min(1, { error: 'found an empty list (expected at least one product at this desk)' }),
});

/** A support tier that adds coverage (a 24/7 line for Critical cases). */
export const TierSchema = z.strictObject({
  /** Stable id. */
  id: IdSchema,
  /** Names the tier is sold under ("Elite", "Platinum", "Medallion"). */
  names: z.array(textSchema('name')).min(1),
  /** What the tier adds. */
  description: LocalizedSchema,
  /** Severities covered around the clock. */
  alwaysOpenFor: z.array(IdSchema).default([]),
});

/** The whole of support-hours.yaml. */
export const SupportHoursSchema = z.strictObject({
  /** How to reach customer care around the clock and in office hours, said once above the desks. */
  reach: LocalizedSchema.optional(),
  /** Regional desks. */
  desks: z.array(DeskSchema).min(1, { error: 'found an empty list (expected at least one desk)' }),
  /** Premium tiers with extended coverage. */
  tiers: z.array(TierSchema).default([]),
  /** How cases move between regions ("answered first by the primary region"). */
  routing: LocalizedSchema.optional(),
});

/** Parsed support-hours.yaml. */
export type SupportHours = z.output<typeof SupportHoursSchema>;
/** A parsed desk. */
export type Desk = z.output<typeof DeskSchema>;
/** A parsed weekly rule. */
export type WeeklyRule = z.output<typeof WeeklyRuleSchema>;
