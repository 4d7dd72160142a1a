/**
 * A build killed with SIGKILL at any moment leaves the previous site or the complete new one in
 * dist/, nothing of its processes running, and nothing that the next build must clean up.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { generateSite, BENCH_NOW } from '../../bench/generate.ts';
import { buildCommand, buildSite, listFiles, ROOT, tempDir } from '../helpers/fixtures.ts';
import { builtMinimal, leftovers, siteHash } from '../helpers/atomic.ts';
import { expectedFiles } from '../../src/lib/output-check.ts';
import { loadContent } from '../../src/lib/content/load.ts';

/**
 * Whether any process of the group led by `pid` still runs. A process that has exited but waits
 * for its new parent to collect it (a zombie: esbuild's service, once the build above it was
 * killed) runs nothing, and is not counted; /proc tells them apart where it exists.
 */
function groupRunning(pid: number): boolean {
  if (!existsSync('/proc/self/stat')) {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  }
  return readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .some((e) => {
      try {
        // "pid (name) state ppid pgrp ...": the name may hold spaces and parentheses, so read after the last ")".
        const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        return Number(pgrp) === pid && state !== 'Z';
      } catch {
        return false; // gone while the folder was read
      }
    });
}

describe('a killed build', () => {
  test('SIGKILL half-way through writing a 20-incident site, and once every file is written, leaves the old site or the new one, and the next build works', async () => {
    // The old site is the minimal one; the new one has 20 incidents (about 420 files, so the
    // half-way kill falls among many written files). Any moment while pages are written takes the
    // same path (nothing has touched dist/ yet), so one such moment stands for all of them.
    const old = builtMinimal();
    const outDir = old.outDir;
    const content = join(tempDir('kill'), 'content');
    generateSite({ dir: content, incidents: 20, seed: 5 });
    const env = { PHAROS_NOW: BENCH_NOW };
    const loaded = loadContent(content, { env });
    if (!loaded.ok) throw new Error('the generated site is valid');
    // Astro prints a line for each file it writes; one kill comes when half of them are written, the
    // other when all are (the self-check and the swap follow): moments told by the build's progress,
    // not by a clock.
    const files = expectedFiles(loaded.content, join(ROOT, 'public')).length;
    expect(files, 'files the new site has').toBeGreaterThan(300);

    const seen: { when: string; hash: string }[] = [];
    for (const share of [0.5, 1]) {
      const c = buildCommand(content, env, outDir);
      // Its own process group, so that what it started can be looked for after the kill.
      const child = spawn(c.command, c.args, { cwd: ROOT, env: c.env, stdio: ['ignore', 'pipe', 'ignore'], detached: true });
      let written = 0;
      child.stdout.setEncoding('utf8').on('data', (s: string) => {
        written += (s.match(/[├└]─/g) ?? []).length;
        if (written >= share * files * 0.98) child.kill('SIGKILL');
      });
      const how = await new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
      seen.push({ when: `${share} (${String(how)}, ${written} files)`, hash: existsSync(outDir) ? siteHash(outDir) : 'missing' });
      // Nothing the build started outlives it (esbuild's service exits when its parent is gone).
      for (let i = 0; i < 50 && groupRunning(child.pid!); i++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(groupRunning(child.pid!), 'a process of the killed build is still running').toBe(false);
    }

    // The next build needs no cleanup and gives the complete new site.
    const last = buildSite(content, env, outDir);
    expect(last.status, last.stderr).toBe(0);
    const newHash = siteHash(outDir);
    const pages = (list: string[]) => list.filter((f) => /\.(html|xml|json|ics)$/.test(f)).sort();
    expect(pages(listFiles(outDir))).toEqual(pages(expectedFiles(loaded.content, join(ROOT, 'public'))));
    expect(leftovers(outDir)).toEqual([]);
    // After every kill the site was the old one or the complete new one, never a mix or nothing;
    // the kill while pages were written came before the swap.
    const report = seen.map((s) => `${s.when}: ${s.hash === old.hash ? 'old' : s.hash === newHash ? 'new' : s.hash}`).join('\n');
    for (const s of seen) expect([old.hash, newHash], report).toContain(s.hash);
    expect(seen[0]!.hash, report).toBe(old.hash);
    expect(seen[0]!.when, report).toContain('SIGKILL');
  }, 600_000);
});
