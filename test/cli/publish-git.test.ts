/**
 * `--publish`: the CLI commits the file it wrote and pushes it, against a real bare repository and
 * two clones of the minimal site (two support staff). A colleague's push in between is brought in;
 * two updates to one incident both land, in time order; the repository is never left mid-rebase;
 * every way publishing can fail says what was written and what to do, and exits 1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MINIMAL, ROOT, runCli, runCliAsync, runCliHere, tempDir, type Run } from '../helpers/fixtures.ts';

const NOW = '2026-11-22T10:30:00Z';
const ID = '2026-11-22-cloud-down';
const FILE = `content/incidents/${ID}.md`;

/** Git with nothing from this machine's own configuration, and never above the test's folder. */
function gitEnv(root: string): Record<string, string> {
  const empty = join(root, 'gitconfig');
  if (!existsSync(empty)) writeFileSync(empty, '');
  return { GIT_CONFIG_GLOBAL: empty, GIT_CONFIG_NOSYSTEM: '1', GIT_CEILING_DIRECTORIES: root };
}

/** A sandbox: a bare repository holding the minimal site on main, and two clones of it. */
interface Sandbox {
  root: string;
  bare: string;
  a: string;
  b: string;
  git: (cwd: string, ...args: string[]) => string;
  /** The CLI in this process (git still runs as processes). */
  pharos: (clone: string, ...args: string[]) => Promise<Run>;
  /** The CLI as a real process, for what reaches it as a signal. */
  pharosProcess: (clone: string, ...args: string[]) => Run;
  pharosAsync: (clone: string, ...args: string[]) => Promise<Run>;
  /** The file as the bare repository's main holds it. */
  published: (file?: string) => string;
}

function sandbox(): Sandbox {
  const root = tempDir('publish-git');
  const env = gitEnv(root);
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync('git', args, { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const bare = join(root, 'origin.git');
  git(root, 'init', '-q', '--bare', '-b', 'main', bare);
  const seed = join(root, 'seed');
  mkdirSync(seed);
  git(seed, 'init', '-q', '-b', 'main');
  cpSync(MINIMAL, join(seed, 'content'), { recursive: true });
  git(seed, 'add', 'content');
  git(seed, '-c', 'user.name=Seed', '-c', 'user.email=seed@acme.test', 'commit', '-q', '-m', 'Start');
  git(seed, 'push', '-q', bare, 'main');
  const clone = (name: string) => {
    const dir = join(root, name);
    git(root, 'clone', '-q', bare, dir);
    git(dir, 'config', 'user.name', `Support ${name.toUpperCase()}`);
    git(dir, 'config', 'user.email', `${name}@acme.test`);
    return dir;
  };
  const cliEnv = { PHAROS_NOW: NOW, TZ: 'UTC', ...env };
  return {
    root,
    bare,
    a: clone('a'),
    b: clone('b'),
    git,
    pharos: (dir, ...args) => runCliHere(args, { PATH: process.env.PATH ?? '', ...cliEnv }, dir),
    pharosProcess: (dir, ...args) => runCli(args, cliEnv, dir),
    pharosAsync: (dir, ...args) => runCliAsync(args, cliEnv, dir),
    published: (file = FILE) => git(bare, 'show', `main:${file}`),
  };
}

const update = (at: string, message: string) => ['incident', 'update', ID, '--at', at, '--message', message, '--publish'];

/** Nothing half done: no rebase stopped, no change left in the working tree or the index. */
function settled(s: Sandbox, clone: string): void {
  expect(existsSync(join(clone, '.git/rebase-merge')) || existsSync(join(clone, '.git/rebase-apply'))).toBe(false);
  expect(s.git(clone, 'status', '--porcelain')).toBe('');
}

/** `pharos check` on a fresh clone of what was published. */
function checkPublished(s: Sandbox): Promise<Run> {
  const dir = join(s.root, `check-${Math.random().toString(36).slice(2)}`);
  s.git(s.root, 'clone', '-q', s.bare, dir);
  return s.pharos(dir, 'check');
}

describe('publishing lands on the upstream branch', () => {
  test('incident new --publish commits the file alone and pushes it to main', async () => {
    const s = sandbox();
    writeFileSync(join(s.a, 'notes.txt'), 'an untracked file of mine\n');
    const run = await s.pharos(
      s.a,
      'incident',
      'new',
      '--title',
      'Widget reports fail',
      '--severity',
      'critical',
      '--affects',
      'widget',
      '--message',
      'Investigating.',
      '--publish',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\nPublished: [0-9a-f]{7} "Incident: Widget reports fail" pushed to origin\/main\n$/);
    expect(run.stdout).not.toContain('Publish: git add');
    expect(s.git(s.bare, 'log', '-1', '--format=%s|%an|%ae', 'main')).toBe('Incident: Widget reports fail|Support A|a@acme.test\n');
    expect(s.git(s.bare, 'show', '--name-only', '--format=', 'main')).toBe('content/incidents/2026-11-22-widget-reports-fail.md\n');
    expect(s.published('content/incidents/2026-11-22-widget-reports-fail.md')).toContain('message: Investigating.');
    expect(s.git(s.a, 'status', '--porcelain')).toBe('?? notes.txt\n');
  });

  test("a colleague's push to another file is brought in with a rebase", async () => {
    const s = sandbox();
    const window = [
      'maintenance',
      'new',
      '--title',
      'Database upgrade',
      '--products',
      'widget',
      '--start',
      '2026-12-01T22:00:00Z',
      '--end',
      '2026-12-01T23:00:00Z',
      '--message',
      'Read-only.',
      '--publish',
    ];
    expect((await s.pharos(s.a, ...window)).status).toBe(0);
    const run = await s.pharos(s.b, ...update('2026-11-22T10:20:00Z', 'From B.'));
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /Published: [0-9a-f]{7} "Incident update: Cloud sign-in fails \(identified\)" pushed to origin\/main \(after 1 newer commit from there\)\n$/,
    );
    expect(s.git(s.bare, 'log', '--format=%s', 'main')).toBe('Incident update: Cloud sign-in fails (identified)\nMaintenance: Database upgrade\nStart\n');
    settled(s, s.b);
  });
});

describe('an upstream whose history was rewritten', () => {
  test('a commit it dropped is not pushed back: publishing stops and says why', async () => {
    const s = sandbox();
    const window = [
      'maintenance',
      'new',
      '--title',
      'Withdrawn window',
      '--products',
      'widget',
      '--start',
      '2026-12-01T22:00:00Z',
      '--end',
      '2026-12-01T23:00:00Z',
    ];
    expect((await s.pharos(s.a, ...window, '--message', 'Read-only.', '--publish')).status).toBe(0);
    s.git(s.b, 'pull', '-q', '--ff-only');
    // A withdraws the window by rewriting main (a force push), and pushes something else instead.
    s.git(s.a, 'reset', '-q', '--hard', 'HEAD~1');
    writeFileSync(join(s.a, 'content/README.md'), 'Notes.\n');
    s.git(s.a, 'add', 'content/README.md');
    s.git(s.a, 'commit', '-q', '-m', 'Notes');
    s.git(s.a, 'push', '-q', '--force', 'origin', 'main');

    const run = await s.pharos(s.b, ...update('2026-11-22T10:20:00Z', 'From B.'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'but not published: origin/main no longer holds the commit this one was made on (its history was rewritten); run git pull --rebase',
    );
    expect(s.git(s.bare, 'log', '--format=%s', 'main')).toBe('Notes\nStart\n');
    settled(s, s.b);
  });
});

describe('two people update one incident', () => {
  test.each([
    ['later than the first one', '2026-11-22T10:25:00Z', 'after theirs'],
    ['earlier than the first one, so it goes before it', '2026-11-22T10:15:00Z', 'before their update at 2026-11-22 11:20 (Europe/Stockholm), in time order'],
  ])("the second one's push is turned away, its update made again on the first one's file: %s", async (_, bAt, where) => {
    const s = sandbox();
    const first = await s.pharos(s.a, ...update('2026-11-22T10:20:00Z', 'From A.'));
    expect(first.status, first.stderr).toBe(0);
    const second = await s.pharos(s.b, ...update(bAt, 'From B.'));
    expect(second.stderr).toBe('');
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(
      new RegExp(
        `${FILE} was changed on origin/main meanwhile \\([0-9a-f]{7} "Incident update: Cloud sign-in fails \\(identified\\)" by Support A\\); your update is posted again ${where.replace(/[()]/g, '\\$&')}\\n`,
      ),
    );
    expect(second.stdout).toMatch(/Published: .* \(after 1 newer commit from there\)\n$/);

    const text = s.published();
    const messages = [...text.matchAll(/message: (From [AB]\.)/g)].map((m) => m[1]);
    expect(messages).toEqual(bAt > '2026-11-22T10:20:00Z' ? ['From A.', 'From B.'] : ['From B.', 'From A.']);
    expect((await checkPublished(s)).status).toBe(0);
    expect(s.git(s.bare, 'log', '--format=%an', 'main')).toBe('Support B\nSupport A\nSeed\n');
    settled(s, s.a);
    settled(s, s.b);
    expect(s.git(s.b, 'rev-parse', 'HEAD')).toBe(s.git(s.bare, 'rev-parse', 'main'));
  });

  test('two clones publishing at the same moment both land', async () => {
    const s = sandbox();
    const [a, b] = await Promise.all([
      s.pharosAsync(s.a, ...update('2026-11-22T10:20:00Z', 'From A.')),
      s.pharosAsync(s.b, ...update('2026-11-22T10:21:00Z', 'From B.')),
    ]);
    expect([a!.status, b!.status, a!.stderr, b!.stderr]).toEqual([0, 0, '', '']);
    // Neither clone has the other's commit, so whichever pushes second is turned away and redoes its update.
    expect([a!, b!].filter((r) => r.stdout.includes('meanwhile'))).toHaveLength(1);
    const text = s.published();
    expect([...text.matchAll(/message: (From [AB]\.)/g)].map((m) => m[1])).toEqual(['From A.', 'From B.']);
    expect((await checkPublished(s)).status).toBe(0);
    settled(s, s.a);
    settled(s, s.b);
  });

  test('an update to an incident a colleague resolved meanwhile is not published, and their resolution stays', async () => {
    const s = sandbox();
    expect((await s.pharos(s.a, 'incident', 'resolve', ID, '--at', '2026-11-22T10:20:00Z', '--message', 'Fixed.', '--publish')).status).toBe(0);
    const mine = readFileSync(join(s.b, FILE), 'utf8');
    const run = await s.pharos(s.b, ...update('2026-11-22T10:25:00Z', 'From B.'));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^pharos incident update: ${FILE} is not published: it was changed on origin/main meanwhile \\([0-9a-f]{7} "Incident resolved: Cloud sign-in fails" by Support A\\), ` +
          'and your change no longer applies to that version: incident 2026-11-22-cloud-down is already resolved \\(at 2026-11-22 11:20 Europe/Stockholm\\); add --reopen to post an update that reopens it\\. ' +
          `The file now holds their version; yours is kept in commit ([0-9a-f]{7}) \\(git show \\1:${FILE}\\)\\n$`,
      ),
    );
    const kept = /kept in commit ([0-9a-f]{7})/.exec(run.stderr)![1]!;
    expect(s.git(s.b, 'show', `${kept}:${FILE}`)).toContain('message: From B.');
    expect(s.git(s.b, 'show', `${kept}:${FILE}`).startsWith(mine.slice(0, -4))).toBe(true);
    expect(readFileSync(join(s.b, FILE), 'utf8')).toBe(s.published());
    expect(s.published()).toContain('message: Fixed.');
    settled(s, s.b);
  });

  test('two new files of one name: the second is refused and kept here, not pushed', async () => {
    const s = sandbox();
    const args = ['incident', 'new', '--title', 'Widget reports fail', '--severity', 'minor', '--affects', 'widget', '--publish'];
    expect((await s.pharos(s.a, ...args, '--message', 'From A.')).status).toBe(0);
    const run = await s.pharos(s.b, ...args, '--message', 'From B.');
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^pharos incident new: content\/incidents\/2026-11-22-widget-reports-fail\.md is written and committed here \(([0-9a-f]{7})\) but not published: someone else published a file of the same name first \([0-9a-f]{7} "Incident: Widget reports fail" by Support A\); if both are about the same thing, keep theirs with git reset --keep [0-9a-f]{7} and post yours as an update to it; otherwise do that and write yours again with another --slug \(git show \1:content\/incidents\/2026-11-22-widget-reports-fail\.md shows yours\)\n$/,
    );
    expect(s.git(s.b, 'log', '-1', '--format=%s', 'HEAD')).toBe('Incident: Widget reports fail\n');
    expect(s.published('content/incidents/2026-11-22-widget-reports-fail.md')).toContain('From A.');
    settled(s, s.b);
    // The unpushed commit now stops the next --publish before it writes anything.
    const next = await s.pharos(s.b, ...update('2026-11-22T10:25:00Z', 'From B.'));
    expect(next.stderr).toBe(
      'pharos incident update: option --publish: the branch "main" has 1 commit not pushed to origin/main yet; push first (git push), or leave out --publish (nothing was written)\n',
    );
    expect(next.status).toBe(1);
  });
});

test('Ctrl+C during the rebase leaves no rebase behind, and the commit here', async () => {
  const s = sandbox();
  expect((await s.pharos(s.a, ...update('2026-11-22T10:20:00Z', 'From A.'))).status).toBe(0);
  // The rebase checks out A's commit first; there the terminal's Ctrl+C reaches git and pharos alike.
  const hook = join(s.b, '.git/hooks/post-checkout');
  writeFileSync(hook, '#!/bin/sh\ngit_pid=$PPID\npharos_pid=$(ps -o ppid= -p "$git_pid" | tr -d " ")\nkill -INT "$pharos_pid" "$git_pid"\nsleep 1\n');
  chmodSync(hook, 0o755);
  const run = s.pharosProcess(s.b, ...update('2026-11-22T10:25:00Z', 'From B.'));
  expect(run.stderr).toMatch(
    new RegExp(
      `^pharos incident update: ${FILE} is written and committed here \\([0-9a-f]{7}\\) but not published: interrupted; run git pull --rebase, then git push\n$`,
    ),
  );
  expect(run.status).toBe(1);
  settled(s, s.b);
  expect(s.git(s.b, 'log', '-1', '--format=%s')).toBe('Incident update: Cloud sign-in fails (identified)\n');
  expect(readFileSync(join(s.b, FILE), 'utf8')).toContain('From B.');
});

describe('when it cannot publish, the file is written and the message says what to do', () => {
  test.each([
    [
      'no remote',
      (s: Sandbox) => s.git(s.a, 'remote', 'remove', 'origin'),
      'is written but not published: the repository has no remote to push to; add one with git remote add origin <url>; then publish it with: git add -- ',
    ],
    [
      'no upstream branch',
      (s: Sandbox) => s.git(s.a, 'checkout', '-q', '-b', 'topic'),
      'is written but not published: the branch "topic" has no upstream branch to push to; set one with git push -u origin topic; then publish it with: git add -- ',
    ],
    ['no git at all', (s: Sandbox) => s, 'is written but not published: git is not installed (or not on PATH); publish it the way your site is published'],
    [
      'an unreachable remote',
      (s: Sandbox) => s.git(s.a, 'remote', 'set-url', 'origin', join(s.root, 'nowhere.git')),
      /is written and committed here \([0-9a-f]{7}\) but not published: cannot reach origin: '.*nowhere\.git' does not appear to be a git repository; Could not read from remote repository; push it with git push once it can be reached\n$/,
    ],
  ])('%s', async (_, arrange, message) => {
    const s = sandbox();
    arrange(s);
    const run =
      _ === 'no git at all'
        ? runCli(update('2026-11-22T10:20:00Z', 'From A.'), { PHAROS_NOW: NOW, TZ: 'UTC', PATH: join(s.root, 'empty') }, s.a)
        : await s.pharos(s.a, ...update('2026-11-22T10:20:00Z', 'From A.'));
    expect(run.status).toBe(1);
    expect(run.stderr.startsWith(`pharos incident update: ${FILE} `)).toBe(true);
    if (typeof message === 'string') expect(run.stderr).toContain(message);
    else expect(run.stderr).toMatch(message);
    expect(run.stdout).toContain(`Wrote ${FILE}: identified update at 2026-11-22T10:20:00Z`);
    expect(readFileSync(join(s.a, FILE), 'utf8')).toContain('message: From A.');
    expect(s.published()).not.toContain('From A.');
    expect(existsSync(join(s.a, '.git/rebase-merge'))).toBe(false);
  });

  test('a folder in no git repository', async () => {
    const dir = tempDir('publish-norepo');
    cpSync(MINIMAL, join(dir, 'content'), { recursive: true });
    const run = runCli(update('2026-11-22T10:20:00Z', 'From A.'), { PHAROS_NOW: NOW, TZ: 'UTC', ...gitEnv(dir) }, dir);
    expect(run.stderr).toBe(
      `pharos incident update: ${FILE} is written but not published: content is not in a git repository; publish it the way your site is published, or work in a clone of the site's repository\n`,
    );
    expect(run.status).toBe(1);
    expect(readFileSync(join(dir, FILE), 'utf8')).toContain('message: From A.');
  });
});

describe('--publish refuses, before writing, what could take in or lose other work', () => {
  test.each([
    [
      'a staged change',
      (s: Sandbox) => {
        writeFileSync(join(s.a, 'content/site.yaml'), `${readFileSync(join(s.a, 'content/site.yaml'), 'utf8')}# staged\n`);
        s.git(s.a, 'add', 'content/site.yaml');
      },
      'content/site.yaml (staged)',
    ],
    ['a detached HEAD', (s: Sandbox) => s.git(s.a, 'checkout', '-q', '--detach'), null],
    [
      'a change to the incident itself',
      (s: Sandbox) => writeFileSync(join(s.a, FILE), `${readFileSync(join(s.a, FILE), 'utf8')}Notes.\n`),
      `${FILE} (modified)`,
    ],
  ])('%s', async (_, arrange, listed) => {
    const s = sandbox();
    arrange(s);
    const before = readFileSync(join(s.a, FILE), 'utf8');
    const run = await s.pharos(s.a, ...update('2026-11-22T10:20:00Z', 'From A.'));
    const why =
      listed === null
        ? 'HEAD is not on a branch (a rebase or bisect may be in progress); check out a branch'
        : `it commits only the file it writes, on an otherwise clean working tree, and git status lists other changes: ${listed}; commit or stash them first`;
    expect(run.stderr).toBe(`pharos incident update: option --publish: ${why}, or leave out --publish (nothing was written)\n`);
    expect(run.status).toBe(1);
    expect(readFileSync(join(s.a, FILE), 'utf8')).toBe(before);
  });
});

test('output piped into a reader that stops at once (| head -1): the file is still committed and pushed, and no stack trace', async () => {
  const s = sandbox();
  const args = ['incident', 'new', '--title', 'Pipe test', '--severity', 'minor', '--affects', 'widget', '--message', 'Investigating.', '--publish'];
  const child = spawn(process.execPath, [join(ROOT, 'scripts/pharos.ts'), ...args], {
    cwd: s.a,
    env: { ...process.env, ...gitEnv(s.root), PHAROS_NOW: NOW, TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The reader is gone before the first line: every write to stdout fails with EPIPE.
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const status = await new Promise<number | null>((done) => child.on('close', done));
  expect(stderr).toBe('');
  expect(status).toBe(0);
  expect(s.published('content/incidents/2026-11-22-pipe-test.md')).toContain('title: Pipe test');
  settled(s, s.a);
});

test('a title with $(...) and backticks runs nothing and lands as the literal commit message', async () => {
  const s = sandbox();
  const marker = join(s.root, 'x');
  const title = `Deploy $(touch ${marker}) \`touch ${marker}\` "fails" it's $HOME`;
  const run = await s.pharos(
    s.a,
    'incident',
    'new',
    '--title',
    title,
    '--slug',
    'deploy-fails',
    '--severity',
    'minor',
    '--affects',
    'widget',
    '--message',
    'Investigating.',
    '--publish',
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  expect(existsSync(marker)).toBe(false);
  expect(s.git(s.bare, 'log', '-1', '--format=%B', 'main')).toBe(`Incident: ${title}\n\n`);
});

describe('two people reschedule one window', () => {
  test("the second move is made again on the first one's file, and says what the window now is", async () => {
    const s = sandbox();
    const id = '2026-11-25-db-upgrade';
    const a = await s.pharos(s.a, 'maintenance', 'reschedule', id, '--end', '2026-11-26T03:00:00+01:00', '--message', 'A: until 03:00.', '--publish');
    expect(a.status, a.stderr).toBe(0);
    const b = await s.pharos(s.b, 'maintenance', 'reschedule', id, '--start', '2026-11-25T23:00:00+01:00', '--message', 'B: from 23:00.', '--publish');
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
    // B typed only the start; A's end is on the published file, and B is told so.
    expect(b.stdout).toContain('the window now runs 2026-11-25 23:00 to 2026-11-26 03:00 (UTC+1)');
    expect(s.published(`content/maintenance/${id}.md`)).toContain('window: { start: "2026-11-25T23:00:00+01:00", end: "2026-11-26T03:00:00+01:00" }');
    expect((await checkPublished(s)).status).toBe(0);
    settled(s, s.b);
  });
});
