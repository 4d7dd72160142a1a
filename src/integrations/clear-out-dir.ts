/**
 * Clears the previous build out of the way without making the new one wait: once the content is
 * known to be valid, the old output folder is renamed (one system call), and when the build is done
 * a detached process deletes it, instead of Astro deleting tens of thousands of files one by one
 * before it starts (a fifth of a 10,000-incident build). A refused build leaves the previous site
 * untouched, as before.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Folders moved aside look like ".dist-previous-<pid>-<time>" next to the output folder. */
const prefix = (outDir: string) => `.${basename(outDir)}-previous-`;

/** Folders moved aside from `outDir` that are still there (being deleted, or left by an interrupted build). */
export function movedAside(outDir: string): string[] {
  const parent = dirname(outDir);
  if (!existsSync(parent)) return [];
  return readdirSync(parent)
    .filter((entry) => entry.startsWith(prefix(outDir)))
    .map((entry) => join(parent, entry));
}

/** What a build moved aside: its old output, and what interrupted builds left behind. */
export function moveOutDirAside(out: URL | string): string[] {
  const outDir = typeof out === 'string' ? out : fileURLToPath(out);
  const parent = dirname(outDir);
  if (!existsSync(parent)) return [];
  const aside = movedAside(outDir);
  if (!existsSync(outDir) || readdirSync(outDir).length === 0) return aside;
  const target = join(parent, `${prefix(outDir)}${process.pid}-${Date.now()}`);
  try {
    renameSync(outDir, target);
  } catch {
    // Not renamable (another device, a mount point): Astro empties it itself, as it always did.
    return aside;
  }
  return [...aside, target];
}

/** Deletes folders in a detached process that outlives the build, so the build does not wait for it. */
export function deleteInBackground(paths: readonly string[]): void {
  if (paths.length === 0) return;
  const script = 'const { rmSync } = require("node:fs"); for (const p of JSON.parse(process.argv[1])) rmSync(p, { recursive: true, force: true });';
  const child = spawn(process.execPath, ['-e', script, JSON.stringify(paths)], { detached: true, stdio: 'ignore' });
  child.on('error', () => {});
  child.unref();
}
