/** The optional pre-commit hook (scripts/hooks/pre-commit): it checks staged content and stops a commit that would break the build. */
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeEach, expect, test } from 'vitest';
import { MINIMAL, ROOT, tempDir } from '../helpers/fixtures.ts';

let repo: string;
const git = (...args: string[]) =>
  spawnSync('git', ['-c', 'user.name=Support', '-c', 'user.email=support@acme.test', '-c', 'core.hooksPath=scripts/hooks', ...args], {
    cwd: repo,
    encoding: 'utf8',
    // The hook finds Node 24 in the project's node_modules/.bin; PHAROS_NOW keeps the clock still.
    env: { ...process.env, PHAROS_NOW: '2026-11-22T10:00:00Z', PATH: `${dirname(process.execPath)}:${process.env.PATH}` },
  });

beforeEach(() => {
  repo = tempDir('hook');
  // A repository like a real site's: the project's code (linked) and its own content folder.
  for (const name of ['scripts', 'src', 'node_modules', 'package.json']) symlinkSync(join(ROOT, name), join(repo, name));
  cpSync(MINIMAL, join(repo, 'content'), { recursive: true });
  expect(git('init', '-q').status).toBe(0);
  expect(git('add', 'content').status).toBe(0);
  expect(git('commit', '-q', '--no-verify', '-m', 'start').status).toBe(0);
});

test('a commit with valid content goes through', () => {
  const file = join(repo, 'content/incidents/2026-11-22-cloud-down.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('Our identity provider is down.', 'Our identity provider is down again.'));
  git('add', 'content');
  const commit = git('commit', '-q', '-m', 'Update');
  // Git shows a hook's output on stderr.
  expect(commit.stderr).toContain('content: no problems (2 products, 2 incidents, 1 maintenance windows, 2 languages)');
  expect(commit.status).toBe(0);
  expect(git('log', '--oneline').stdout.trim().split('\n')).toHaveLength(2);
});

test('a commit with a content error is stopped, with the error as the check prints it', () => {
  const file = join(repo, 'content/incidents/2026-11-22-cloud-down.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('severity: critical', 'severity: urgent'));
  git('add', 'content');
  const commit = git('commit', '-q', '-m', 'Broken');
  expect(commit.stderr).toContain('content/incidents/2026-11-22-cloud-down.md:3 severity: unknown level "urgent" (expected one of critical, minor)');
  expect(commit.stderr).toContain('pre-commit: fix the problems above');
  expect(commit.status).not.toBe(0);
  expect(git('log', '--oneline').stdout.trim().split('\n')).toHaveLength(1);
});

test('what is checked is what is staged: a fix left unstaged does not let a broken file through', () => {
  const file = join(repo, 'content/incidents/2026-11-22-cloud-down.md');
  const good = readFileSync(file, 'utf8');
  writeFileSync(file, good.replace('severity: critical', 'severity: urgent'));
  git('add', 'content');
  writeFileSync(file, good);
  expect(git('commit', '-q', '-m', 'Broken in the index').status).not.toBe(0);
});

test('a commit that does not touch content is not checked', () => {
  writeFileSync(join(repo, 'NOTES.md'), 'Notes\n');
  git('add', 'NOTES.md');
  const commit = git('commit', '-q', '-m', 'Notes');
  expect(commit.stderr).toBe('');
  expect(commit.status).toBe(0);
});
