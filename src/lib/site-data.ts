/** The build's content, loaded once per process and shared by every page. */
import { resolve } from 'node:path';
import { loadContent, type SiteContent } from './content/load.ts';
import { ContentInvalidError } from './content/errors.ts';
import { timeElement } from './time.ts';

// The build's integration loads content once before Astro starts; the pages (bundled separately, same process) reuse it.
const SHARED = Symbol.for('pharos.content');
type Cache = { dir: string; now: string | undefined; content: SiteContent };
const shared = globalThis as { [SHARED]?: Cache };

/** Hands a validated load to getContent() for this process. */
export function shareContent(dir: string, content: SiteContent): void {
  shared[SHARED] = { dir, now: process.env.PHAROS_NOW, content };
}
let cached: { dir: string; content: SiteContent } | undefined;

let resolved: { raw: string; cwd: string; dir: string } | undefined;

/** The content folder: PHAROS_CONTENT, else ./content of the project. */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  // Asked for on every page: the path is resolved once per setting and working folder.
  const raw = env.PHAROS_CONTENT ?? 'content';
  const cwd = process.cwd();
  if (resolved?.raw !== raw || resolved.cwd !== cwd) resolved = { raw, cwd, dir: resolve(raw) };
  return resolved.dir;
}

/** Loads and validates content/ once; throws ContentInvalidError listing every problem. */
export function getContent(): SiteContent {
  const dir = contentDir();
  if (cached?.dir === dir) return cached.content;
  const s = shared[SHARED];
  if (s && s.dir === dir && s.now === process.env.PHAROS_NOW) {
    cached = { dir, content: s.content };
    return s.content;
  }
  const result = loadContent(dir, { displayRoot: process.env.PHAROS_CONTENT ?? 'content' });
  if (!result.ok) throw new ContentInvalidError(result.errors);
  cached = { dir, content: result.content };
  return result.content;
}

/**
 * The site's time zone, for the many instants a page shows: from the content this module last
 * returned (every page asks getContent() first, which notices a change of folder), without
 * resolving the content folder again for each instant.
 */
export function siteTimeZone(): string {
  return (cached?.content ?? getContent()).site.timeZone;
}

/** An instant as a `<time>` element in the site's zone, for pages (see timeElement). */
export function timeHtml(iso: string, locale: string): string {
  return timeElement(iso, locale, siteTimeZone());
}

/** Static paths for a route in every locale: `{ params: { lang } }` with the default at the root. */
export function localePaths(): { params: { lang: string | undefined }; props: { locale: string } }[] {
  const { site } = getContent();
  return site.locales.map(({ code }) => ({ params: { lang: code === site.defaultLocale ? undefined : code }, props: { locale: code } }));
}

/** Static paths for a per-product route in every locale: `{ params: { lang, id } }`. */
export function productLocalePaths(): { params: { lang: string | undefined; id: string }; props: { locale: string; id: string } }[] {
  const { products } = getContent();
  return localePaths().flatMap((l) => products.map((p) => ({ params: { ...l.params, id: p.id }, props: { ...l.props, id: p.id } })));
}
