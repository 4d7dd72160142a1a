/**
 * Publishing the one file a command wrote (`--publish`): stage exactly that file, commit it, push it
 * to the branch's upstream. When a colleague pushed first, their commits are fetched and this one
 * is rebased onto them; when both changed the same file, the rebase is aborted, this commit is
 * dropped for their version and the command makes its own edit again on it (`redo`), so neither
 * change is lost and the repository is never left mid-rebase.
 *
 * Git runs as a child process with an argument list, never through a shell, so no title or message
 * can become a command. The line printed for publishing by hand quotes every word for the same
 * reason (`publishLine`).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import { stripBidiControls } from '../../src/schemas/common.ts';
import { CliError, type Io } from './io.ts';
import type { ContentFolder } from './site.ts';

/** Pushes tried before giving up while others keep pushing first. */
const ATTEMPTS = 3;

/** Quotes a word for POSIX shells: as it is when every character is safe, else in single quotes (a quote as '\''). */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Text as a one-line commit message: line breaks and control characters (which could break the
 * line or drive the terminal it is printed on) become single spaces, and bidirectional overrides
 * (which could make it display as something else) go.
 */
export function oneLine(text: string): string {
  return stripBidiControls(text.toWellFormed())
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .trim();
}

/** The command line that publishes a file by hand, safe to paste into a POSIX shell whatever the path and message hold. */
export function publishLine(path: string, message: string): string {
  // The path after --: it commits that file only, even when other changes are staged.
  return `git add -- ${shellQuote(path)} && git commit -m ${shellQuote(message)} -- ${shellQuote(path)} && git push`;
}

/** With --publish, publishes the file; without, prints the line that does it by hand. */
export async function publishOrShow(io: Io, publishing: boolean, p: Publication): Promise<void> {
  if (publishing) await publish(io, p);
  else io.out(`Publish: ${publishLine(join(p.folder.display, p.file), p.message)}\n`);
}

/** What a command publishes: the file it wrote and how to write it again on a colleague's newer version. */
export interface Publication {
  /** The content folder. */
  folder: ContentFolder;
  /** The file, relative to the content folder ("incidents/x.md"). */
  file: string;
  /** The commit message, one line (`oneLine`). */
  message: string;
  /**
   * Makes the command's change again on the file as it now is (a colleague's version), checked and
   * written; returns a sentence on where it went, throws a CliError when it no longer applies.
   * Absent for a new file: two files of one name cannot both be kept.
   */
  redo?: () => string;
}

interface GitRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Thrown by the first git command that ends after Ctrl+C, so publishing stops where it is and cleans up. */
class Interrupted extends Error {}

/** Git in one folder, with the user's environment; never prompting for a password when nobody can answer. */
class Git {
  /** Set on Ctrl+C; cleared for the clean-up commands. */
  interrupted = false;
  readonly cwd: string;
  private readonly io: Io;
  constructor(cwd: string, io: Io) {
    this.cwd = cwd;
    this.io = io;
  }

  /** Runs git; a missing git is status -1. */
  async run(...args: string[]): Promise<GitRun> {
    const env = { ...this.io.env, ...(this.io.interactive ? {} : { GIT_TERMINAL_PROMPT: '0' }) };
    const r = await new Promise<GitRun>((done) => {
      execFile('git', args, { cwd: this.cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        const code = error === null ? 0 : (error as { code?: unknown }).code;
        done({ status: typeof code === 'number' ? code : -1, stdout, stderr });
      });
    });
    if (this.interrupted) throw new Interrupted();
    return r;
  }

  /** Runs git and returns its output without the final line break, or undefined when it failed. */
  async value(...args: string[]): Promise<string | undefined> {
    const r = await this.run(...args);
    return r.status === 0 ? r.stdout.replace(/\n$/, '') : undefined;
  }

  /** Whether a rebase stopped half-way (on a conflict, or when git was interrupted). */
  async rebasing(): Promise<boolean> {
    for (const name of ['rebase-merge', 'rebase-apply']) {
      const path = await this.value('rev-parse', '--git-path', name);
      if (path !== undefined && existsSync(resolve(this.cwd, path))) return true;
    }
    return false;
  }
}

/** Git's own words for a failure, on one line. */
function said(r: GitRun): string {
  const lines = `${r.stderr}\n${r.stdout}`
    .split('\n')
    .map((l) =>
      l
        .replace(/^(fatal|error): /, '')
        .replace(/\.$/, '')
        .trim(),
    )
    .filter((l) => l !== '' && !l.startsWith('hint:'));
  return r.status === -1 ? 'git is not installed (or not on PATH)' : lines.slice(0, 2).join('; ') || `git exited with status ${r.status}`;
}

/** The branch's upstream: the remote and the branch there, from git's configuration. */
interface Upstream {
  branch: string;
  remote: string;
  /** The upstream branch's full ref on the remote ("refs/heads/main"). */
  ref: string;
  /** How messages name it ("origin/main"). */
  name: string;
}

/** The upstream, or why there is none: off a branch (`detached`), no remote, no upstream branch. */
async function upstreamOf(git: Git): Promise<Upstream | { missing: string; detached: boolean }> {
  const branch = await git.value('symbolic-ref', '-q', '--short', 'HEAD');
  if (branch === undefined) return { missing: 'HEAD is not on a branch (a rebase or bisect may be in progress); check out a branch', detached: true };
  const remote = await git.value('config', '--get', `branch.${branch}.remote`);
  const ref = await git.value('config', '--get', `branch.${branch}.merge`);
  if (remote === undefined || ref === undefined) {
    const remotes = ((await git.value('remote')) ?? '').split('\n').filter(Boolean);
    if (remotes.length === 0) return { missing: 'the repository has no remote to push to; add one with git remote add origin <url>', detached: false };
    return {
      missing: `the branch "${branch}" has no upstream branch to push to; set one with git push -u ${shellQuote(remotes[0]!)} ${shellQuote(branch)}`,
      detached: false,
    };
  }
  return { branch, remote, ref, name: `${remote}/${ref.replace(/^refs\/heads\//, '')}` };
}

/**
 * Refuses --publish before anything is written when publishing could take in or lose other work:
 * changes to tracked files (the commit must hold this file alone, and a colleague's version may
 * replace it), HEAD off a branch, or commits not yet pushed (the branch may be moved to the
 * upstream's newer commits). A folder outside any repository passes: that is said after the write.
 */
export async function checkPublishable(io: Io, folder: ContentFolder): Promise<void> {
  const git = new Git(folder.dir, io);
  // Outside a repository (or without git) there is nothing to lose; publish says so after the write.
  if ((await git.value('rev-parse', '--show-toplevel')) === undefined) return;
  const refuse = (why: string) => new CliError(`option --publish: ${why}, or leave out --publish (nothing was written)`);
  const status = await git.value('status', '--porcelain=v1', '-z', '--untracked-files=no');
  if (status === undefined) throw refuse('git status failed');
  const changes: string[] = [];
  const entries = status.split('\0');
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    if (e.length < 4) continue;
    changes.push(`${e.slice(3)} (${e[0] === ' ' ? 'modified' : 'staged'})`);
    // A rename or copy is followed by the name it had.
    if (e[0] === 'R' || e[0] === 'C') i++;
  }
  if (changes.length > 0) {
    throw refuse(
      `it commits only the file it writes, on an otherwise clean working tree, and git status lists other changes: ${changes.slice(0, 5).join(', ')}${changes.length > 5 ? ', ...' : ''}; commit or stash them first`,
    );
  }
  const up = await upstreamOf(git);
  if ('missing' in up) {
    if (up.detached) throw refuse(up.missing);
    return;
  }
  const ahead = await git.value('rev-list', '--count', '@{upstream}..HEAD');
  if (ahead !== undefined && ahead !== '0')
    throw refuse(`the branch "${up.branch}" has ${ahead === '1' ? '1 commit' : `${ahead} commits`} not pushed to ${up.name} yet; push first (git push)`);
}

/**
 * Commits the written file alone and pushes it to the branch's upstream, bringing in a colleague's
 * push first when there is one. Prints what was published; throws a CliError (exit 1) that says how
 * far it got (written; committed here) and what to do, never leaving a rebase half done.
 */
export async function publish(io: Io, p: Publication): Promise<void> {
  const target = join(p.folder.dir, p.file);
  const shown = join(p.folder.display, p.file);
  const git = new Git(dirname(target), io);
  // Ctrl+C reaches git too; git stops, and the rebase it may leave is aborted below before exiting.
  const onInterrupt = () => {
    git.interrupted = true;
  };
  process.on('SIGINT', onInterrupt);
  let committed: string | undefined;
  const fail = (why: string, todo: string) =>
    new CliError(`${shown} is written${committed ? ` and committed here (${committed.slice(0, 7)})` : ''} but not published: ${why}; ${todo}`);
  try {
    const top = await git.run('rev-parse', '--show-toplevel');
    if (top.status !== 0) {
      const why = top.status === -1 ? said(top) : `${p.folder.display} is not in a git repository`;
      throw fail(why, "publish it the way your site is published, or work in a clone of the site's repository");
    }
    const up = await upstreamOf(git);
    if ('missing' in up) throw fail(up.missing, `then publish it with: ${publishLine(shown, p.message)}`);
    const prefix = (await git.value('rev-parse', '--show-prefix')) ?? '';
    // Ids are lower-case letters, digits and hyphens: the name is never a pathspec pattern.
    const name = basename(target);
    const path = `${prefix}${name}`;

    const commit = async () => {
      const add = await git.run('add', '--', name);
      if (add.status !== 0) throw fail(`git add failed: ${said(add)}`, `publish it with: ${publishLine(shown, p.message)}`);
      const made = await git.run('commit', '-q', '-m', p.message, '--', name);
      if (made.status !== 0) {
        await git.run('reset', '-q', '--', name);
        throw fail(`git commit failed: ${said(made)}`, `publish it with: ${publishLine(shown, p.message)}`);
      }
      committed = await git.value('rev-parse', 'HEAD');
    };
    await commit();

    const notes: string[] = [];
    let brought = 0;
    for (let attempt = 1; ; attempt++) {
      const push = await git.run('push', '--porcelain', up.remote, `HEAD:${up.ref}`);
      if (push.status === 0) break;
      const refused = /^!\t[^\t]*\t(.*)$/m.exec(push.stdout)?.[1];
      if (refused === undefined) throw fail(`cannot reach ${up.remote}: ${said(push)}`, 'push it with git push once it can be reached');
      // Behind (a colleague pushed first), or two pushes racing for the branch's lock on the remote.
      if (!/fetch first|non-fast-forward|cannot lock ref|failed to update ref|incorrect old value/.test(refused)) {
        throw fail(`${up.remote} refused the push: ${refused}`, 'ask whoever runs the repository, then git push');
      }
      if (attempt === ATTEMPTS)
        throw fail(`the push was turned away ${ATTEMPTS} times as others kept pushing to ${up.name}`, 'run git pull --rebase, then git push');

      const fetch = await git.run('fetch', '-q', up.remote, up.ref);
      if (fetch.status !== 0) throw fail(`cannot fetch from ${up.remote}: ${said(fetch)}`, 'run git pull --rebase, then git push, once it can be reached');
      const theirs = (await git.value('rev-parse', '--verify', 'FETCH_HEAD^{commit}'))!;
      const mine = committed!;
      // checkPublishable saw no unpushed commits under this one, so what it was made on was pushed.
      // When the upstream no longer holds that (its history was rewritten), a rebase would push the
      // commits it dropped back onto it: stop instead.
      if ((await git.run('merge-base', '--is-ancestor', `${mine}~1`, theirs)).status !== 0) {
        throw fail(
          `${up.name} no longer holds the commit this one was made on (its history was rewritten)`,
          'run git pull --rebase, resolve what it reports, then git push',
        );
      }
      brought += Number((await git.value('rev-list', '--count', `${mine}..${theirs}`)) ?? 0);
      const rebase = await git.run('rebase', '-q', '--no-autostash', theirs);
      const conflicts = rebase.status === 0 ? [] : ((await git.value('diff', '--name-only', '-z', '--diff-filter=U')) ?? '').split('\0').filter(Boolean);
      if (await git.rebasing()) await git.run('rebase', '--abort');
      if (rebase.status !== 0 && !(conflicts.length === 1 && conflicts[0] === path)) {
        throw fail(`bringing in ${up.name}'s newer commits failed: ${said(rebase)}`, 'run git pull --rebase, resolve what it reports, then git push');
      }
      if (rebase.status === 0) {
        committed = await git.value('rev-parse', 'HEAD');
        // A clean rebase can still join two edits into a file the check refuses (two updates out of time order).
        const problem = checkProblem(io, p, shown);
        if (problem === undefined) continue;
        if (p.redo === undefined)
          throw fail(`with ${up.name}'s newer commits it no longer passes the check: ${problem}`, 'run pharos check, fix the file, commit it and git push');
      }
      const subject = (await git.value('log', '-1', '--format=%h "%s" by %an', theirs, '--', name)) ?? theirs.slice(0, 7);
      if (p.redo === undefined) {
        throw fail(
          `someone else published a file of the same name first (${subject})`,
          `if both are about the same thing, keep theirs with git reset --keep ${theirs.slice(0, 7)} and post yours as an update to it; otherwise do that and write yours again with another --slug (git show ${mine.slice(0, 7)}:${shellQuote(path)} shows yours)`,
        );
      }
      const reset = await git.run('reset', '-q', '--keep', theirs);
      if (reset.status !== 0)
        throw fail(`moving to ${up.name}'s newer commits failed: ${said(reset)}`, 'run git pull --rebase, resolve what it reports, then git push');
      committed = undefined;
      let where: string;
      try {
        where = p.redo();
      } catch (err) {
        if (!(err instanceof CliError)) throw err;
        throw new CliError(
          `${shown} is not published: it was changed on ${up.name} meanwhile (${subject}), and your change no longer applies to that version: ${err.message}. ` +
            `The file now holds their version; yours is kept in commit ${mine.slice(0, 7)} (git show ${mine.slice(0, 7)}:${shellQuote(path)})`,
        );
      }
      notes.push(`${shown} was changed on ${up.name} meanwhile (${subject}); ${where}`);
      await commit();
    }
    for (const note of notes) io.out(`${note}\n`);
    const pulled = brought === 0 ? '' : ` (after ${brought === 1 ? '1 newer commit' : `${brought} newer commits`} from there)`;
    io.out(`Published: ${committed!.slice(0, 7)} "${p.message}" pushed to ${up.name}${pulled}\n`);
  } catch (err) {
    if (err instanceof Interrupted)
      throw fail('interrupted', committed ? 'run git pull --rebase, then git push' : `publish it with: ${publishLine(shown, p.message)}`);
    throw err;
  } finally {
    git.interrupted = false;
    if (await git.rebasing()) await git.run('rebase', '--abort');
    process.off('SIGINT', onInterrupt);
  }
}

/** The check's first problem with the file as it now is, if any (other files' problems are not this commit's). */
function checkProblem(io: Io, p: Publication, shown: string): string | undefined {
  const result = loadContent(p.folder.dir, { displayRoot: p.folder.display, env: io.env });
  const error = result.ok ? undefined : result.errors.find((e) => e.file === shown);
  return error && formatError(error);
}
