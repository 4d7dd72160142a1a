import { htmlTagNames } from 'html-tag-names';
import { mathmlTagNames } from 'mathml-tag-names';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { svgTagNames } from 'svg-tag-names';
import { unified } from 'unified';

/**
 * How long each kind of content text may be, which kinds are one line, and what no text may hold.
 * One table, so the schemas, the docs and the tests read the same numbers.
 *
 * Lengths count Unicode code points (what `[...text].length` gives), not graphemes: the count
 * is the same on every runtime, whereas grapheme boundaries follow the ICU version (an emoji flag
 * counts 2, an accented letter written as letter plus accent counts 2).
 */

/** One kind of text: its most characters, whether it must be one line, and what to do when it is too long. */
export interface TextLimit {
  /** Most characters (Unicode code points). */
  readonly max: number;
  /** True for headline-like text shown in titles, links, lists and calendars: no line or paragraph break. */
  readonly oneLine: boolean;
  /** What the text is, in a message ("a title"). */
  readonly what: string;
  /** What to do when it is too long. */
  readonly fix: string;
}

/** The limit of every kind of content text; CONTRIBUTING.md lists which field is which kind. */
export const LIMITS = {
  /** Ids of products, desks, severities, case types, tiers; incident and maintenance file names. */
  id: { max: 80, oneLine: true, what: 'an id', fix: 'use a shorter id' },
  /** Incident and maintenance titles. */
  title: { max: 160, oneLine: true, what: 'a title', fix: 'shorten it and put the details in an update message' },
  /** Names of the site, products, product groups, desks, closures, tiers, severities, case types, exclusions, languages. */
  name: { max: 100, oneLine: true, what: 'a name', fix: 'shorten it; a description can say more' },
  /** Short labels: a cadence in words, a link's text, a desk's zone label, a release version, a policy revision. */
  label: { max: 100, oneLine: true, what: 'a label', fix: 'shorten it' },
  /** One sentence: the site's and a product's description, a release summary, a case type's question and routing, a target's condition and until. */
  sentence: { max: 500, oneLine: false, what: 'a sentence', fix: 'shorten it' },
  /** A paragraph of policy or support text: definitions, examples, descriptions, notes, list items. */
  paragraph: { max: 2_000, oneLine: false, what: 'a paragraph', fix: 'shorten it or split it into several items' },
  /** An incident's or maintenance window's update message (Markdown). */
  message: { max: 10_000, oneLine: false, what: 'an update message', fix: 'shorten it or post the rest as a second update' },
  /** The Markdown body of an incident file (post-incident report) or maintenance file (details). */
  report: { max: 100_000, oneLine: false, what: 'a report', fix: 'shorten it or link to a longer document' },
  /** A web address. */
  url: { max: 2_000, oneLine: true, what: 'an address', fix: 'use a shorter address' },
  /** An e-mail address (RFC 5321's most). */
  email: { max: 254, oneLine: true, what: 'an e-mail address', fix: 'use a shorter address' },
  /** A phone number as dialled from abroad. */
  phone: { max: 40, oneLine: true, what: 'a phone number', fix: 'write the number alone, without words' },
} as const satisfies Record<string, TextLimit>;

/** A kind of content text. */
export type TextKind = keyof typeof LIMITS;

/**
 * How deeply Markdown may nest (quotes, lists, emphasis, links inside each other). The renderer
 * recurses once per level and overflows the stack at roughly 700 to 3,000 levels, depending on the
 * construct; real texts stay below 10.
 */
export const MAX_MARKDOWN_DEPTH = 100;

/** Line and paragraph separators: CR, LF, vertical tab, form feed, NEL, U+2028, U+2029. */
const LINE_BREAK = /[\n\v\f\r\u0085\u2028\u2029]/;

/**
 * Characters no text may hold: C0 controls other than tab, line feed and carriage return, and the
 * noncharacters U+FFFE and U+FFFF. XML 1.0 forbids them, so one would make the RSS feeds invalid
 * for every feed reader; YAML lets them in through escapes such as "\u0007".
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Characters that show nothing: zero-width ones, the soft hyphen, and the direction controls the schemas remove. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

/** Characters a text holds, counted as code points; cheap for texts no longer than `max` UTF-16 units. */
export function codePoints(text: string): number {
  let n = text.length;
  // Each surrogate pair is two UTF-16 units but one character.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** "1,000" for 1000: limits are read by people. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * What is wrong with a text of this kind, in our "found ... (expected ...)" wording, and the line
 * of the text (1-based) where it is; undefined when it is fine. `inText` says where the message
 * places a problem below the text's first line: "on the text's line 3" for a field (its error
 * points at the field), nothing for a file's body (its error points at the line itself).
 */
export function textIssue(text: string, kind: TextKind, inText = true): { message: string; line: number } | undefined {
  const limit: TextLimit = LIMITS[kind];
  const at = (line: number) => (inText && line > 1 ? ` on the text's line ${line}` : '');
  if (text.trim() === '') return { message: text === '' ? 'found an empty text (expected some words)' : 'found only spaces (expected some words)', line: 1 };
  // Direction controls are removed before a text is shown, and zero-width characters show nothing.
  if (text.replace(INVISIBLE, '').trim() === '') return { message: 'found only invisible characters (expected some words)', line: 1 };
  const bad = FORBIDDEN.exec(text) ?? (text.isWellFormed() ? null : /[\uD800-\uDFFF]/.exec(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '--')));
  if (bad) {
    const line = lineAt(text, bad.index);
    const column = codePoints(text.slice(Math.max(text.lastIndexOf('\n', bad.index - 1), text.lastIndexOf('\r', bad.index - 1)) + 1, bad.index)) + 1;
    return FORBIDDEN.test(bad[0])
      ? {
          message: `found the control character ${unicodeName(bad[0])} at character ${column}${at(line)} (expected plain text: remove it; feeds cannot carry it)`,
          line,
        }
      : {
          message: `found a broken character${at(line)} (half of a UTF-16 surrogate pair, as an escape such as "\\ud800" writes) (expected plain text: remove it)`,
          line,
        };
  }
  if (limit.oneLine && LINE_BREAK.test(text))
    return { message: `found a line break (expected ${limit.what} on one line: write it on a single line, without "|" or ">")`, line: 1 };
  const long = lengthProblem(text, kind);
  if (long) return { message: long, line: 1 };
  const html = limit.oneLine ? undefined : hiddenHtml(text);
  if (html)
    return {
      message:
        html.kind === 'block'
          ? `found HTML (${JSON.stringify(html.text)})${at(html.line)}, whose words the pages would leave out (expected Markdown: write the words without the tags, such as **bold** for <b>bold</b>)`
          : `found ${JSON.stringify(html.text)}${at(html.line)}, which Markdown reads as an HTML tag and the pages would leave out (expected words: to show it as written, ${
              // A long tag is quoted cut short: the way out is then said rather than shown.
              html.text.endsWith('…')
                ? 'put it between backquotes or write a backslash before its "<"'
                : `put it between backquotes, \`${html.text}\`, or write \\${html.text}`
            })`,
      line: html.line,
    };
  if (!limit.oneLine && text.length > MAX_MARKDOWN_DEPTH) {
    const depth = markdownDepth(text);
    if (depth.depth > MAX_MARKDOWN_DEPTH)
      return {
        message: `found Markdown nested ${formatCount(depth.depth)} levels deep${at(depth.line)} (quotes, lists, emphasis or brackets inside each other; expected at most ${MAX_MARKDOWN_DEPTH} levels, as the renderer fails far beyond that: remove the repeated ">", "-", "*" or "[")`,
        line: depth.line,
      };
  }
  return undefined;
}

/** What is wrong with a text of this kind (see textIssue); undefined when it is fine. */
export function textProblem(text: string, kind: TextKind): string | undefined {
  return textIssue(text, kind)?.message;
}

/** The line (1-based) of a position in a text. */
function lineAt(text: string, index: number): number {
  return (text.slice(0, index).match(/\r\n|\r|\n/g)?.length ?? 0) + 1;
}

/** The message for a value of a kind longer than the kind allows, or undefined; code points never outnumber UTF-16 units, so only a long value is counted. */
export function lengthProblem(value: string, kind: TextKind): string | undefined {
  const limit: TextLimit = LIMITS[kind];
  if (value.length <= limit.max) return undefined;
  const n = codePoints(value);
  return n > limit.max ? `found ${limit.what} of ${formatCount(n)} characters (expected at most ${formatCount(limit.max)}; ${limit.fix})` : undefined;
}

/** "U+0007", the way a message names a character. */
export function unicodeName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The first HTML in a Markdown text that would hide words, and its line. Raw HTML is never shown
 * (markdown.ts): tags within a paragraph fall away and leave their words, but a block that starts
 * with a tag ("<p>...", "<div>") disappears whole, words and all (kind "block"), and a tag that
 * names no element ("<Pro>", "<username>") was meant as words and would vanish itself (kind "tag").
 * Comments, scripts, styles and blocks of tags alone ("<br>", "</details>") lose nothing a reader
 * would read. Only texts with something like a tag are parsed.
 */
export function hiddenHtml(text: string): { text: string; line: number; kind: 'block' | 'tag' } | undefined {
  if (!/<[A-Za-z!?/]/.test(text)) return undefined;
  let found: { text: string; line: number; kind: 'block' | 'tag' } | undefined;
  const visit = (node: MdNode, inBlock: boolean) => {
    if (found) return;
    if (node.type === 'html' && node.value !== undefined) {
      const line = node.position?.start.line ?? 1;
      if (inBlock) {
        // A script's or a style's text was never words for readers.
        const words = node.value.replace(/<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)|<!--[\s\S]*?(?:-->|$)|<[^>]*>?/gi, '').trim();
        if (words !== '') found = { text: shown(node.value), line, kind: 'block' };
      } else {
        const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(node.value)?.[1];
        if (name !== undefined && !HTML_ELEMENTS.has(name.toLowerCase())) found = { text: shown(node.value), line, kind: 'tag' };
      }
    }
    // Paragraphs, headings and table cells hold inline HTML, whose words stay.
    const block = !['paragraph', 'heading', 'tableCell'].includes(node.type);
    for (const child of node.children ?? []) visit(child, block);
  };
  visit(MARKDOWN_SYNTAX.parse(text) as MdNode, true);
  return found;
}

/** HTML as a message quotes it: its first 40 characters. */
function shown(html: string): string {
  return html.length > 40 ? `${html.slice(0, 40)}…` : html;
}

/**
 * The element names of HTML and of the SVG and MathML it embeds, lower case: an inline tag named
 * otherwise is taken for words (hiddenHtml).
 */
const HTML_ELEMENTS = new Set([...htmlTagNames, ...svgTagNames, ...mathmlTagNames].map((n) => n.toLowerCase()));

/** The parts of a Markdown syntax tree hiddenHtml reads. */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number } };
}

/**
 * Markdown syntax as content is read everywhere: CommonMark with GitHub's extensions. markdown.ts
 * renders with a copy of it (`MARKDOWN_SYNTAX()`); the check reads HTML blocks with it.
 */
export const MARKDOWN_SYNTAX = unified().use(remarkParse).use(remarkGfm);

const DELIMITER = new Set(['*', '_', '~']);
const SPACE = /\s/;

/**
 * An upper bound on how deeply a Markdown text nests, and the line (1-based) where it is deepest.
 * Not a parser: it counts what could open a level and never undercounts. On a line, every leading
 * quote marker (">"), list marker ("-", "+", "*", "1." followed by a space) and every two columns of
 * indentation count one level; within a paragraph, every emphasis delimiter that can open ("*", "_",
 * "~" followed by a non-space) and every "[" open one until closed. Fenced code and code spans are
 * skipped: nothing nests inside them.
 */
export function markdownDepth(text: string): { depth: number; line: number } {
  let max = 0;
  let maxLine = 1;
  let inline = 0;
  let fence: string | undefined;
  const lines = text.split(/\r\n|\r|\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    const fenceMark = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (fenceMark !== undefined && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMark !== undefined) {
      fence = fenceMark;
      continue;
    }
    if (line.trim() === '') {
      inline = 0;
      continue;
    }
    let block = 0;
    let i = 0;
    for (;;) {
      let columns = 0;
      while (i < line.length && (line[i] === ' ' || line[i] === '\t')) columns += line[i++] === '\t' ? 4 : 1;
      block += Math.floor(columns / 2);
      const marker = /^(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$))/.exec(line.slice(i))?.[0];
      if (marker === undefined) break;
      block++;
      i += marker.length;
    }
    let deepest = inline;
    const rest = line.slice(i).replace(/(`+)[^`]*?\1/g, '');
    for (let j = 0; j < rest.length; j++) {
      const c = rest[j]!;
      if (c === '[') deepest = Math.max(deepest, ++inline);
      else if (c === ']') inline = Math.max(0, inline - 1);
      else if (DELIMITER.has(c)) {
        let k = j;
        while (k < rest.length && rest[k] === c) k++;
        const run = k - j;
        const opens = k < rest.length && !SPACE.test(rest[k]!);
        const closes = j > 0 && !SPACE.test(rest[j - 1]!);
        if (opens) deepest = Math.max(deepest, inline + run);
        if (opens && !closes) inline += run;
        else if (closes && !opens) inline = Math.max(0, inline - run);
        j = k - 1;
      }
    }
    if (block + deepest > max) {
      max = block + deepest;
      maxLine = n + 1;
    }
  }
  return { depth: max, line: maxLine };
}
