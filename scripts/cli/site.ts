/** The content folder a command works on: where it is, how messages name it, and the validated content. */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { loadContent, type SiteContent } from '../../src/lib/content/load.ts';
import { formatError, type ContentError } from '../../src/lib/content/errors.ts';
import { localeUrl } from '../../src/lib/routes.ts';
import { CliError, envVar, type Io } from './io.ts';
import { nearest } from './text.ts';
import { systemZone, type TimeContext } from './time.ts';
import { ZoneSchema } from '../../src/schemas/common.ts';

/** Where the content folder is. */
export interface ContentFolder {
  /** Absolute path. */
  dir: string;
  /** How messages name it: as given, or relative to the working folder ("content"). */
  display: string;
}

/** The folder from `--content`, else PHAROS_CONTENT, else ./content. */
export function contentFolder(io: Io, option: string | undefined): ContentFolder {
  const given = option ?? envVar(io.env, 'PHAROS_CONTENT') ?? 'content';
  const dir = resolve(io.cwd, given);
  // Annotations and editors want paths relative to the repository, not absolute ones.
  const rel = relative(io.cwd, dir);
  const display = isAbsolute(given) && rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : given.replace(/[\\/]+$/, '');
  return { dir, display };
}

/** Loads and validates the folder; invalid content stops a command that would write, with every error printed. */
export function loadValid(io: Io, folder: ContentFolder): SiteContent {
  if (!existsSync(folder.dir))
    throw new CliError(
      `found no content folder at ${folder.display} (expected one with site.yaml and the other content files: run pharos in the site's repository, or give --content DIR)`,
    );
  const result = loadContent(folder.dir, { displayRoot: folder.display, env: io.env });
  if (result.ok) return result.content;
  throw invalidContent(result.errors, 'the content folder already has problems; fix them first (nothing was written)');
}

/** An error that lists content problems, one per line, then a summary. */
export function invalidContent(errors: ContentError[], summary: string): CliError {
  return new CliError(`${summary}\n${errors.map((e) => `  ${formatError(e)}`).join('\n')}`);
}

/** How times are read for this site. */
export function timeContext(content: SiteContent, zoneOption: string | undefined): TimeContext {
  // Checked even when no time needs it: a mistyped zone is a mistake the author should hear of.
  const zone = zoneOption === undefined ? undefined : ZoneSchema.safeParse(zoneOption);
  if (zone?.success === false) throw new CliError(`option --zone: ${zone.error.issues[0]!.message}`, 2);
  return { now: content.now, siteZone: content.site.timeZone, localZone: zoneOption ?? systemZone() };
}

/** The base path the site is served under: PHAROS_BASE, else site.yaml's base, else "/". */
export function basePath(io: Io, content: SiteContent): string {
  return envVar(io.env, 'PHAROS_BASE') ?? content.site.base ?? '/';
}

/** The public URL of a page in the default language: site URL, base, then the route. */
export function pageUrl(io: Io, content: SiteContent, route: `/${string}`): string {
  const site = envVar(io.env, 'PHAROS_SITE') ?? content.site.url;
  return new URL(localeUrl(route, content.site.defaultLocale, content.site.defaultLocale, basePath(io, content)), site).href;
}

/**
 * The incident or window a command names by id or file path ("x", "content/incidents/x.md"), or an
 * error suggesting the nearest id. `what` and `folder` name them: "incident", "incidents".
 */
export function findItem<T extends { id: string }>(items: readonly T[], typed: string, what: string, folder: ContentFolder, sub: string): T {
  const id = typed.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  const found = items.find((i) => i.id === id);
  if (found) return found;
  const guess = nearest(
    id,
    items.map((i) => i.id),
  );
  throw new CliError(`no ${what} "${id}" in ${join(folder.display, sub)}/${guess ? ` (did you mean "${guess}"?)` : ''}`);
}
