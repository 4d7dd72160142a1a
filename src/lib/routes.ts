/** URLs per locale: the default locale at the root, the others under /<code>/. */

/** A locale-neutral route path such as "/" or "/support/hours/". */
export type RoutePath = `/${string}`;

/** The URL of `path` in `locale`, below the deployment's base path. */
export function localeUrl(path: RoutePath, locale: string, defaultLocale: string, base = '/'): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  const prefix = locale === defaultLocale ? '' : `${locale}/`;
  return `${root}${prefix}${path.replace(/^\//, '')}`;
}
