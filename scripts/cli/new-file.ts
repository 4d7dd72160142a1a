/** The text of a new incident or maintenance file: clean, commented front matter in the conventions of CONTRIBUTING.md. */
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, parse, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { Localized } from '../../src/schemas/common.ts';
import { IMPACTS, INCIDENT_STATUSES, type Impact, type IncidentStatus } from '../../src/schemas/incident.ts';
import { styled } from './front-matter.ts';
import { CliError } from './io.ts';

/** The answers that make a new incident. */
export interface NewIncident {
  title: Localized;
  severity: string;
  /** Known severity ids, listed in the comment next to the field. */
  severityIds: readonly string[];
  scope: 'own' | 'third-party';
  systemWide: boolean;
  affects: { product: string; impact: Impact }[];
  started: string;
  update: { at: string; status: IncidentStatus; message: Localized; nextUpdate?: string };
}

/** The answers that make a new maintenance window. */
export interface NewMaintenance {
  title: Localized;
  products: string[];
  start: string;
  end: string;
  /** The first notice, if any. */
  update?: { at: string; message: Localized };
}

/** The full text of a new incident file. */
export function incidentText(i: NewIncident, id: string): string {
  const doc = new Document({
    title: i.title,
    severity: i.severity,
    scope: i.scope,
    systemWide: i.systemWide,
    affects: i.affects,
    started: i.started,
    updates: [{ at: i.update.at, status: i.update.status, message: i.update.message, ...(i.update.nextUpdate ? { nextUpdate: i.update.nextUpdate } : {}) }],
  });
  styled(doc.contents as Node);
  const map = doc.contents as YAMLMap;
  const affects = doc.get('affects', true);
  if (isSeq(affects)) for (const item of affects.items) if (isMap(item)) item.flow = true;
  doc.commentBefore = [
    ' Incident written by `pharos incident new`. Post updates and close it with',
    `   pharos incident update ${id} --status monitoring --message "..."`,
    `   pharos incident resolve ${id} --message "..."`,
    ' An optional post-incident report goes below the closing "---" as Markdown.',
  ].join('\n');
  comment(map, 'severity', `one of ${i.severityIds.join(', ')} (severities.yaml)`);
  comment(map, 'scope', 'own | third-party: which target table applies');
  comment(map, 'systemWide', 'true when the whole service was hit (a root-cause report is due)');
  comment(map, 'affects', IMPACTS.join(' | '));
  comment(map, 'started', 'when the problem began');
  comment(map, 'updates', 'oldest first');
  const first = (doc.get('updates', true) as { items: unknown[] }).items[0];
  if (isMap(first)) comment(first, 'status', INCIDENT_STATUSES.join(' | '));
  return written(doc);
}

/** The full text of a new maintenance file. */
export function maintenanceText(m: NewMaintenance): string {
  const doc = new Document({
    title: m.title,
    products: m.products,
    window: { start: m.start, end: m.end },
    updates: m.update ? [{ at: m.update.at, message: m.update.message }] : [],
  });
  styled(doc.contents as Node);
  const products = doc.get('products', true);
  if (isSeq(products)) products.flow = true;
  const win = doc.get('window', true);
  if (isMap(win)) styled(win);
  doc.commentBefore = [
    ' Maintenance window written by `pharos maintenance new`.',
    ' Upcoming, in progress and completed follow from the window and "now"; never write them.',
    ' Post notices with `pharos maintenance update`, a closing one once the work is done; call it',
    ' off with `pharos maintenance cancel`. Details for customers go below the closing "---".',
  ].join('\n');
  const map = doc.contents as YAMLMap;
  comment(map, 'products', 'product ids from products.yaml');
  comment(map, 'updates', 'notices, oldest first');
  return written(doc);
}

/** Puts a line comment after a field's value (for a list or map: after its key, on the key's line). */
function comment(map: YAMLMap, key: string, text: string): void {
  const pair = map.items.find((p) => isScalar(p.key) && (p.key as Scalar).value === key) as Pair<Scalar, Node> | undefined;
  if (!pair) return;
  if (isScalar(pair.value)) pair.value.comment = ` ${text}`;
  else if (pair.value && (isSeq(pair.value) || isMap(pair.value)) && pair.value.flow) pair.value.comment = ` ${text}`;
  else if (pair.value) pair.value.commentBefore = ` ${text}`;
}

/**
 * Lines this module wrote a trailing comment on get their comments aligned in one column, as in
 * CONTRIBUTING.md. Only the document's own lines: the lines of a text written as a block ("|", as a
 * message with several lines is) are what staff wrote, and stay as they are, however much one
 * looks like a key or a comment ("Workaround:" above "# Clear your cache").
 */
function align(yaml: string): string {
  // No blank line between the header comment and the first field.
  const lines = yaml.replace(/^((?:#.*\n)+)\n/, '$1').split('\n');
  const text = inBlockText(lines);
  // yaml writes a block's "commentBefore" on the line under the key; move it up after the key instead.
  for (let i = 1; i < lines.length; i++) {
    const m = /^(\s*)#( .*)$/.exec(lines[i]!);
    const prev = lines[i - 1]!;
    if (m && !text[i] && !text[i - 1] && /^\s*[A-Za-z]+:$/.test(prev)) {
      lines[i - 1] = `${prev} #${m[2]}`;
      lines.splice(i, 1);
      text.splice(i, 1);
    }
  }
  const commented = (l: string, i: number) =>
    text[i] ? null : /^(\s*(?:- )?(?:severity|scope|systemWide|started|status|products): (?:"[^"]*"|[^#"]*?)|\s*(?:affects|updates):) #( .*)$/.exec(l);
  const width = Math.max(0, ...lines.map((l, i) => commented(l, i)?.[1]!.length ?? 0));
  const column = Math.max(30, width + 2);
  return lines
    .map((l, i) => {
      const m = commented(l, i);
      return m ? `${m[1]!.padEnd(column)}#${m[2]}` : l;
    })
    .join('\n');
}

/** For each line, whether it belongs to the text of a block scalar ("key: |" and the lines indented under it). */
function inBlockText(lines: string[]): boolean[] {
  let keyColumn = -1;
  return lines.map((line) => {
    if (keyColumn >= 0 && (line.trim() === '' || line.search(/\S/) > keyColumn)) return true;
    const header = /^(\s*(?:- )?)[A-Za-z][\w-]*: [|>][-+1-9]*$/.exec(line);
    keyColumn = header ? header[1]!.length : -1;
    return false;
  });
}

/**
 * The file's front matter as written, after checking that it reads back as exactly the data it was
 * made from: the layout above may move comments and spaces, never a value.
 */
function written(doc: Document): string {
  // A text the library must quote (a control character, a line of spaces) stays on one line, as JSON writes it: no line of it can then look like a key.
  const text = align(doc.toString({ lineWidth: 90, doubleQuotedAsJSON: true }));
  if (!isDeepStrictEqual(parse(text), doc.toJS()))
    throw new CliError('the new file would not read back as exactly what was asked, so nothing was written (please report this)');
  return `---\n${text}---\n`;
}
