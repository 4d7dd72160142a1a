/** Content YAML, read by the `yaml` library: data, and every message at the line of its field. */
import { describe, expect, test } from 'vitest';
import { errorAt, parseYaml } from '../../src/lib/content/source.ts';

describe('parseYaml', () => {
  test("gives the data, and a field's line for a message (front matter starts after one line)", () => {
    const parsed = parseYaml(
      'title: "Login errors"\nseverity: major\nupdates:\n  - at: "2026-11-20T08:12:00Z"\n    message: |-\n      Looking into it.\n',
      'i.md',
      1,
    );
    if (!('source' in parsed)) throw new Error('expected valid YAML');
    expect(parsed.source.data).toStrictEqual({
      title: 'Login errors',
      severity: 'major',
      updates: [{ at: '2026-11-20T08:12:00Z', message: 'Looking into it.' }],
    });
    expect(errorAt(parsed.source, ['updates', 0, 'at'], 'x')).toStrictEqual({ file: 'i.md', line: 5, field: 'updates[0].at', message: 'x' });
    expect(errorAt(parsed.source, ['severity'], 'y').line).toBe(3);
  });

  test('a duplicate key is one error at its second line, naming the first', () => {
    expect(parseYaml('title: a\ntitle: b\n', 'i.md', 1)).toStrictEqual({
      errors: [{ file: 'i.md', line: 3, field: 'title', message: 'duplicate key (each field may appear once; "title" is already on line 2)' }],
    });
  });

  test('an alias without its anchor, or aliases that expand too far, is one error at its line', () => {
    expect(parseYaml('title: a\nseverity: *level\n', 'i.md', 1)).toStrictEqual({
      errors: [
        { file: 'i.md', line: 3, message: 'is not valid YAML: the alias *level has no anchor &level before it (expected the "&level" on an earlier value)' },
      ],
    });
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefghij'.split('').map(
        (k, i) =>
          `${k}: &${k} [${Array(10)
            .fill(`*${String.fromCharCode(97 + i)}`)
            .join(', ')}]`,
      ),
    ].join('\n');
    const result = parseYaml(`${bomb}\n`, 'x.yaml');
    expect('errors' in result && result.errors).toStrictEqual([
      {
        file: 'x.yaml',
        line: 2,
        message: 'is not valid YAML: its aliases (*name) expand to too many values (expected each value written out, or a few aliases)',
      },
    ]);
  });

  test.each([
    ['yes', 'yes'],
    ['on', 'on'],
    ['010', 10],
    ['0o10', 8],
    ['1e3', 1000],
    ['2026-11-20', '2026-11-20'],
    ['~', null],
  ])('YAML 1.2 core schema: %s reads as %j', (scalar, value) => {
    const parsed = parseYaml(`v: ${scalar}\n`, 'x.yaml');
    expect('source' in parsed && (parsed.source.data as { v: unknown }).v).toStrictEqual(value);
  });
});
