/** Loads and validates the whole of content/: every file, then the rules that span files. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { SiteSchema, type Site } from '../../schemas/site.ts';
import { ProductsFileSchema, type Product } from '../../schemas/products.ts';
import { ReleasesFileSchema, type Release } from '../../schemas/releases.ts';
import { SupportHoursSchema, type SupportHours } from '../../schemas/support-hours.ts';
import { SeveritiesFileSchema, type SeverityLevel } from '../../schemas/severities.ts';
import { CaseTypesFileSchema, type CaseType } from '../../schemas/case-types.ts';
import { PolicyRevisionSchema, PolicySchema, type Policy, type PolicyRevision } from '../../schemas/policy.ts';
import type { Incident } from '../../schemas/incident.ts';
import type { Maintenance } from '../../schemas/maintenance.ts';
import { NotifyFileSchema, type NotifyConfig } from '../../schemas/notify.ts';
import type { ContentError } from './errors.ts';
import { LIMITS } from '../../schemas/limits.ts';
import { errorAt, type Hints, type YamlSource } from './source.ts';
import { displayPath, duplicates, loadEntry, localeRules, parseFile, type EntryContext, type EntryPath, type Locales } from './entries.ts';
import { resolveNow, type NowSource } from '../clock.ts';
import { RELEASE_HORIZON_MONTHS, isRecurring, releaseDatesBetween, upcomingReleaseDates, type RecurringCadence } from '../cadence.ts';

/** Everything in content/, validated. */
export interface SiteContent {
  site: Site;
  products: Product[];
  /** Release history per product id, newest first. */
  releases: Record<string, Release[]>;
  support: SupportHours;
  severities: SeverityLevel[];
  severityNotes: z.output<typeof SeveritiesFileSchema>['notes'];
  caseTypes: CaseType[];
  policy: Policy;
  /** Previous policy revisions, newest first. */
  history: PolicyRevision[];
  /** Incidents, newest start first. */
  incidents: Incident[];
  /** Maintenance windows, latest start first. */
  maintenance: Maintenance[];
  /** The build's "now", ISO 8601 in UTC. */
  now: string;
  /** notify.yaml, when there is one: where `pharos notify` announces changes. */
  notify?: NotifyConfig;
}

/** The result of a load: content when valid, and every error found. */
export type LoadResult = { ok: true; content: SiteContent; errors: [] } | { ok: false; errors: ContentError[] };

/** Options of a load. */
export interface LoadOptions {
  /** Shown as the files' prefix in messages (default: the path as given). */
  displayRoot?: string;
  /** Environment, for PHAROS_NOW (default: process.env). */
  env?: Record<string, string | undefined>;
}

const REQUIRED = ['site.yaml', 'products.yaml', 'support-hours.yaml', 'severities.yaml', 'case-types.yaml', 'policy.yaml'] as const;
const FOLDERS = ['incidents', 'maintenance', 'releases', 'policy-history'] as const;
/** Files a site may leave out. */
const OPTIONAL = ['notify.yaml'] as const;

/** Reads content/ at `dir` and validates every file and cross-file rule; never throws on bad content. */
export function loadContent(dir: string, options: LoadOptions = {}): LoadResult {
  const errors: ContentError[] = [];
  const where = { dir, displayRoot: options.displayRoot ?? dir };
  const display = (p: string) => displayPath(where, p);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { ok: false, errors: [{ file: options.displayRoot ?? dir, message: 'content folder not found (expected a folder with site.yaml, products.yaml and the other content files)' }] };
  }

  const sources = new Map<string, YamlSource>();
  const parseYamlFile = <S extends z.ZodType>(path: string, schema: S) => {
    const parsed = parseFile(path, display(path), schema, errors, false);
    if (parsed) sources.set(parsed.source.file, parsed.source);
    return parsed;
  };
  const yamlFile = <S extends z.ZodType>(name: string, schema: S): z.output<S> | undefined => {
    const path = join(dir, name);
    if (!existsSync(path)) {
      errors.push({ file: display(path), message: `is missing (expected this file in the content folder; see CONTRIBUTING.md)` });
      return undefined;
    }
    return parseYamlFile(path, schema)?.value;
  };

  // Unknown top-level entries would otherwise be ignored silently. FACTS.md, the table of the
  // policy's facts and the pages that state them, is documentation beside the content.
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.') || entry === 'FACTS.md' || ([...REQUIRED, ...OPTIONAL, ...FOLDERS] as readonly string[]).includes(entry)) continue;
    if (/\.(md|markdown|ya?ml|json)$/i.test(entry) || statSync(join(dir, entry)).isDirectory()) {
      errors.push({ file: display(join(dir, entry)), message: `is not a content file Pharos reads (expected ${[...REQUIRED, ...OPTIONAL, ...FOLDERS.map((f) => `${f}/`)].join(', ')})` });
    }
  }

  const site = yamlFile('site.yaml', SiteSchema);
  const productsFile = yamlFile('products.yaml', ProductsFileSchema);
  const support = yamlFile('support-hours.yaml', SupportHoursSchema);
  const severitiesFile = yamlFile('severities.yaml', SeveritiesFileSchema);
  const caseTypesFile = yamlFile('case-types.yaml', CaseTypesFileSchema);
  const policy = yamlFile('policy.yaml', PolicySchema);
  const notify = existsSync(join(dir, 'notify.yaml')) ? parseYamlFile(join(dir, 'notify.yaml'), NotifyFileSchema)?.value : undefined;

  const releases: Record<string, Release[]> = {};
  const releaseSources = new Map<string, YamlSource>();
  for (const path of listFolder(dir, 'releases', /\.ya?ml$/, errors, display)) {
    const parsed = parseYamlFile(path, ReleasesFileSchema);
    if (!parsed) continue;
    const product = path.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
    const first = releaseSources.get(product);
    if (first) {
      errors.push({
        file: parsed.source.file,
        line: 1,
        message: `is a second release file for "${product}" beside ${first.file} (expected one file per product: move its releases into ${first.file} and delete this one)`,
      });
      continue;
    }
    releases[product] = [...parsed.value.releases].sort((a, b) => b.date.localeCompare(a.date));
    releaseSources.set(product, parsed.source);
  }
  const history: PolicyRevision[] = [];
  const historySources = new Map<PolicyRevision, YamlSource>();
  for (const path of listFolder(dir, 'policy-history', /\.ya?ml$/, errors, display)) {
    const parsed = parseYamlFile(path, PolicyRevisionSchema);
    if (!parsed) continue;
    history.push(parsed.value);
    historySources.set(parsed.value, parsed.source);
  }
  history.sort((a, b) => (b.published ?? '').localeCompare(a.published ?? ''));

  const now = resolveNow(options.env ?? process.env, site?.now);
  if ('error' in now) errors.push(now.error);
  const siteWideValid = site && productsFile && support && severitiesFile && caseTypesFile && policy && !('error' in now);

  // Incidents and maintenance: one file each, checked on their own against what the files above say.
  const hints: Hints = {};
  if (severitiesFile) hints.severity = `one of ${severitiesFile.levels.map((l) => l.id).join(', ')}`;
  if (productsFile) hints.product = `one of ${productsFile.products.map((p) => p.id).join(', ')}`;
  const ctx: EntryContext = { ...where, hints };
  if (site && site.locales.some((l) => l.code === site.defaultLocale)) ctx.locales = { codes: site.locales.map((l) => l.code), defaultLocale: site.defaultLocale };
  if (siteWideValid) {
    ctx.rules = {
      severityIds: severitiesFile.levels.map((l) => l.id),
      productIds: productsFile.products.map((p) => p.id),
      now: now.now,
      nowText: describeNow(now.source, now.now, sources.get(display(join(dir, 'site.yaml'))), options.env ?? process.env),
    };
  }
  const entryPaths: EntryPath[] = [
    ...listFolder(dir, 'incidents', /\.md$/, errors, display).map((p): EntryPath => [p, 'incident']),
    ...listFolder(dir, 'maintenance', /\.md$/, errors, display).map((p): EntryPath => [p, 'maintenance']),
  ];
  const incidents: Incident[] = [];
  const maintenance: Maintenance[] = [];
  for (const r of entryPaths.map((p) => loadEntry(p, ctx))) {
    errors.push(...r.errors);
    if (r.kind === 'incident' && r.item) incidents.push(r.item);
    else if (r.kind === 'maintenance' && r.item) maintenance.push(r.item);
  }

  if (siteWideValid) {
    const content: SiteContent = {
      site,
      products: productsFile.products,
      releases,
      support,
      severities: [...severitiesFile.levels].sort((a, b) => a.rank - b.rank),
      severityNotes: severitiesFile.notes,
      caseTypes: caseTypesFile.caseTypes,
      policy,
      history,
      incidents: incidents.sort((a, b) => b.started.localeCompare(a.started) || a.id.localeCompare(b.id)),
      maintenance: maintenance.sort((a, b) => b.window.start.localeCompare(a.window.start) || a.id.localeCompare(b.id)),
      now: now.now,
    };
    if (notify) content.notify = notify;
    const at = (file: string) => sources.get(file);
    errors.push(...crossFileRules(content, { dir, display, at, releaseSources, historySources, now: ctx.rules!.nowText.written }));
    if (errors.length === 0) return { ok: true, content, errors: [] };
  } else if (ctx.locales) {
    // Still check localized text in what parsed, so one run shows as many problems as it can.
    for (const src of sources.values()) errors.push(...localeRules(src, ctx.locales));
  }
  return { ok: false, errors: sortErrors(errors) };
}

function sortErrors(errors: ContentError[]): ContentError[] {
  return errors.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

function listFolder(dir: string, folder: string, pattern: RegExp, errors: ContentError[], display: (p: string) => string): string[] {
  const base = join(dir, folder);
  if (!existsSync(base)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(base).sort()) {
    if (entry.startsWith('.')) continue;
    const path = join(base, entry);
    if (!pattern.test(entry) || statSync(path).isDirectory()) {
      errors.push({ file: display(path), message: `is not read (expected only ${pattern.source.includes('md') ? '.md files' : '.yaml files'} in ${folder}/); rename or remove it` });
      continue;
    }
    if (folder !== 'policy-history' && !/^[a-z0-9]+(?:-[a-z0-9]+)*\.(md|ya?ml)$/.test(entry)) {
      errors.push({ file: display(path), message: `has a file name that cannot be an id (expected lower-case letters, digits and hyphens, such as "2026-11-20-login-errors.md")` });
      continue;
    }
    // The name is the id in URLs, feeds' guids and calendar UIDs: held to the id limit like any other.
    const id = entry.replace(/\.(md|ya?ml)$/, '');
    if (folder !== 'policy-history' && id.length > LIMITS.id.max) {
      errors.push({ file: display(path), message: `has a name of ${id.length} characters before its extension (expected an id of at most ${LIMITS.id.max}: rename the file)` });
      continue;
    }
    out.push(path);
  }
  return out;
}

/**
 * A version or revision YAML read as a number it does not print back as written ("1.10" is the
 * number 1.1, "0x1A" is 26): the page would show another version without a word.
 */
function numberAsWritten(s: YamlSource, path: (string | number)[], field: string): ContentError[] {
  const node = s.doc.getIn(path, true) as { value?: unknown; source?: unknown } | undefined;
  if (typeof node?.value !== 'number' || typeof node.source !== 'string' || String(node.value) === node.source) return [];
  return [errorAt(s, path, `found ${node.source}, which YAML reads as the number ${String(node.value)} (expected the ${field} in quotes: ${field}: "${node.source}")`)];
}

/** The longest closure of a desk, in days: a leap year. */
const MAX_CLOSURE_DAYS = 366;

interface RuleContext {
  dir: string;
  display: (p: string) => string;
  at: (file: string) => YamlSource | undefined;
  releaseSources: Map<string, YamlSource>;
  historySources: Map<PolicyRevision, YamlSource>;
  /** "now" as written where it was set. */
  now: string;
}

/** Why a valid rule gives no date between two days, as far as its parts tell. */
function whyNoDate(cadence: RecurringCadence, from: string, to: string): string {
  if (cadence.start > to) return `the series starts on ${cadence.start}, after that`;
  const until = /(?:^|;)UNTIL=(\d{4})(\d{2})(\d{2})/.exec(cadence.rrule);
  if (until && `${until[1]}-${until[2]}-${until[3]}` < from) return `its UNTIL ended the series on ${until[1]}-${until[2]}-${until[3]}`;
  if (/(?:^|;)COUNT=/.test(cadence.rrule)) return 'its COUNT has run out, or the rule falls on none of those days';
  return 'the rule falls on none of those days';
}

/** How a message shows "now" and what to do about it, by where it was set. */
function describeNow(source: NowSource, now: string, site: YamlSource | undefined, env: Record<string, string | undefined>): { written: string; advice: string } {
  if (source === 'PHAROS_NOW') return { written: env.PHAROS_NOW!.trim(), advice: 'now is set by PHAROS_NOW; set it later to build as of a later time' };
  if (source === 'site.yaml') return { written: String(site?.doc.get('now') ?? now), advice: `now is pinned by "now:" in ${site?.file ?? 'site.yaml'}, so change it there or set PHAROS_NOW to build as of a later time` };
  return { written: now, advice: 'the real clock says it has not happened yet' };
}

/** Rules no single schema can check: references, order, uniqueness, time, locales. */
function crossFileRules(c: SiteContent, ctx: RuleContext): ContentError[] {
  const errors: ContentError[] = [];
  const file = (name: string) => ctx.display(join(ctx.dir, name));
  const src = (name: string) => ctx.at(file(name))!;
  const list = (ids: Iterable<string>) => [...ids].join(', ');

  // Site
  const siteSrc = src('site.yaml');
  const localeCodes = c.site.locales.map((l) => l.code);
  if (!localeCodes.includes(c.site.defaultLocale)) {
    errors.push(errorAt(siteSrc, ['defaultLocale'], `found "${c.site.defaultLocale}" (expected one of the locales: ${list(localeCodes)})`));
  }
  duplicates(localeCodes).forEach((i) => errors.push(errorAt(siteSrc, ['locales', i, 'code'], `found "${localeCodes[i]}" twice (expected each language once)`)));

  // Ids
  const productIds = c.products.map((p) => p.id);
  duplicates(productIds).forEach((i) => errors.push(errorAt(src('products.yaml'), ['products', i, 'id'], `found "${productIds[i]}" again (expected each product id once)`)));
  // A schedule with no date ahead would give empty calendars and release lists without a word.
  c.products.forEach((p, i) => {
    if (!isRecurring(p.cadence)) return;
    // RFC 5545 leaves a series whose DTSTART is off its rule undefined; the expansion then starts at
    // the rule's next date, so the start written would be a release that never comes.
    if (releaseDatesBetween(p.cadence, p.cadence.start, p.cadence.start).length === 0) {
      const inTwoYears = `${Number(p.cadence.start.slice(0, 4)) + 2}${p.cadence.start.slice(4, 8)}01`;
      const first = releaseDatesBetween(p.cadence, p.cadence.start, inTwoYears)[0];
      errors.push(
        errorAt(
          src('products.yaml'),
          ['products', i, 'cadence', 'start'],
          `found ${p.cadence.start}, which is not a date of the rule "${p.cadence.rrule}" (expected the series' first release date${first ? `, such as ${first}, the rule's first date from then on` : ''})`,
        ),
      );
      return;
    }
    const ahead = upcomingReleaseDates(p.cadence, c.now);
    if (ahead.dates.length > 0) return;
    errors.push(
      errorAt(
        src('products.yaml'),
        ['products', i, 'cadence', 'rrule'],
        `found "${p.cadence.rrule}" from ${p.cadence.start}, which gives product "${p.id}" no release date from ${ahead.from} to ${ahead.to}, the ${RELEASE_HORIZON_MONTHS} months after now (${ctx.now}) (${whyNoDate(p.cadence, ahead.from, ahead.to)}; expected a schedule with a date in that time: change the rule or start, or write kind: continuous for a product without planned dates)`,
      ),
    );
  });
  const sevIds = c.severities.map((s) => s.id);
  const sevFile = src('severities.yaml');
  const rawLevels = (sevFile.data as { levels: { id: string; rank: number }[] }).levels;
  duplicates(rawLevels.map((l) => l.id)).forEach((i) => errors.push(errorAt(sevFile, ['levels', i, 'id'], `found "${rawLevels[i]!.id}" again (expected each severity id once)`)));
  duplicates(rawLevels.map((l) => String(l.rank))).forEach((i) => errors.push(errorAt(sevFile, ['levels', i, 'rank'], `found rank ${rawLevels[i]!.rank} again (expected each level to have its own rank)`)));
  const caseIds = c.caseTypes.map((t) => t.id);
  duplicates(caseIds).forEach((i) => errors.push(errorAt(src('case-types.yaml'), ['caseTypes', i, 'id'], `found "${caseIds[i]}" again (expected each case type id once)`)));
  const knownProduct = (id: string) => productIds.includes(id);
  const unknownProduct = (id: string) => `unknown product "${id}" (expected one of ${list(productIds)})`;

  // Support hours
  const hoursSrc = src('support-hours.yaml');
  const deskIds = c.support.desks.map((d) => d.id);
  duplicates(deskIds).forEach((i) => errors.push(errorAt(hoursSrc, ['desks', i, 'id'], `found "${deskIds[i]}" again (expected each desk id once)`)));
  c.support.desks.forEach((desk, d) => {
    const ids = desk.products.map((p) => p.product);
    ids.forEach((id, p) => {
      if (!knownProduct(id)) errors.push(errorAt(hoursSrc, ['desks', d, 'products', p, 'product'], unknownProduct(id)));
    });
    duplicates(ids).forEach((p) => errors.push(errorAt(hoursSrc, ['desks', d, 'products', p, 'product'], `found "${ids[p]}" twice at desk "${desk.id}" (expected each product once per desk)`)));
    desk.closures.forEach((cl, i) => {
      if (cl.until === undefined) return;
      if (cl.until < cl.date) errors.push(errorAt(hoursSrc, ['desks', d, 'closures', i, 'until'], `found ${cl.until}, before the closure's first day ${cl.date} (expected a day on or after it)`));
      // Business-day targets step through closed days one at a time: a closure of years would stall the build.
      const days = (Date.parse(`${cl.until}T00:00:00Z`) - Date.parse(`${cl.date}T00:00:00Z`)) / 86_400_000 + 1;
      if (days > MAX_CLOSURE_DAYS)
        errors.push(
          errorAt(
            hoursSrc,
            ['desks', d, 'closures', i, 'until'],
            `found ${cl.until}, which makes the closure from ${cl.date} last ${days} days (expected at most ${MAX_CLOSURE_DAYS}; a desk that no longer serves a product should not list it)`,
          ),
        );
    });
    // The hours page says which edition hours come from; it must be one the site publishes.
    const revisions = [c.policy.revision, ...c.history.map((h) => h.revision)];
    desk.products.forEach((p, pi) => {
      if (p.hoursRevision !== undefined && !revisions.includes(p.hoursRevision))
        errors.push(
          errorAt(
            hoursSrc,
            ['desks', d, 'products', pi, 'hoursRevision'],
            `found "${p.hoursRevision}", which is neither policy.yaml's revision nor one in policy-history/ (expected one of ${list(revisions.map((r) => `"${r}"`))})`,
          ),
        );
    });
    desk.products.forEach((p, pi) =>
      p.hours.forEach((rule, ri) => {
        if (rule.open === rule.close) errors.push(errorAt(hoursSrc, ['desks', d, 'products', pi, 'hours', ri, 'close'], `found "${rule.close}", the same as the opening time (expected a different closing time; for round-the-clock hours write open: "00:00", close: "24:00")`));
      }),
    );
  });
  c.support.tiers.forEach((tier, t) =>
    tier.alwaysOpenFor.forEach((id, i) => {
      if (!sevIds.includes(id)) errors.push(errorAt(hoursSrc, ['tiers', t, 'alwaysOpenFor', i], `unknown severity "${id}" (expected one of ${list(sevIds)})`));
    }),
  );

  // Releases
  for (const [product, s] of ctx.releaseSources) {
    if (!knownProduct(product)) errors.push({ file: s.file, line: 1, message: `is named after unknown product "${product}" (expected a file named after a product id: ${list(productIds.map((p) => `${p}.yaml`))})` });
    const versions = (s.data as { releases: { version: unknown }[] }).releases.map((r) => String(r.version));
    duplicates(versions).forEach((i) => errors.push(errorAt(s, ['releases', i, 'version'], `found version "${versions[i]}" again (expected each version once)`)));
    versions.forEach((_, i) => errors.push(...numberAsWritten(s, ['releases', i, 'version'], 'version')));
  }
  errors.push(...numberAsWritten(src('policy.yaml'), ['revision'], 'revision'));

  // History
  for (const [rev, s] of ctx.historySources) {
    const ids = rev.levels.map((l) => l.id);
    duplicates(ids).forEach((i) => errors.push(errorAt(s, ['levels', i, 'id'], `found "${ids[i]}" again (expected each severity id once)`)));
  }

  // Notifications: a channel's products and language are the site's.
  const notifySrc = ctx.at(file('notify.yaml'));
  c.notify?.channels.forEach((ch, i) => {
    ch.products?.forEach((id, p) => {
      if (!knownProduct(id)) errors.push(errorAt(notifySrc!, ['channels', i, 'products', p], unknownProduct(id)));
    });
    if (ch.language !== undefined && !localeCodes.includes(ch.language))
      errors.push(errorAt(notifySrc!, ['channels', i, 'language'], `found "${ch.language}" (expected one of the site's languages: ${list(localeCodes)})`));
  });
  const channelIds = c.notify?.channels.map((ch) => ch.id) ?? [];
  duplicates(channelIds).forEach((i) => errors.push(errorAt(notifySrc!, ['channels', i, 'id'], `found "${channelIds[i]}" again (expected each channel id once)`)));

  // Localized text in the site-wide files (incidents and maintenance were checked as they loaded)
  if (!localeCodes.includes(c.site.defaultLocale)) return errors;
  const locales: Locales = { codes: localeCodes, defaultLocale: c.site.defaultLocale };
  for (const source of new Set([...REQUIRED.map((n) => ctx.at(file(n))), ...ctx.releaseSources.values(), ...ctx.historySources.values()])) {
    if (source) errors.push(...localeRules(source, locales));
  }
  return errors;
}
