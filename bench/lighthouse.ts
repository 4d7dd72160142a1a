/**
 * `npm run bench:lighthouse`: builds the default site, serves dist/ on 127.0.0.1 (a free port), and
 * runs Lighthouse (mobile defaults, simulated throttling) in headless Chromium against the home
 * page, an incident and /support/hours/; prints the four category scores and every audit that
 * does not pass. Exits 0 whatever the scores; non-zero when the build, the server or Chromium fails.
 *
 * Options: --no-build (reuse bench/out/lighthouse), --pages /,/support/ (paths to audit instead).
 * The Chromium is the browser tests' (test/helpers/browser.ts): $CHROME_PATH, else a Chromium or
 * Chrome on PATH, else the one the @sparticuz/chromium dev dependency carries.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROME_FLAGS, findBrowser } from '../test/helpers/browser.ts';
import { serveStatic } from '../test/helpers/static-server.ts';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'bench/out/lighthouse');
const REPORTS = join(ROOT, 'bench/out/lighthouse-reports');
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
/** An incident with a timeline, an SLA table and a post-incident report, when the default content still has it. */
const PREFERRED_INCIDENT = '2026-10-14-enterprise-one-eu-unavailable';

/** The incident to audit: the preferred one if built, else the newest. */
function incidentPath(dir: string): string {
  const ids = readdirSync(join(dir, 'incidents'))
    .filter((d) => !['page', 'product', 'severity'].includes(d) && statSync(join(dir, 'incidents', d)).isDirectory())
    .sort();
  if (ids.length === 0) throw new Error('the build has no incident pages');
  return `/incidents/${ids.includes(PREFERRED_INCIDENT) ? PREFERRED_INCIDENT : ids[ids.length - 1]}/`;
}

/** Scores and failures of one page. */
interface PageResult {
  path: string;
  scores: Record<string, number | null>;
  failing: { category: string; id: string; title: string; score: number | null; display?: string; items?: string[] }[];
}

/** Up to three of an audit's findings in one line each: the element, URL or message it is about. */
function itemsOf(details: unknown): string[] {
  const items = (details as { items?: unknown[] } | undefined)?.items;
  if (!Array.isArray(items)) return [];
  // Sections of insight audits hold advice text, not findings.
  return items
    .filter((item) => (item as { type?: string }).type !== 'list-section')
    .slice(0, 3)
    .flatMap((item) => {
      const i = item as {
        node?: { selector?: string; nodeLabel?: string };
        url?: string;
        description?: string;
        sourceLocation?: { url?: string };
        source?: string;
      };
      const parts = [
        i.description,
        i.sourceLocation?.url ?? i.url,
        i.node ? `${i.node.selector ?? ''}${i.node.nodeLabel ? ` "${i.node.nodeLabel.slice(0, 60)}"` : ''}` : undefined,
      ].filter((x): x is string => typeof x === 'string' && x !== '');
      return parts.length > 0 ? [parts.join(' ')] : [];
    });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (!args.includes('--no-build') || !existsSync(join(DIST, 'index.html'))) {
    console.log('Building the default site into bench/out/lighthouse ...');
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', DIST], {
      cwd: ROOT,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PHAROS_BASE: '/' },
      encoding: 'utf8',
    });
    if (build.status !== 0) {
      console.error(`${build.stdout}\n${build.stderr}\nbench:lighthouse: the build failed (exit ${build.status})`);
      return 1;
    }
  }
  const pagesArg = args.indexOf('--pages');
  const pages = pagesArg >= 0 ? (args[pagesArg + 1] ?? '/').split(',') : ['/', incidentPath(DIST), '/support/hours/'];

  // Found before the server starts: the lookup may unpack the packaged Chromium, or fail with the ways to get one.
  const browser = await findBrowser();
  const server = await serveStatic(DIST);
  const origin = server.url.replace(/\/$/, '');
  const chrome = await chromeLauncher.launch({ chromePath: browser.path, envVars: browser.env, chromeFlags: [...CHROME_FLAGS], logLevel: 'silent' });
  const results: PageResult[] = [];
  try {
    mkdirSync(REPORTS, { recursive: true });
    for (const path of pages) {
      console.log(`Auditing ${origin}${path} ...`);
      const run = await lighthouse(`${origin}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] });
      if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
      const lhr = run.lhr;
      if (lhr.runtimeError) throw new Error(`Lighthouse could not audit ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      writeFileSync(join(REPORTS, `${path.replace(/\W+/g, '-').replace(/^-|-$/g, '') || 'home'}.json`), JSON.stringify(lhr, null, 1));
      const failing: PageResult['failing'] = [];
      for (const category of CATEGORIES) {
        for (const ref of lhr.categories[category]?.auditRefs ?? []) {
          const audit = lhr.audits[ref.id];
          if (!audit || !['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode)) continue;
          if (audit.score === null || audit.score >= 1) continue;
          // Weightless audits (insights, diagnostics) do not move the score but still say what to improve.
          const entry: PageResult['failing'][number] = {
            category,
            id: ref.id,
            title: `${audit.title}${ref.weight > 0 ? '' : ' (no weight)'}`,
            score: audit.score,
          };
          if (audit.displayValue) entry.display = audit.displayValue;
          const items = itemsOf(audit.details);
          if (items.length > 0) entry.items = items;
          failing.push(entry);
        }
      }
      results.push({
        path,
        scores: Object.fromEntries(
          CATEGORIES.map((c) => [c, lhr.categories[c]?.score === null || lhr.categories[c] === undefined ? null : Math.round(lhr.categories[c].score * 100)]),
        ),
        failing,
      });
    }
  } finally {
    chrome.kill();
    await server.close();
  }

  console.log('');
  const header = ['page', ...CATEGORIES];
  const rows = [header, ...results.map((r) => [r.path, ...CATEGORIES.map((c) => String(r.scores[c] ?? 'n/a'))])];
  const widths = header.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  for (const row of rows) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  '));
  console.log('');
  for (const r of results) {
    const all100 = CATEGORIES.every((c) => r.scores[c] === 100);
    console.log(
      `${all100 ? 'PASS' : 'FAIL'}  ${r.path}: ${all100 ? 'all four categories 100' : 'not all 100'}${r.failing.length ? '; audits below full score:' : ''}`,
    );
    for (const f of r.failing) {
      console.log(`        [${f.category}] ${f.id}: ${f.title}${f.display ? ` (${f.display})` : ''}, score ${f.score}`);
      for (const item of f.items ?? []) console.log(`            - ${item}`);
    }
  }
  console.log(`\nFull reports in bench/out/lighthouse-reports/. Chromium: ${browser.path} (${browser.source}).`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:lighthouse: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(2);
  },
);
