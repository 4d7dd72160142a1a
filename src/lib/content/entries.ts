/**
 * Incidents and maintenance windows: one file each, read, validated and checked against facts of
 * the rest of the content (EntryContext), so a file's result depends on that file and those facts alone.
 */
import { join, relative } from 'node:path';
import type { z } from 'astro/zod';
import { splitFrontMatter } from '../front-matter-split.ts';
import { isLocalizedMap } from '../../schemas/common.ts';
import { textIssue } from '../../schemas/limits.ts';
import { IncidentSchema, type Incident } from '../../schemas/incident.ts';
import { MaintenanceSchema, type Maintenance } from '../../schemas/maintenance.ts';
import type { ContentError } from './errors.ts';
import { errorAt, parseYaml, readText, validate, type Hints, type YamlSource } from './source.ts';

/** What checking one file needs to know of the rest of the content. */
export interface EntryContext {
  /** The content folder and how its paths are shown in messages. */
  dir: string;
  displayRoot: string;
  hints: Hints;
  /** The site's languages, when site.yaml is valid enough to check localized text against them. */
  locales?: Locales;
  /** Cross-file facts, when every site-wide file and "now" are valid. */
  rules?: EntryRules;
}

/** The site's language codes and its default one. */
export interface Locales {
  codes: string[];
  defaultLocale: string;
}

/** What an incident or a maintenance window is checked against. */
export interface EntryRules {
  severityIds: string[];
  productIds: string[];
  /** The build's now, ISO 8601 in UTC. */
  now: string;
  /** "now" as written where it was set, and what to do about it. */
  nowText: { written: string; advice: string };
}

/** A file to load: its path and what it holds. */
export type EntryPath = readonly [path: string, kind: 'incident' | 'maintenance'];

/** What loading one file gave: the item when valid, and every problem found in it. */
export type EntryResult = { kind: 'incident'; item?: Incident; errors: ContentError[] } | { kind: 'maintenance'; item?: Maintenance; errors: ContentError[] };

/** Shows a path under the content folder the way messages name it. */
export function displayPath(ctx: Pick<EntryContext, 'dir' | 'displayRoot'>, path: string): string {
  return join(ctx.displayRoot, relative(ctx.dir, path));
}

/** Loads and checks one incident or maintenance file. */
export function loadEntry([path, kind]: EntryPath, ctx: EntryContext): EntryResult {
  const errors: ContentError[] = [];
  const file = displayPath(ctx, path);
  const id = path.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  // What applies to either kind once it parsed: its rules against the site, then its languages.
  const check = (source: YamlSource, rules: (r: EntryRules) => ContentError[]) => {
    if (ctx.rules) errors.push(...rules(ctx.rules));
    if (ctx.locales) errors.push(...localeRules(source, ctx.locales));
  };
  if (kind === 'incident') {
    const parsed = parseFile(path, file, IncidentSchema, errors, true, ctx.hints);
    if (!parsed) return { kind, errors };
    const item: Incident = { ...parsed.value, id, file, body: parsed.body };
    check(parsed.source, (r) => incidentRules(item, parsed.source, r));
    return { kind, item, errors };
  }
  const parsed = parseFile(path, file, MaintenanceSchema, errors, true, ctx.hints);
  if (!parsed) return { kind, errors };
  const item: Maintenance = { ...parsed.value, id, file, body: parsed.body };
  check(parsed.source, (r) => maintenanceRules(item, parsed.source, r));
  return { kind, item, errors };
}

/** Reads, parses and validates a YAML file or a Markdown file's front matter. */
export function parseFile<S extends z.ZodType>(
  path: string,
  file: string,
  schema: S,
  errors: ContentError[],
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
  let bodyLine = 1;
  if (markdown) {
    const split = splitFrontMatter(text);
    if (!split) {
      errors.push({
        file,
        line: 1,
        message: text.startsWith('---')
          ? 'has front matter that is never closed (expected a second "---" line after the fields)'
          : 'has no front matter (expected the file to start with a "---" line, the fields, and another "---" line)',
      });
      return undefined;
    }
    yamlText = split.yaml;
    body = split.body.trim();
    // The body's first line: after the closing "---" line and any blank lines before the text.
    const blank = split.body.slice(0, split.body.length - split.body.trimStart().length);
    bodyLine = split.closingLine + 1 + (blank.match(/\r\n|\r|\n/g)?.length ?? 0);
  }
  // The Markdown body (report or details) within the report limit, at the line of the problem itself.
  const bodyIssue = body === '' ? undefined : textIssue(body, 'report', false);
  if (bodyIssue) errors.push({ file, line: bodyLine + bodyIssue.line - 1, field: 'body', message: bodyIssue.message });
  const unclosed = markdown ? swallowedBody(yamlText) : undefined;
  if (unclosed) {
    errors.push({ file, line: unclosed.line + 1, message: unclosedMessage(unclosed) });
    return undefined;
  }
  const parsed = parseYaml(yamlText, file, markdown ? 1 : 0);
  if ('errors' in parsed) {
    // A body line read as YAML: the "---" that should close the fields is missing, and a later one (a Markdown rule) closed them.
    const gap = markdown ? firstBlankLine(yamlText) : undefined;
    errors.push(
      ...parsed.errors.map((e) =>
        gap !== undefined && e.line !== undefined && e.line - 1 > gap
          ? { ...e, message: `${e.message}; if the Markdown text starts after line ${gap + 1}, the "---" line that closes the fields is missing there` }
          : e,
      ),
    );
    return undefined;
  }
  const src = parsed.source;
  if (src.data === null || typeof src.data !== 'object' || Array.isArray(src.data)) {
    errors.push({ file, line: 1 + src.lineOffset, message: `found ${src.data === null ? 'no fields' : 'a single value or list'} (expected a map of fields such as "title: ...")` });
    return undefined;
  }
  const result = validate(src, schema, hints);
  if ('errors' in result) {
    errors.push(...result.errors);
    return undefined;
  }
  src.parsed = result.value;
  if (bodyIssue) return undefined;
  return { value: result.value, body, source: src };
}

/** The YAML's first blank line (1-based within the YAML), or undefined. */
function firstBlankLine(yaml: string): number | undefined {
  const i = yaml.split(/\r?\n/).findIndex((l) => l.trim() === '');
  return i < 0 ? undefined : i + 1;
}

/**
 * A Markdown heading swallowed as a YAML comment: the fields end with a blank line and then only
 * lines such as "# Post-incident report". That is the body's start, with its "---" line missing
 * (a later "---", a Markdown rule, closed the fields), and the heading would vanish as a comment.
 */
function swallowedBody(yaml: string): { line: number; text: string } | undefined {
  const lines = yaml.split(/\r?\n/);
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  let start = end;
  while (start > 0 && /^#{1,6}\s+\S/.test(lines[start - 1]!)) start--;
  if (start === end || start === 0 || lines[start - 1]!.trim() !== '') return undefined;
  return { line: start + 1, text: lines[start]! };
}

function unclosedMessage(u: { line: number; text: string }): string {
  return `found ${JSON.stringify(u.text)} after the fields, which YAML reads as a comment, so it would not be shown (expected a "---" line before it to close the fields, if it is the Markdown text's heading; a YAML comment goes above the fields)`;
}

/** A value as the file wrote it ("2026-11-20T08:12:00+01:00" rather than its UTC form). */
function written(s: YamlSource, path: PropertyKey[]): string {
  return String(s.doc.getIn(path as unknown[]));
}

function list(ids: Iterable<string>): string {
  return [...ids].join(', ');
}

function unknownProduct(id: string, r: EntryRules): string {
  return `unknown product "${id}" (expected one of ${list(r.productIds)})`;
}

/** An incident against the site: known severity and products, timeline order, resolution. */
function incidentRules(inc: Incident, s: YamlSource, r: EntryRules): ContentError[] {
  const errors: ContentError[] = [];
  if (!r.severityIds.includes(inc.severity)) errors.push(errorAt(s, ['severity'], `unknown level "${inc.severity}" (expected one of ${list(r.severityIds)})`));
  inc.affects.forEach((a, i) => {
    if (!r.productIds.includes(a.product)) errors.push(errorAt(s, ['affects', i, 'product'], unknownProduct(a.product, r)));
  });
  duplicates(inc.affects.map((a) => a.product)).forEach((i) => errors.push(errorAt(s, ['affects', i, 'product'], `found "${inc.affects[i]!.product}" twice (expected each product once, with its impact when the incident began)`)));
  errors.push(...timelineRules(s, inc.updates, r, inc.started));
  const products = inc.affects.map((a) => a.product);
  inc.updates.forEach((u, i) => {
    if (u.affects === undefined) return;
    if (u.status === 'resolved') errors.push(errorAt(s, ['updates', i, 'affects'], "found impact changes on a resolved update (expected none: resolving ends every product's impact)"));
    u.affects.forEach((a, j) => {
      if (!products.includes(a.product))
        errors.push(
          errorAt(s, ['updates', i, 'affects', j, 'product'], `found "${a.product}", which the incident's affects does not list (expected one of ${list(products)}; an update changes the impact of the incident's own products)`),
        );
    });
    duplicates(u.affects.map((a) => a.product)).forEach((j) => errors.push(errorAt(s, ['updates', i, 'affects', j, 'product'], `found "${u.affects![j]!.product}" twice (expected each product once in an update)`)));
  });
  inc.updates.forEach((u, i) => {
    if (u.nextUpdate !== undefined && u.nextUpdate <= u.at)
      errors.push(
        errorAt(s, ['updates', i, 'nextUpdate'], `found ${written(s, ['updates', i, 'nextUpdate'])}, not after the update's time ${written(s, ['updates', i, 'at'])} (expected when the next update is due, after this one)`),
      );
  });
  const lastIndex = inc.updates.length - 1;
  const last = inc.updates[lastIndex]!;
  if (inc.resolved !== undefined) {
    const resolvedAt = () => written(s, ['resolved']);
    if (inc.resolved < inc.started) errors.push(errorAt(s, ['resolved'], `found ${resolvedAt()}, before started ${written(s, ['started'])} (expected a time after the incident started)`));
    else if (last.status !== 'resolved') errors.push(errorAt(s, ['resolved'], `is set but the last update's status is "${last.status}" (expected a last update with status: resolved, or no resolved field)`));
    else if (last.at !== inc.resolved) errors.push(errorAt(s, ['resolved'], `found ${resolvedAt()} (expected the time of the resolved update, ${written(s, ['updates', lastIndex, 'at'])})`));
    if (inc.resolved > r.now) errors.push(errorAt(s, ['resolved'], `found ${resolvedAt()}, after now ${r.nowText.written} (expected a time that has passed; ${r.nowText.advice})`));
  } else if (last.status === 'resolved') {
    errors.push(errorAt(s, ['updates', lastIndex, 'status'], `is resolved but the incident has no resolved time (expected resolved: "${written(s, ['updates', lastIndex, 'at'])}" at the top level)`));
  }
  return errors;
}

/** A maintenance window against the site: known products, a window that ends after it starts, timeline. */
function maintenanceRules(m: Maintenance, s: YamlSource, r: EntryRules): ContentError[] {
  const errors: ContentError[] = [];
  m.products.forEach((p, i) => {
    if (!r.productIds.includes(p)) errors.push(errorAt(s, ['products', i], unknownProduct(p, r)));
  });
  duplicates(m.products).forEach((i) => errors.push(errorAt(s, ['products', i], `found "${m.products[i]}" twice (expected each product once)`)));
  if (m.window.end <= m.window.start) errors.push(errorAt(s, ['window', 'end'], `found ${written(s, ['window', 'end'])}, not after the start ${written(s, ['window', 'start'])} (expected the window to end after it starts)`));
  errors.push(...timelineRules(s, m.updates, r));
  if (m.cancelled !== undefined && m.cancelled > r.now) errors.push(errorAt(s, ['cancelled'], `found ${written(s, ['cancelled'])}, after now ${r.nowText.written} (expected the time it was called off; ${r.nowText.advice})`));
  return errors;
}

/** Updates in time order, none before the start nor after now; times are quoted as written. */
function timelineRules(s: YamlSource, updates: { at: string }[], r: EntryRules, started?: string): ContentError[] {
  const errors: ContentError[] = [];
  updates.forEach((u, i) => {
    const prev = updates[i - 1];
    const at = () => written(s, ['updates', i, 'at']);
    if (prev && u.at < prev.at) errors.push(errorAt(s, ['updates', i, 'at'], `found ${at()}, earlier than the update before it (${written(s, ['updates', i - 1, 'at'])}) (expected updates oldest first)`));
    if (u.at > r.now) errors.push(errorAt(s, ['updates', i, 'at'], `found ${at()}, after now ${r.nowText.written} (expected a time that has passed; ${r.nowText.advice})`));
    if (started !== undefined && i === 0 && u.at < started) errors.push(errorAt(s, ['updates', 0, 'at'], `found ${at()}, before started ${written(s, ['started'])} (expected the first update at or after the start)`));
  });
  return errors;
}

/** Every localized map names only the site's languages and includes the default one. */
export function localeRules(s: YamlSource, locales: Locales): ContentError[] {
  const errors: ContentError[] = [];
  const walk = (value: unknown, path: PropertyKey[]) => {
    if (isLocalizedMap(value)) {
      const keys = Object.keys(value);
      if (!keys.includes(locales.defaultLocale)) errors.push(errorAt(s, path, `has no text in the default language "${locales.defaultLocale}" (found ${keys.join(', ')}; add "${locales.defaultLocale}: ...")`));
      keys.filter((k) => !locales.codes.includes(k)).forEach((k) => errors.push(errorAt(s, [...path, k], `is not a language of the site (expected one of ${locales.codes.join(', ')})`)));
      return;
    }
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  if (s.parsed !== undefined) walk(s.parsed, []);
  return errors;
}

/** Indexes of values seen before. */
export function duplicates(values: string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) out.push(i);
    seen.add(v);
  });
  return out;
}
