/**
 * All-or-nothing builds. Astro writes the new site into a fresh folder beside the output folder
 * (".dist-new-<pid>"); only when Astro has finished and the self-check passed (src/lib/output-check.ts)
 * does it take the output folder's place. A content error, a throw while rendering, a failed
 * self-check or a killed process leave the output folder as it was: the previous site, byte for
 * byte. Nothing outlives the build.
 *
 * One build at a time per output folder: a build holds ".dist-lock" (its process id) from start to
 * end, and a second build into the same folder stops at once with a message naming the first; a lock
 * whose process is gone is taken over. Ctrl-C or a TERM signal removes the build's folder and lock.
 * The swap is three renames, with the complete new site first renamed to ".dist-ready":
 *   .dist-new-<pid> -> .dist-ready     (the new site is complete and checked)
 *   dist            -> .dist-old       (skipped when there is no previous site)
 *   .dist-ready     -> dist
 * then .dist-old is deleted. A build killed between two of them leaves .dist-ready, which the
 * next build moves into place before it starts (`recoverOutput`), so the output folder holds the
 * old site or the new one, and the next build needs no manual cleanup.
 */
import { existsSync, lstatSync, readdirSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { running, tryLock } from '../lib/lock-file.ts';
import { outputProblems } from '../lib/output-check.ts';
import { siteContent } from '../lib/site-data.ts';

/** The folders a build keeps beside `outDir`. */
export function sideFolders(outDir: string): { parent: string; ready: string; old: string; lock: string; newPrefix: string } {
  const parent = dirname(outDir);
  const name = basename(outDir);
  return { parent, ready: join(parent, `.${name}-ready`), old: join(parent, `.${name}-old`), lock: join(parent, `.${name}-lock`), newPrefix: `.${name}-new-` };
}

/**
 * Takes the output folder's lock for this process, or throws when another running build holds it.
 * Returns a function that releases it (only while it is still this process's).
 */
export function lockOutput(outDir: string): () => void {
  const { parent, lock } = sideFolders(outDir);
  let taken: ReturnType<typeof tryLock>;
  try {
    taken = tryLock(lock);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return () => {};
    throw e;
  }
  if ('release' in taken) return taken.release;
  const error = new Error(
    `Another build (process ${taken.holder}) is writing ${basename(outDir)}/ now; run this one when it has finished. ` +
      `If no build is running, delete ${join(basename(parent), basename(lock))} and try again.`,
  );
  error.stack = '';
  throw error;
}

/**
 * Finishes what an interrupted build left: a checked new site waiting in ".dist-ready" takes the
 * output folder's place; an old site moved aside and half-written folders of builds that are no
 * longer running are deleted.
 */
export function recoverOutput(outDir: string): void {
  const { parent, ready, old, newPrefix } = sideFolders(outDir);
  if (!existsSync(parent)) return;
  if (existsSync(ready)) swapIn(ready, outDir);
  // The previous site moved aside with nothing in its place: it is the only copy, so it goes back.
  if (!existsSync(outDir) && existsSync(old)) renameSync(old, outDir);
  rmSync(old, { recursive: true, force: true });
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(newPrefix)) continue;
    const pid = Number(entry.slice(newPrefix.length));
    if (!Number.isInteger(pid) || !running(pid)) rmSync(join(parent, entry), { recursive: true, force: true });
  }
  // Folders the earlier move-aside arrangement left behind.
  for (const entry of readdirSync(parent)) {
    if (entry.startsWith(`.${basename(outDir)}-previous-`)) rmSync(join(parent, entry), { recursive: true, force: true });
  }
}

/** Puts the complete site in `ready` in the place of `outDir`, then deletes the previous one. */
function swapIn(ready: string, outDir: string): void {
  const { old } = sideFolders(outDir);
  rmSync(old, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, old);
  renameSync(ready, outDir);
  rmSync(old, { recursive: true, force: true });
}

/**
 * Deletes a folder that the build may still be writing into. When a signal stops the build, writes
 * it had already handed to Node's thread pool go on beside the deletion, and one that adds a file
 * to a folder being emptied makes the deletion fail (ENOTEMPTY). So it retries, holding the main
 * thread still (nothing new is started) while those writes finish, until the folder stays gone. If
 * it never does, the next build deletes what is left (`recoverOutput`).
 */
export function removeForGood(dir: string): void {
  const still = new Int32Array(new SharedArrayBuffer(4));
  for (let round = 0; round < 20; round++) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 10 });
    } catch {
      // A write landed between the retries: the next round deletes it.
    }
    Atomics.wait(still, 0, 0, 30);
    if (!existsSync(dir)) return;
  }
}

/** Makes `astro build` write a fresh folder and replace the output folder only once the site is complete and checked. */
export function atomicOutput(): AstroIntegration {
  let target: string | undefined;
  let staging: string | undefined;
  let publicDir: string | undefined;
  let swapped = false;
  let unlock = () => {};
  const cleanUp = () => {
    try {
      if (!swapped && staging) removeForGood(staging);
    } finally {
      unlock();
    }
  };
  // Ctrl-C and TERM end the build as they would have, after the clean-up.
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  };
  const listen = (on: boolean) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process[on ? 'on' : 'off'](signal, onSignal);
    process[on ? 'on' : 'off']('exit', cleanUp);
  };
  return {
    name: 'pharos:atomic-output',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        target = fileURLToPath(config.outDir).replace(/\/$/, '');
        // A dist/ that links elsewhere (dist -> /var/www/status) is swapped where it points: renaming
        // the link would leave the served folder as it was.
        if (existsSync(target) && lstatSync(target).isSymbolicLink()) target = realpathSync(target);
        publicDir = fileURLToPath(config.publicDir);
        // A failed build (a throw while rendering, a failed self-check) takes its half-written folder
        // and its lock with it; so does one stopped by Ctrl-C or a TERM signal. The handlers go in
        // before the lock is written: a signal in between then waits for this hook to return, when
        // `unlock` is set, instead of killing the process with the lock left behind.
        listen(true);
        try {
          unlock = lockOutput(target);
        } catch (error) {
          listen(false);
          throw error;
        }
        recoverOutput(target);
        staging = join(sideFolders(target).parent, `${sideFolders(target).newPrefix}${process.pid}`);
        rmSync(staging, { recursive: true, force: true });
        // A URL, as Astro keeps outDir once resolved (a string would not be resolved again).
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
      },
      'astro:build:done': ({ logger }) => {
        if (!target || !staging) return;
        const problems = outputProblems(staging, siteContent(), publicDir);
        if (problems.length > 0) {
          for (const p of problems.slice(0, 50)) logger.error(p);
          if (problems.length > 50) logger.error(`... and ${problems.length - 50} more`);
          const error = new Error(
            `The new site failed its self-check (${problems.length} problem${problems.length === 1 ? '' : 's'} above); ${basename(target)}/ still holds the previous site.`,
          );
          error.stack = '';
          cleanUp();
          listen(false);
          throw error;
        }
        const { ready } = sideFolders(target);
        rmSync(ready, { recursive: true, force: true });
        renameSync(staging, ready);
        swapped = true;
        swapIn(ready, target);
        unlock();
        listen(false);
        logger.info(`self-check passed; the new site is in ${basename(target)}/`);
      },
    },
  };
}
