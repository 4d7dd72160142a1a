/**
 * Writing a content file the way the build reads it: the whole content folder, with the new text
 * in place, must pass the loader before a byte reaches the real folder; then the file is written
 * to a temporary name next to it and renamed, so it is there whole or not at all.
 */
import { cpSync, existsSync, linkSync, mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { loadContent, type SiteContent } from '../../src/lib/content/load.ts';
import { contentFolder, invalidContent, loadValid, timeContext, type ContentFolder } from './site.ts';
import { CliError, type Io } from './io.ts';
import { tryLock } from '../../src/lib/lock-file.ts';
import { flag, str, type ParsedArgs } from './options.ts';
import type { TimeContext } from './time.ts';

/** Where a command that writes stands before it asks or writes anything. */
export interface WritingStart {
  folder: ContentFolder;
  /** The folder's content, valid (else the command has stopped). */
  content: SiteContent;
  /** How times are read (--zone, the site's zone, now). */
  ctx: TimeContext;
  /** Whether --publish was given; the command checks that it can work (checkPublishable) before any question. */
  publishing: boolean;
}

/**
 * Loads the folder of a command that writes. Synchronous, so a command that need not wait for git
 * asks its first question at once.
 */
export function startWriting(io: Io, p: ParsedArgs<'content' | 'zone' | 'publish'>): WritingStart {
  const folder = contentFolder(io, str(p, 'content'));
  const content = loadValid(io, folder);
  return { folder, content, ctx: timeContext(content, str(p, 'zone')), publishing: flag(p, 'publish') };
}

/** What to write: a path inside the content folder ("incidents/x.md") and the whole new text. */
export interface PendingWrite {
  /** Path relative to the content folder. */
  file: string;
  /** The file's complete new content. */
  text: string;
  /** A new file must not replace an existing one. */
  create: boolean;
}

/**
 * Validates the content folder as it would be after the write (a copy of it, with the new text),
 * then writes atomically. Throws a CliError listing every problem, leaving the folder untouched.
 * Returns the content as validated, for the command's report.
 */
export function writeValidated(io: Io, folder: ContentFolder, w: PendingWrite): SiteContent {
  const target = join(folder.dir, w.file);
  const scratch = mkdtempSync(join(tmpdir(), 'pharos-write-'));
  let content: SiteContent;
  try {
    // The loader reads folders from disk; a scratch copy lets it see the folder as it will be.
    const copy = join(scratch, 'content');
    cpSync(folder.dir, copy, { recursive: true, filter: (src) => src === folder.dir || !basename(src).startsWith('.') });
    mkdirSync(dirname(join(copy, w.file)), { recursive: true });
    writeFileSync(join(copy, w.file), w.text);
    const result = loadContent(copy, { displayRoot: folder.display, env: io.env });
    if (!result.ok) throw invalidContent(result.errors, `${join(folder.display, w.file)} would not pass the check, so nothing was written:`);
    content = result.content;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  mkdirSync(dirname(target), { recursive: true });
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  writeFileSync(temp, w.text, { flag: 'wx' });
  try {
    if (w.create) {
      // link() fails if the name exists: a file created meanwhile is never overwritten.
      linkSync(temp, target);
      unlinkSync(temp);
    } else {
      renameSync(temp, target);
    }
  } catch (err) {
    if (existsSync(temp)) unlinkSync(temp);
    // Another command created the same file since this one looked.
    if ((err as NodeJS.ErrnoException).code === 'EEXIST')
      throw new CliError(`${join(folder.display, w.file)} was created meanwhile by another command (choose another name with --slug)`);
    throw err;
  }
  return content;
}

/** What a command says while another one writes the folder. */
export function waitingNotice(holder: number, display: string): string {
  return `Another pharos command (process ${holder}) is writing ${display}/; waiting for it to finish.`;
}

/** The content folder's lock file (a dot file: the loader and the scratch copy skip it). */
export const CONTENT_LOCK = '.pharos-lock';

/**
 * Runs `edit` holding the content folder's lock, so that commands changing a file in one folder
 * take turns: each reads the folder as the one before left it, and no update is lost. While another
 * running command holds it, says so once on stderr and waits (a write takes a second or two), for
 * at most `waitMs`.
 */
export function whileLocked<T>(io: Io, folder: ContentFolder, edit: () => T, waitMs = 60_000): T {
  const path = join(folder.dir, CONTENT_LOCK);
  const until = Date.now() + waitMs;
  let told = false;
  for (;;) {
    const taken = tryLock(path);
    if ('release' in taken) {
      try {
        return edit();
      } finally {
        taken.release();
      }
    }
    if (Date.now() > until)
      throw new CliError(
        `another pharos command (process ${taken.holder}) has been writing ${folder.display}/ for over ${Math.round(waitMs / 1000)} s; ` +
          `try again when it has finished (if none is running, delete ${join(folder.display, CONTENT_LOCK)})`,
      );
    if (!told) io.err(`${waitingNotice(taken.holder, folder.display)}\n`);
    told = true;
    // A synchronous pause: the caller may be in the middle of a synchronous redo (publish.ts).
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
}
