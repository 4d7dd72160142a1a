/** Reading content files as text and YAML while keeping positions for error messages. */
import { readFileSync } from 'node:fs';
import { LineCounter, isMap, isSeq, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { describe } from '../../schemas/common.ts';
import { fieldPath, type ContentError } from './errors.ts';

/** A parsed YAML source with what is needed to point at a line. */
export interface YamlSource {
  file: string;
  data: unknown;
  doc: Document;
  lines: LineCounter;
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

/** Parses YAML text; syntax errors come back with their line. */
export function parseYaml(text: string, file: string, lineOffset = 0): { source: YamlSource } | { errors: ContentError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) {
    const first = doc.errors[0]!;
    const pos = lines.linePos(first.pos[0]);
    const what = first.code === 'DUPLICATE_KEY' ? 'duplicate key (each field may appear once)' : `is not valid YAML: ${first.message.split('\n')[0]}`;
    return { errors: [{ file, line: pos.line + lineOffset, message: what }] };
  }
  return { source: { file, data: doc.toJS({ maxAliasCount: 100 }), doc, lines, lineOffset } };
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

/** Validates a source against a schema; every issue becomes an error with file, line and field. */
export function validate<S extends z.ZodType>(src: YamlSource, schema: S, data: unknown = src.data): { value: z.output<S> } | { errors: ContentError[] } {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return { value: result.data };
  return { errors: flattenIssues(result.error.issues as Issue[], []).map((i) => errorAt(src, i.path, i.message)) };
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

/** Turns zod issues into one message each, in our "found X (expected Y)" wording. */
function flattenIssues(issues: Issue[], base: PropertyKey[]): { path: PropertyKey[]; message: string }[] {
  const out: { path: PropertyKey[]; message: string }[] = [];
  for (const issue of issues) {
    const path = [...base, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors && issue.errors.length > 0 && !issue.message.startsWith('found')) {
      // Report the branch that got furthest: one whose issues are not a plain type mismatch at its root.
      const branch = issue.errors.find((b) => !b.every((i) => i.code === 'invalid_type' && i.path.length === 0)) ?? issue.errors[0]!;
      out.push(...flattenIssues(branch, path));
      continue;
    }
    out.push({ path, message: messageFor(issue) });
  }
  return out;
}

function messageFor(issue: Issue): string {
  if (issue.message.startsWith('found ')) return issue.message;
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
