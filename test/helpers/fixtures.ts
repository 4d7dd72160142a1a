/** Test helpers: temporary content folders made from fixtures, and real builds of them. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { loadContent, type SiteContent } from '../../src/lib/content/load.ts';

/** The project root. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** Where tests write temporary sites and builds (git-ignored). */
export const TMP = join(ROOT, 'test/.tmp');
/** The smallest valid site, which broken fixtures modify. */
export const MINIMAL = join(ROOT, 'test/fixtures/sites/minimal');
/** The default site's content. */
export const DEFAULT_CONTENT = join(ROOT, 'content');

/** A fresh temporary folder under test/.tmp. */
export function tempDir(prefix: string): string {
  mkdirSync(TMP, { recursive: true });
  return mkdtempSync(join(TMP, `${prefix}-`));
}

/**
 * Materialises a broken-fixture case: a copy of the minimal site with the case's `content/`
 * files laid over it and the files listed in `remove.txt` deleted.
 */
export function materialise(caseDir: string): string {
  const dir = join(tempDir('case'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  const overlay = join(caseDir, 'content');
  if (existsSync(overlay)) cpSync(overlay, dir, { recursive: true });
  const remove = join(caseDir, 'remove.txt');
  if (existsSync(remove)) {
    for (const line of readFileSync(remove, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean))
      rmSync(join(dir, line), { recursive: true, force: true });
  }
  return dir;
}

/** Every file below a folder, relative paths, sorted. */
export function listFiles(dir: string, base = dir): string[] {
  return readdirSync(dir)
    .flatMap((e) => (statSync(join(dir, e)).isDirectory() ? listFiles(join(dir, e), base) : [join(dir, e).slice(base.length + 1)]))
    .sort();
}

/** The test process's environment without the variables Vite/vitest inject (BASE_URL, MODE...), which would override a child build's own. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'VITEST', 'VITEST_MODE', 'VITEST_POOL_ID', 'VITEST_WORKER_ID', 'TEST'])
    delete env[key];
  return env;
}

/** Result of running a command. */
export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI (`node scripts/pharos.ts ...`) on the project's Node. */
export function runCli(args: string[], env: Record<string, string> = {}, cwd = ROOT): Run {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/pharos.ts'), ...args], { cwd, env: { ...cleanEnv(), ...env }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Runs the CLI in this process (its main() with an Io that records what it prints), for the many
 * cases of one command where a process each costs a third of a second. runCli tests the real process.
 */
export async function runCliHere(args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<Run> {
  const { main } = await import('../../scripts/cli/main.ts');
  let stdout = '';
  let stderr = '';
  const status = await main(args, { env, cwd, interactive: false, out: (s) => void (stdout += s), err: (s) => void (stderr += s) });
  return { status, stdout, stderr };
}

/**
 * Runs the real CLI like runCli, without blocking: for several CLI processes at the same moment.
 * `onStderr` is told everything the process has written to stderr so far, as it comes.
 */
export function runCliAsync(args: string[], env: Record<string, string> = {}, cwd = ROOT, onStderr: (all: string) => void = () => {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts/pharos.ts'), ...args], { cwd, env: { ...cleanEnv(), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => onStderr((stderr += s)));
    child.on('error', fail);
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** The command line and environment of `astro build` of the project with the given content folder into `outDir`. */
export function buildCommand(
  contentDir: string,
  env: Record<string, string>,
  outDir: string,
  args: string[] = [],
): { command: string; args: string[]; env: NodeJS.ProcessEnv } {
  return {
    command: process.execPath,
    args: [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir, ...args],
    // Node's compile cache, which Astro turns on only outside CI: the tests' twenty-odd builds load
    // the same modules, and each compiles them again without it (about 0.6 s of CPU a build).
    env: {
      ...cleanEnv(),
      ASTRO_TELEMETRY_DISABLED: '1',
      NODE_COMPILE_CACHE: join(ROOT, 'node_modules/.cache/node-compile'),
      PHAROS_CONTENT: contentDir,
      ...env,
    },
  };
}

/** Runs `astro build` of the project with the given content folder into `outDir` (default: a fresh one); `args` go to astro. */
export function buildSite(
  contentDir: string,
  env: Record<string, string> = {},
  outDir = join(tempDir('dist'), 'dist'),
  args: string[] = [],
): Run & { outDir: string } {
  mkdirSync(dirname(outDir), { recursive: true });
  const c = buildCommand(contentDir, env, outDir, args);
  const r = spawnSync(c.command, c.args, { cwd: ROOT, env: c.env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, outDir };
}

/**
 * Hashes every file below the given paths (names relative to each path, and bytes): build cache
 * keys, and whether a folder changed. Where a folder lies does not count, so two copies of the same
 * content share a build (a build's output does not depend on where its content lies).
 */
export function treeHash(paths: string[]): string {
  const hash = createHash('sha256');
  for (const [i, base] of paths.entries()) {
    hash.update(`\0${i}\0`);
    if (!existsSync(base)) continue;
    const files = statSync(base).isDirectory() ? listFiles(base) : [''];
    for (const file of files) hash.update(`${file}\0`).update(readFileSync(join(base, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * A build to READ, shared by every test file that asks for the same site: keyed on the sources,
 * the content (wherever it lies) and the environment, so a site is built once per run (and again
 * after any change).
 * Never write into its outDir; use buildSite for a build you modify.
 */
export function sharedBuild(contentDir: string, env: Record<string, string> = {}): Run & { outDir: string } {
  const key =
    treeHash([join(ROOT, 'src'), join(ROOT, 'public'), join(ROOT, 'astro.config.mjs'), join(ROOT, 'package-lock.json'), contentDir]) +
    createHash('sha256').update(JSON.stringify(env)).digest('hex').slice(0, 8);
  const dir = join(TMP, `shared-${key}`);
  const done = () => ({ ...(JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')) as Run), outDir: join(dir, 'dist') });
  if (existsSync(join(dir, 'run.json'))) return done();
  // Test files run two at a time: the first to ask builds, the other waits for its result instead
  // of building the same site again. A lock whose process is gone (a run stopped with Ctrl-C) is taken over.
  mkdirSync(TMP, { recursive: true });
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      break;
    } catch {
      if (existsSync(join(dir, 'run.json'))) return done();
      if (lockAbandoned(lock)) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    return buildShared(contentDir, env, dir, key, done);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Whether the process that took a build lock is gone (or it is older than ten minutes, whatever it says). */
function lockAbandoned(lock: string): boolean {
  const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
  if (since === undefined) return false;
  if (Date.now() - since > 10 * 60_000) return true;
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    // Just taken, the pid not written yet; or just released.
    return false;
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** sharedBuild's build, under its lock. */
function buildShared(
  contentDir: string,
  env: Record<string, string>,
  dir: string,
  key: string,
  done: () => Run & { outDir: string },
): Run & { outDir: string } {
  if (existsSync(join(dir, 'run.json'))) return done();
  // Built in a folder of its own and renamed into place when complete, so that two test runs at
  // once (two terminals) never build into, or delete, each other's folder; the first to finish wins.
  const work = mkdtempSync(join(TMP, `shared-${key}-`));
  const run = buildSite(contentDir, env, join(work, 'dist'));
  if (run.status !== 0) return run;
  writeFileSync(join(work, 'run.json'), JSON.stringify({ status: run.status, stdout: run.stdout, stderr: run.stderr }));
  try {
    // A folder there without run.json is what a failed or killed earlier build left.
    if (existsSync(dir) && !existsSync(join(dir, 'run.json'))) rmSync(dir, { recursive: true, force: true });
    renameSync(work, dir);
  } catch {
    rmSync(work, { recursive: true, force: true });
  }
  return done();
}

/** Loads a content folder (the environment's PHAROS_NOW ignored unless given), or throws with every problem as `pharos check` prints it. */
export function loadOrThrow(dir: string, env: Record<string, string> = {}): SiteContent {
  const result = loadContent(dir, { displayRoot: 'content', env });
  if (!result.ok) throw new Error(`${dir} does not load:\n${result.errors.map((e) => `${e.file}:${e.line ?? ''} ${e.field ?? ''}: ${e.message}`).join('\n')}`);
  return result.content;
}
