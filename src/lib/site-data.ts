/**
 * The build's content: loaded and validated once per process by siteContent(), for getStaticPaths
 * and the build's integrations; pages and endpoints read it from `Astro.locals.content`, which
 * src/middleware.ts sets for every page.
 */
import { resolve } from 'node:path';
import { loadContent, type SiteContent } from './content/load.ts';
import { ContentInvalidError } from './content/errors.ts';

/** The content folder: PHAROS_CONTENT, else ./content of the project. */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env.PHAROS_CONTENT ?? 'content');
}

let loaded: { key: string; content: SiteContent } | undefined;

/** The validated content of contentDir() at the build's "now", loaded once; throws ContentInvalidError listing every problem. */
export function siteContent(): SiteContent {
  const dir = contentDir();
  const key = `${dir}\0${process.env.PHAROS_NOW ?? ''}`;
  if (loaded?.key === key) return loaded.content;
  const result = loadContent(dir, { displayRoot: process.env.PHAROS_CONTENT ?? 'content' });
  if (!result.ok) throw new ContentInvalidError(result.errors);
  loaded = { key, content: result.content };
  return result.content;
}

/** Static paths for a route in every locale: `{ params: { lang } }` with the default at the root. */
export function localePaths(): { params: { lang: string | undefined }; props: { locale: string } }[] {
  const { site } = siteContent();
  return site.locales.map(({ code }) => ({ params: { lang: code === site.defaultLocale ? undefined : code }, props: { locale: code } }));
}

/** Static paths for a per-product route in every locale: `{ params: { lang, id } }`. */
export function productLocalePaths(): { params: { lang: string | undefined; id: string }; props: { locale: string; id: string } }[] {
  const { products } = siteContent();
  return localePaths().flatMap((l) => products.map((p) => ({ params: { ...l.params, id: p.id }, props: { ...l.props, id: p.id } })));
}
