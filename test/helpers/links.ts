/**
 * A broken-link checker over a built site (a dist/ folder), as a visitor, a feed reader or an API
 * client would meet the links: every href, src, srcset and action in HTML, the links inside RSS,
 * iCalendar and JSON files that point into the site, and #fragments (the target page must have
 * that id). A link into the site must stay under the deployment's base path and name a file that
 * exists; a page URL must end with "/" (the site is built with trailingSlash: 'always').
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { listFiles } from './fixtures.ts';

/** One link that leads nowhere. */
export interface BrokenLink {
  /** The file that contains the link, relative to dist/ ("incidents/x/index.html"). */
  source: string;
  /** The link as written (entities decoded). */
  link: string;
  /** What is wrong with it. */
  reason: string;
}

/** Where the build is served. */
export interface LinkCheckOptions {
  /** The build folder. */
  dist: string;
  /** The site's public URL (PHAROS_SITE or site.yaml's url): links to its origin are internal. */
  site: string;
  /** The base path the build was made for (default "/"). */
  base?: string;
}

const SKIP = /^(?:mailto|tel|data|javascript|blob|about|sms):/i;
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'background']);
const TEXT_TYPES = new Set(['.xml', '.ics', '.json', '.txt', '.webmanifest']);

/** Decodes the HTML/XML character references that appear in attribute values and feeds. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|#39);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k === 'amp') return '&';
    if (k === 'lt') return '<';
    if (k === 'gt') return '>';
    if (k === 'quot') return '"';
    if (k === 'apos' || k === '#39') return "'";
    return String.fromCodePoint(k.startsWith('#x') ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10));
  });
}

/** Every URL-valued attribute of every tag in HTML (scripts' and styles' bodies and comments left out). */
export function htmlLinks(html: string): string[] {
  const markup = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/gi, '<$1$2></$1>');
  const out: string[] = [];
  for (const tag of markup.matchAll(/<([a-zA-Z][\w:-]*)\b([^>]*)>/g)) {
    const attrs = new Map<string, string>();
    for (const a of tag[2]!.matchAll(/([^\s"'>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/g)) {
      attrs.set(a[1]!.toLowerCase(), decodeEntities(a[2] ?? a[3] ?? a[4] ?? ''));
    }
    for (const [name, value] of attrs) {
      if (URL_ATTRS.has(name)) out.push(value.trim());
      else if (name === 'srcset' || name === 'imagesrcset')
        out.push(
          ...value
            .split(',')
            .map((c) => c.trim().split(/\s+/)[0]!)
            .filter(Boolean),
        );
    }
    const content = attrs.get('content');
    if (content !== undefined) {
      const refresh = attrs.get('http-equiv')?.toLowerCase() === 'refresh' ? /url\s*=\s*(.+)$/i.exec(content)?.[1] : undefined;
      if (refresh) out.push(refresh.trim().replace(/^['"]|['"]$/g, ''));
      // og:url, og:image and the like: only absolute URLs are links here.
      else if (/^https?:\/\//i.test(content.trim())) out.push(content.trim());
    }
  }
  return out;
}

/** Links inside a feed, calendar or JSON document: every absolute URL, and href/src attributes of HTML it carries. */
export function textLinks(text: string, ext: string): string[] {
  if (ext === '.json') {
    const out: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === 'string') {
        if (/^https?:\/\//i.test(v)) out.push(v);
        for (const m of v.matchAll(/https?:\/\/[^\s"'<>\\)\]]+/g)) if (m[0] !== v) out.push(m[0]);
      } else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(JSON.parse(text));
    return out;
  }
  // iCalendar folds long lines (CRLF and a space); a URL may span a fold.
  let t = ext === '.ics' ? text.replace(/\r?\n[ \t]/g, '') : text;
  // Feeds carry HTML escaped once inside XML (and CDATA sections as they are).
  t = decodeEntities(decodeEntities(t.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')));
  const out = new Set<string>();
  for (const m of t.matchAll(/\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) out.add((m[1] ?? m[2] ?? '').trim());
  for (const m of t.matchAll(/<(?:link|guid[^>]*|url|loc|id)>\s*([^<\s]+)\s*<\//gi)) out.add(m[1]!);
  for (const m of t.matchAll(/https?:\/\/[^\s"'<>\\)\]]+/g)) out.add(m[0].replace(/[.,;:]+$/, ''));
  return [...out].filter((l) => l !== '');
}

/** The URL a built file is served at ("incidents/x/index.html" is ".../incidents/x/"). */
export function servedUrl(file: string, site: string, base: string): URL {
  const path = file.replace(/\\/g, '/').replace(/(^|\/)index\.html$/, '$1');
  return new URL(`${base}${path}`, new URL(site).origin);
}

/** Every broken internal link of a build, in file order. */
export function brokenLinks(o: LinkCheckOptions): BrokenLink[] {
  const base = (o.base ?? '/').replace(/\/?$/, '/');
  const origin = new URL(o.site).origin;
  const files = listFiles(o.dist);
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string): Set<string> => {
    let set = ids.get(file);
    if (!set) {
      const html = readFileSync(join(o.dist, file), 'utf8');
      set = new Set([...html.matchAll(/\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi)].map((m) => decodeEntities(m[1] ?? m[2] ?? m[3] ?? '')));
      ids.set(file, set);
    }
    return set;
  };
  const broken: BrokenLink[] = [];

  for (const source of files) {
    const ext = extname(source).toLowerCase();
    if (ext !== '.html' && !TEXT_TYPES.has(ext)) continue;
    const text = readFileSync(join(o.dist, source), 'utf8');
    let links: string[];
    try {
      links = ext === '.html' ? htmlLinks(text) : textLinks(text, ext);
    } catch (err) {
      broken.push({ source, link: '', reason: `cannot be read for links (${(err as Error).message})` });
      continue;
    }
    const here = servedUrl(source, o.site, base);
    for (const link of new Set(links)) {
      if (link === '' || link === '#' || SKIP.test(link)) continue;
      let url: URL;
      try {
        url = new URL(link, here);
      } catch {
        broken.push({ source, link, reason: 'is not a valid URL' });
        continue;
      }
      if (url.origin !== origin) continue;
      const reason = problem(url, base, source, o.dist, ext === '.html', idsOf);
      if (reason) broken.push({ source, link, reason });
    }
  }
  return broken;
}

/** Why a URL into the site leads nowhere, or undefined when it is fine. */
function problem(url: URL, base: string, source: string, dist: string, fromHtml: boolean, idsOf: (file: string) => Set<string>): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return 'has a malformed %-escape';
  }
  if (!path.startsWith(base)) return `is outside the base path ${base}`;
  const rel = path.slice(base.length);
  let file: string;
  if (rel === '' || rel.endsWith('/')) file = `${rel}index.html`;
  else if (existsSync(join(dist, rel)) && statSync(join(dist, rel)).isFile()) file = rel;
  else if (existsSync(join(dist, rel, 'index.html'))) return `has no trailing slash (the page is ${url.pathname}/)`;
  else return 'leads to no file in the build';
  if (!existsSync(join(dist, file))) return 'leads to no page in the build';
  if (url.hash && url.hash !== '#') {
    const id = decodeURIComponent(url.hash.slice(1));
    if (!file.endsWith('.html')) return undefined;
    if (!idsOf(file).has(id)) return `points at #${id}, which ${file === source && fromHtml ? 'this page' : file} does not have`;
  }
  return undefined;
}

/** Broken links as lines for a test failure message: "source: link (reason)". */
export function formatBroken(broken: readonly BrokenLink[]): string {
  return broken.map((b) => `${b.source}: ${b.link} (${b.reason})`).join('\n');
}
