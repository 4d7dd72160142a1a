/**
 * Lock files: a file holding the id of the process that holds the lock, created only if absent
 * (O_EXCL), so of two processes exactly one gets it. A lock whose process is gone (killed, crashed)
 * is taken over. Used by the build (one build per output folder) and by the CLI (one write at a
 * time per content folder).
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

/** Whether a process with this id is running. */
export function running(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock at `path` for this process: `release` removes it (only while it is still this
 * process's), or `holder` is the running process that has it. Throws what the file system throws
 * otherwise (ENOENT when the folder is missing).
 */
export function tryLock(path: string): { release: () => void } | { holder: number } {
  const mine = String(process.pid);
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, mine, { flag: 'wx' });
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
    }
    let holder = NaN;
    try {
      holder = Number(readFileSync(path, 'utf8').trim());
    } catch {
      // Released between the two calls: try again.
    }
    if (Number.isInteger(holder) && holder !== process.pid && running(holder)) return { holder };
    rmSync(path, { force: true });
  }
  return {
    release: () => {
      try {
        if (readFileSync(path, 'utf8').trim() === mine) rmSync(path, { force: true });
      } catch {
        // Already gone.
      }
    },
  };
}
