/**
 * Two members of staff posting to one incident from one checkout at the same moment: every update
 * lands, each command says so, and the folder passes the check. The real CLI, as separate processes,
 * so that their reads, checks and writes overlap (a write takes about a second).
 */
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { MINIMAL, runCli, runCliAsync, tempDir } from '../helpers/fixtures.ts';
import { CONTENT_LOCK, waitingNotice, writeValidated } from '../../scripts/cli/write.ts';

/** A fresh copy of the minimal site; returns its content folder. */
function site(): string {
  const dir = join(tempDir('concurrent'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  return dir;
}

const ENV = { PHAROS_NOW: '2026-11-22T10:30:00Z' };
const INCIDENT = 'incidents/2026-11-22-cloud-down.md';

test('a command waits while another holds the folder, then reads the file as the other left it', async () => {
  const dir = site();
  // This test process stands in for a command that is writing.
  writeFileSync(join(dir, CONTENT_LOCK), String(process.pid));
  // Mine is timed before theirs (as when a colleague posts while I type): it goes in by time, not refused.
  let waiting = () => {};
  const told = new Promise<void>((resolve) => (waiting = resolve));
  const notice = `${waitingNotice(process.pid, 'content')}\n`;
  const run = runCliAsync(
    ['incident', 'update', '2026-11-22-cloud-down', '--message', 'Mine.', '--at', '2026-11-22T10:20:00Z'],
    ENV,
    dirname(dir),
    (stderr) => {
      if (stderr === notice) waiting();
    },
  );
  // It says it waits, and waits: it has read nothing yet.
  await Promise.race([told, run]);
  const before = readFileSync(join(dir, INCIDENT), 'utf8');
  // The other command's write, done while this one waited.
  writeFileSync(
    join(dir, INCIDENT),
    before.replace(/(\nupdates:\n[\s\S]*?)(\n---)/, '$1\n  - at: "2026-11-22T10:25:00Z"\n    status: identified\n    message: Theirs.$2'),
  );
  rmSync(join(dir, CONTENT_LOCK));
  const done = await run;
  expect(done.stderr).toBe(notice);
  expect(done.status).toBe(0);
  const text = readFileSync(join(dir, INCIDENT), 'utf8');
  expect(text).toContain('Theirs.');
  expect(text.indexOf('Mine.')).toBeGreaterThan(text.indexOf('Our identity provider is down.'));
  expect(text.indexOf('Mine.')).toBeLessThan(text.indexOf('Theirs.'));
  expect(before).not.toContain('Mine.');
});

test('a lock left by a command that is gone is taken over', async () => {
  const dir = site();
  const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
  writeFileSync(join(dir, CONTENT_LOCK), gone);
  const run = runCli(['incident', 'update', '2026-11-22-cloud-down', '--message', 'Mine.'], ENV, dirname(dir));
  expect(run.status, run.stderr).toBe(0);
  expect(readFileSync(join(dir, INCIDENT), 'utf8')).toContain('Mine.');
  expect(existsSync(join(dir, CONTENT_LOCK))).toBe(false);
});

test('updates posted at the same moment all land, in the order they were written', async () => {
  const dir = site();
  const env = ENV;
  const messages = ['One', 'Two', 'Three', 'Four', 'Five'].map((w) => `${w}: still looking into it.`);
  const runs = await Promise.all(messages.map((m) => runCliAsync(['incident', 'update', '2026-11-22-cloud-down', '--message', m], env, dirname(dir))));
  for (const run of runs) {
    // Each says so if it had to wait for another.
    expect(['', `${waitingNotice(0, 'content')}\n`]).toContain(run.stderr.replace(/process \d+/, 'process 0'));
    expect(run.stdout).toContain('Wrote content/incidents/2026-11-22-cloud-down.md: identified update at 2026-11-22T11:30:00+01:00');
    expect(run.status).toBe(0);
  }
  const text = readFileSync(join(dir, 'incidents/2026-11-22-cloud-down.md'), 'utf8');
  for (const m of messages) expect(text).toContain(m);
  expect(existsSync(join(dir, CONTENT_LOCK))).toBe(false);
  const check = runCli(['check'], env, dirname(dir));
  expect(check.stdout + check.stderr).toContain('content: no problems');
  expect(check.status).toBe(0);
});

test('a new file that another command created meanwhile is kept, and the message says so', () => {
  const dir = site();
  const theirs = readFileSync(join(dir, INCIDENT), 'utf8');
  const io = { env: ENV, cwd: dirname(dir), interactive: false, out: () => {}, err: () => {} };
  expect(() => writeValidated(io, { dir, display: 'content' }, { file: INCIDENT, text: theirs.replace('Cloud sign-in fails', 'Mine'), create: true })).toThrow(
    `content/${INCIDENT} was created meanwhile by another command (choose another name with --slug)`,
  );
  expect(readFileSync(join(dir, INCIDENT), 'utf8')).toBe(theirs);
});
