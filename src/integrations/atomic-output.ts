/**
 * All-or-nothing builds. Astro writes the new site into a fresh folder beside the output folder
 * (".dist-new-<pid>"); only when Astro has finished and the self-check passed (src/lib/output-check.ts)
 * does it take the output folder's place. A content error, a throw while rendering, a failed
 * self-check or a killed process leave the output folder as it was: the previous site, byte for
 * byte. Nothing outlives the build.
 *
 * One build at a time per output folder (two at once into the same dist/ are not supported).
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
import { outputProblems } from '../lib/output-check.ts';
import { siteContent } from '../lib/site-data.ts';

/** The folders a build keeps beside `outDir`. */
export function sideFolders(outDir: string): { parent: string; ready: string; old: string; newPrefix: string } {
  const parent = dirname(outDir);
  const name = basename(outDir);
  return { parent, ready: join(parent, `.${name}-ready`), old: join(parent, `.${name}-old`), newPrefix: `.${name}-new-` };
}

/** Whether a process with this id is running (a build that still writes its folder). */
function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
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

/** Makes `astro build` write a fresh folder and replace the output folder only once the site is complete and checked. */
export function atomicOutput(): AstroIntegration {
  let target: string | undefined;
  let staging: string | undefined;
  let publicDir: string | undefined;
  let swapped = false;
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
        recoverOutput(target);
        staging = join(sideFolders(target).parent, `${sideFolders(target).newPrefix}${process.pid}`);
        rmSync(staging, { recursive: true, force: true });
        // A URL, as Astro keeps outDir once resolved (a string would not be resolved again).
        updateConfig({ outDir: pathToFileURL(`${staging}/`) });
        // A failed build (a throw while rendering, a failed self-check) takes its half-written folder with it.
        process.once('exit', () => {
          if (!swapped && staging) rmSync(staging, { recursive: true, force: true });
        });
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
          throw error;
        }
        const { ready } = sideFolders(target);
        rmSync(ready, { recursive: true, force: true });
        renameSync(staging, ready);
        swapped = true;
        swapIn(ready, target);
        logger.info(`self-check passed; the new site is in ${basename(target)}/`);
      },
    },
  };
}
