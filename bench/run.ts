/**
 * `npm run bench`: builds Pharos on generated content at N = 100, 1,000 and 10,000 incidents with a
 * pinned now, and a bare Astro site with as many HTML pages (the floor); measures wall time, peak
 * memory, pages, output sizes and the home page's weight; prints a table and PASS/FAIL per target,
 * and writes bench/results/latest.json.
 *
 * At each size, R rounds (default 2) each run, in this order so that the machine's drift touches
 * every kind alike: a first build (fresh output folder, empty Markdown cache), a rebuild after one
 * incident was edited, a rebuild with no change, and the floor. Medians count.
 *
 * Exits 0 when every build succeeded, whatever the targets say; non-zero when a build fails.
 * Options: --sizes 100,1000 (default 100,1000,10000), --runs R, --seed S, --timeout SECONDS per
 * build (default 1200).
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { BENCH_NOW, DEFAULT_SEED, generateSite, type GenerateResult } from './generate.ts';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench/out');
const RESULTS = join(ROOT, 'bench/results');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');
const GNU_TIME = '/usr/bin/time';
const KB = 1024;
const MB = 1024 * 1024;
const GB = 1024 * MB;

/** Targets from issue 8. */
export const TARGETS = {
  /** Pharos wall time at every N, at most this many times the floor's. */
  floorRatio: 1.5,
  /** Peak resident memory of any build. */
  peakBytes: 2 * GB,
  /** Wall time at 10,000 over wall time at 1,000 (linear is 10). */
  scaleRatio: 11,
  /** Home page HTML (with what it inlines) plus linked CSS, gzip. */
  homeHtmlCss: 14 * KB,
  /** JavaScript the home page loads, gzip. */
  homeJs: 4 * KB,
  /** A bounded file (feed, calendar, JSON, history or maintenance list page) may grow at most this much from the second-largest N to the largest (the newest items are identical at every N). */
  boundedGrowth: 1.1,
  /** A rebuild after one incident was edited, at most this share of a first build (at 1,000 incidents and more). */
  rebuildRatio: 0.5,
  /** A rebuild with no change, at most this share of a first build (at 1,000 incidents and more). */
  noChangeRatio: 0.3,
  /** The whole run. */
  totalSeconds: 1800,
} as const;

/** One timed child build. */
interface Timed {
  status: number | null;
  wallSeconds: number;
  peakRssBytes: number | null;
  log: string;
}

/** How peak memory is measured on this machine. */
const RSS_METHOD = existsSync(GNU_TIME)
  ? `${GNU_TIME} -v "Maximum resident set size" (the largest single process of the build's tree)`
  : existsSync('/proc/self/status')
    ? 'polling /proc/<pid>/status every 100 ms (the largest VmHWM of one process, or the largest sum of VmRSS over the process tree, whichever is higher)'
    : 'not measured (neither /usr/bin/time nor /proc)';

/** Times, in a process of its own, the two steps a first build of `content` must take before any page (bench/steps.ts). */
function timedSteps(content: string): Steps {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/steps.ts'), content], {
    cwd: ROOT,
    env: { ...process.env, PHAROS_NOW: BENCH_NOW },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new BuildFailed(`bench/steps.ts on ${content} failed:\n${r.stderr}`);
  const { loadSeconds, markdownSeconds } = JSON.parse(r.stdout) as Steps;
  return { loadSeconds, markdownSeconds };
}

/** Runs `node astro.mjs build ...` with its output in `log`, timing it and measuring its peak memory. */
async function timedBuild(args: string[], env: Record<string, string>, log: string, timeoutSeconds: number): Promise<Timed> {
  mkdirSync(dirname(log), { recursive: true });
  const timeFile = `${log}.time`;
  rmSync(timeFile, { force: true });
  const useTime = existsSync(GNU_TIME);
  const command = useTime ? GNU_TIME : process.execPath;
  const argv = useTime ? ['-v', '-o', timeFile, process.execPath, ASTRO, 'build', ...args] : [ASTRO, 'build', ...args];
  const started = performance.now();
  const child = spawn(command, argv, {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // The log is written as the build goes, so a long build can be followed with tail -f.
  const file = createWriteStream(log);
  const chunks: Buffer[] = [];
  const keep = (c: Buffer) => {
    chunks.push(c);
    file.write(c);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const poller = !useTime && existsSync('/proc/self/status') && child.pid !== undefined ? pollTree(child.pid) : undefined;
  const timer = setTimeout(() => {
    keep(Buffer.from(`\n[bench] killed after ${timeoutSeconds} s\n`));
    if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
  }, timeoutSeconds * 1000);
  const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  clearTimeout(timer);
  const wallSeconds = (performance.now() - started) / 1000;
  const text = Buffer.concat(chunks).toString('utf8');
  await new Promise((done) => file.end(done));
  let peakRssBytes: number | null = null;
  if (useTime && existsSync(timeFile)) {
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(timeFile, 'utf8'));
    if (m) peakRssBytes = Number(m[1]) * KB;
  } else if (poller) peakRssBytes = poller.stop();
  return { status, wallSeconds, peakRssBytes, log: text };
}

/** Polls /proc for the process tree under `pid`; stop() returns the peak in bytes. */
function pollTree(pid: number): { stop: () => number } {
  let peak = 0;
  const kb = (status: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * KB;
  const tick = () => {
    const parents = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      } catch {
        // The process ended between listing and reading.
      }
    }
    const tree = [pid];
    for (let i = 0; i < tree.length; i++) for (const [p, parent] of parents) if (parent === tree[i]) tree.push(p);
    let sum = 0;
    for (const p of tree) {
      try {
        const status = readFileSync(`/proc/${p}/status`, 'utf8');
        sum += kb(status, 'VmRSS');
        peak = Math.max(peak, kb(status, 'VmHWM'));
      } catch {
        // Gone already.
      }
    }
    peak = Math.max(peak, sum);
  };
  const interval = setInterval(tick, 100);
  return {
    stop: () => {
      clearInterval(interval);
      return peak;
    },
  };
}

/** A file in dist/ and its size. */
interface Sized {
  path: string;
  bytes: number;
}

/** What a dist/ folder holds. */
interface DistReport {
  pages: number;
  bytes: number;
  files: number;
  largestHtml: Sized;
  largestFeed: Sized | null;
  largestJson: Sized | null;
  largestHistory: Sized | null;
}

/** Every file below `dir`, as paths relative to it with their sizes. */
function walk(dir: string): Sized[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => {
      const full = join(e.parentPath, e.name);
      return { path: relative(dir, full).split('\\').join('/'), bytes: statSync(full).size };
    });
}

function largest(files: Sized[], test: (path: string) => boolean): Sized | null {
  return files.filter((f) => test(f.path)).reduce<Sized | null>((a, b) => (a === null || b.bytes > a.bytes ? b : a), null);
}

/** Pages, size, and the largest page, feed, JSON document and history page of a build. */
export function distReport(dir: string): DistReport {
  const files = walk(dir);
  const html = files.filter((f) => f.path.endsWith('.html'));
  return {
    pages: html.length,
    files: files.length,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    largestHtml: largest(html, () => true) ?? { path: '-', bytes: 0 },
    // The sitemap lists every page by design; feeds and calendars are what must stay bounded.
    largestFeed: largest(files, (p) => /\.(xml|rss|atom|ics)$/.test(p) && !p.endsWith('sitemap.xml')),
    largestJson: largest(files, (p) => p.endsWith('.json')),
    // Pages that list the past: the incident history and the maintenance list (and their later pages).
    largestHistory: largest(files, (p) => /^(?:[a-z]{2,3}(?:-[A-Z]{2})?\/)?(?:incidents|maintenance)\/(?:page\/\d+\/)?index\.html$/.test(p)),
  };
}

/** What the home page costs a first visit. */
export interface HomeReport {
  /** The HTML document, gzip (inline styles and scripts included). */
  htmlGzip: number;
  /** Linked stylesheets, gzip each, summed. */
  cssGzip: number;
  /** HTML + linked CSS. */
  htmlCssGzip: number;
  /** External scripts and the modules they import statically, gzip each, plus inline scripts, gzip. */
  jsGzip: number;
  stylesheets: string[];
  scripts: string[];
  inlineScripts: number;
  /** Stylesheets and classic scripts in the head that block rendering. */
  renderBlocking: string[];
  /** Requests to another origin (scripts, stylesheets, images, frames, fonts). */
  thirdParty: string[];
  /** @font-face rules or font preloads. */
  webFonts: number;
}

const gz = (s: string | Buffer) => gzipSync(s).length;
const attr = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);

/** Weighs the home page of a build: what the browser must fetch to render it and run its scripts. */
export function homeReport(dir: string, page = 'index.html'): HomeReport {
  const html = readFileSync(join(dir, page), 'utf8');
  const local = (url: string) => !/^[a-z]+:|^\/\//i.test(url);
  const file = (url: string, from = '/') => join(dir, posix.resolve(posix.dirname(from), url.replace(/[?#].*$/, '')));
  const head = html.slice(0, Math.max(0, html.search(/<\/head>/i)));
  const report: HomeReport = {
    htmlGzip: gz(html),
    cssGzip: 0,
    htmlCssGzip: 0,
    jsGzip: 0,
    stylesheets: [],
    scripts: [],
    inlineScripts: 0,
    renderBlocking: [],
    thirdParty: [],
    webFonts: 0,
  };
  let css = '';
  for (const tag of html.match(/<link\b[^>]*>/gi) ?? []) {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(tag, 'href') ?? '';
    if (rel.includes('stylesheet')) {
      if (!local(href)) report.thirdParty.push(href);
      else {
        const text = readFileSync(file(href), 'utf8');
        report.stylesheets.push(href);
        report.cssGzip += gz(text);
        css += text;
      }
      if (head.includes(tag) && !/\smedia\s*=\s*["']?print/i.test(tag)) report.renderBlocking.push(href);
    } else if (rel.includes('preload') && attr(tag, 'as') === 'font') report.webFonts++;
    else if ((rel.includes('modulepreload') || rel.includes('preload') || rel.includes('icon')) && !local(href)) report.thirdParty.push(href);
  }
  // Scripts: external ones and every module they import statically; inline ones as text.
  const seen = new Set<string>();
  const visit = (url: string) => {
    const path = posix.resolve('/', url.replace(/[?#].*$/, ''));
    if (seen.has(path)) return;
    seen.add(path);
    const text = readFileSync(join(dir, path), 'utf8');
    report.scripts.push(path);
    report.jsGzip += gz(text);
    for (const m of text.matchAll(/\b(?:import|export)\s*(?:[^"'();]*?\bfrom\s*)?["']([^"']+)["']/g))
      if (local(m[1]!)) visit(posix.resolve(posix.dirname(path), m[1]!));
  };
  let inline = '';
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const tag = `<script${m[1]}>`;
    const type = (attr(tag, 'type') ?? '').toLowerCase();
    if (type !== '' && type !== 'module' && !type.includes('javascript')) continue;
    const src = attr(tag, 'src');
    if (src === undefined) {
      report.inlineScripts++;
      inline += m[2];
      continue;
    }
    if (!local(src)) {
      report.thirdParty.push(src);
      continue;
    }
    if (head.includes(tag) && type !== 'module' && !/\s(defer|async)\b/i.test(tag)) report.renderBlocking.push(src);
    visit(src);
  }
  for (const m of html.matchAll(/<link\b[^>]*rel\s*=\s*["']?modulepreload[^>]*>/gi)) {
    const href = attr(m[0], 'href');
    if (href && local(href)) visit(href);
  }
  if (inline) report.jsGzip += gz(inline);
  for (const m of html.matchAll(/<(?:img|iframe|source|video|audio)\b[^>]*\ssrc\s*=\s*["']?([^"'\s>]+)/gi)) if (!local(m[1]!)) report.thirdParty.push(m[1]!);
  const styles = css + [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]).join('\n');
  report.webFonts += (styles.match(/@font-face/gi) ?? []).length;
  for (const m of styles.matchAll(/@import\s+(?:url\()?["']?([^"')\s;]+)/gi)) if (!local(m[1]!)) report.thirdParty.push(m[1]!);
  report.htmlCssGzip = report.htmlGzip + report.cssGzip;
  return report;
}

/** Seconds of the two steps before any page: reading and validating the content, and rendering its Markdown. */
interface Steps {
  loadSeconds: number;
  markdownSeconds: number;
}

/** One size's results. */
interface SizeResult {
  n: number;
  content: GenerateResult;
  /** wallSeconds is the median of `runs`; peakRssBytes the largest. */
  pharos: { wallSeconds: number; runs: number[]; peakRssBytes: number | null; msPerPage: number } & DistReport;
  /** Rebuilds into the first build's folder: after one incident was edited, and with no change (medians). */
  rebuild: { editSeconds: number; editRuns: number[]; noChangeSeconds: number; noChangeRuns: number[] };
  floor: { wallSeconds: number; runs: number[]; peakRssBytes: number | null; msPerPage: number; pages: number; bytes: number };
  /** Pharos wall time over the floor's. */
  ratio: number;
  /** What every first build does before any page (bench/steps.ts), medians of the rounds: content load, and the Markdown HTML of every text once. */
  steps: Steps & { runs: Steps[] };
  home: HomeReport;
}

/** A checked target. */
interface Check {
  target: string;
  pass: boolean | null;
  detail: string;
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

const fmtBytes = (b: number | null) =>
  b === null ? 'n/a' : b >= GB ? `${(b / GB).toFixed(2)} GB` : b >= MB ? `${(b / MB).toFixed(1)} MB` : `${(b / KB).toFixed(1)} KB`;
const fmtSized = (s: Sized | null) => (s === null ? 'none' : `${fmtBytes(s.bytes)} ${s.path}`);

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')).join('\n');
}

/** The fastest of several runs, carrying the largest peak memory of any of them. */
/** The median of some numbers (the mean of the middle two for an even count). */
function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

/** A run standing for several: their median wall time and their largest memory. */
function typical(runs: Timed[]): Timed {
  const peaks = runs.map((r) => r.peakRssBytes).filter((p): p is number => p !== null);
  return { ...runs[0]!, wallSeconds: median(runs.map((r) => r.wallSeconds)), peakRssBytes: peaks.length > 0 ? Math.max(...peaks) : null };
}

/** Fails the run: a build that did not succeed. */
class BuildFailed extends Error {}

function mustSucceed(what: string, run: Timed): void {
  if (run.status === 0) return;
  const tail = run.log.split('\n').slice(-30).join('\n');
  throw new BuildFailed(`${what} failed (exit ${run.status}); last lines of its log:\n${tail}`);
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--help')) {
    console.log('usage: node bench/run.ts [--sizes 100,1000,10000] [--runs R] [--seed S] [--timeout SECONDS]');
    return 0;
  }
  const sizes = (option(args, '--sizes') ?? '100,1000,10000').split(',').map((s) => Number(s.replace(/_/g, '')));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes takes positive whole numbers, such as 100,1000');
  sizes.sort((a, b) => a - b);
  const seed = Number(option(args, '--seed') ?? DEFAULT_SEED);
  const timeout = Number(option(args, '--timeout') ?? 1200);
  const runs = Number(option(args, '--runs') ?? 2);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of at least 1');
  const runStarted = performance.now();
  const loadStart = loadavg();
  console.log(
    `Pharos benchmark: sizes ${sizes.join(', ')}, seed ${seed}, now ${BENCH_NOW}; ${runs === 1 ? 'one round' : `medians of ${runs} rounds`} of first build, rebuild after an edit, rebuild without change and floor, taking turns`,
  );
  console.log(
    `Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown'}), ${fmtBytes(totalmem())} memory, Node ${process.version}; load average ${loadStart.map((l) => l.toFixed(2)).join(' ')}`,
  );
  console.log(`Peak memory: ${RSS_METHOD}`);
  if (loadStart[0]! > 0.5) console.log('Note: the machine is busy (load average above 0.5); times will be slower than on an idle machine.');
  mkdirSync(OUT, { recursive: true });

  // Folders from earlier runs are renamed aside and deleted once everything is measured: deleting
  // hundreds of megabytes just before a build slowed that build down (the second run of a pair
  // took 10-60 % longer than the first when its predecessor's output was deleted right before it).
  const aside: string[] = [];
  const setAside = (dir: string) => {
    if (!existsSync(dir)) return;
    const to = `${dir}.old-${aside.length}-${Date.now().toString(36)}`;
    renameSync(dir, to);
    aside.push(to);
  };
  for (const name of readdirSync(OUT)) if (/\.old-/.test(name)) aside.push(join(OUT, name));

  const results: SizeResult[] = [];
  for (const n of sizes) {
    const content = join(OUT, `content-${n}`);
    const dist = join(OUT, `pharos-${n}`);
    const floorDist = join(OUT, `floor-${n}`);
    for (const d of [content, dist, floorDist]) setAside(d);
    const generated = generateSite({ incidents: n, dir: content, seed });
    process.stdout.write(
      `N=${n}: generated ${generated.incidents} incidents (${generated.open} open, ${generated.reports} reports, ${generated.translated} translated), ${generated.maintenance} maintenance windows, ${generated.releases} releases; building Pharos... `,
    );
    // Served from the root, whatever site.yaml says, so the home page's links resolve in dist/.
    const env = { PHAROS_CONTENT: content, PHAROS_NOW: BENCH_NOW, PHAROS_BASE: '/' };
    // Each round: a first build into a fresh folder with an empty Markdown cache, a rebuild after
    // editing one incident (a different one each round), a rebuild with no change, then the floor.
    const pharosRuns: Timed[] = [];
    const editRuns: number[] = [];
    const noChangeRuns: number[] = [];
    const floorRuns: Timed[] = [];
    const stepRuns: Steps[] = [];
    // Every run builds the same pages: the floor's page count is read off the first build's dist/.
    let pages: number | undefined;
    const edited = readdirSync(join(content, 'incidents')).sort().slice(-runs).reverse();
    for (let run = 1; run <= runs; run++) {
      const suffix = runs === 1 ? '' : `-${run}`;
      const cache = join(OUT, `cache-${n}`);
      for (const d of [dist, floorDist, cache]) setAside(d);
      const runEnv = { ...env, PHAROS_CACHE_DIR: cache };
      const pharosRun = await timedBuild(['--outDir', dist], runEnv, join(OUT, 'logs', `pharos-${n}${suffix}.log`), timeout);
      mustSucceed(`Pharos build at N=${n}`, pharosRun);
      pharosRuns.push(pharosRun);
      const file = edited[run - 1]!;
      const path = join(content, 'incidents', file);
      writeFileSync(
        path,
        readFileSync(path, 'utf8')
          .replace(/^title: (.*)$/m, (_, t: string) => (t.startsWith('"') ? `title: ${JSON.stringify(`${JSON.parse(t) as string} (edited)`)}` : `title: ${t}`))
          .replace(/^ {2}en: (".*")$/m, (_, t: string) => `  en: ${JSON.stringify(`${JSON.parse(t) as string} (edited)`)}`),
      );
      const editRun = await timedBuild(['--outDir', dist], runEnv, join(OUT, 'logs', `pharos-${n}-edit${suffix}.log`), timeout);
      mustSucceed(`Pharos rebuild after an edit at N=${n}`, editRun);
      if (!readFileSync(join(dist, 'incidents', file.replace(/\.md$/, ''), 'index.html'), 'utf8').includes('(edited)'))
        throw new BuildFailed(`the rebuild at N=${n} did not show the edited title`);
      editRuns.push(editRun.wallSeconds);
      const sameRun = await timedBuild(['--outDir', dist], runEnv, join(OUT, 'logs', `pharos-${n}-same${suffix}.log`), timeout);
      mustSucceed(`Pharos rebuild without change at N=${n}`, sameRun);
      noChangeRuns.push(sameRun.wallSeconds);
      process.stdout.write(
        `${pharosRun.wallSeconds.toFixed(1)} s, edit ${editRun.wallSeconds.toFixed(1)} s, same ${sameRun.wallSeconds.toFixed(1)} s; floor... `,
      );
      const floorRun = await timedBuild(
        ['--root', join(ROOT, 'bench/floor'), '--outDir', floorDist],
        { BENCH_CONTENT: content, BENCH_FLOOR_PAGES: String((pages ??= distReport(dist).pages)) },
        join(OUT, 'logs', `floor-${n}${suffix}.log`),
        timeout,
      );
      mustSucceed(`floor build at N=${n}`, floorRun);
      floorRuns.push(floorRun);
      const steps = timedSteps(content);
      stepRuns.push(steps);
      process.stdout.write(
        `${floorRun.wallSeconds.toFixed(1)} s; load ${steps.loadSeconds.toFixed(1)} s + Markdown ${steps.markdownSeconds.toFixed(1)} s${run < runs ? '; Pharos again... ' : '\n'}`,
      );
    }
    const pharos = typical(pharosRuns);
    const floor = typical(floorRuns);
    const report = distReport(dist);
    const floorReport = distReport(floorDist);
    if (floorReport.pages !== report.pages)
      console.log(`Note: the floor has ${floorReport.pages} HTML pages, Pharos ${report.pages} (more incident pages than Pharos has pages in all).`);
    results.push({
      n,
      content: generated,
      pharos: {
        wallSeconds: pharos.wallSeconds,
        runs: pharosRuns.map((r) => r.wallSeconds),
        peakRssBytes: pharos.peakRssBytes,
        msPerPage: (pharos.wallSeconds * 1000) / report.pages,
        ...report,
      },
      floor: {
        wallSeconds: floor.wallSeconds,
        runs: floorRuns.map((r) => r.wallSeconds),
        peakRssBytes: floor.peakRssBytes,
        msPerPage: (floor.wallSeconds * 1000) / floorReport.pages,
        pages: floorReport.pages,
        bytes: floorReport.bytes,
      },
      rebuild: { editSeconds: median(editRuns), editRuns, noChangeSeconds: median(noChangeRuns), noChangeRuns },
      ratio: pharos.wallSeconds / floor.wallSeconds,
      steps: { loadSeconds: median(stepRuns.map((x) => x.loadSeconds)), markdownSeconds: median(stepRuns.map((x) => x.markdownSeconds)), runs: stepRuns },
      home: homeReport(dist),
    });
  }

  for (const d of aside) rmSync(d, { recursive: true, force: true });
  const totalSeconds = (performance.now() - runStarted) / 1000;
  const checks = checkTargets(results, totalSeconds);
  const loadEnd = loadavg();

  console.log('');
  console.log(
    table([
      ['N', 'pages', 'wall s', 'peak RSS', 'ms/page', 'floor s', 'x floor', 'edit s', 'x first', 'same s', 'x first', 'dist', 'home HTML+CSS gz', 'home JS gz'],
      ...results.map((r) => [
        String(r.n),
        String(r.pharos.pages),
        r.pharos.wallSeconds.toFixed(1),
        fmtBytes(r.pharos.peakRssBytes),
        r.pharos.msPerPage.toFixed(2),
        r.floor.wallSeconds.toFixed(1),
        r.ratio.toFixed(2),
        r.rebuild.editSeconds.toFixed(1),
        (r.rebuild.editSeconds / r.pharos.wallSeconds).toFixed(2),
        r.rebuild.noChangeSeconds.toFixed(1),
        (r.rebuild.noChangeSeconds / r.pharos.wallSeconds).toFixed(2),
        fmtBytes(r.pharos.bytes),
        fmtBytes(r.home.htmlCssGzip),
        fmtBytes(r.home.jsGzip),
      ]),
    ]),
  );
  console.log('');
  for (const r of results) {
    console.log(
      `N=${r.n}: largest HTML ${fmtSized(r.pharos.largestHtml)}; history page ${fmtSized(r.pharos.largestHistory)}; feed ${fmtSized(r.pharos.largestFeed)}; JSON ${fmtSized(r.pharos.largestJson)}`,
    );
  }
  for (const r of results) {
    const before = r.steps.loadSeconds + r.steps.markdownSeconds;
    console.log(
      `N=${r.n}: before any page, content load ${r.steps.loadSeconds.toFixed(1)} s + Markdown ${r.steps.markdownSeconds.toFixed(1)} s = ${(before / r.floor.wallSeconds).toFixed(2)}x the floor (at most ${TARGETS.floorRatio}x leaves ${(TARGETS.floorRatio - 1).toFixed(1)}x for all Pharos adds)`,
    );
  }
  const last = results[results.length - 1]!;
  console.log(
    `Home (N=${last.n}): HTML ${fmtBytes(last.home.htmlGzip)} gzip, CSS ${fmtBytes(last.home.cssGzip)} gzip in ${last.home.stylesheets.length} stylesheet(s), JS ${fmtBytes(last.home.jsGzip)} gzip in ${last.home.scripts.length} file(s) and ${last.home.inlineScripts} inline script(s)`,
  );
  console.log('');
  for (const c of checks) console.log(`${c.pass === null ? 'N/A ' : c.pass ? 'PASS' : 'FAIL'}  ${c.target}: ${c.detail}`);
  console.log(`\nWhole run: ${totalSeconds.toFixed(0)} s. Logs in ${relative(ROOT, join(OUT, 'logs'))}/.`);

  mkdirSync(RESULTS, { recursive: true });
  const json = {
    date: new Date().toISOString(),
    machine: {
      cores: availableParallelism(),
      cpu: cpus()[0]?.model ?? null,
      memoryBytes: totalmem(),
      node: process.version,
      platform: `${process.platform} ${release()}`,
      loadAverageStart: loadStart,
      loadAverageEnd: loadEnd,
    },
    rssMethod: RSS_METHOD,
    seed,
    now: BENCH_NOW,
    totalSeconds,
    sizes: results,
    targets: checks,
  };
  writeFileSync(join(RESULTS, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  console.log(`Wrote ${relative(ROOT, join(RESULTS, 'latest.json'))}.`);
  return 0;
}

/** Every target of issue 8 that the bench can check, with the numbers behind each verdict. */
function checkTargets(results: SizeResult[], totalSeconds: number): Check[] {
  const checks: Check[] = [];
  const at = (n: number) => results.find((r) => r.n === n);
  const last = results[results.length - 1]!;
  const prev = results[results.length - 2];
  const tag = last.n === 10_000 ? '' : ` (at N=${last.n}: run with 10000 for the real target)`;

  for (const r of results)
    checks.push({
      target: `wall time <= ${TARGETS.floorRatio}x the floor at N=${r.n}`,
      pass: r.ratio <= TARGETS.floorRatio,
      detail: `${r.pharos.wallSeconds.toFixed(1)} s vs ${r.floor.wallSeconds.toFixed(1)} s: x${r.ratio.toFixed(2)}`,
    });
  for (const r of results.filter((x) => x.n >= 1000)) {
    const edit = r.rebuild.editSeconds / r.pharos.wallSeconds;
    const same = r.rebuild.noChangeSeconds / r.pharos.wallSeconds;
    checks.push({
      target: `rebuild after one edit <= ${TARGETS.rebuildRatio}x the first build at N=${r.n}`,
      pass: edit <= TARGETS.rebuildRatio,
      detail: `${r.rebuild.editSeconds.toFixed(1)} s vs ${r.pharos.wallSeconds.toFixed(1)} s: x${edit.toFixed(2)}`,
    });
    checks.push({
      target: `rebuild with no change <= ${TARGETS.noChangeRatio}x the first build at N=${r.n}`,
      pass: same <= TARGETS.noChangeRatio,
      detail: `${r.rebuild.noChangeSeconds.toFixed(1)} s vs ${r.pharos.wallSeconds.toFixed(1)} s: x${same.toFixed(2)}`,
    });
  }
  const peaks = results.filter((r) => r.pharos.peakRssBytes !== null);
  const worst = peaks.reduce<SizeResult | undefined>((a, b) => (a === undefined || b.pharos.peakRssBytes! > a.pharos.peakRssBytes! ? b : a), undefined);
  checks.push({
    target: `peak memory < ${fmtBytes(TARGETS.peakBytes)}`,
    pass: worst ? worst.pharos.peakRssBytes! < TARGETS.peakBytes : null,
    detail: worst ? `${fmtBytes(worst.pharos.peakRssBytes)} at N=${worst.n}${tag}` : 'not measured',
  });
  const k1 = at(1000);
  const k10 = at(10_000);
  checks.push(
    k1 && k10
      ? {
          target: `10k/1k time ratio <= ${TARGETS.scaleRatio}`,
          pass: k10.pharos.wallSeconds / k1.pharos.wallSeconds <= TARGETS.scaleRatio,
          detail: `${k10.pharos.wallSeconds.toFixed(1)} s / ${k1.pharos.wallSeconds.toFixed(1)} s = ${(k10.pharos.wallSeconds / k1.pharos.wallSeconds).toFixed(2)}`,
        }
      : { target: `10k/1k time ratio <= ${TARGETS.scaleRatio}`, pass: null, detail: 'needs sizes 1000 and 10000' },
  );
  const homeWorst = results.reduce((a, b) => (b.home.htmlCssGzip > a.home.htmlCssGzip ? b : a));
  checks.push({
    target: `home HTML+CSS <= ${fmtBytes(TARGETS.homeHtmlCss)} gzip`,
    pass: homeWorst.home.htmlCssGzip <= TARGETS.homeHtmlCss,
    detail: `${fmtBytes(homeWorst.home.htmlCssGzip)} at N=${homeWorst.n} (HTML ${fmtBytes(homeWorst.home.htmlGzip)} + CSS ${fmtBytes(homeWorst.home.cssGzip)})`,
  });
  const jsWorst = results.reduce((a, b) => (b.home.jsGzip > a.home.jsGzip ? b : a));
  checks.push({
    target: `home JS <= ${fmtBytes(TARGETS.homeJs)} gzip`,
    pass: jsWorst.home.jsGzip <= TARGETS.homeJs,
    detail: `${fmtBytes(jsWorst.home.jsGzip)} at N=${jsWorst.n} (${jsWorst.home.scripts.join(', ') || 'no files'}; ${jsWorst.home.inlineScripts} inline)`,
  });
  const blocking = last.home.renderBlocking;
  checks.push({
    target: 'home: no render-blocking request but one stylesheet',
    pass: blocking.length <= 1 && blocking.every((b) => last.home.stylesheets.includes(b)),
    detail: blocking.length === 0 ? 'none (CSS inline)' : blocking.join(', '),
  });
  checks.push({
    target: 'home: zero third-party requests, no web fonts',
    pass: last.home.thirdParty.length === 0 && last.home.webFonts === 0,
    detail: `${last.home.thirdParty.length} third-party (${last.home.thirdParty.join(', ') || '-'}), ${last.home.webFonts} web font(s)`,
  });

  for (const [name, pick] of [
    ['feeds and calendars', (r: SizeResult) => r.pharos.largestFeed],
    ['API (JSON)', (r: SizeResult) => r.pharos.largestJson],
    ['history pages (incidents, maintenance)', (r: SizeResult) => r.pharos.largestHistory],
  ] as const) {
    const target = `${name} bounded (largest grows <= x${TARGETS.boundedGrowth} from one N to the next)`;
    if (!prev) {
      checks.push({ target, pass: null, detail: 'needs two sizes' });
      continue;
    }
    const a = pick(prev);
    const b = pick(last);
    if (!a || !b) {
      checks.push({ target, pass: null, detail: 'no such file' });
      continue;
    }
    const growth = b.bytes / a.bytes;
    checks.push({
      target,
      pass: growth <= TARGETS.boundedGrowth,
      detail: `${fmtBytes(a.bytes)} at N=${prev.n} -> ${fmtBytes(b.bytes)} at N=${last.n} (x${growth.toFixed(2)}; ${b.path})`,
    });
  }
  checks.push({
    target: `whole run < ${TARGETS.totalSeconds / 60} minutes`,
    pass: totalSeconds < TARGETS.totalSeconds,
    detail: `${totalSeconds.toFixed(0)} s`,
  });
  return checks;
}

if (import.meta.main) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`\nbench: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(error instanceof BuildFailed ? 1 : 2);
    },
  );
}
