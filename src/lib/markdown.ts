/**
 * Markdown from content (update messages, reports, maintenance details) to safe HTML and to plain
 * text. Raw HTML in the source is dropped, and the result is sanitized (GitHub's rules: no
 * scripts, no event handlers, no javascript: or data: URLs), so nothing in content can run in a
 * reader's browser, feed reader or API client. Prose is written directly (markdown-plain.ts): it
 * takes only texts without <, & or any other markup, and gives the full renderer's HTML for them.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { toText } from 'hast-util-to-text';
import type { Root, Element, ElementContent } from 'hast';
import { stripBidiControls } from '../schemas/common.ts';
import { proseHtml } from './markdown-plain.ts';

const schema = {
  ...defaultSchema,
  // Headings in reports keep their text ids off: they would clash with the page's own ids.
  clobberPrefix: 'md-',
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'] },
};

/**
 * Calls `fn` on every element under `parent`, in document order, with its parent and index; then
 * goes into what is at that index (`fn` may replace the element). A plain loop: unist-util-visit
 * makes closures per node, and the Markdown thread walks every text twice.
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

/** Moves headings so the shallowest becomes an h`top` and none skips a level under the page's own. */
function shiftHeadings(root: Root, top: number): Root {
  const headings: Element[] = [];
  eachElement(root, (node) => {
    if (/^h[1-6]$/.test(node.tagName)) headings.push(node);
  });
  const levels = [...new Set(headings.map((h) => Number(h.tagName[1])))].sort((a, b) => a - b);
  // Consecutive levels from `top` on, in the document's order of depth: "# A / ### B" becomes h3 / h4.
  for (const h of headings) h.tagName = `h${Math.min(6, top + levels.indexOf(Number(h.tagName[1])))}`;
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
    const replacement: ElementContent = src ? { type: 'element', tagName: 'a', properties: { href: src }, children: [{ type: 'text', value: label }] } : { type: 'text', value: label };
    parent.children[index] = replacement;
  });
  return root;
}

const toHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: false }).use(rehypeSanitize, schema);
const toHtml = unified().use(rehypeStringify);

/** HTML by heading level, then by text: the content's own strings as keys, hashed once each. */
const htmlCache = new Map<number, Map<string, string>>();
const textCache = new Map<string, string>();

function tree(markdown: string): Root {
  return imagesAsLinks(toHast.runSync(toHast.parse(stripBidiControls(markdown))) as Root);
}

/** Safe HTML for a Markdown text; raw HTML never passes; its headings start at h`top` (default 3: under a page's h2). */
export function markdownToHtml(markdown: string, top = 3): string {
  let byText = htmlCache.get(top);
  if (!byText) htmlCache.set(top, (byText = new Map()));
  let html = byText.get(markdown);
  if (html === undefined) {
    // Prose is written here at once; only other texts are worth taking from the Markdown thread.
    html = proseShortcut(markdown) ?? ahead.source?.take(jobKey(markdown, top)) ?? renderFullHtml(markdown, top);
    byText.set(markdown, html);
  }
  return html;
}

/** The HTML of a text that is only prose, written directly (src/lib/markdown-plain.ts); undefined for any other text. */
export function proseShortcut(markdown: string): string | undefined {
  return proseHtml(stripBidiControls(markdown));
}

/** The full renderer, uncached: remark, GFM, the sanitizer, headings from h`top`. The reference for proseHtml; what the Markdown worker runs. */
export function renderFullHtml(markdown: string, top: number): string {
  return toHtml.stringify(shiftHeadings(tree(markdown), top));
}

/** The readable text of a Markdown text (for feed summaries, JSON bodies, titles). */
export function markdownToText(markdown: string): string {
  let text = textCache.get(markdown);
  if (text === undefined) {
    text = toText(tree(markdown)).replace(/\n{3,}/g, '\n\n').trim();
    textCache.set(markdown, text);
  }
  return text;
}

/** One piece of Markdown to render ahead of the pages, with the level its headings start at. */
export type MarkdownJob = readonly [markdown: string, top: number];

/** Where markdownToHtml asks for HTML rendered on another thread (see src/integrations/markdown-ahead.ts). */
export interface AheadSource {
  /** The HTML for this key if another thread has rendered it; undefined when this thread should render it. */
  take(key: string): string | undefined;
}

/**
 * The source of HTML rendered ahead, shared through globalThis because the build's config code and
 * its page bundle load this module separately.
 */
const AHEAD = Symbol.for('pharos.markdown.ahead');
const ahead = ((globalThis as { [AHEAD]?: { source?: AheadSource | undefined } })[AHEAD] ??= {});

/** Makes markdownToHtml ask `source` before rendering (undefined: render everything here). */
export function useAheadSource(source: AheadSource | undefined): void {
  ahead.source = source;
}

/** The cache key of a job, as markdownToHtml and the worker both use it. */
export function jobKey(markdown: string, top: number): string {
  return `${top}\u0000${markdown}`;
}
