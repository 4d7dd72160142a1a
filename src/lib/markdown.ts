/**
 * Markdown from content (update messages, reports, maintenance details) to safe HTML and to plain
 * text. Raw HTML in the source is dropped, and the result is sanitized (GitHub's rules: no
 * scripts, no event handlers, no javascript: or data: URLs), so nothing in content can run in a
 * reader's browser, feed reader or API client. One pipeline: remark, GFM, remark-rehype without
 * raw HTML, rehype-sanitize. Its HTML and text are kept by the text's digest, in memory for the build and on
 * disk between builds (see markdown-cache.ts), so a rebuild renders only texts it has not seen.
 *
 * Ids: the only ones a text can have are its footnotes' (GFM `[^1]`). The sanitizer prefixes every
 * id so none can take one of the page's, but leaves the links to them alone; `scopeIds` then gives
 * each text's ids a prefix of its own (from the text's digest) and points its in-text links at them,
 * so a report and a message with footnotes on one page each link to their own notes.
 */
import { createHash } from 'node:crypto';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { toText } from 'hast-util-to-text';
import type { Root, Element, ElementContent } from 'hast';
import { stripBidiControls } from '../schemas/common.ts';
import { MARKDOWN_SYNTAX } from '../schemas/limits.ts';
import { cachedHtml } from './markdown-cache.ts';
import { escapeHtml } from './escape.ts';

/** What the sanitizer puts before every id and every reference to one. */
const CLOBBER = 'md-';

const schema = {
  ...defaultSchema,
  // No id from a text may take one of the page's own; scopeIds narrows these further.
  clobberPrefix: CLOBBER,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'] },
};

/**
 * Calls `fn` on every element under `parent`, in document order, with its parent and index; then
 * goes into what is at that index (`fn` may replace the element).
 */
function eachElement(parent: Root | Element, fn: (node: Element, parent: Root | Element, index: number) => void): void {
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== 'element') continue;
    fn(child, parent, i);
    const now = children[i]!;
    if (now.type === 'element') eachElement(now, fn);
  }
}

/**
 * Moves headings so the shallowest becomes an h`top` and none skips a level under the page's own.
 * The footnotes' heading (an h2 the renderer adds) is an h`top` too, beside the text's own sections,
 * and is left out of the count: it would push "### Cause" one level down.
 */
function shiftHeadings(root: Root, top: number): Root {
  const headings: Element[] = [];
  const notes: Element[] = [];
  eachElement(root, (node, parent) => {
    if (!/^h[1-6]$/.test(node.tagName)) return;
    (parent.type === 'element' && parent.properties.dataFootnotes !== undefined ? notes : headings).push(node);
  });
  const levels = [...new Set(headings.map((h) => Number(h.tagName[1])))].sort((a, b) => a - b);
  // Consecutive levels from `top` on, in the document's order of depth: "# A / ### B" becomes h3 / h4.
  for (const h of headings) h.tagName = `h${Math.min(6, top + levels.indexOf(Number(h.tagName[1])))}`;
  for (const h of notes) h.tagName = `h${Math.min(6, top)}`;
  return root;
}

/**
 * Gives the ids of one text a prefix of its own and points the text's links and ARIA references at
 * them. The sanitizer turned id "fn-1" into "md-fn-1" but left href "#fn-1"; here both become
 * "md-<key>-fn-1", where the key comes from the text, so that two texts on one page (a report and a
 * message, each with a note 1) never share an id. The same text twice on a page gives the same ids,
 * and its links still lead to a copy of the same note.
 */
function scopeIds(root: Root, markdown: string): Root {
  const ids = new Set<string>();
  eachElement(root, (node) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id);
  });
  if (ids.size === 0) return root;
  const prefix = `${CLOBBER}${createHash('sha256').update(markdown).digest('hex').slice(0, 8)}-`;
  const scoped = (id: string) => (id.startsWith(CLOBBER) ? prefix + id.slice(CLOBBER.length) : id);
  eachElement(root, (node) => {
    const p = node.properties;
    if (typeof p.id === 'string') p.id = scoped(p.id);
    for (const key of ['ariaDescribedBy', 'ariaLabelledBy'] as const) {
      const v = p[key];
      if (Array.isArray(v)) p[key] = v.map((x) => scoped(String(x)));
    }
    // A link to a place in this text; any other fragment (one of the page's, say) is left as written.
    if (typeof p.href === 'string' && p.href.startsWith('#') && ids.has(CLOBBER + p.href.slice(1))) p.href = `#${prefix}${p.href.slice(1)}`;
  });
  return root;
}

/**
 * Images become links to them (their alt text, or their address, as the link text), or just their
 * alt text when the sanitizer removed their address: a page loads nothing from elsewhere, and no
 * <img> is left without a src.
 */
function imagesAsLinks(root: Root): Root {
  eachElement(root, (node, parent, index) => {
    if (node.tagName !== 'img') return;
    const src = typeof node.properties.src === 'string' ? node.properties.src : undefined;
    const alt = typeof node.properties.alt === 'string' ? node.properties.alt : '';
    const label = alt || src || '';
    const replacement: ElementContent = src
      ? { type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: label }] }
      : { type: 'text', value: label };
    parent.children[index] = replacement;
  });
  return root;
}

// No prefix of its own on footnote ids: the sanitizer adds one to ids (not to links), scopeIds the rest.
const toHast = MARKDOWN_SYNTAX().use(remarkRehype, { allowDangerousHtml: false, clobberPrefix: '' }).use(rehypeSanitize, schema);
const toHtml = unified().use(rehypeStringify);

function tree(markdown: string): Root {
  return imagesAsLinks(toHast.runSync(toHast.parse(stripBidiControls(markdown))) as Root);
}

/** Safe HTML for a Markdown text; raw HTML never passes; its headings start at h`top` (default 3: under a page's h2). */
export function markdownToHtml(markdown: string, top = 3): string {
  return cachedHtml(markdown, top, () => toHtml.stringify(shiftHeadings(scopeIds(tree(markdown), markdown), top)));
}

/**
 * Rendered Markdown whose links to places in the text point at them on `page` instead: a feed
 * reader resolves "#md-...-fn-1" against the feed (or drops ids), but the page has the same ids.
 * A string edit, safe because of how the HTML is written: text escapes "<", attribute values
 * escape '"', and a link's href is its first attribute, so `<a href="#` is only ever a link's start.
 */
export function fragmentsOnPage(html: string, page: string): string {
  return html.replaceAll('<a href="#', `<a href="${escapeHtml(page)}#`);
}

/** The readable text of a Markdown text (for feed summaries, JSON bodies, titles), cached like its HTML. */
export function markdownToText(markdown: string): string {
  return cachedHtml(markdown, 'text', () =>
    toText(tree(markdown))
      .replace(/\n{3,}/g, '\n\n')
      .trim(),
  );
}
