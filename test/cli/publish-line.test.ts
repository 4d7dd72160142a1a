/**
 * The "Publish:" line the CLI prints for publishing by hand is safe to paste into a POSIX shell,
 * whatever the title and path hold: run through /bin/sh with a stub `git` (the only command on
 * PATH, recording its arguments), it makes exactly the three git calls, with the commit message
 * byte for byte, and nothing else runs.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { oneLine, publishLine, shellQuote } from '../../scripts/cli/publish.ts';
import { MINIMAL, runCli, tempDir } from '../helpers/fixtures.ts';

/**
 * Lines pasted per run: each costs four processes, so `npm test` pastes 100 with a fixed seed and
 * `npm run test:fuzz` (PHAROS_FUZZ_RUNS, PHAROS_FUZZ_SEED=random) thousands with a new seed.
 */
const RUNS = Number(process.env.PHAROS_FUZZ_RUNS ?? 100);
const SEED = process.env.PHAROS_FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.PHAROS_FUZZ_SEED ?? 20261122);

const root = tempDir('publish-line');
const bin = join(root, 'bin');
mkdirSync(bin);
// Each call appends "CALL" and its arguments, NUL-separated: NUL is the one byte no argument can hold.
writeFileSync(join(bin, 'git'), '#!/bin/sh\n{ printf "CALL\\0"; for a in "$@"; do printf "%s\\0" "$a"; done; } >> "$STUB_LOG"\n');
chmodSync(join(bin, 'git'), 0o755);

/** Runs a line in /bin/sh in an empty folder with only the stub on PATH; returns the calls and what else happened. */
function paste(line: string): { calls: Buffer; status: number | null; output: string; left: string[] } {
  const cwd = join(root, 'cwd');
  const log = join(root, 'calls');
  rmSync(cwd, { recursive: true, force: true });
  mkdirSync(cwd);
  writeFileSync(log, '');
  const r = spawnSync('/bin/sh', ['-c', line], { cwd, env: { PATH: bin, STUB_LOG: log, HOME: cwd } });
  return { calls: readFileSync(log), status: r.status, output: `${r.stdout}${r.stderr}`, left: readdirSync(cwd) };
}

/** The stub's record of add, commit and push with these arguments. */
function expected(path: string, message: string): Buffer {
  return Buffer.from(['CALL', 'add', '--', path, 'CALL', 'commit', '-m', message, '--', path, 'CALL', 'push'].map((a) => `${a}\0`).join(''), 'utf8');
}

// What shells and terminals treat specially, and some text that is only text.
const FRAGMENTS = [
  "'",
  '"',
  '`',
  '$',
  '$(',
  ')',
  '${',
  '}',
  '\\',
  '!',
  '!!',
  '\n',
  '\r',
  '\t',
  ';',
  '&&',
  '|',
  '<',
  '>',
  '*',
  '?',
  '[',
  ']',
  '~',
  '#',
  ' ',
  '\0',
  '\x1b[31m',
  '\x7f',
  '\x85',
  '\u202e',
  '\u2066',
  '\u2028',
  'é',
  '😀',
  '$(touch x)',
  '`touch y`',
  "'\\''",
  '%s',
  '-m',
  '--',
  '\uD800',
];
const text = fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 16 }).map((parts) => parts.join(''));

describe('publishLine', () => {
  test(`pasted into /bin/sh (${RUNS} lines, seed ${SEED}), it runs git add, commit and push with the message byte for byte, and nothing else`, () => {
    fc.assert(
      fc.property(text, text, (title, name) => {
        const message = oneLine(`Incident: ${title}`);
        // A file name can hold anything but NUL; the CLI's are far tamer.
        const path = `content/incidents/${name.replace(/\0/g, '')}.md`.toWellFormed();
        const run = paste(publishLine(path, message));
        expect(run.output).toBe('');
        expect(run.status).toBe(0);
        expect(run.left).toEqual([]);
        expect(run.calls.equals(expected(path, message))).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('the message is one printable line: no control characters, line breaks or bidirectional overrides', () => {
    fc.assert(
      fc.property(text, (title) => {
        const message = oneLine(title);
        expect(message).not.toMatch(/[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u);
        expect(message).toBe(message.trim());
        expect(message.isWellFormed()).toBe(true);
      }),
      { seed: 20261122, numRuns: 500 },
    );
  });

  test.each([
    ['content/incidents/2026-11-22-x.md', 'content/incidents/2026-11-22-x.md'],
    ['', "''"],
    ["it's", "'it'\\''s'"],
    ['$(touch x)', "'$(touch x)'"],
    ['a b', "'a b'"],
    ['~/x', "'~/x'"],
  ])('shellQuote(%j) is %s', (word, quoted) => {
    expect(shellQuote(word)).toBe(quoted);
  });
});

describe('every command that writes prints a line like that', () => {
  const dir = join(tempDir('publish-line-cli'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  const title = 'Sign-in $(touch x) `id` "fails" it\'s';
  test.each([
    [
      'incident new',
      ['incident', 'new', '--title', title, '--slug', 'sign-in', '--severity', 'minor', '--affects', 'widget', '--message', 'x'],
      'content/incidents/2026-11-22-sign-in.md',
      `Incident: ${title}`,
    ],
    [
      'incident update',
      ['incident', 'update', '2026-11-22-sign-in', '--status', 'monitoring', '--message', 'y'],
      'content/incidents/2026-11-22-sign-in.md',
      `Incident update: ${title} (monitoring)`,
    ],
    [
      'incident resolve',
      ['incident', 'resolve', '2026-11-22-sign-in', '--message', 'z'],
      'content/incidents/2026-11-22-sign-in.md',
      `Incident resolved: ${title}`,
    ],
    [
      'maintenance new',
      [
        'maintenance',
        'new',
        '--title',
        // A tab (a title may hold one; line breaks it may not) becomes a space in the commit message.
        `${title}\tsecond part`,
        '--slug',
        'work',
        '--products',
        'widget',
        '--start',
        '2026-12-01T22:00:00Z',
        '--end',
        '2026-12-01T23:00:00Z',
        '--message',
        'w',
      ],
      'content/maintenance/2026-12-01-work.md',
      `Maintenance: ${title} second part`,
    ],
  ])('%s', (_, args, path, message) => {
    const run = runCli(args, { PHAROS_NOW: '2026-11-22T10:30:00Z', TZ: 'UTC' }, join(dir, '..'));
    expect(run.stderr).toBe('');
    const line = /^Publish: (.*)$/m.exec(run.stdout)?.[1];
    expect(line).toBe(publishLine(path, message));
    const pasted = paste(line!);
    expect([pasted.status, pasted.output, pasted.left]).toEqual([0, '', []]);
    expect(pasted.calls.equals(expected(path, message))).toBe(true);
  });
});
