/** Reading content files as text and YAML while keeping positions for error messages. */
import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isSeq, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { describe } from '../../schemas/common.ts';
import { fieldPath, type ContentError } from './errors.ts';

/**
 * A parsed YAML source with what is needed to point at a line. `doc` and `lines` are built when
 * first read: most files are valid, and only a message about a field needs its line.
 */
export interface YamlSource {
  file: string;
  data: unknown;
  readonly doc: Document;
  readonly lines: LineCounter;
  /** Lines before the YAML starts in the file (1 for front matter after "---"). */
  lineOffset: number;
  /** The schema's output once validated (localized maps are marked in it). */
  parsed?: unknown;
}

/** Reads a file as UTF-8 text; binary or undecodable files are errors. */
export function readText(path: string, file: string): { text: string } | { error: ContentError } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    return { error: { file, message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})` } };
  }
  if (bytes.includes(0)) return { error: { file, line: 1, message: 'is a binary file (expected UTF-8 text)' } };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, '') };
  } catch {
    return { error: { file, line: 1, message: 'is not valid UTF-8 text (expected a UTF-8 encoded file)' } };
  }
}

/**
 * Parses YAML text with the `yaml` library, whose Document gives every node's position for
 * messages; syntax errors come back with their line.
 */
export function parseYaml(text: string, file: string, lineOffset = 0): { source: YamlSource } | { errors: ContentError[] } {
  const { doc, lines } = parseDocumentWithLines(text);
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const line = lines.linePos(first.pos[0]).line + lineOffset;
    if (first.code === 'DUPLICATE_KEY') return { errors: [duplicateKey(doc, lines, first.pos[0], file, lineOffset) ?? { file, line, message: 'duplicate key (each field may appear once)' }] };
    return { errors: [{ file, line, message: `is not valid YAML: ${YAML_WORDS[first.code] ?? first.message.split('\n')[0]}` }] };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    return { errors: [aliasError(doc, lines, err, file, lineOffset)] };
  }
  return { source: { file, data, doc, lines, lineOffset } };
}

/** What `yaml` throws on while building values: an alias to no anchor, or aliases expanding too far. */
function aliasError(doc: Document, lines: LineCounter, err: unknown, file: string, lineOffset: number): ContentError {
  const text = err instanceof Error ? err.message : String(err);
  const unresolved = /Unresolved alias.*: (.*)$/.exec(text)?.[1];
  let at: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (unresolved !== undefined && node.source !== unresolved) return undefined;
      at = node.range?.[0];
      return visit.BREAK;
    },
  });
  const line = (at === undefined ? 1 : lines.linePos(at).line) + lineOffset;
  return unresolved !== undefined
    ? { file, line, message: `is not valid YAML: the alias *${unresolved} has no anchor &${unresolved} before it (expected the "&${unresolved}" on an earlier value)` }
    : { file, line, message: 'is not valid YAML: its aliases (*name) expand to too many values (expected each value written out, or a few aliases)' };
}

function parseDocumentWithLines(text: string): { doc: Document; lines: LineCounter } {
  const lines = new LineCounter();
  return { doc: parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true }), lines };
}


/** Plain words for the YAML mistakes people make most. */
const YAML_WORDS: Record<string, string> = {
  MULTILINE_IMPLICIT_KEY: 'expected "field: value" (is the ":" after the field name missing, or the line indented wrongly?)',
  BAD_INDENT: 'this line is indented differently from the lines around it (expected the same indentation for fields of one map)',
  TAB_AS_INDENT: 'found a tab used for indentation (expected spaces)',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  UNEXPECTED_TOKEN: 'found something YAML cannot read here (is a value with ":" or "#" missing its quotes?)',
};

/** A duplicate key, reported at the second occurrence with its field path and the first one's line. */
function duplicateKey(doc: Document, lines: LineCounter, offset: number, file: string, lineOffset: number): ContentError | undefined {
  let found: ContentError | undefined;
  const walk = (node: unknown, path: PropertyKey[]) => {
    if (found) return;
    if (isMap(node)) {
      const seen = new Map<unknown, number>();
      for (const pair of node.items) {
        const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
        const start = key?.range?.[0];
        if (key && start !== undefined) {
          if (start === offset && seen.has(key.value)) {
            found = {
              file,
              line: lines.linePos(start).line + lineOffset,
              field: fieldPath([...path, String(key.value)]),
              message: `duplicate key (each field may appear once; "${String(key.value)}" is already on line ${seen.get(key.value)! + lineOffset})`,
            };
            return;
          }
          if (!seen.has(key.value)) seen.set(key.value, lines.linePos(start).line);
        }
        walk(pair.value, [...path, String(key?.value)]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  walk(doc.contents, []);
  return found;
}

/** Line of the node at `path`, or of its nearest existing ancestor. */
export function lineOf(src: YamlSource, path: readonly PropertyKey[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = src.doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && node.range) {
      // For a missing field, point at the parent map's key line rather than its first child.
      const parent = n < path.length && (isMap(node) || isSeq(node)) ? keyLine(src, path.slice(0, n)) : undefined;
      return parent ?? src.lines.linePos(node.range[0]).line + src.lineOffset;
    }
  }
  return 1 + src.lineOffset;
}

function keyLine(src: YamlSource, path: readonly PropertyKey[]): number | undefined {
  if (path.length === 0) return undefined;
  const parent = src.doc.getIn(path.slice(0, -1) as unknown[], true);
  if (isMap(parent)) {
    const pair = parent.items.find((p) => (p.key as { value?: unknown } | null)?.value === path[path.length - 1]);
    const range = (pair?.key as { range?: [number, number, number] } | null)?.range;
    if (range) return src.lines.linePos(range[0]).line + src.lineOffset;
  }
  return undefined;
}

/** An error at a field of a YAML source. */
export function errorAt(src: YamlSource, path: readonly PropertyKey[], message: string): ContentError {
  const field = fieldPath(path);
  return field ? { file: src.file, line: lineOf(src, path), field, message } : { file: src.file, line: lineOf(src, path), message };
}

/** What a missing or mistyped field should hold, by field name ("severity": "one of critical, major"). */
export type Hints = Record<string, string>;

/** Validates a source against a schema; every issue becomes an error with file, line and field. */
export function validate<S extends z.ZodType>(src: YamlSource, schema: S, hints: Hints = {}): { value: z.output<S> } | { errors: ContentError[] } {
  const result = schema.safeParse(src.data, { reportInput: true });
  if (result.success) return { value: result.data };
  const issues = flattenIssues(result.error.issues as Issue[], []);
  return { errors: mergeTypos(issues, hints).map((i) => errorAt(src, i.path, i.message)) };
}

/**
 * One line per unknown field, at the field itself. When an unknown field is a near miss of a
 * missing one ("serverity" for "severity"), the two issues become one "did you mean".
 */
function mergeTypos(issues: FlatIssue[], hints: Hints): FlatIssue[] {
  const missing = issues.filter((i) => i.missing);
  const dropped = new Set<FlatIssue>();
  const out: FlatIssue[] = [];
  for (const issue of issues) {
    if (!issue.unknownKeys) continue;
    for (const key of issue.unknownKeys) {
      const sibling = missing.find((m) => !dropped.has(m) && samePath(m.path.slice(0, -1), issue.path) && editDistance(String(m.path[m.path.length - 1]), key) <= 2);
      if (sibling) dropped.add(sibling);
      const name = sibling ? String(sibling.path[sibling.path.length - 1]) : undefined;
      out.push({ path: [...issue.path, key], message: name ? `unknown field (did you mean "${name}"?)` : 'unknown field (check the spelling; CONTRIBUTING.md lists the fields of each file)' });
    }
  }
  for (const issue of issues) {
    if (issue.unknownKeys || dropped.has(issue)) continue;
    const name = issue.path[issue.path.length - 1];
    const hint = typeof name === 'string' ? hints[name] : undefined;
    out.push(issue.missing && hint ? { ...issue, message: `is missing (expected ${hint})` } : issue);
  }
  return out;
}

function samePath(a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Levenshtein distance, for "did you mean" here and in the CLI's id suggestions. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  errors?: Issue[][];
}

interface FlatIssue {
  path: PropertyKey[];
  message: string;
  /** The field is absent. */
  missing?: boolean;
  /** Unknown field names found in the map at `path`. */
  unknownKeys?: string[];
}

/** Turns zod issues into one message each, in our "found X (expected Y)" wording. */
function flattenIssues(issues: Issue[], base: PropertyKey[]): FlatIssue[] {
  const out: FlatIssue[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0 && !issue.message.startsWith('found')) {
      // Report the branch that got furthest: one whose issues are not a plain type mismatch at its root.
      const branch = issue.errors.find((b) => !b.every((i) => i.code === 'invalid_type' && i.path.length === 0)) ?? issue.errors[0]!;
      out.push(...flattenIssues(branch, path));
      continue;
    }
    const flat: FlatIssue = { path, message: messageFor(issue) };
    if (issue.input === undefined && (issue.code === 'invalid_type' || issue.code === 'invalid_value')) flat.missing = true;
    if (issue.code === 'unrecognized_keys' && issue.keys) flat.unknownKeys = issue.keys;
    out.push(flat);
  }
  return out;
}

function messageFor(issue: Issue): string {
  if (issue.message.startsWith('found ') || issue.message.startsWith('is missing')) return issue.message;
  if (issue.input === undefined && issue.code === 'invalid_value') return `is missing (expected ${issue.values && issue.values.length > 1 ? `one of ${issue.values.join(', ')}` : String(issue.values?.[0])})`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `is missing (expected ${article(issue.expected)})`;
      return `found ${describe(issue.input)} (expected ${article(issue.expected)})`;
    case 'invalid_value':
      return `found ${describe(issue.input)} (expected ${issue.values && issue.values.length > 1 ? `one of ${issue.values.join(', ')}` : String(issue.values?.[0])})`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys!.length > 1 ? 's' : ''} ${issue.keys!.map((k) => `"${k}"`).join(', ')} (check the spelling; see CONTRIBUTING.md for the fields this file takes)`;
    case 'too_small':
      if (issue.origin === 'array') return `found ${describe(issue.input)} with too few items (expected at least ${issue.minimum})`;
      return `found ${describe(issue.input)} (expected at least ${issue.minimum})`;
    case 'too_big':
      return `found ${describe(issue.input)} (expected at most ${issue.maximum})`;
    case 'invalid_format':
      return `found ${describe(issue.input)} (expected a valid ${(issue as { format?: string }).format ?? 'value'})`;
    case 'invalid_key':
      return `found an invalid key (expected a language code such as "en" or "sv")`;
    default:
      return issue.message;
  }
}

function article(expected: string | undefined): string {
  switch (expected) {
    case 'array':
      return 'a list';
    case 'object':
      return 'a map of fields';
    case 'string':
      return 'a text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    default:
      return expected ?? 'a value';
  }
}
