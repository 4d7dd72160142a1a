/** Editing front matter keeps everything that was not edited: comments, wrapped text, quoting, the body. */
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { editYaml, joinFrontMatter, splitFrontMatter, type Edit } from '../../scripts/cli/front-matter.ts';

const FILE = `---
# Header comment: why this incident matters.
title: { en: Cloud sign-in fails, sv: Inloggning misslyckas }   # kept as a flow map
severity: critical
updates:                      # oldest first
  - at: "2026-11-22T09:05:00Z"
    status: identified        # a trailing comment
    message:
      en: >-
        A long paragraph that was wrapped by hand at a width the yaml package would
        not choose, so re-printing the document would move these line breaks.
      sv: Kort.
  # a comment between updates
---
The report, with **Markdown**   and trailing spaces   
and no final newline`;

const update: Edit = { op: 'append', key: 'updates', item: { at: '2026-11-22T10:00:00Z', status: 'resolved', message: 'Fixed.' } };
const resolved: Edit = { op: 'set', key: 'resolved', value: '2026-11-22T10:00:00Z', comment: "equals the resolved update's time" };

describe('editYaml', () => {
  test('appending an update and setting resolved adds lines and changes no existing one', () => {
    const fm = splitFrontMatter(FILE)!;
    const out = joinFrontMatter({ ...fm, yaml: editYaml(fm.yaml, [update, resolved], fm.eol) });
    const before = FILE.split('\n');
    const after = out.split('\n');
    // Every original line is still there, in order; only new ones were inserted.
    let i = 0;
    for (const line of after) if (line === before[i]) i++;
    expect(i).toBe(before.length);
    expect(after.length - before.length).toBe(4);
    expect(out).toContain('  - at: "2026-11-22T10:00:00Z"\n    status: resolved\n    message: Fixed.\n');
    expect(out).toContain('resolved: "2026-11-22T10:00:00Z"   # equals the resolved update\'s time\n---\n');
    expect(out.endsWith('The report, with **Markdown**   and trailing spaces   \nand no final newline')).toBe(true);
    const data = parse(splitFrontMatter(out)!.yaml) as { updates: unknown[]; resolved: string };
    expect(data.updates).toHaveLength(2);
    expect(data.resolved).toBe('2026-11-22T10:00:00Z');
  });

  test('a file without the list yet (a hand-written window with no updates) keeps every line, and gains the list at its end', () => {
    const yaml =
      'title: Hand window   # keep me\nproducts:\n  - daptiv\nwindow:\n  start: "2026-12-10T10:00:00+01:00"   # local\n  end: "2026-12-10T12:00:00+01:00"\n';
    const out = editYaml(yaml, [{ op: 'append', key: 'updates', item: { at: '2026-11-22T04:00:00-06:00', message: 'note' } }]);
    expect(out).toBe(`${yaml}updates:\n  - at: "2026-11-22T04:00:00-06:00"\n    message: note\n`);
  });

  test("a new item follows the list's own style: one flow line after flow items", () => {
    const yaml = 'products: [widget]\nupdates:\n  - { at: "2026-11-20T12:00:00Z", message: Planned. }\n';
    const out = editYaml(yaml, [{ op: 'append', key: 'updates', item: { at: '2026-11-26T01:00:00Z', message: 'Done.' } }]);
    expect(out).toBe(`${yaml}  - { at: "2026-11-26T01:00:00Z", message: Done. }\n`);
  });

  test.each([
    ['a long message', 'x '.repeat(60).trim(), /message: >-\n {6}x x/],
    ['a message with paragraphs', 'First line.\n\n- a list item', /message: \|-\n {6}First line\.\n\n {6}- a list item/],
    ['a message YAML would misread', 'yes: really # not a comment', /message: "yes: really # not a comment"/],
  ])('%s is written so it reads back exactly', (_, message, shape) => {
    const yaml = 'updates:\n  - at: "2026-11-22T09:05:00Z"\n    message: A.';
    const out = editYaml(yaml, [{ op: 'append', key: 'updates', item: { at: '2026-11-22T10:00:00Z', message } }]);
    expect(out.startsWith(yaml)).toBe(true);
    expect(out).toMatch(shape);
    expect((parse(out) as { updates: { message: string }[] }).updates[1]!.message).toBe(message);
  });

  test.each([
    [0, '  - at: "0"\n    message: New.\n  - at: "1"\n'],
    // A comment above an item stays above it.
    [1, '  - at: "1"\n    message: One.\n  - at: "0"\n    message: New.\n  # about two\n  - at: "2"\n'],
    [2, '  - at: "2"\n    message: Two.\n  - at: "0"\n    message: New.\n  - at: "3"\n'],
    [3, '    message: Three.\n  - at: "0"\n    message: New.\nresolved'],
  ])('inserting an update before item %i adds its lines there and changes no existing one', (index, around) => {
    const yaml = 'updates:\n  - at: "1"\n    message: One.\n  # about two\n  - at: "2"\n    message: Two.\n  - at: "3"\n    message: Three.\nresolved: "3"\n';
    const out = editYaml(yaml, [{ op: 'insert', key: 'updates', index, item: { at: '0', message: 'New.' } }]);
    expect(out).toContain(around);
    expect(out.replace('  - at: "0"\n    message: New.\n', '')).toBe(yaml);
    const messages = (parse(out) as { updates: { message: string }[] }).updates.map((u) => u.message);
    expect(messages).toEqual(['One.', 'Two.', 'Three.'].toSpliced(index, 0, 'New.'));
  });

  test('deleting resolved removes only its line', () => {
    const yaml = 'updates:\n  - at: "a"\nresolved: "2026-11-22T10:00:00Z"   # note\n# last comment';
    expect(editYaml(yaml, [{ op: 'delete', key: 'resolved' }])).toBe('updates:\n  - at: "a"\n# last comment');
  });

  test('an existing resolved is replaced in place, its comment kept', () => {
    const yaml = 'resolved: "2026-11-22T09:00:00Z"   # note\nafter: 1';
    expect(editYaml(yaml, [resolved])).toBe('resolved: "2026-11-22T10:00:00Z"   # note\nafter: 1');
  });

  test('CRLF files stay CRLF', () => {
    const file = FILE.replace(/\n/g, '\r\n');
    const fm = splitFrontMatter(file)!;
    expect(fm.eol).toBe('\r\n');
    const out = joinFrontMatter({ ...fm, yaml: editYaml(fm.yaml, [update, resolved], fm.eol) });
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out.startsWith(file.slice(0, file.indexOf('  # a comment between updates')))).toBe(true);
  });

  test('a flow-style list falls back to the Document API, which keeps comments', () => {
    const yaml = '# why\nupdates: [{ at: "a", message: A }] # trailing\n';
    const out = editYaml(yaml, [{ op: 'append', key: 'updates', item: { at: 'b', message: 'B' } }]);
    expect(out).toContain('# why');
    expect(out).toContain('# trailing');
    expect(parse(out)).toEqual({
      updates: [
        { at: 'a', message: 'A' },
        { at: 'b', message: 'B' },
      ],
    });
  });
});

test.each([
  ['no front matter', 'Just text'],
  ['an unclosed front matter', '---\ntitle: x\n'],
])('splitFrontMatter gives up on %s', (_, text) => {
  expect(splitFrontMatter(text)).toBeUndefined();
});
