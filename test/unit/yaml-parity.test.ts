/**
 * Content YAML is read by js-yaml first (fast) and by the `yaml` library when js-yaml fails or could
 * read the text differently; `yaml` is the reference. Whatever path a text takes, parseYaml must give
 * what `yaml` alone gives: the same data, or an error where `yaml` finds one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { ROOT, tempDir } from '../helpers/fixtures.ts';
import { generateSite } from '../../bench/generate.ts';

/** The `yaml` library's reading, as the loader used it before js-yaml read first. */
function reference(text: string): { data: unknown } | { error: string } {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true, strict: true });
  if (doc.errors.length > 0) return { error: doc.errors[0]!.code };
  try {
    return { data: doc.toJS({ maxAliasCount: 100 }) };
  } catch (e) {
    return { error: String(e) };
  }
}

async function expectSame(texts: string[]) {
  const { parseYaml } = await import('../../src/lib/content/source.ts');
  for (const text of texts) {
    const want = reference(text);
    const got = parseYaml(text, 'x.yaml');
    if ('error' in want) expect('errors' in got ? 'error' : got.source.data, JSON.stringify(text)).toBe('error');
    else expect('source' in got ? got.source.data : got.errors, JSON.stringify(text)).toStrictEqual(want.data);
  }
}

/** The YAML of a content file: the front matter of a Markdown file, the whole text of a YAML file. */
function yamlOf(path: string): string {
  const text = readFileSync(path, 'utf8');
  if (!path.endsWith('.md')) return text;
  return /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? text;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? filesUnder(p) : /\.(md|ya?ml)$/.test(e) ? [p] : [];
  });
}

// Plain scalars where YAML 1.1, 1.2 core and JSON disagree, and the edge cases of each number form.
const SCALARS = ['0b101', '+0x1F', '0x1F', '0o17', '-0o17', '1_000', '1e3', '.5', '5.', '+.inf', '-.Inf', '.NaN', '.nan', '~', 'Null', 'NULL', 'nULL', 'TRUE', 'True', 'tRUE', 'yes', 'on', 'off', 'y', '2026-11-22', '2026-11-22T10:00:00Z', '12:30', '1:30:00', '0x', '08', '010', '+12', '-0', '1.0e+3', '1E3', '0.', '.', '-', '+', '0', '00', '-1.5e-3', '1e', 'e3', '0xG', '0o8', '.inf', '+.INF', '1e400', '-1e400', '9007199254740993', '100000000000000000000', '0.1', '=', '<<', '!', '&a', '*a', '@x', '`x', '%x', '"x"', "'x'", 'x #c', 'x#c', 'a: b', '- a', '? x', '[a]', '{a: 1}', 'é', '', ' ', '1 2', 'true false', '"1e400"', "'0x1F'", '"null"'];

const DOCUMENTS = [
  'k: "\\x41\\u263A\\U0001F600\\N\\_\\L\\P\\ \\/\\t\\0\\a\\b\\e\\f\\v\\r\\\\\\""\n',
  "k: 'it''s'\n", 'k: >\n  a\n  b\n\n  c\n', 'k: |+\n  a\n\n', 'k: |2-\n   a\n', 'k: >-\n  a\n   b\n  c\n', 'k: >+\n  a\n\n\n', 'k: | # c\n  a\n',
  'k: a\n  b\n  c\n', 'k: a # c\n# x\n', '%YAML 1.2\n---\nk: 1\n...\n', '%YAML 1.1\n---\nk: yes\n', '%TAG !e! tag:example.com,2000:\n---\nk: !e!x 1\n',
  'k:\n\t- a\n', 'k: 1\r\nj: 2\r\n', 'k: 1\nk: 2\n', 'k: {a: 1, a: 2}\n', 'a: &x 1\nb: *x\n', 'a: &x [1, 2]\nb: [*x, *x]\n', 'a: !!str 1\n', 'a: !!int "1"\n', 'a: !foo x\n', 'a: !!binary aGk=\n', 'a: ! 1\n',
  '<<: {a: 1}\nb: 2\n', 'k: "a\n  b"\n', "k: 'a\n\n  b'\n", '? a\n: b\n', '? [a, b]\n: c\n', 'k: [a, b, ]\n', 'k: {a, b}\n', '- - a\n  - b\n- c\n', 'k:\n- a\n- b\n',
  'k: -a\n', 'k: "unterminated\n', 'k: x: y\n', 'a:\n  b: 1\n c: 2\n', '- a\n b\n', 'k: |\n  a\n b\n', 'k: "\\q"\n', 'k: 1\n---\nj: 2\n', '', '# only\n', '---\n',
  'k: |\n\n  a\n', 'k: >\n\n  a\n  \n  b\n', 'key with spaces: v\n', '"quoted key": v\n', "k: ''\n", 'k: ""\n', 'k:\n', 'k: null\nj: ~\n', '__proto__: {a: 1}\n', 'k: {__proto__: 1}\n', 'constructor: x\n',
  '1: a\n2: b\n', 'null: a\n', '"null": a\n', 'true: a\n', '1.5: a\n', '"1.5": a\n', '[1, 2]: a\n', 'k: [\n  a,\n  b\n]\n', 'k: {\n a: 1\n}\n', 'k: a\tb\n', 'k:   a  \n', 'k: a\n\n\nj: b\n', '  k: 1\n  j: 2\n',
  'k: - a\n', 'k: ? a\n', 'k: "a\\\n  b"\n', 'k: \u2028x\n', 'k: "\u0085"\n', 'k: a\u0085b\n', 'k: \x07\n', '- [a, [b, [c, [d]]]]\n', `${'['.repeat(200)}${']'.repeat(200)}\n`,
];

describe('YAML read by js-yaml where it agrees with yaml', () => {
  test('every kind of scalar, as a value, a list item, a key and inside flow collections', async () => {
    await expectSame(SCALARS.flatMap((s) => [`k: ${s}\n`, `- ${s}\n`, `${s}: v\n`, `k: [${s}]\n`, `k: {${s}: 1}\n`]));
  });

  test('quoting, block scalars, directives, anchors, tags, duplicates and syntax errors', async () => {
    await expectSame(DOCUMENTS);
  });

  test('the sample content, the broken and hostile corpus and the fixture sites', async () => {
    const files = ['content', 'test/fixtures'].flatMap((d) => filesUnder(join(ROOT, d)));
    expect(files.length).toBeGreaterThan(80);
    await expectSame(files.map(yamlOf));
  });

  test('generated incidents, maintenance and releases', async () => {
    const dir = join(tempDir('yaml-parity'), 'site');
    generateSite({ dir, incidents: 300, seed: 3 });
    await expectSame(filesUnder(dir).map(yamlOf));
  });
});

describe('the position-keeping Document', () => {
  afterEach(() => {
    vi.doUnmock('yaml');
    vi.resetModules();
  });

  /** parseYaml with a count of the `yaml` Documents it builds. */
  async function counted() {
    vi.resetModules();
    const calls = { n: 0 };
    vi.doMock('yaml', async (original) => {
      const real = await original<typeof import('yaml')>();
      return { ...real, parseDocument: (...args: Parameters<typeof real.parseDocument>) => (calls.n++, real.parseDocument(...args)) };
    });
    const { parseYaml, errorAt } = await import('../../src/lib/content/source.ts');
    return { parseYaml, errorAt, calls };
  }

  test('is built only when a message needs a line, and then points at the field', async () => {
    const { parseYaml, errorAt, calls } = await counted();
    const parsed = parseYaml('title: "Login errors"\nseverity: major\nupdates:\n  - at: "2026-11-20T08:12:00Z"\n    message: |-\n      Looking into it.\n', 'i.md', 1);
    if (!('source' in parsed)) throw new Error('expected valid YAML');
    expect(parsed.source.data).toStrictEqual({ title: 'Login errors', severity: 'major', updates: [{ at: '2026-11-20T08:12:00Z', message: 'Looking into it.' }] });
    expect(calls.n).toBe(0);
    expect(errorAt(parsed.source, ['updates', 0, 'at'], 'x')).toStrictEqual({ file: 'i.md', line: 5, field: 'updates[0].at', message: 'x' });
    expect(errorAt(parsed.source, ['severity'], 'y').line).toBe(3);
    expect(calls.n).toBe(1);
  });

  test('an alias without its anchor, or aliases that expand too far, is one error at its line', async () => {
    const { parseYaml } = await import('../../src/lib/content/source.ts');
    expect(parseYaml('title: a\nseverity: *level\n', 'i.md', 1)).toStrictEqual({ errors: [{ file: 'i.md', line: 3, message: 'is not valid YAML: the alias *level has no anchor &level before it (expected the "&level" on an earlier value)' }] });
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    const result = parseYaml(`${bomb}\n`, 'x.yaml');
    expect('errors' in result && result.errors).toStrictEqual([{ file: 'x.yaml', line: 2, message: 'is not valid YAML: its aliases (*name) expand to too many values (expected each value written out, or a few aliases)' }]);
  });

  test('reports js-yaml-refused texts with yaml\'s own line', async () => {
    const { parseYaml, calls } = await counted();
    expect(parseYaml('title: a\ntitle: b\n', 'i.md', 1)).toStrictEqual({ errors: [{ file: 'i.md', line: 3, field: 'title', message: 'duplicate key (each field may appear once; "title" is already on line 2)' }] });
    expect(calls.n).toBe(1);
  });
});
