/**
 * Editing the YAML front matter of an incident or maintenance file without touching anything else.
 *
 * The change is made with the `yaml` Document API (the reference result); the text written is the
 * original with only the new or changed lines spliced in at the nodes' source ranges, so comments,
 * folded paragraphs, quoting and the Markdown body stay byte for byte. The splice is re-parsed and
 * compared with the Document API's result; should they ever differ (an unusual layout such as a
 * flow-style list), the Document is written whole instead, which keeps comments but may re-wrap text.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { Document, Scalar, isMap, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { splitFrontMatter, type FrontMatterSplit } from '../../src/lib/front-matter-split.ts';
import { CliError } from './io.ts';

// Where the front matter ends is one rule in src/lib, for the loader and the CLI alike.
export { splitFrontMatter } from '../../src/lib/front-matter-split.ts';

/** Puts a split file back together. */
export function joinFrontMatter(f: Pick<FrontMatterSplit, 'head' | 'yaml' | 'tail'>): string {
  return f.head + f.yaml + f.tail;
}

/**
 * The new text of the content file at `path` (`file` in messages) with `item` added to its
 * `updates` (an incident's updates or a window's notices, oldest first), then the `more` edits:
 * last, or, when `inOrder`, after every update at or before its time. Also says where it went.
 */
export function addUpdate(
  path: string,
  file: string,
  updates: readonly { at: string }[],
  item: { at: string } & Record<string, unknown>,
  inOrder: boolean,
  more: readonly Edit[] = [],
): { text: string; index: number } {
  const t = Date.parse(item.at);
  const index = inOrder ? updates.filter((u) => Date.parse(u.at) <= t).length : updates.length;
  const fm = splitFrontMatter(readFileSync(path, 'utf8'));
  if (!fm) throw new CliError(`${file} has no front matter to add to`);
  const add: Edit = index === updates.length ? { op: 'append', key: 'updates', item } : { op: 'insert', key: 'updates', index, item };
  return { text: joinFrontMatter({ ...fm, yaml: editYaml(fm.yaml, [add, ...more], fm.eol) }), index };
}

/** One change to the front matter's top-level map. */
export type Edit =
  /** Append an item to a top-level list. */
  | { op: 'append'; key: string; item: Record<string, unknown> }
  /** Insert an item into a top-level list before the item at `index` (an update that belongs earlier in time). */
  | { op: 'insert'; key: string; index: number; item: Record<string, unknown> }
  /** Set a top-level field to a value written as a quoted string (a time). */
  | { op: 'set'; key: string; value: string; comment?: string }
  /** Change a field that exists below the top level (a window's start) to a quoted string. */
  | { op: 'setIn'; path: readonly string[]; value: string }
  /** Remove a top-level field. */
  | { op: 'delete'; key: string };

/** Applies edits to front-matter YAML; returns the new YAML text, with everything not edited kept byte for byte when possible. */
export function editYaml(yaml: string, edits: readonly Edit[], eol: '\n' | '\r\n' = '\n'): string {
  // The reference: the Document API's own result.
  const expected = parseDocument(yaml);
  for (const e of edits) {
    if (e.op === 'append' || e.op === 'insert') {
      const seq = expected.get(e.key, true);
      if (!isSeq(seq)) expected.set(e.key, styled(expected.createNode([e.item])));
      else seq.items.splice(e.op === 'insert' ? e.index : seq.items.length, 0, styled(expected.createNode(e.item)));
    } else if (e.op === 'set') expected.set(e.key, quoted(e.value));
    else if (e.op === 'setIn') expected.setIn(e.path, quoted(e.value));
    else expected.delete(e.key);
  }
  const spliced = splice(yaml, edits, eol);
  if (spliced !== undefined) {
    const check = parseDocument(spliced);
    if (check.errors.length === 0 && isDeepStrictEqual(check.toJS(), expected.toJS())) return spliced;
  }
  return expected.toString({ lineWidth: 100 }).replace(/\n$/, '').replace(/\n/g, eol);
}

/** Text edits at the nodes' source ranges; undefined when the layout is not one this handles. */
function splice(yaml: string, edits: readonly Edit[], eol: string): string | undefined {
  // Work on text that ends with a line break, so appended lines always start on their own line.
  const endsBare = !yaml.endsWith('\n');
  let text = endsBare ? yaml + eol : yaml;
  for (const e of edits) {
    const doc = parseDocument(text);
    if (doc.errors.length > 0 || !isMap(doc.contents) || doc.contents.flow) return undefined;
    if (e.op === 'setIn') {
      const node = doc.getIn(e.path, true);
      if (!isScalar(node) || !node.range) return undefined;
      text = text.slice(0, node.range[0]) + JSON.stringify(e.value) + text.slice(node.range[1]);
      continue;
    }
    const pair = (doc.contents as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === e.key) as Pair<Scalar, Node> | undefined;
    if (e.op === 'append' || e.op === 'insert') {
      const seq = pair?.value;
      if (!pair && e.op === 'append') {
        // A file without the list yet (`updates` may be left out): the list goes after everything else, in the house style.
        text += `${e.key}:${eol}${seqItem(e.item, 2, false, eol)}`;
        continue;
      }
      if (!isSeq(seq) || seq.flow || seq.items.length === 0 || !seq.range) return undefined;
      const dash = seq.range[0];
      const lineStart = text.lastIndexOf('\n', dash - 1) + 1;
      if (text[dash] !== '-' || text.slice(lineStart, dash).trim() !== '') return undefined;
      const index = e.op === 'insert' ? e.index : seq.items.length;
      if (!Number.isInteger(index) || index < 0 || index > seq.items.length) return undefined;
      // After the line that ends the item before; the first item's own line when there is none.
      const before = seq.items[index - 1] as Node | undefined;
      const at = before ? lineEnd(text, before.range![1]) : lineStart;
      const neighbour = (before ?? seq.items[0]) as Node;
      const flow = isMap(neighbour) && neighbour.flow === true;
      text = text.slice(0, at) + seqItem(e.item, dash - lineStart, flow, eol) + text.slice(at);
    } else if (e.op === 'set') {
      if (pair?.value?.range) {
        const [start, end] = pair.value.range;
        text = text.slice(0, start) + JSON.stringify(e.value) + text.slice(end);
      } else {
        text += `${e.key}: ${JSON.stringify(e.value)}${e.comment ? `   # ${e.comment}` : ''}${eol}`;
      }
    } else if (pair?.key?.range && pair.value?.range) {
      const start = text.lastIndexOf('\n', pair.key.range[0] - 1) + 1;
      text = text.slice(0, start) + text.slice(lineEnd(text, pair.value.range[1]));
    }
  }
  return endsBare ? text.slice(0, -eol.length) : text;
}

/** The offset just after the line break that ends the line containing `pos` (or `pos` itself when it starts a line). */
function lineEnd(text: string, pos: number): number {
  if (pos > 0 && text[pos - 1] === '\n') return pos;
  const nl = text.indexOf('\n', pos);
  return nl === -1 ? text.length : nl + 1;
}

/** A list item as text at a column: block style ("- at: ...", the rest indented under it) or one flow line. */
function seqItem(item: Record<string, unknown>, column: number, flow: boolean, eol: string): string {
  const doc = new Document(item);
  styled(doc.contents as Node);
  const oneLine = flow && Object.values(item).every((v) => typeof v !== 'string' || (v.length <= 60 && !v.includes('\n')));
  if (oneLine) {
    (doc.contents as YAMLMap).flow = true;
    return `${' '.repeat(column)}- ${doc.toString({ lineWidth: 0 }).trimEnd()}${eol}`;
  }
  const lines = doc.toString({ lineWidth: 90 }).replace(/\n$/, '').split('\n');
  return lines.map((l, i) => (i === 0 ? `${' '.repeat(column)}- ${l}` : l === '' ? '' : `${' '.repeat(column + 2)}${l}`)).join(eol) + eol;
}

/** A string written in double quotes (times, which the conventions always quote). */
export function quoted(value: string): Scalar {
  const s = new Scalar(value);
  s.type = 'QUOTE_DOUBLE';
  return s;
}

/**
 * Gives new nodes the house style: times quoted, long text as a folded block, text with line
 * breaks (Markdown lists, paragraphs) as a literal block so it reads as written.
 */
export function styled<N>(node: N): N {
  const visit = (n: unknown, key?: unknown) => {
    if (isScalar(n) && typeof n.value === 'string') {
      if (key === 'at' || key === 'start' || key === 'end' || key === 'started' || key === 'resolved' || key === 'nextUpdate') n.type = 'QUOTE_DOUBLE';
      // A literal block reads as written, unless a line of it is only spaces or its first line starts with one (the
      // indentation then decides, and the library's own block loses them): those are written quoted.
      else if (n.value.includes('\n')) n.type = /^[ \t]/.test(n.value) || /^[ \t]+$/m.test(n.value) ? 'QUOTE_DOUBLE' : 'BLOCK_LITERAL';
      // Folded only where folding cannot change it: a text starting or ending with a space keeps its own style.
      else if (n.value.length > 70 && /^\S(?:.*\S)?$/.test(n.value)) n.type = 'BLOCK_FOLDED';
    } else if (isMap(n)) for (const p of n.items) visit(p.value, isScalar(p.key) ? p.key.value : undefined);
    else if (isSeq(n)) for (const i of n.items) visit(i);
  };
  visit(node);
  return node;
}
