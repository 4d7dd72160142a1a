/** The deployment workflow: what triggers it and what each run does (GitHub runs it; here we read it, and run its shell). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { ROOT, tempDir } from '../helpers/fixtures.ts';
import { WORKFLOW_SECRETS } from '../../src/schemas/notify.ts';

interface Step {
  id?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  concurrency?: { group: string; 'cancel-in-progress': boolean };
  env?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/deploy.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
  permissions?: Record<string, string>;
};
const runs = (job: Job) => job.steps.map((s) => s.run ?? s.uses ?? '').join('\n');

/** How a job or step ended. */
type Result = 'success' | 'skipped' | 'failure' | 'cancelled';
/**
 * The state of one simulated workflow run: the event, each finished job's result and outputs, and
 * within a job whether the run was cancelled, whether a step failed, and which files exist.
 */
interface RunState {
  event: string;
  jobs: Record<string, { result: Result; outputs: Record<string, string> }>;
  cancelled?: boolean;
  failed?: boolean;
  files?: Set<string>;
  /** Outputs of the job's steps that have run, by step id. */
  steps?: Record<string, Record<string, string>>;
}

/**
 * Evaluates a job's or step's `if` the way GitHub does, for the expressions this workflow uses:
 * `!`, `&&`, `||`, parentheses, `==` and `!=` between strings, `always()`, `cancelled()`,
 * `failure()`, `success()`, `hashFiles('<path>')`, `github.event_name`, `needs.<job>.result`,
 * `needs.<job>.outputs.<name>` and `steps.<id>.outputs.<name>`. Anything else throws, so the test cannot pass by reading an
 * expression wrongly.
 */
function evaluate(expression: string, state: RunState): boolean {
  const tokens = expression.replace(/^\$\{\{|\}\}$/g, '').match(/'[^']*'|&&|\|\||==|!=|!|\(|\)|[A-Za-z_][\w.-]*(?:\(\))?/g)!;
  let i = 0;
  const value = (name: string): string | boolean => {
    if (name === 'always()') return true;
    if (name === 'cancelled()') return state.cancelled === true;
    if (name === 'failure()') return state.failed === true && state.cancelled !== true;
    if (name === 'success()') return state.failed !== true && state.cancelled !== true;
    if (name === 'github.event_name') return state.event;
    const step = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(name);
    if (step) {
      if (!state.steps?.[step[1]!]) throw new Error(`${name}: step ${step[1]} has not run before this one`);
      return state.steps[step[1]!]![step[2]!] ?? '';
    }
    const m = /^needs\.([\w-]+)\.(result|outputs\.([\w-]+))$/.exec(name);
    if (!m) throw new Error(`cannot evaluate ${name}`);
    const job = state.jobs[m[1]!];
    if (!job) throw new Error(`${name}: job ${m[1]} has not run before this one`);
    return m[2] === 'result' ? job.result : (job.outputs[m[3]!] ?? '');
  };
  const primary = (): string | boolean => {
    const t = tokens[i++]!;
    if (t === '!') return !primary();
    if (t === '(') {
      const v = or();
      if (tokens[i++] !== ')') throw new Error('expected )');
      return v;
    }
    if (t.startsWith("'")) return t.slice(1, -1);
    if (t === 'hashFiles') {
      const [open, path, close] = tokens.slice(i, (i += 3));
      if (open !== '(' || !path?.startsWith("'") || close !== ')') throw new Error('expected hashFiles(<path>)');
      return state.files?.has(path.slice(1, -1)) ? 'a hash' : '';
    }
    return value(t);
  };
  const compare = (): string | boolean => {
    const left = primary();
    if (tokens[i] === '==' || tokens[i] === '!=') {
      const op = tokens[i++];
      const right = primary();
      return op === '==' ? left === right : left !== right;
    }
    return left;
  };
  // A run of `next` joined by `op`, left to right.
  const chain = (op: string, next: () => string | boolean, join: (a: boolean, b: boolean) => boolean) => (): string | boolean => {
    let v = next();
    while (tokens[i] === op) {
      i++;
      const r = next();
      v = join(Boolean(v), Boolean(r));
    }
    return v;
  };
  const and = chain('&&', compare, (a, b) => a && b);
  const or = chain('||', and, (a, b) => a || b);
  const result = or();
  if (i !== tokens.length) throw new Error(`cannot evaluate ${expression}`);
  return Boolean(result);
}

/** Whether an expression calls a status function, which lets a job or step run after a failure. */
const STATUS_FUNCTION = /cancelled\(\)|always\(\)|failure\(\)|success\(\)/;

/**
 * Which jobs a run starts, in order, as GitHub schedules them: a job waits for its needs; a job
 * without a status function in its `if` is skipped when a need did not succeed. Every job that
 * runs succeeds, except those named in `failing`.
 */
function simulate(event: string, outputs: Record<string, Record<string, string>> = {}, failing: string[] = []): string[] {
  const state: RunState = { event, jobs: {} };
  const order: string[] = [];
  const pending = Object.keys(workflow.jobs);
  while (pending.length > 0) {
    const name = pending.find((n) => [workflow.jobs[n]!.needs ?? []].flat().every((need) => state.jobs[need]))!;
    pending.splice(pending.indexOf(name), 1);
    const job = workflow.jobs[name]!;
    const needs = [job.needs ?? []].flat();
    const needsOk = STATUS_FUNCTION.test(job.if ?? '') || needs.every((n) => state.jobs[n]!.result === 'success');
    const go = needsOk && (job.if === undefined || evaluate(job.if, state));
    state.jobs[name] = { result: go ? (failing.includes(name) ? 'failure' : 'success') : 'skipped', outputs: go ? (outputs[name] ?? {}) : {} };
    if (go) order.push(name);
  }
  return order;
}

/**
 * Which steps of a job run, as GitHub decides: a step without a status function runs only while
 * nothing failed and the run is not cancelled. The step at `stop.at` fails, or is the one running
 * when the run is cancelled (or times out); `files` exist from the step that creates them on; a
 * step with an id gives the outputs in `outputs` (by default, the newest-commit check says yes).
 */
function stepsRun(
  event: string,
  job: Job,
  stop: { at: number; how: 'failure' | 'cancelled' },
  files: Record<number, string> = {},
  outputs: Record<string, Record<string, string>> = { head: { newest: 'true' } },
): number[] {
  const state: RunState = { event, jobs: {}, files: new Set(), steps: {} };
  const ran: number[] = [];
  job.steps.forEach((step, i) => {
    const go = STATUS_FUNCTION.test(step.if ?? '')
      ? evaluate(step.if!, state)
      : !state.failed && !state.cancelled && (step.if === undefined || evaluate(step.if, state));
    if (!go) return;
    ran.push(i);
    if (step.id !== undefined) state.steps![step.id] = outputs[step.id] ?? {};
    if (files[i] !== undefined) state.files!.add(files[i]);
    if (i === stop.at) {
      if (stop.how === 'failure') state.failed = true;
      else state.cancelled = true;
    }
  });
  return ran;
}

/** The deploy job's answer when this run's commit is still the head of the branch. */
const NEWEST = { deploy: { newest: 'true' } };

/** The steps of the jobs a run starts, in order, as one text. */
const stepsOf = (jobs: string[]) => jobs.map((j) => runs(workflow.jobs[j]!)).join('\n');

describe('deploy workflow', () => {
  test('runs on pushes to main, on pull requests, and every 15 minutes', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on.schedule).toEqual([{ cron: '*/15 * * * *' }]);
  });

  test('pull requests are checked with GitHub annotations, built and tested, not deployed, and notify nobody', () => {
    const jobs = simulate('pull_request');
    expect(jobs).toEqual(['pull-request', 'test']);
    expect(runs(workflow.jobs['pull-request']!)).toMatch(/npm ci[\s\S]*check --format github[\s\S]*npm run build/);
    expect(runs(workflow.jobs.test!)).toMatch(/npm ci[\s\S]*check --format github[\s\S]*npm test/);
    expect(stepsOf(jobs)).not.toMatch(/deploy-pages|pharos -- notify/);
  });

  test('tests that fail stop the run: nothing is built, deployed or announced', () => {
    expect(simulate('push', { changes: { 'content-only': 'false' } }, ['test'])).toEqual(['changes', 'test']);
    expect(simulate('schedule', { changes: { 'content-only': 'false' } }, ['test'])).toEqual(['changes', 'test']);
    // A lost answer from the changes job counts as code that was never tested.
    expect(simulate('push', {}, ['changes', 'test'])).toEqual(['changes', 'test']);
  });

  test('a push that changes code: npm ci, check and the test suite, then build, deploy and notify, in that order', () => {
    const jobs = simulate('push', { changes: { 'content-only': 'false' }, ...NEWEST });
    expect(jobs).toEqual(['changes', 'test', 'build', 'deploy', 'notify']);
    expect(stepsOf(jobs)).toMatch(
      /npm ci[\s\S]*check --format github[\s\S]*npm test[\s\S]*npm run build[\s\S]*upload-pages-artifact[\s\S]*deploy-pages[\s\S]*pharos -- notify/,
    );
  });

  test('a push whose code is tested code (only content/ differs): check, build, deploy and notify, without the test suite', () => {
    const jobs = simulate('push', { changes: { 'content-only': 'true' }, ...NEWEST });
    expect(jobs).toEqual(['changes', 'build', 'deploy', 'notify']);
    expect(stepsOf(jobs)).toMatch(
      /npm ci[\s\S]*check --format github[\s\S]*npm run build[\s\S]*upload-pages-artifact[\s\S]*deploy-pages[\s\S]*pharos -- notify/,
    );
    expect(stepsOf(jobs)).not.toMatch(/npm test/);
  });

  test('the schedule rebuilds, deploys and notifies (a window beginning or ending), testing only code never tested; a manual run tests', () => {
    expect(simulate('schedule', { changes: { 'content-only': 'true' }, ...NEWEST })).toEqual(['changes', 'build', 'deploy', 'notify']);
    expect(simulate('schedule', { changes: { 'content-only': 'false' }, ...NEWEST })).toEqual(['changes', 'test', 'build', 'deploy', 'notify']);
    expect(simulate('workflow_dispatch', NEWEST)).toEqual(['test', 'build', 'deploy', 'notify']);
  });

  test('a commit whose tests passed is remembered, under the key the changes job looks for', () => {
    const test = workflow.jobs.test!;
    const run = test.steps.findIndex((s) => s.run === 'npm test');
    const save = test.steps.findIndex((s) => s.uses?.startsWith('actions/cache/save'));
    expect(run).toBeGreaterThan(-1);
    expect(save).toBeGreaterThan(run);
    const lookup = workflow.jobs.changes!.steps.find((s) => s.id === 'tested')!;
    expect(test.steps[save]!.with).toMatchObject({ key: 'pharos-tested-${{ github.sha }}', path: lookup.with?.path });
    expect(lookup.with).toMatchObject({ key: 'pharos-tested-${{ github.sha }}', 'restore-keys': 'pharos-tested-', 'lookup-only': true });
    // Not for a pull request (its code is not main's), and not when the tests failed (later steps do not run).
    expect(stepsRun('pull_request', test, { at: -1, how: 'failure' })).not.toContain(save);
    expect(stepsRun('push', test, { at: -1, how: 'failure' })).toContain(save);
    expect(stepsRun('push', test, { at: run, how: 'failure' })).not.toContain(save);
  });

  /**
   * A repository with a first commit, then one commit per entry of `pushes` (files written, or
   * moved with "old -> new"). Runs the changes step with the commit after `tested` pushes as the
   * last tested one (null: none) and returns its answer.
   */
  function contentOnly(pushes: string[][], tested: number | null): string {
    const step = workflow.jobs.changes!.steps.find((s) => s.id === 'diff')!;
    expect(step.env?.TESTED).toBe('${{ steps.tested.outputs.cache-matched-key }}');
    const repo = tempDir('workflow-git');
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' }).stdout.trim();
    git('init', '-q');
    mkdirSync(join(repo, 'content'));
    mkdirSync(join(repo, 'src'));
    writeFileSync(join(repo, 'README'), 'x');
    writeFileSync(join(repo, 'src/x.ts'), 'export const x = 1;\n');
    git('add', '.');
    git('commit', '-qm', 'first');
    const commits = [git('rev-parse', 'HEAD')];
    for (const files of pushes) {
      for (const f of files) {
        const [from, to] = f.split(' -> ');
        if (to !== undefined) git('mv', from!, to);
        else {
          mkdirSync(join(repo, f, '..'), { recursive: true });
          writeFileSync(join(repo, f), `changed ${commits.length}`);
        }
      }
      git('add', '.');
      git('commit', '-qm', 'push');
      commits.push(git('rev-parse', 'HEAD'));
    }
    const output = join(repo, 'github-output');
    const run = spawnSync('bash', ['-e', '-c', step.run!], {
      cwd: repo,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, TESTED: tested === null ? '' : `pharos-tested-${commits[tested]}`, GITHUB_SHA: commits.at(-1), GITHUB_OUTPUT: output },
    });
    expect(run.status).toBe(0);
    return readFileSync(output, 'utf8');
  }

  test.each([
    ['only content/ after a tested commit', 'true', [['content/incidents/x.md', 'content/notify.yaml']], 0],
    ['content/ and code', 'false', [['content/incidents/x.md', 'src/lib/x.ts']], 0],
    ['the workflow', 'false', [['.github/workflows/deploy.yml']], 0],
    ['a file named like content elsewhere', 'false', [['test/content/x.md']], 0],
    ['no tested commit yet', 'false', [['content/a.md']], null],
    ['code moved into content/ (a rename)', 'false', [['src/x.ts -> content/x.ts']], 0],
    // Push A changed code and its tests failed (never deployed); push B changes only content.
    ['content after a push whose tests failed', 'false', [['src/x.ts'], ['content/a.md']], 0],
    ['content after a push whose tests passed', 'true', [['src/x.ts'], ['content/a.md']], 1],
    ['the tested commit itself (a scheduled rebuild)', 'true', [['src/x.ts']], 1],
  ])('the changes step, for %s: content-only=%s', (_, expected, pushes, tested) => {
    expect(contentOnly(pushes, tested)).toBe(`content-only=${expected}\n`);
  });

  test('the delivery record is kept even when the run is cancelled, times out or fails while sending', () => {
    const job = workflow.jobs.notify!;
    const restore = job.steps.findIndex((s) => s.uses?.startsWith('actions/cache/restore'));
    const send = job.steps.findIndex((s) => s.run?.includes('pharos -- notify'));
    const save = job.steps.findIndex((s) => s.uses?.startsWith('actions/cache/save'));
    const record = { [send]: '.pharos-notify/record.json' };
    for (const how of ['cancelled', 'failure'] as const) expect(stepsRun('push', job, { at: send, how }, record)).toContain(save);
    expect(stepsRun('push', job, { at: -1, how: 'failure' }, record)).toContain(save);
    // Stopped before there is a record: nothing to keep (an empty cache entry would be newer than the last good one).
    expect(stepsRun('push', job, { at: restore - 1, how: 'cancelled' })).not.toContain(save);
  });

  test('notify keeps its delivery record between runs, one run at a time, with the secrets README names', () => {
    const job = workflow.jobs.notify!;
    expect(job.concurrency).toEqual({ group: 'pharos-notify', 'cancel-in-progress': false });
    const names = job.steps.map((s) => s.uses ?? s.run ?? '');
    const restore = names.findIndex((n) => n.startsWith('actions/cache/restore'));
    const send = names.findIndex((n) => n.includes('pharos -- notify'));
    const save = names.findIndex((n) => n.startsWith('actions/cache/save'));
    expect(restore).toBeGreaterThan(-1);
    expect([restore < send, send < save]).toEqual([true, true]);
    expect(job.steps[save]!.with?.path).toBe(job.steps[restore]!.with?.path);
    // The record alone: not the lock beside it, which belongs to one run.
    expect(job.env?.PHAROS_NOTIFY_STATE).toBe(job.steps[restore]!.with?.path);
    // The names `pharos check` accepts without a warning, and the header comment lists.
    expect(Object.keys(job.steps[send]!.env ?? {})).toEqual(WORKFLOW_SECRETS);
    expect(readFileSync(join(ROOT, '.github/workflows/deploy.yml'), 'utf8').replace(/\n# /g, ' ')).toContain(
      `passes exactly these five, ${WORKFLOW_SECRETS.slice(0, -1).join(', ')} and ${WORKFLOW_SECRETS.at(-1)};`,
    );
    for (const [name, value] of Object.entries(job.steps[send]!.env ?? {})) expect(value).toBe(`\${{ secrets.${name} }}`);
  });

  const git = (cwd: string, ...args: string[]) =>
    spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' }).stdout.trim();
  /** A bare repository whose branch main has `pushes` commits (made once per count, then cloned by each check); its commits, oldest first. */
  const origins = new Map<number, { repo: string; commits: string[] }>();
  function originWith(pushes: number): { repo: string; commits: string[] } {
    const known = origins.get(pushes);
    if (known) return known;
    const dir = tempDir('workflow-origin');
    mkdirSync(join(dir, 'origin.git'));
    git(join(dir, 'origin.git'), 'init', '-q', '--bare');
    mkdirSync(join(dir, 'pusher'));
    git(join(dir, 'pusher'), 'init', '-q');
    const commits: string[] = [];
    for (let i = 1; i <= pushes; i++) {
      writeFileSync(join(dir, 'pusher', 'content.md'), `push ${i}`);
      git(join(dir, 'pusher'), 'add', '.');
      git(join(dir, 'pusher'), 'commit', '-qm', `push ${i}`);
      commits.push(git(join(dir, 'pusher'), 'rev-parse', 'HEAD'));
    }
    git(join(dir, 'pusher'), 'push', '-q', join(dir, 'origin.git'), 'HEAD:refs/heads/main');
    const made = { repo: join(dir, 'origin.git'), commits };
    origins.set(pushes, made);
    return made;
  }

  /**
   * Runs a job's newest-commit check in a clone of a real repository whose branch main has the
   * commits of `pushes` (counted from 1); this run is for commit `mine`. Returns its output and log.
   */
  function newestCheck(job: string, pushes: number, mine: number, origin?: string): { output: string; log: string } {
    const step = workflow.jobs[job]!.steps.find((s) => s.id === 'head')!;
    const dir = tempDir('workflow-head');
    const { repo, commits } = originWith(pushes);
    // The run's checkout: its own commit, origin the repository (or an address that does not answer).
    git(dir, 'clone', '-q', repo, 'run');
    git(join(dir, 'run'), 'checkout', '-q', commits[mine - 1]!);
    if (origin !== undefined) git(join(dir, 'run'), 'remote', 'set-url', 'origin', origin);
    const output = join(dir, 'github-output');
    const run = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', step.run!], {
      cwd: join(dir, 'run'),
      encoding: 'utf8',
      env: { PATH: process.env.PATH, GITHUB_SHA: commits[mine - 1], GITHUB_REF_NAME: 'main', GITHUB_OUTPUT: output, GIT_TERMINAL_PROMPT: '0' },
    });
    expect(run.status, run.stderr).toBe(0);
    return { output: readFileSync(output, 'utf8'), log: run.stdout };
  }

  test('a run whose commit is no longer the newest on the branch neither deploys nor notifies, and says why', () => {
    for (const job of ['deploy', 'notify']) {
      // The only commit, or the newest of two: it goes on.
      expect(newestCheck(job, 1, 1)).toEqual({ output: 'newest=true\n', log: '' });
      expect(newestCheck(job, 2, 2).output).toBe('newest=true\n');
      // A slow run for the first commit, after the second was pushed: it stops, with a notice naming both.
      const older = newestCheck(job, 2, 1);
      expect(older.output).toBe('newest=false\n');
      expect(older.log).toMatch(
        /^::notice title=Not deployed, not announced::main has a newer commit \([0-9a-f]{40}\) than this run's \([0-9a-f]{40}\); its run deploys and notifies instead/,
      );
      // The branch cannot be read: it goes on as before the check, with a warning.
      const unreadable = newestCheck(job, 2, 1, join(tempDir('workflow-head-gone'), 'nothing.git'));
      expect(unreadable.output).toBe('newest=true\n');
      expect(unreadable.log).toContain('::warning::Could not read the head of main');
    }
    // The deploy job checks after it has its turn (the pages concurrency group), before deploy-pages.
    const deploy = workflow.jobs.deploy!;
    const head = deploy.steps.findIndex((s) => s.id === 'head');
    const pages = deploy.steps.findIndex((s) => s.uses?.startsWith('actions/deploy-pages'));
    expect(head).toBeGreaterThan(-1);
    expect(head).toBeLessThan(pages);
    expect(stepsRun('push', deploy, { at: -1, how: 'failure' }, {}, { head: { newest: 'false' } })).not.toContain(pages);
    expect(stepsRun('push', deploy, { at: -1, how: 'failure' })).toContain(pages);
    // Then the notify job does not start, and if it started before a newer run deployed, it sends nothing.
    expect(simulate('push', { changes: { 'content-only': 'true' }, deploy: { newest: 'false' } })).toEqual(['changes', 'build', 'deploy']);
    expect(simulate('schedule', { changes: { 'content-only': 'true' }, deploy: { newest: 'false' } })).toEqual(['changes', 'build', 'deploy']);
    const notify = workflow.jobs.notify!;
    const send = notify.steps.findIndex((s) => s.run?.includes('pharos -- notify'));
    expect(stepsRun('push', notify, { at: -1, how: 'failure' }, {}, { head: { newest: 'false' } })).not.toContain(send);
    expect(stepsRun('push', notify, { at: -1, how: 'failure' })).toContain(send);
  });

  test("notify sends as of the deployed build's now: the build job keeps build.json, the notify job reads it", () => {
    const upload = workflow.jobs.build!.steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))!;
    expect(upload.with).toMatchObject({ name: 'pharos-build-now', path: 'dist/build.json' });
    const notify = workflow.jobs.notify!;
    const download = notify.steps.findIndex((s) => s.uses?.startsWith('actions/download-artifact'));
    const send = notify.steps.findIndex((s) => s.run?.includes('pharos -- notify'));
    expect(notify.steps[download]!.with).toMatchObject({ name: 'pharos-build-now', path: '.pharos-build' });
    expect(download).toBeLessThan(send);
    expect(notify.steps[send]!.run).toBe('npm run --silent pharos -- notify --built .pharos-build');
  });

  test('every job runs on Node 24, like the project', () => {
    for (const job of Object.values(workflow.jobs)) {
      const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node'));
      if (setup) expect(setup.with?.['node-version']).toBe(24);
    }
  });
});
