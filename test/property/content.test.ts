/**
 * Whatever mistake staff make in content, the check answers (exit 0 or 1, never a stack trace,
 * every message naming a file and a line), content it accepts builds, and a failed build leaves
 * the site as it was.
 *
 * `npm test` runs PHAROS_FUZZ_RUNS cases (default 100, fast-check's own) with a fixed seed,
 * derives every page's, feed's, calendar's and API document's data for each accepted case in this
 * process, and builds PHAROS_FUZZ_BUILDS of them (default 1) for real. `npm run test:fuzz` runs
 * thousands of cases with a new seed each time and builds more; a case it finds failing goes into
 * REGRESSIONS.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { main } from '../../scripts/cli/main.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { buildSite, listFiles, ROOT, sharedBuild, tempDir } from '../helpers/fixtures.ts';
import { renderAll } from '../helpers/render-all.ts';
import { apply, mutationArb, rruleMutationArb, type Mutation } from './mutations.ts';

const SOURCE = join(ROOT, 'content');
const RUNS = Number(process.env.PHAROS_FUZZ_RUNS ?? 100);
const BUILDS = Number(process.env.PHAROS_FUZZ_BUILDS ?? 1);
const SEED = process.env.PHAROS_FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.PHAROS_FUZZ_SEED ?? 20261204);

/** Cases found failing once, kept so they run on every `npm test`. */
const REGRESSIONS: { why: string; mutations: Mutation[] }[] = [
  {
    why: 'a BYDAY value that is not a weekday crashed the build in the calendar',
    mutations: [{ file: 'products.yaml', kind: 'set', at: ['products', 0, 'cadence', 'rrule'], value: 'FREQ=MONTHLY;BYDAY=XX' }],
  },
  {
    why: 'a rule without a date in the next 12 months gave empty calendars silently',
    mutations: [{ file: 'products.yaml', kind: 'set', at: ['products', 0, 'cadence', 'rrule'], value: 'FREQ=YEARLY;COUNT=1' }],
  },
  {
    why: 'a 200 KB title was copied whole into every page, feed and the API',
    mutations: [{ file: 'incidents/2026-11-22-daptiv-slow-page-loads.md', kind: 'set', at: ['title'], value: 'y'.repeat(200_000) }],
  },
  {
    why: 'a title with a line break',
    mutations: [{ file: 'incidents/2026-11-22-daptiv-slow-page-loads.md', kind: 'set', at: ['title'], value: 'line one\nline two' }],
  },
];

/** The content files a mutation may touch, relative to the content folder. */
const FILES = listFiles(SOURCE).filter((f) => /\.(ya?ml|md)$/.test(f) && !f.endsWith('README.md'));
/** Indexes of the products with dates in products.yaml. */
const RECURRING = (parse(readFileSync(join(SOURCE, 'products.yaml'), 'utf8')) as { products: { cadence: { kind: string } }[] }).products.flatMap((p, i) =>
  p.cadence.kind === 'recurring' ? [i] : [],
);

/** What one case gave. */
interface Outcome {
  status: number;
  output: string;
  mutations: Mutation[];
}

/** A scratch copy of the default content, restored between cases. */
const work = join(tempDir('fuzz'), 'content');
cpSync(SOURCE, work, { recursive: true });

/** The content folder as the check names it. */
const SHOWN = relative(ROOT, work);

function restore(): void {
  rmSync(work, { recursive: true, force: true });
  cpSync(SOURCE, work, { recursive: true });
}

/**
 * Applies the mutations, runs `pharos check` in this process and checks the promises about its
 * answer: a refusal as staff read it (every problem line names a file of the content folder, and
 * its line when the file is there to point into); content it accepts loads, and everything derived
 * from it can be computed.
 */
async function checkCase(mutations: readonly Mutation[]): Promise<Outcome> {
  restore();
  const concrete = mutations.map((m) => apply(work, m));
  let output = '';
  let errors = '';
  const io = {
    env: { PHAROS_CONTENT: work },
    cwd: ROOT,
    out: (s: string) => void (output += s),
    err: (s: string) => void ((output += s), (errors += s)),
    interactive: false,
  };
  const status = await main(['check', '--content', work], io);
  const report = `${JSON.stringify(concrete)}\n${output.slice(0, 2000)}`;
  expect([0, 1], report).toContain(status);
  expect(output, report).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  if (status === 1) {
    // "<folder>/<file>:<line> <field>: <message>" per problem, a blank line, then how many were found.
    const [problems = '', summary = ''] = errors.split('\n\n');
    expect(summary, report).toMatch(/^\d+ problems? found; nothing was built\.\n$/);
    const lines = problems.split('\n');
    expect(lines.length, report).toBe(Number(summary.split(' ')[0]));
    for (const line of lines) {
      // The check names files as given to it: below the content folder, relative to the project.
      const [, file, number] = /^([^\s:]+)(?::(\d+))?[ ]/.exec(line) ?? [];
      expect(file === SHOWN || file?.startsWith(`${SHOWN}/`), `a problem that names no file of the content folder: ${line}\n${report}`).toBe(true);
      if (existsSync(join(ROOT, file!)) && /\.(ya?ml|md)$/.test(file!)) expect(number, `a problem that names no line: ${line}\n${report}`).toBeDefined();
    }
  } else {
    const result = loadContent(work);
    expect(result.ok, report).toBe(true);
    if (result.ok) expect(() => renderAll(result.content), report).not.toThrow();
  }
  return { status, output, mutations: concrete };
}

/** Names and bytes of every file below `dir`. */
function snapshot(dir: string): Map<string, string> {
  return new Map(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'latin1')]));
}

/** Builds an accepted case over an existing site: it must succeed, and a failure must leave the site as it was. */
function buildCase(outcome: Outcome, outDir: string): void {
  restore();
  for (const m of outcome.mutations) apply(work, m);
  const before = snapshot(outDir);
  const run = buildSite(work, {}, outDir);
  if (run.status !== 0) expect(snapshot(outDir), 'a failed build changed dist/').toEqual(before);
  expect(run.status, `${JSON.stringify(outcome.mutations)}\n${(run.stdout + run.stderr).slice(-3000)}`).toBe(0);
}

describe('content with random mistakes', () => {
  test.each(REGRESSIONS)('regression: $why', async ({ mutations }) => {
    const outcome = await checkCase(mutations);
    expect(outcome.status, outcome.output).toBe(1);
  });

  test(`${RUNS} random cases (seed ${SEED}): check answers, accepted content builds`, async () => {
    const accepted: Outcome[] = [];
    let rejected = 0;
    const cases = fc.array(fc.oneof(mutationArb(FILES), rruleMutationArb(RECURRING)), { minLength: 1, maxLength: 3 });
    await fc.assert(
      fc.asyncProperty(cases, async (mutations) => {
        const outcome = await checkCase(mutations);
        if (outcome.status === 0) accepted.push(outcome);
        else rejected++;
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // Both sides are exercised: mistakes the check catches, and changes it accepts (at least one
    // case in twenty each way).
    expect(rejected).toBeGreaterThan(RUNS / 20);
    expect(accepted.length).toBeGreaterThan(RUNS / 20);

    // Build a sample of the accepted cases over the unchanged site's build (the shared one, copied).
    restore();
    const outDir = join(tempDir('fuzz-dist'), 'dist');
    const first = sharedBuild(SOURCE);
    expect(first.status, first.stderr).toBe(0);
    cpSync(first.outDir, outDir, { recursive: true });
    const step = Math.max(1, Math.floor(accepted.length / Math.max(1, BUILDS)));
    for (let i = 0, built = 0; i < accepted.length && built < BUILDS; i += step, built++) buildCase(accepted[i]!, outDir);
    expect(readdirSync(join(outDir, '..'))).toEqual(['dist']);
  }, 3_600_000);
});
