/** The front-matter split the loader and the CLI share: the parts, the lines, the file again to the byte. */
import { describe, expect, test } from 'vitest';
import { splitFrontMatter } from '../../src/lib/front-matter-split.ts';

describe('splitFrontMatter', () => {
  test.each([
    ['fields and a body', '---\ntitle: T\nseverity: minor\n---\nThe report.\n', 'title: T\nseverity: minor', 'The report.\n', 4, '\n'],
    ['no body and no final line break', '---\ntitle: T\n---', 'title: T', '', 3, '\n'],
    ['a blank line before the closing line', '---\ntitle: T\n\n---\n\nBody', 'title: T\n', '\nBody', 4, '\n'],
    ['Windows line endings', '---\r\ntitle: T\r\n---\r\nBody\r\n', 'title: T', 'Body\r\n', 3, '\r\n'],
    ['spaces after the dashes', '--- \ntitle: T\n---\t\nBody', 'title: T', 'Body', 3, '\n'],
    ['a byte-order mark', '\uFEFF---\ntitle: T\n---\n', 'title: T', '', 3, '\n'],
    ['a second "---" in the body', '---\na: 1\n---\ntext\n---\nmore', 'a: 1', 'text\n---\nmore', 3, '\n'],
    ['no fields', '---\n---\nBody', '', 'Body', 2, '\n'],
  ])('%s', (_, text, yaml, body, closingLine, eol) => {
    const s = splitFrontMatter(text)!;
    expect(s).toMatchObject({ yaml, body, closingLine, eol, lineOffset: 1 });
    expect(s.head + s.yaml + s.tail).toBe(text);
    expect(text.replace(/^\uFEFF/, '').split(/\r?\n/)[closingLine - 1]).toMatch(/^---[ \t]*$/);
    // The loader has counted the closing line as the YAML's line breaks plus three.
    if (yaml !== '') expect(closingLine).toBe((yaml.match(/\n/g)?.length ?? 0) + 3);
  });

  test.each([
    ['no front matter', 'title: T\n'],
    ['front matter never closed', '---\ntitle: T\n'],
    ['dashes that are not a line of their own', '----\ntitle: T\n---\n'],
    ['text before the opening line', '\n---\ntitle: T\n---\n'],
  ])('%s: none', (_, text) => {
    expect(splitFrontMatter(text)).toBeUndefined();
  });
});
