/** content/site.yaml: the site's identity, languages, zone and links. */
import { z } from 'astro/zod';
import { InstantSchema, LocaleCodeSchema, ZoneSchema, describe, localizedSchema, textSchema, urlSchema } from './common.ts';

/** One language the site is offered in. */
export const LocaleSchema = z.strictObject({
  /** BCP 47 code, also the URL prefix (/sv/). */
  code: LocaleCodeSchema.superRefine((code, ctx) => {
    // Intl rewrites old or long codes ("swe", "iw") and falls back silently for languages it does
    // not know: dates, numbers and plurals would be in another language than the page says.
    const canonical = Intl.getCanonicalLocales(code)[0];
    if (canonical !== code)
      ctx.addIssue({ code: 'custom', message: `found "${code}" (expected "${canonical}", the code browsers and Intl use for this language)` });
    else if (Intl.DateTimeFormat.supportedLocalesOf(code).length === 0)
      ctx.addIssue({
        code: 'custom',
        message: `found "${code}", a language Intl has no dates, numbers or plural rules for (expected a language code such as "en", "sv" or "pt-BR"; dates would be written in another language)`,
      });
  }),
  /** The language's own name, shown in the language switcher ("Svenska"). */
  name: textSchema('name'),
  /**
   * The zone this language's pages and feeds show times in before a reader's browser converts them
   * (a feed reader never does): the zone most of its readers live in. Default: the site's timeZone.
   */
  timeZone: ZoneSchema.optional(),
});

/** A URL path that starts with "/" ("/", "/status/"); a missing trailing slash is added, as every page URL ends with one. */
export const BasePathSchema = z
  .string({ error: (iss) => `found ${describe(iss.input)} (expected a path such as "/status/")` })
  .regex(/^\/(?:[A-Za-z0-9._~-]+\/)*[A-Za-z0-9._~-]*$/, {
    error: (iss) => `found ${JSON.stringify(iss.input)} (expected a path from the domain root such as "/status/": starting with "/", no spaces, "?" or "#")`,
  })
  .transform((s) => (s.endsWith('/') ? s : `${s}/`));

/** A link shown in the header or footer. */
export const LinkSchema = z.strictObject({
  /** Visible text. */
  label: localizedSchema('label'),
  /** Absolute http, https or mailto URL (never javascript: or data:). */
  url: urlSchema(/^(?:https?|mailto)$/, 'an absolute http, https or mailto address such as "https://example.com/"'),
});

/** A span of minutes or hours ("15 minutes", "2 hours"), as a number of minutes; at most a week. */
export const SpanSchema = z
  .string({ error: (iss) => `found ${describe(iss.input)} (expected a span such as "15 minutes" or "2 hours")` })
  .transform((s, ctx) => {
    const m = /^(\d{1,5}) (minutes?|hours?)$/.exec(s);
    const minutes = m ? Number(m[1]) * (m[2]!.startsWith('hour') ? 60 : 1) : 0;
    if (minutes < 1 || minutes > 7 * 24 * 60) {
      ctx.addIssue({ code: 'custom', message: `found "${s}" (expected a span of a minute to a week, such as "15 minutes" or "2 hours")` });
      return z.NEVER;
    }
    return minutes;
  });

/** The whole of site.yaml. */
export const SiteSchema = z
  .strictObject({
    /** The vendor's or site's name, shown in the header and titles. */
    name: localizedSchema('name'),
    /** One sentence under the name and in search results. */
    description: localizedSchema('sentence'),
    /** Public URL of the deployed site, used in feeds, calendars and the API. */
    url: urlSchema(/^https?$/, `the site's public URL such as "https://status.example.com/"`).superRefine((url, ctx) => {
      // Feeds, calendars and the API join page paths to this address: anything but an origin and a path would be lost or repeated.
      if (!URL.canParse(url)) return;
      const u = new URL(url);
      if (u.username || u.password || u.search || u.hash)
        ctx.addIssue({
          code: 'custom',
          message: `found "${url}" (expected the site's public URL without a user name, "?" or "#", such as "https://status.example.com/")`,
        });
    }),
    /** Sub-path the site is served under ("/status/" for a GitHub Pages project site); PHAROS_BASE overrides it; default "/". */
    base: BasePathSchema.optional(),
    /** Languages offered; the default one is served at /, the others under /<code>/. */
    locales: z.array(LocaleSchema).min(1, { error: 'found an empty list (expected at least one language)' }),
    /** Code of the default language; must be one of `locales`. */
    defaultLocale: LocaleCodeSchema,
    /** Zone in which times are shown before the reader's browser converts them (a language may name its own); the zone of the uptime days and business hours. */
    timeZone: ZoneSchema,
    /** Pins "now" for a demonstration build; PHAROS_NOW overrides it; otherwise the real clock. */
    now: InstantSchema.optional(),
    /** Links in the header or footer (support portal, main website). */
    links: z.array(LinkSchema).default([]),
    /** How often the site is rebuilt on a schedule (default "15 minutes", as the included workflow does). */
    rebuildEvery: SpanSchema.default(15),
    /** Age after which a page warns that it may be out of date (default: twice rebuildEvery). */
    staleAfter: SpanSchema.optional(),
    /** When an open incident's next update is due after its latest one, if neither its severity nor staff set a time (default "1 hour"). */
    nextUpdateAfter: SpanSchema.default(60),
  })
  .superRefine((site, ctx) => {
    // Page addresses are built from the origin and base alone: a path in url would be dropped without a word.
    if (!URL.canParse(site.url)) return;
    const path = new URL(site.url).pathname;
    const base = site.base ?? '/';
    if (path !== '/' && path.replace(/\/?$/, '/') !== base)
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: `found the path "${path}" in "${site.url}" (expected the path in base: write url: ${new URL(site.url).origin}/ and base: ${path.replace(/\/?$/, '/')})`,
      });
  });

/** Parsed site.yaml. */
export type Site = z.output<typeof SiteSchema>;
