/**
 * Runs once before the tests: removes temporary sites and builds that earlier runs left behind.
 * Only entries older than an hour go, so runs that overlap (two terminals, CI retries) keep theirs.
 */
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  const dir = join(import.meta.dirname, '.tmp');
  if (!existsSync(dir)) return;
  const cutoff = Date.now() - 60 * 60 * 1000;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).mtimeMs < cutoff) rmSync(path, { recursive: true, force: true });
  }
}
