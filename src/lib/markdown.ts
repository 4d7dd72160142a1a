/**
 * Markdown from content (update messages, reports, maintenance details) to safe HTML and to plain
 * text. Raw HTML in the source is dropped, and the result is sanitized (GitHub's rules: no
 * scripts, no event handlers, no javascript: or data: URLs), so nothing in content can run in a
 * reader's browser, feed reader or API client. One pipeline: remark, GFM, remark-rehype without
 * raw HTML, rehype-sanitize. Its HTML is kept by the text's digest, in memory for the build and on
 * disk between builds (see markdown-cache.ts), so a rebuild renders only texts it has not seen.
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
import { cachedHtml } from './markdown-cache.ts';
import { memo } from './memo.ts';

const schema = {
  ...defaultSchema,
  // Headings in reports keep their text ids off: they would clash with the page's own ids.
  clobberPrefix: 'md-',
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

function tree(markdown: string): Root {
  return imagesAsLinks(toHast.runSync(toHast.parse(stripBidiControls(markdown))) as Root);
}

/** Safe HTML for a Markdown text; raw HTML never passes; its headings start at h`top` (default 3: under a page's h2). */
export function markdownToHtml(markdown: string, top = 3): string {
  return cachedHtml(markdown, top, () => toHtml.stringify(shiftHeadings(tree(markdown), top)));
}

/** The readable text of a Markdown text (for feed summaries, JSON bodies, titles). */
export const markdownToText = memo((markdown: string) => toText(tree(markdown)).replace(/\n{3,}/g, '\n\n').trim());
