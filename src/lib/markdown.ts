/**
 * Markdown from content (update messages, reports, maintenance details) to safe HTML and to plain
 * text. Raw HTML in the source is dropped, and the result is sanitized (GitHub's rules: no
 * scripts, no event handlers, no javascript: or data: URLs), so nothing in content can run in a
 * reader's browser, feed reader or API client.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { toText } from 'hast-util-to-text';
import type { Root, Element } from 'hast';
import { stripBidiControls } from '../schemas/common.ts';
import { visit } from 'unist-util-visit';

const schema = {
  ...defaultSchema,
  // Headings in reports keep their text ids off: they would clash with the page's own ids.
  clobberPrefix: 'md-',
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto', 'tel'] },
};

/** Report headings sit under the page's own h1 and h2: "# Root cause" becomes an h3. */
function shiftHeadings() {
  return (root: Root) => {
    visit(root, 'element', (node: Element) => {
      const m = /^h([1-6])$/.exec(node.tagName);
      if (m) node.tagName = `h${Math.min(6, Number(m[1]) + 2)}`;
    });
  };
}

const toHast = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: false }).use(rehypeSanitize, schema).use(shiftHeadings);
const toHtml = unified().use(rehypeStringify);

const htmlCache = new Map<string, string>();
const textCache = new Map<string, string>();

function tree(markdown: string): Root {
  return toHast.runSync(toHast.parse(stripBidiControls(markdown))) as Root;
}

/** Safe HTML for a Markdown text; links open normally, raw HTML never passes. */
export function markdownToHtml(markdown: string): string {
  let html = htmlCache.get(markdown);
  if (html === undefined) {
    html = toHtml.stringify(tree(markdown));
    htmlCache.set(markdown, html);
  }
  return html;
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
