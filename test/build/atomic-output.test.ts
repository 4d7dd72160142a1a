/**
 * A build is all or nothing: whatever fails (content, a page that throws, the self-check, a stop
 * by Ctrl-C; a killed process is killed-build.test.ts's), the output folder holds the previous site byte for byte, nothing else is left beside
 * it, and the next build works without cleanup.
 */
import { spawn } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, statSync, symlinkSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildCommand, buildSite, listFiles, ROOT, tempDir } from '../helpers/fixtures.ts';
import { builtMinimal, leftovers, siteHash } from '../helpers/atomic.ts';
import { expectedFiles } from '../../src/lib/output-check.ts';
import { loadContent } from '../../src/lib/content/load.ts';

// Relative to the project root, as astro resolves --config.
const FAULTY = ['--config', 'test/fixtures/faulty-build/astro.config.mjs'];

describe('a failed build leaves the previous site', () => {
  test('content error: named compiler-style, with no stack trace; nothing is built, the old site stays', () => {
    const site = builtMinimal();
    const incident = join(site.content, 'incidents/2026-11-21-widget-slow.md');
    writeFileSync(incident, readFileSync(incident, 'utf8').replace('severity: minor', 'severity: urgent'));
    const run = buildSite(site.content, {}, site.outDir);
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain(
      'content/incidents/2026-11-21-widget-slow.md:3 severity: unknown level "urgent" (expected one of critical, minor)',
    );
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(siteHash(site.outDir)).toBe(site.hash);
    expect(leftovers(site.outDir)).toEqual([]);
  });

  test('a page throws while rendering: the old site stays, no scratch folder is left; the next build, through a dist/ that links elsewhere, replaces the whole site', () => {
    const site = builtMinimal();
    const run = buildSite(site.content, { PHAROS_FAULT: 'throw' }, site.outDir, FAULTY);
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('rendering failed on purpose');
    expect(siteHash(site.outDir)).toBe(site.hash);
    expect(leftovers(site.outDir)).toEqual([]);
    // The next build needs no cleanup. Its output folder is given as a link: the new site lands
    // where the link points, the link stays, and a file the site no longer has is gone.
    writeFileSync(join(site.outDir, 'stale.html'), '<html></html>');
    const link = join(tempDir('linked'), 'dist');
    symlinkSync(site.outDir, link);
    const again = buildSite(site.content, {}, link);
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(join(site.outDir, 'stale.html'))).toBe(false);
    expect(siteHash(site.outDir)).toBe(site.hash);
    expect(leftovers(site.outDir)).toEqual([]);
    expect(leftovers(link)).toEqual([]);
  });

  test('a page missing from the output fails the self-check, which names it', () => {
    const site = builtMinimal();
    const run = buildSite(site.content, { PHAROS_FAULT: 'drop' }, site.outDir, FAULTY);
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toContain('support/severity/index.html is missing');
    expect(run.stdout + run.stderr).toContain('dist/ still holds the previous site');
    expect(siteHash(site.outDir)).toBe(site.hash);
    expect(leftovers(site.outDir)).toEqual([]);
  });

  test("the self-check's list of files is the build's: every page, feed, calendar and document, and no other", () => {
    const site = builtMinimal();
    const content = loadContent(site.content);
    if (!content.ok) throw new Error('the minimal site is valid');
    const built = listFiles(site.outDir).filter((f) => /\.(html|xml|json|ics)$/.test(f));
    const expected = expectedFiles(content.content, join(ROOT, 'public')).filter((f) => /\.(html|xml|json|ics)$/.test(f));
    expect(built).toEqual([...expected].sort());
  });
});

/**
 * Starts a build of `content` into `outDir` that holds while writing its pages until released
 * (test/fixtures/faulty-build/Slow.astro); resolves with its exit code or signal.
 */
function startSlowBuild(content: string, outDir: string) {
  const gate = tempDir('gate');
  const c = buildCommand(content, { PHAROS_FAULT: 'slow', PHAROS_FAULT_GATE: gate }, outDir, FAULTY);
  const child = spawn(c.command, c.args, { cwd: ROOT, env: c.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ how: NodeJS.Signals | number | null; output: string }>((resolve) =>
    // 'close', not 'exit': the output is read to its end, so a failure shows all of it.
    child.on('close', (code, signal) => resolve({ how: signal ?? code, output })),
  );
  return {
    child,
    exited,
    /** Resolves once the build is writing pages and holds. */
    holding: () => appears(join(gate, 'started')),
    release: () => writeFileSync(join(gate, 'release'), ''),
  };
}

/**
 * Waits until `path` exists (a build took its lock, or holds), told by the file system the moment
 * it is created: a signal sent then lands in the build's first instants with its lock.
 */
async function appears(path: string): Promise<void> {
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  await new Promise<void>((resolve) => {
    watcher = watch(dirname(path), () => existsSync(path) && resolve());
    timer = setTimeout(resolve, 60_000);
    if (existsSync(path)) resolve();
  });
  watcher?.close();
  clearTimeout(timer);
  expect(existsSync(path), `${path} never appeared`).toBe(true);
}

describe('builds that meet', () => {
  test('a second build into the same folder while one runs stops at once, naming the first; the first completes', async () => {
    const site = builtMinimal();
    const first = startSlowBuild(site.content, site.outDir);
    await appears(join(dirname(site.outDir), '.dist-lock'));
    const second = buildSite(site.content, {}, site.outDir);
    first.release();
    expect(second.status).not.toBe(0);
    expect(second.stdout + second.stderr).toContain(`Another build (process ${first.child.pid}) is writing dist/ now`);
    const done = await first.exited;
    expect(done.how, done.output).toBe(0);
    expect(existsSync(join(site.outDir, 'zz-slow', 'index.html'))).toBe(true);
    expect(leftovers(site.outDir)).toEqual([]);
  });

  // Ctrl-C as soon as the build has taken its lock (Astro still bundling), TERM while it writes pages.
  test.for([
    ['SIGINT', 'once the build holds its lock'],
    ['SIGTERM', 'while pages are written'],
  ] as const)('%s %s leaves the old site and nothing beside it', async ([signal, moment]) => {
    const site = builtMinimal();
    const run = startSlowBuild(site.content, site.outDir);
    await appears(join(dirname(site.outDir), '.dist-lock'));
    if (moment === 'while pages are written') await run.holding();
    run.child.kill(signal);
    const done = await run.exited;
    expect(done.how, done.output).not.toBe(0);
    expect(siteHash(site.outDir)).toBe(site.hash);
    const left = leftovers(site.outDir);
    const inside = left.flatMap((entry) => {
      const path = join(dirname(site.outDir), entry);
      return statSync(path).isDirectory()
        ? listFiles(path)
            .slice(0, 10)
            .map((f) => `${entry}/${f}`)
        : [`${entry} (${readFileSync(path, 'utf8').slice(0, 40)})`];
    });
    expect(left, `${done.output}\nleft: ${inside.join(', ')}`).toEqual([]);
  });
});
