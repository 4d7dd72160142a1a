/** View model of the page shell: titles, navigation, language alternates, footer. */
import { memo } from '../memo.ts';
import type { SiteContent } from '../content/load.ts';
import { localize, translator, type LocalizedText } from '../i18n.ts';
import { localeUrl, type RoutePath } from '../routes.ts';
import { displayZone, formatInstant } from '../time.ts';
import { plain } from '../feeds.ts';

/** What the layout, header and footer render. */
export interface LayoutView {
  locale: string;
  title: string;
  description: string;
  siteName: LocalizedText;
  homeHref: string;
  canonical?: string;
  xDefault: string;
  /** What a shared link's preview shows: the page's own title (without the site's name) and the language as og:locale ("sv_SE"). */
  share: { title: string; locale: string };
  alternates: { code: string; name: string; href: string; absolute?: string }[];
  nav: { label: string; href: string; current: boolean }[];
  links: { label: LocalizedText; href: string }[];
  builtAt: { iso: string; text: string };
  /** The locale's feed of all incidents and maintenance, for autodiscovery. */
  feed: { title: string; href: string };
  /** The locale's feed of every incident update, one item each (update-feeds.ts), for autodiscovery. */
  updatesFeed: { title: string; href: string };
  strings: {
    skipToContent: string;
    mainNav: string;
    languageSwitcher: string;
    footerLinks: string;
    timesIn: string;
    timesInYours: string;
    builtBefore: string;
    builtAfter: string;
  };
}

/** Options of the layout view. */
export interface LayoutOptions {
  locale: string;
  path: RoutePath;
  /** Where the language switcher and hreflang links point (default: `path` in each locale). */
  alternatePath?: RoutePath | undefined;
  base: string;
  title?: string | undefined;
  description?: string | undefined;
  site?: URL | undefined;
}

const NAV: { key: 'nav.status' | 'nav.incidents' | 'nav.maintenance' | 'nav.releases' | 'nav.support'; path: RoutePath }[] = [
  { key: 'nav.status', path: '/' },
  { key: 'nav.incidents', path: '/incidents/' },
  { key: 'nav.maintenance', path: '/maintenance/' },
  { key: 'nav.releases', path: '/releases/' },
  { key: 'nav.support', path: '/support/' },
];

/** The parts of the shell that are the same on every page of a locale. */
type LocaleShell = Pick<LayoutView, 'locale' | 'siteName' | 'homeHref' | 'links' | 'builtAt' | 'feed' | 'updatesFeed' | 'strings'> & {
  description: string;
  t: ReturnType<typeof translator>;
};
const shells = new WeakMap<SiteContent, Map<string, LocaleShell>>();

function localeShell(content: SiteContent, locale: string, base: string): LocaleShell {
  let byLocale = shells.get(content);
  if (!byLocale) shells.set(content, (byLocale = new Map()));
  const key = `${locale}|${base}`;
  let shell = byLocale.get(key);
  if (shell) return shell;
  const { site } = content;
  const t = translator(locale);
  const def = site.defaultLocale;
  const siteName = localize(site.name, locale, def);
  const [builtBefore = '', builtAfter = ''] = t('site.builtAt').split('{time}');
  shell = {
    t,
    locale,
    siteName,
    description: localize(site.description, locale, def).text,
    homeHref: localeUrl('/', locale, def, base),
    links: site.links.map((l) => ({ label: localize(l.label, locale, def), href: l.url })),
    builtAt: { iso: content.now, text: formatInstant(content.now, locale, displayZone(site, locale)) },
    feed: { title: t('feed.all.title', { site: siteName.text }), href: localeUrl('/rss.xml', locale, def, base) },
    updatesFeed: { title: t('feed.updates.title', { site: siteName.text }), href: localeUrl('/updates.xml', locale, def, base) },
    strings: {
      skipToContent: t('site.skipToContent'),
      mainNav: t('site.mainNav'),
      languageSwitcher: t('site.languageSwitcher'),
      footerLinks: t('site.footerLinks', { name: siteName.text }),
      timesIn: t('site.timesIn', { zone: displayZone(site, locale) }),
      timesInYours: t('site.timesInYours'),
      builtBefore,
      builtAfter,
    },
  };
  byLocale.set(key, shell);
  return shell;
}

/** Builds the shell's view model for one page in one locale. */
export function layoutView(content: SiteContent, o: LayoutOptions): LayoutView {
  const { site } = content;
  const { t, ...shell } = localeShell(content, o.locale, o.base);
  const def = site.defaultLocale;
  const url = (path: RoutePath, locale: string) => localeUrl(path, locale, def, o.base);
  // A root-relative path of plain characters resolves to the origin plus the path; anything else
  // goes through URL (every page has five of these).
  const abs = (href: string) => (o.site ? (/^\/(?!\/)[\w\-./~]*$/.test(href) ? o.site.origin + href : new URL(href, o.site).href) : undefined);
  const alternates = site.locales.map((l) => {
    const href = url(o.alternatePath ?? o.path, l.code);
    const absolute = abs(href);
    return absolute ? { code: l.code, name: l.name, href, absolute } : { code: l.code, name: l.name, href };
  });
  const canonical = o.alternatePath ? undefined : abs(url(o.path, o.locale));
  const view: LayoutView = {
    ...shell,
    title: o.title ? `${o.title} · ${shell.siteName.text}` : shell.siteName.text,
    // Previews and search results may render these as HTML: text shaped like a tag reaches them
    // between angle quotation marks, never as a tag (plain).
    description: plain(o.description ?? shell.description),
    share: { title: plain(o.title ?? '') || shell.siteName.text, locale: ogLocale(o.locale) },
    xDefault: abs(url(o.alternatePath ?? o.path, def)) ?? url(o.alternatePath ?? o.path, def),
    alternates,
    // Sections arrive issue by issue; link only the ones this build has.
    nav: NAV.filter((n) => AVAILABLE.has(n.path)).map((n) => ({
      label: t(n.key),
      href: url(n.path, o.locale),
      current: n.path === '/' ? o.path === '/' : o.path.startsWith(n.path),
    })),
  };
  if (canonical) view.canonical = canonical;
  return view;
}

/** A language code as Open Graph writes a locale: language and its likeliest region ("sv" is "sv_SE"). */
const ogLocale = memo((code: string): string => {
  const l = new Intl.Locale(code).maximize();
  return l.region ? `${l.language}_${l.region}` : l.language;
});

/** Sections that have pages in this build. */
const AVAILABLE = new Set<RoutePath>(['/', '/incidents/', '/maintenance/', '/releases/', '/support/']);
