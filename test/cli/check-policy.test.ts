/**
 * `pharos check` beyond validity: the warnings the support policy implies, which change the exit
 * status only with --strict, and `--format github`, which turns errors and warnings into the
 * annotation lines GitHub shows on a pull request.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MINIMAL, ROOT, materialise, runCli, runCliHere, tempDir, type Run } from '../helpers/fixtures.ts';

function site(): string {
  const dir = join(tempDir('cli-policy'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  return dir;
}

/** The CLI as a process, for the setup a describe block does while the tests are collected. */
function pharosProcess(dir: string, now: string, ...args: string[]): Run {
  return runCli(args, { PHAROS_NOW: now, TZ: 'UTC' }, dirname(dir));
}

/** The CLI in this process at a pinned now (a process each cost most of a second). */
function pharos(dir: string, now: string, ...args: string[]): Promise<Run> {
  return runCliHere(args, { PHAROS_NOW: now }, dirname(dir));
}

/** The warning lines of a check (stderr, without the summary). */
const warnings = (run: Run) => run.stderr.split('\n').filter((l) => l.includes(' warning: '));

describe('update overdue: an open incident past its status-update target', () => {
  // Critical, own software: status updates every 6 hours (test/fixtures/sites/minimal/severities.yaml).
  const dir = site();
  const id = '2026-11-22-widget-down';
  const written = pharosProcess(
    dir,
    '2026-11-22T09:10:00Z',
    'incident',
    'new',
    '--title',
    'Widget down',
    '--severity',
    'critical',
    '--affects',
    'widget:major_outage',
    '--started',
    '2026-11-22 10:00 Europe/Stockholm',
    '--message',
    'Looking into it.',
  );

  test.each([
    ['2026-11-22T15:00:00Z', 0],
    ['2026-11-22T15:30:00Z', 1],
  ])('at %s: %i warning(s)', async (now, count) => {
    expect(written.status).toBe(0);
    const run = await pharos(dir, now, 'check');
    expect(run.status).toBe(0);
    expect(warnings(run)).toHaveLength(count);
    if (count) {
      expect(warnings(run)[0]).toBe(
        `content/incidents/${id}.md:14 warning: update overdue: the last update was at 2026-11-22 10:10 Europe/Stockholm and Critical incidents get status updates every 6 hours, or as soon as there is news, so one was due by 2026-11-22 16:10 Europe/Stockholm (post one: pharos incident update ${id} --message "...")`,
      );
      expect(run.stderr).toContain("1 warning (the policy's; the build still runs; --strict makes them fail the check).");
    }
  });

  test('--strict makes the warning fail the check', async () => {
    const run = await pharos(dir, '2026-11-22T15:30:00Z', 'check', '--strict');
    expect(warnings(run)).toHaveLength(1);
    expect(run.stderr).toContain('failing because of --strict');
    expect(run.status).toBe(1);
  });

  test('list flags it too', async () => {
    expect((await pharos(dir, '2026-11-22T15:30:00Z', 'list')).stdout).toMatch(
      new RegExp(`${id} +critical +investigating +last update 2026-11-22 10:10, next update OVERDUE since 2026-11-22 16:10`),
    );
  });
});

describe('post-incident report overdue: a resolved system-wide incident without its report', () => {
  const dir = site();
  // The minimal site promises no report; this policy does, within 5 days.
  const sev = join(dir, 'severities.yaml');
  writeFileSync(
    sev,
    readFileSync(sev, 'utf8').replace(
      'statusUpdates: { target: 6 hours, alsoOnNews: true }',
      'statusUpdates: { target: 6 hours, alsoOnNews: true }\n        rootCauseReport: 5 days',
    ),
  );
  const id = '2026-11-22-everything-down';
  const file = join(dir, 'incidents', `${id}.md`);
  const setup = [
    pharosProcess(
      dir,
      '2026-11-22T09:30:00Z',
      'incident',
      'new',
      '--title',
      'Everything down',
      '--severity',
      'critical',
      '--system-wide',
      '--affects',
      'widget:major_outage,cloud:major_outage',
      '--message',
      'Nothing works.',
    ),
    pharosProcess(dir, '2026-11-22T11:00:00Z', 'incident', 'resolve', id, '--message', 'Everything works again.'),
  ];

  test.each([
    ['before the deadline: no warning', '2026-11-26T12:00:00Z', '', 0],
    ['after the deadline: a warning', '2026-11-28T12:00:00Z', '', 1],
    ['after the deadline with the report written: no warning', '2026-11-28T12:00:00Z', '## What happened\n\nA disk filled up.\n', 0],
  ])('%s', async (_, now, body, count) => {
    expect(setup.map((r) => r.status)).toEqual([0, 0]);
    const text = readFileSync(file, 'utf8').replace(/\n---\n[\s\S]*$/, `\n---\n${body}`);
    writeFileSync(file, text);
    // The minimal site's maintenance window has ended too by then; only this incident's warnings count here.
    const mine = warnings(await pharos(dir, now, 'check')).filter((w) => w.includes(id));
    expect(mine).toHaveLength(count);
    if (count) {
      expect(mine[0]).toMatch(
        new RegExp(
          `^content/incidents/${id}\\.md:\\d+ warning: post-incident report overdue: a resolved system-wide Critical incident needs a root-cause report within 5 days of 2026-11-22 12:00 Europe/Stockholm, due by 2026-11-27 12:00 Europe/Stockholm \\(write it as the Markdown body below the front matter\\)$`,
        ),
      );
    }
  });

  test("resolve printed the report's due time with the SLA outcome", async () => {
    expect(setup[1]!.stdout).toMatch(/root-cause report +5 days +running +due 2026-11-27 12:00/);
  });
});

describe('no closing update: a past maintenance window nobody closed', () => {
  const planned = '  - { at: "2026-11-20T12:00:00Z", message: Planned. }\n';
  test.each([
    ['only the advance notice: a warning', planned, 1],
    ['a start notice only: a warning', `${planned}  - { at: "2026-11-25T22:01:00+01:00", message: Started. }\n`, 1],
    ['a notice after the end: none', `${planned}  - { at: "2026-11-26T01:05:00+01:00", message: Done. }\n`, 0],
    [
      'a start notice and an early finish: none',
      `${planned}  - { at: "2026-11-25T22:01:00+01:00", message: Started. }\n  - { at: "2026-11-25T23:30:00+01:00", message: Done early. }\n`,
      0,
    ],
  ])('%s', async (_, updates, count) => {
    const dir = site();
    const file = join(dir, 'maintenance/2026-11-25-db-upgrade.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/updates:\n[\s\S]*?---/, `updates:\n${updates}---`));
    const run = await pharos(dir, '2026-11-27T00:00:00Z', 'check');
    expect(run.status).toBe(0);
    expect(warnings(run)).toEqual(
      count
        ? [
            'content/maintenance/2026-11-25-db-upgrade.md:4 warning: no closing update: the window ended at 2026-11-26 01:00 Europe/Stockholm and customers were never told it is over (post one: pharos maintenance update 2026-11-25-db-upgrade --message "...", or pharos maintenance cancel 2026-11-25-db-upgrade --message "..." if it never happened)',
          ]
        : [],
    );
  });

  test('a window still ahead or in progress needs none', async () => {
    const dir = site();
    expect(warnings(await pharos(dir, '2026-11-25T21:30:00Z', 'check'))).toEqual([]);
  });
});

describe('--format github', () => {
  test.each(['unknown-severity', 'missing-policy', 'yaml-missing-colon'])('prints each error of %s as an ::error annotation on stdout', async (name) => {
    const dir = materialise(join(ROOT, 'test/fixtures/broken', name));
    const expected = readFileSync(join(ROOT, 'test/fixtures/broken', name, 'expected.txt'), 'utf8')
      .trim()
      .split('\n');
    const run = runCli(['check', '--format', 'github'], {}, dirname(dir));
    expect(run.status).toBe(1);
    const annotations = run.stdout.trim().split('\n');
    expect(annotations).toHaveLength(expected.length);
    expected.forEach((line, i) => {
      const m = /^(\S+?)(?::(\d+))?(?: ([\w.[\]-]+):)? (.*)$/.exec(line)!;
      const [, file, lineNo, field, message] = m;
      const props = [`file=${file}`, ...(lineNo ? [`line=${lineNo}`] : []), `title=${field ?? 'content error'}`].join(',');
      expect(annotations[i]).toBe(`::error ${props}::${message!.replace(/%/g, '%25')}`);
    });
    // The people-readable lines are still there for the log.
    expect(run.stderr).toContain(expected[0]);
  });

  test('warnings become ::warning annotations, ::error with --strict', async () => {
    const dir = site();
    const plain = await pharos(dir, '2026-11-27T00:00:00Z', 'check', '--format', 'github');
    expect(plain.stdout).toContain(
      '::warning file=content/maintenance/2026-11-25-db-upgrade.md,line=4,title=policy warning::no closing update: the window ended at 2026-11-26 01:00 Europe/Stockholm',
    );
    expect(plain.status).toBe(0);
    const strict = await pharos(dir, '2026-11-27T00:00:00Z', 'check', '--format', 'github', '--strict');
    expect(strict.stdout).toContain('::error file=content/maintenance/2026-11-25-db-upgrade.md,line=4,title=policy warning::');
    expect(strict.status).toBe(1);
  });

  test('an unknown format is a usage error', async () => {
    const run = await pharos(site(), '2026-11-22T10:00:00Z', 'check', '--format', 'xml');
    expect(run.stderr).toContain('pharos check: option --format: found "xml" (expected text or github)');
    expect(run.status).toBe(2);
  });
});
