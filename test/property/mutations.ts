/**
 * Random mistakes in content: fields deleted, types swapped, hostile and odd strings, boundary
 * numbers and dates, random release rules, duplicated list items, files replaced by random bytes.
 * A mutation is data (it prints as JSON), so a failing case found by a long run can be kept as a
 * fixed regression case.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';

/** A key path inside a file's data; "body" of a Markdown file is its text after the front matter. */
export type Path = (string | number)[];

/** One change to one content file (`file` relative to the content folder). */
export type Mutation =
  | { file: string; kind: 'delete'; at: Path | number }
  | { file: string; kind: 'set'; at: Path | number; value: unknown }
  | { file: string; kind: 'duplicate'; at: Path | number }
  | { file: string; kind: 'bytes'; bytes: number[] };

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** A content file as data: YAML, or a Markdown file's front matter with its body under "body". */
function read(path: string): unknown {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.md')) return parse(text);
  const m = FRONT.exec(text);
  return { ...(parse(m?.[1] ?? '') as object), body: m?.[2] ?? '' };
}

function write(path: string, data: unknown): void {
  if (!path.endsWith('.md')) return writeFileSync(path, stringify(data));
  const { body, ...front } = (data ?? {}) as { body?: unknown };
  writeFileSync(path, `---\n${stringify(front)}---\n${typeof body === 'string' ? body : stringify(body)}`);
}

/** Every path to a value inside `data` (the root excluded), depth first. */
function paths(data: unknown, prefix: Path = []): Path[] {
  if (data === null || typeof data !== 'object') return [];
  const entries: [string | number, unknown][] = Array.isArray(data) ? data.map((v, i) => [i, v]) : Object.entries(data);
  return entries.flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
}

/** The concrete path a mutation's `at` stands for in `data` (a number picks one of its paths). */
function resolvePath(data: unknown, at: Path | number): Path | undefined {
  if (Array.isArray(at)) return at;
  const all = paths(data);
  return all.length === 0 ? undefined : all[at % all.length];
}

function parentOf(data: unknown, path: Path): Record<string | number, unknown> | undefined {
  let node = data;
  for (const key of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>) : undefined;
}

/** Applies a mutation to the content folder `dir`; returns it with its path made concrete (for a regression case). */
export function apply(dir: string, m: Mutation): Mutation {
  const path = join(dir, m.file);
  if (m.kind === 'bytes') {
    writeFileSync(path, Buffer.from(m.bytes));
    return m;
  }
  const data = read(path);
  const at = resolvePath(data, m.at);
  const parent = at && parentOf(data, at);
  if (!at || !parent) return m;
  const key = at.at(-1)!;
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if (m.kind === 'set') {
    parent[key] = m.value;
  } else if (Array.isArray(parent)) {
    parent.splice(Number(key), 0, structuredClone(parent[Number(key)]));
  }
  write(path, data);
  return { ...m, at };
}

/** Strings that have broken, or could break, a parser, a renderer or a shell. */
const HOSTILE = [
  '',
  ' ',
  '\n',
  'line one\nline two',
  '$(touch /tmp/pharos-pwned)',
  '`touch /tmp/pharos-pwned`',
  '"; rm -rf / #',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[click](javascript:alert(1))',
  '![x](data:text/html,<script>alert(1)</script>)',
  'text[^1]\n\n[^1]: note',
  '\u202Egnp.exe',
  '\u0000\u0001\u0007',
  '\uFEFFbom',
  '\uD800',
  '💥🚨'.repeat(50),
  'x'.repeat(161),
  'y'.repeat(200_000),
  'UTC-6',
  'CET',
  'Europe/Nowhere',
  'Etc/GMT+6',
  'Asia/Calcutta',
  'EST5EDT',
  'en-XX',
  'zz',
  'http://',
  'https://exa mple.com',
  'mailto:',
  'tel:+',
  '*/15 * * * *',
  'null',
  '~',
  '0x1F',
  '1e309',
];

/** Dates and instants at and beyond the edges. */
const DATES = [
  '2026-02-29',
  '2028-02-29',
  '2026-04-31',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31',
  '2026-11-22T24:00:00Z',
  '2026-11-22T23:59:60Z',
  '2026-03-29T02:30:00+01:00',
  '2026-10-25T02:30:00+02:00',
  '2026-11-22T10:00:00',
  '2026-11-22T10:00:00+25:00',
  '1970-01-01T00:00:00Z',
  '2099-12-31T23:59:59Z',
  '2026-11-22T09:59:59.999Z',
  '2026-11-22 10:00 Europe/Stockholm',
];

/** Numbers at the edges. */
const NUMBERS = [0, -1, 1, 0.5, -0, 24, 25, 60, 1440, 2 ** 31, Number.MAX_SAFE_INTEGER + 2, 1e308, -1e308];

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/** RFC 5545 rules, mostly near misses: parts that exist with values that may not. */
export const rruleArb: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY', 'HOURLY', 'SECONDLY', 'FORTNIGHTLY', 'monthly', ''),
    fc.array(
      fc.oneof(
        fc
          .tuple(fc.option(fc.integer({ min: -60, max: 60 }), { nil: undefined }), fc.constantFrom(...WEEKDAYS, 'XX', 'mo', ''))
          .map(([n, d]) => `BYDAY=${n ?? ''}${d}`),
        fc.integer({ min: -40, max: 40 }).map((n) => `BYMONTHDAY=${n}`),
        fc.integer({ min: -2, max: 14 }).map((n) => `BYMONTH=${n}`),
        fc.integer({ min: -400, max: 400 }).map((n) => `BYSETPOS=${n}`),
        fc.integer({ min: -2, max: 10 }).map((n) => `INTERVAL=${n}`),
        fc.integer({ min: -1, max: 30 }).map((n) => `COUNT=${n}`),
        fc.constantFrom('UNTIL=20260101', 'UNTIL=20300101T000000Z', 'UNTIL=2026-01-01', 'UNTIL=19990101'),
        fc.constantFrom(...WEEKDAYS, 'XX').map((d) => `WKST=${d}`),
        fc.integer({ min: -60, max: 60 }).map((n) => `BYWEEKNO=${n}`),
        fc.integer({ min: -400, max: 400 }).map((n) => `BYYEARDAY=${n}`),
        fc.constantFrom('BYHOUR=10', 'X-NAME=1', 'BYDAY=', 'FREQ=WEEKLY', ';', 'BYDAY=MO,,TU'),
      ),
      { maxLength: 4 },
    ),
    fc.boolean(),
  )
  .map(([freq, parts, prefix]) => `${prefix ? 'RRULE:' : ''}${[`FREQ=${freq}`, ...parts].join(';')}`);

/** Any value a person could type into YAML, odd ones first. */
const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.constantFrom(...DATES),
  fc.constantFrom(...NUMBERS),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  rruleArb,
);

/** A mutation of one of `files` (relative to the content folder). */
export function mutationArb(files: readonly string[]): fc.Arbitrary<Mutation> {
  const file = fc.constantFrom(...files);
  const at = fc.nat();
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ file, kind: fc.constant('delete' as const), at }) },
    { weight: 8, arbitrary: fc.record({ file, kind: fc.constant('set' as const), at, value: valueArb }) },
    { weight: 2, arbitrary: fc.record({ file, kind: fc.constant('duplicate' as const), at }) },
    { weight: 1, arbitrary: fc.record({ file, kind: fc.constant('bytes' as const), bytes: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 200 }) }) },
  );
}

/** A release rule set on one of the products with a recurring cadence (their indexes in products.yaml). */
export function rruleMutationArb(recurring: readonly number[]): fc.Arbitrary<Mutation> {
  return fc.record({
    file: fc.constant('products.yaml'),
    kind: fc.constant('set' as const),
    at: fc.constantFrom(...recurring).map((i): Path => ['products', i, 'cadence', 'rrule']),
    value: rruleArb,
  });
}
