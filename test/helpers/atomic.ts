/** Helpers of the all-or-nothing build tests: a site's fingerprint, what a build left beside it, a built minimal site to spoil. */
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { expect } from 'vitest';
import { listFiles, MINIMAL, sharedBuild, tempDir } from './fixtures.ts';

/** Names and bytes of every file below `dir`, relative to it: equal for byte-identical sites. */
export function siteHash(dir: string): string {
  const hash = createHash('sha256');
  for (const file of listFiles(dir)) hash.update(`${file}\0`).update(readFileSync(join(dir, file)));
  return hash.digest('hex');
}

/** What a build left beside the output folder besides the folder itself. */
export function leftovers(outDir: string): string[] {
  return readdirSync(dirname(outDir)).filter((e) => e !== basename(outDir));
}

let template: { content: string; outDir: string; hash: string } | undefined;

/**
 * A copy of the minimal site and of its build, each in a folder of its own, for a test to spoil.
 * The build is the run's shared one (sharedBuild, the same the read-only tests use), so no test
 * file builds the minimal site for itself; a test that rebuilds the copy and compares hashes also
 * shows that the output does not depend on where the content lies.
 */
export function builtMinimal(): { content: string; outDir: string; hash: string } {
  if (!template) {
    const first = sharedBuild(MINIMAL);
    expect(first.status, first.stdout + first.stderr).toBe(0);
    template = { content: MINIMAL, outDir: first.outDir, hash: siteHash(first.outDir) };
  }
  const content = join(tempDir('atomic'), 'content');
  cpSync(template.content, content, { recursive: true });
  const outDir = join(tempDir('atomic-out'), 'dist');
  cpSync(template.outDir, outDir, { recursive: true });
  return { content, outDir, hash: template.hash };
}
