/** Loads and validates the whole of content/: every file, then the rules that span files. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { isLocalizedMap } from '../../schemas/common.ts';
import { SiteSchema, type Site } from '../../schemas/site.ts';
import { ProductsFileSchema, type Product } from '../../schemas/products.ts';
import { ReleasesFileSchema, type Release } from '../../schemas/releases.ts';
import { SupportHoursSchema, type SupportHours } from '../../schemas/support-hours.ts';
import { SeveritiesFileSchema, type SeverityLevel } from '../../schemas/severities.ts';
import { CaseTypesFileSchema, type CaseType } from '../../schemas/case-types.ts';
import { PolicyRevisionSchema, PolicySchema, type Policy, type PolicyRevision } from '../../schemas/policy.ts';
import { IncidentSchema, type Incident } from '../../schemas/incident.ts';
import { MaintenanceSchema, type Maintenance } from '../../schemas/maintenance.ts';
import type { ContentError } from './errors.ts';
import { errorAt, parseYaml, readText, validate, type Hints, type YamlSource } from './source.ts';
import { resolveNow, type NowSource } from '../clock.ts';

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

/** Reads content/ at `dir` and validates every file and cross-file rule; never throws on bad content. */
export function loadContent(dir: string, options: LoadOptions = {}): LoadResult {
  const errors: ContentError[] = [];
  const display = (p: string) => join(options.displayRoot ?? dir, relative(dir, p));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    return { ok: false, errors: [{ file: options.displayRoot ?? dir, message: 'content folder not found (expected a folder with site.yaml, products.yaml and the other content files)' }] };
  }

  const sources = new Map<string, YamlSource>();
  const yamlFile = <S extends z.ZodType>(name: string, schema: S): z.output<S> | undefined => {
    const path = join(dir, name);
    if (!existsSync(path)) {
      errors.push({ file: display(path), message: `is missing (expected this file in the content folder; see CONTRIBUTING.md)` });
      return undefined;
    }
    return parseFile(path, display(path), schema, errors, sources, false)?.value;
  };

  // Unknown top-level entries would otherwise be ignored silently.
  for (const entry of readdirSync(dir)) {
    if (entry.startsWith('.') || (REQUIRED as readonly string[]).includes(entry) || (FOLDERS as readonly string[]).includes(entry)) continue;
    if (/\.(md|markdown|ya?ml|json)$/i.test(entry) || statSync(join(dir, entry)).isDirectory()) {
      errors.push({ file: display(join(dir, entry)), message: `is not a content file Pharos reads (expected ${[...REQUIRED, ...FOLDERS.map((f) => `${f}/`)].join(', ')})` });
    }
  }

  const site = yamlFile('site.yaml', SiteSchema);
  const productsFile = yamlFile('products.yaml', ProductsFileSchema);
  const support = yamlFile('support-hours.yaml', SupportHoursSchema);
  const severitiesFile = yamlFile('severities.yaml', SeveritiesFileSchema);
  const caseTypesFile = yamlFile('case-types.yaml', CaseTypesFileSchema);
  const policy = yamlFile('policy.yaml', PolicySchema);

  const releases: Record<string, Release[]> = {};
  const releaseSources = new Map<string, YamlSource>();
  for (const path of listFolder(dir, 'releases', /\.ya?ml$/, errors, display)) {
    const parsed = parseFile(path, display(path), ReleasesFileSchema, errors, sources, false);
    if (!parsed) continue;
    const product = path.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
    releases[product] = [...parsed.value.releases].sort((a, b) => b.date.localeCompare(a.date));
    releaseSources.set(product, parsed.source);
  }
  const history: PolicyRevision[] = [];
  const historySources = new Map<PolicyRevision, YamlSource>();
  for (const path of listFolder(dir, 'policy-history', /\.ya?ml$/, errors, display)) {
    const parsed = parseFile(path, display(path), PolicyRevisionSchema, errors, sources, false);
    if (!parsed) continue;
    history.push(parsed.value);
    historySources.set(parsed.value, parsed.source);
  }
  history.sort((a, b) => b.published.localeCompare(a.published));

  const hints: Hints = {};
  if (severitiesFile) hints.severity = `one of ${severitiesFile.levels.map((l) => l.id).join(', ')}`;
  if (productsFile) hints.product = `one of ${productsFile.products.map((p) => p.id).join(', ')}`;
  const incidents: Incident[] = [];
  for (const path of listFolder(dir, 'incidents', /\.md$/, errors, display)) {
    const parsed = parseFile(path, display(path), IncidentSchema, errors, sources, true, hints);
    if (parsed) incidents.push({ ...parsed.value, id: idOf(path), file: display(path), body: parsed.body });
  }
  const maintenance: Maintenance[] = [];
  for (const path of listFolder(dir, 'maintenance', /\.md$/, errors, display)) {
    const parsed = parseFile(path, display(path), MaintenanceSchema, errors, sources, true, hints);
    if (parsed) maintenance.push({ ...parsed.value, id: idOf(path), file: display(path), body: parsed.body });
  }

  const now = resolveNow(options.env ?? process.env, site?.now);
  if ('error' in now) errors.push(now.error);

  if (site && productsFile && support && severitiesFile && caseTypesFile && policy && !('error' in now)) {
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
    const at = (file: string) => sources.get(file);
    errors.push(...crossFileRules(content, { dir, display, at, releaseSources, historySources, now: describeNow(now.source, now.now, at(display(join(dir, 'site.yaml'))), options.env ?? process.env) }));
    if (errors.length === 0) return { ok: true, content, errors: [] };
  } else if (site && site.locales.some((l) => l.code === site.defaultLocale)) {
    // Still check localized text in what parsed, so one run shows as many problems as it can.
    for (const src of sources.values()) errors.push(...localeRules(src, site));
  }
  return { ok: false, errors: sortErrors(errors) };
}

function idOf(path: string): string {
  return path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
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
    out.push(path);
  }
  return out;
}

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*(?:\r?\n|$)/m;

function parseFile<S extends z.ZodType>(
  path: string,
  file: string,
  schema: S,
  errors: ContentError[],
  sources: Map<string, YamlSource>,
  markdown: boolean,
  hints: Hints = {},
): { value: z.output<S>; body: string; source: YamlSource } | undefined {
  const read = readText(path, file);
  if ('error' in read) {
    errors.push(read.error);
    return undefined;
  }
  const text = read.text;
  if (text.trim() === '') {
    errors.push({ file, line: 1, message: markdown ? 'is empty (expected front matter between two "---" lines, then an optional Markdown body)' : 'is empty (expected YAML fields; see CONTRIBUTING.md)' });
    return undefined;
  }
  let yamlText = text;
  let body = '';
  if (markdown) {
    const m = text.startsWith('---') ? FRONT_MATTER.exec(text) : null;
    if (!m || m.index !== 0) {
      errors.push({
        file,
        line: 1,
        message: text.startsWith('---')
          ? 'has front matter that is never closed (expected a second "---" line after the fields)'
          : 'has no front matter (expected the file to start with a "---" line, the fields, and another "---" line)',
      });
      return undefined;
    }
    yamlText = m[1] ?? '';
    body = text.slice(m[0].length).trim();
  }
  const parsed = parseYaml(yamlText, file, markdown ? 1 : 0);
  if ('errors' in parsed) {
    errors.push(...parsed.errors);
    return undefined;
  }
  const src = parsed.source;
  if (src.data === null || typeof src.data !== 'object' || Array.isArray(src.data)) {
    errors.push({ file, line: 1 + src.lineOffset, message: `found ${src.data === null ? 'no fields' : 'a single value or list'} (expected a map of fields such as "title: ...")` });
    return undefined;
  }
  sources.set(file, src);
  const result = validate(src, schema, hints);
  if ('errors' in result) {
    errors.push(...result.errors);
    return undefined;
  }
  src.parsed = result.value;
  return { value: result.value, body, source: src };
}

interface RuleContext {
  dir: string;
  display: (p: string) => string;
  at: (file: string) => YamlSource | undefined;
  releaseSources: Map<string, YamlSource>;
  historySources: Map<PolicyRevision, YamlSource>;
  /** "now" as written where it was set, and where that is. */
  now: { written: string; advice: string };
}

/** How a message shows "now" and what to do about it, by where it was set. */
function describeNow(source: NowSource, now: string, site: YamlSource | undefined, env: Record<string, string | undefined>): RuleContext['now'] {
  if (source === 'PHAROS_NOW') return { written: env.PHAROS_NOW!.trim(), advice: 'now is set by PHAROS_NOW; set it later to build as of a later time' };
  if (source === 'site.yaml') return { written: String(site?.doc.get('now') ?? now), advice: `now is pinned by "now:" in ${site?.file ?? 'site.yaml'}, so change it there or set PHAROS_NOW to build as of a later time` };
  return { written: now, advice: 'the real clock says it has not happened yet' };
}

/** Rules no single schema can check: references, order, uniqueness, time, locales. */
function crossFileRules(c: SiteContent, ctx: RuleContext): ContentError[] {
  const errors: ContentError[] = [];
  const file = (name: string) => ctx.display(join(ctx.dir, name));
  const written = (s: YamlSource, path: PropertyKey[]) => String(s.doc.getIn(path as unknown[]));
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
      if (cl.until !== undefined && cl.until < cl.date) errors.push(errorAt(hoursSrc, ['desks', d, 'closures', i, 'until'], `found ${cl.until}, before the closure's first day ${cl.date} (expected a day on or after it)`));
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
  }

  // Incidents
  for (const inc of c.incidents) {
    const s = ctx.at(inc.file)!;
    if (!sevIds.includes(inc.severity)) errors.push(errorAt(s, ['severity'], `unknown level "${inc.severity}" (expected one of ${list(sevIds)})`));
    inc.affects.forEach((a, i) => {
      if (!knownProduct(a.product)) errors.push(errorAt(s, ['affects', i, 'product'], unknownProduct(a.product)));
    });
    duplicates(inc.affects.map((a) => a.product)).forEach((i) => errors.push(errorAt(s, ['affects', i, 'product'], `found "${inc.affects[i]!.product}" twice (expected each product once, with its worst impact)`)));
    errors.push(...timelineRules(s, inc.updates, c.now, ctx.now, inc.started));
    const lastIndex = inc.updates.length - 1;
    const last = inc.updates[lastIndex]!;
    const lastAt = written(s, ['updates', lastIndex, 'at']);
    if (inc.resolved !== undefined) {
      const resolvedAt = written(s, ['resolved']);
      if (inc.resolved < inc.started) errors.push(errorAt(s, ['resolved'], `found ${resolvedAt}, before started ${written(s, ['started'])} (expected a time after the incident started)`));
      else if (last.status !== 'resolved') errors.push(errorAt(s, ['resolved'], `is set but the last update's status is "${last.status}" (expected a last update with status: resolved, or no resolved field)`));
      else if (last.at !== inc.resolved) errors.push(errorAt(s, ['resolved'], `found ${resolvedAt} (expected the time of the resolved update, ${lastAt})`));
      if (inc.resolved > c.now) errors.push(errorAt(s, ['resolved'], `found ${resolvedAt}, after now ${ctx.now.written} (expected a time that has passed; ${ctx.now.advice})`));
    } else if (last.status === 'resolved') {
      errors.push(errorAt(s, ['updates', lastIndex, 'status'], `is resolved but the incident has no resolved time (expected resolved: "${lastAt}" at the top level)`));
    }
  }

  // Maintenance
  for (const m of c.maintenance) {
    const s = ctx.at(m.file)!;
    m.products.forEach((p, i) => {
      if (!knownProduct(p)) errors.push(errorAt(s, ['products', i], unknownProduct(p)));
    });
    if (m.window.end <= m.window.start) errors.push(errorAt(s, ['window', 'end'], `found ${written(s, ['window', 'end'])}, not after the start ${written(s, ['window', 'start'])} (expected the window to end after it starts)`));
    errors.push(...timelineRules(s, m.updates, c.now, ctx.now));
    if (m.cancelled !== undefined && m.cancelled > c.now) errors.push(errorAt(s, ['cancelled'], `found ${written(s, ['cancelled'])}, after now ${ctx.now.written} (expected the time it was called off; ${ctx.now.advice})`));
  }

  // History
  for (const [rev, s] of ctx.historySources) {
    const ids = rev.levels.map((l) => l.id);
    duplicates(ids).forEach((i) => errors.push(errorAt(s, ['levels', i, 'id'], `found "${ids[i]}" again (expected each severity id once)`)));
  }

  // Localized text everywhere (meaningless while the default language itself is wrong)
  if (!localeCodes.includes(c.site.defaultLocale)) return errors;
  for (const source of new Set([...REQUIRED.map((n) => ctx.at(file(n))), ...c.incidents.map((i) => ctx.at(i.file)), ...c.maintenance.map((m) => ctx.at(m.file)), ...ctx.releaseSources.values(), ...ctx.historySources.values()])) {
    if (source) errors.push(...localeRules(source, c.site));
  }
  return errors;
}

/** Updates in time order, none before the start nor after now; times are quoted as written. */
function timelineRules(s: YamlSource, updates: { at: string }[], now: string, nowText: RuleContext['now'], started?: string): ContentError[] {
  const errors: ContentError[] = [];
  const written = (path: PropertyKey[]) => String(s.doc.getIn(path as unknown[]));
  updates.forEach((u, i) => {
    const prev = updates[i - 1];
    const at = written(['updates', i, 'at']);
    if (prev && u.at < prev.at) errors.push(errorAt(s, ['updates', i, 'at'], `found ${at}, earlier than the update before it (${written(['updates', i - 1, 'at'])}) (expected updates oldest first)`));
    if (u.at > now) errors.push(errorAt(s, ['updates', i, 'at'], `found ${at}, after now ${nowText.written} (expected a time that has passed; ${nowText.advice})`));
    if (started !== undefined && i === 0 && u.at < started) errors.push(errorAt(s, ['updates', 0, 'at'], `found ${at}, before started ${written(['started'])} (expected the first update at or after the start)`));
  });
  return errors;
}

/** Every localized map names only the site's languages and includes the default one. */
function localeRules(s: YamlSource, site: Site): ContentError[] {
  const codes = site.locales.map((l) => l.code);
  const errors: ContentError[] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (isLocalizedMap(value)) {
      const keys = Object.keys(value);
      if (!keys.includes(site.defaultLocale)) errors.push(errorAt(s, path, `has no text in the default language "${site.defaultLocale}" (found ${keys.join(', ')}; add "${site.defaultLocale}: ...")`));
      keys.filter((k) => !codes.includes(k)).forEach((k) => errors.push(errorAt(s, [...path, k], `is not a language of the site (expected one of ${codes.join(', ')})`)));
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  if (s.parsed !== undefined) walk(s.parsed, []);
  return errors;
}

function duplicates(values: string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) out.push(i);
    seen.add(v);
  });
  return out;
}
