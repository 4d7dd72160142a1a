/** The deployment workflow: what triggers it and what each run does (GitHub runs it; here we read it, and run its shell). */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { ROOT, tempDir } from '../helpers/fixtures.ts';

interface Step {
  id?: string;
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

/** The state of one simulated workflow run: the event, and each finished job's result and outputs. */
interface RunState {
  event: string;
  jobs: Record<string, { result: 'success' | 'skipped'; outputs: Record<string, string> }>;
}

/**
 * Evaluates a job's `if` the way GitHub does, for the expressions this workflow uses: `!`, `&&`,
 * `||`, parentheses, `==` and `!=` between strings, `cancelled()`, `github.event_name`,
 * `needs.<job>.result` and `needs.<job>.outputs.<name>`. Anything else throws, so the test cannot
 * pass by reading an expression wrongly.
 */
function evaluate(expression: string, state: RunState): boolean {
  const tokens = expression.replace(/^\$\{\{|\}\}$/g, '').match(/'[^']*'|&&|\|\||==|!=|!|\(|\)|[A-Za-z_][\w.-]*(?:\(\))?/g)!;
  let i = 0;
  const value = (name: string): string | boolean => {
    if (name === 'cancelled()') return false;
    if (name === 'github.event_name') return state.event;
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

/**
 * Which jobs a run starts, in order, as GitHub schedules them: a job waits for its needs; a job
 * without a status function in its `if` is skipped when a need was skipped. Every job that runs succeeds.
 */
function simulate(event: string, outputs: Record<string, Record<string, string>> = {}): string[] {
  const state: RunState = { event, jobs: {} };
  const order: string[] = [];
  const pending = Object.keys(workflow.jobs);
  while (pending.length > 0) {
    const name = pending.find((n) => [workflow.jobs[n]!.needs ?? []].flat().every((need) => state.jobs[need]))!;
    pending.splice(pending.indexOf(name), 1);
    const job = workflow.jobs[name]!;
    const needs = [job.needs ?? []].flat();
    const statusFunction = /cancelled\(\)|always\(\)|failure\(\)|success\(\)/.test(job.if ?? '');
    const needsOk = statusFunction || needs.every((n) => state.jobs[n]!.result === 'success');
    const go = needsOk && (job.if === undefined || evaluate(job.if, state));
    state.jobs[name] = { result: go ? 'success' : 'skipped', outputs: go ? (outputs[name] ?? {}) : {} };
    if (go) order.push(name);
  }
  return order;
}

/** The steps of the jobs a run starts, in order, as one text. */
const stepsOf = (jobs: string[]) => jobs.map((j) => runs(workflow.jobs[j]!)).join('\n');

describe('deploy workflow', () => {
  test('runs on pushes to main, on pull requests, and every 15 minutes', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on.schedule).toEqual([{ cron: '*/15 * * * *' }]);
  });

  test('pull requests are checked with GitHub annotations and built, not deployed, and notify nobody', () => {
    const jobs = simulate('pull_request');
    expect(stepsOf(jobs)).toMatch(/npm ci[\s\S]*check --format github[\s\S]*npm run build/);
    expect(stepsOf(jobs)).not.toMatch(/deploy-pages|pharos -- notify/);
  });

  test('a push that changes code: npm ci, check and the test suite, then build, deploy and notify, in that order', () => {
    const jobs = simulate('push', { changes: { 'content-only': 'false' } });
    expect(jobs).toEqual(['changes', 'test', 'build', 'deploy', 'notify']);
    expect(stepsOf(jobs)).toMatch(
      /npm ci[\s\S]*check --format github[\s\S]*npm test[\s\S]*npm run build[\s\S]*upload-pages-artifact[\s\S]*deploy-pages[\s\S]*pharos -- notify/,
    );
  });

  test('a push that changes only content/: check, build, deploy and notify, without the test suite', () => {
    const jobs = simulate('push', { changes: { 'content-only': 'true' } });
    expect(jobs).toEqual(['changes', 'build', 'deploy', 'notify']);
    expect(stepsOf(jobs)).toMatch(
      /npm ci[\s\S]*check --format github[\s\S]*npm run build[\s\S]*upload-pages-artifact[\s\S]*deploy-pages[\s\S]*pharos -- notify/,
    );
    expect(stepsOf(jobs)).not.toMatch(/npm test/);
  });

  test('the schedule rebuilds, deploys and notifies (a window beginning or ending) without testing; a manual run tests', () => {
    expect(simulate('schedule')).toEqual(['build', 'deploy', 'notify']);
    expect(simulate('workflow_dispatch')).toEqual(['test', 'build', 'deploy', 'notify']);
  });

  test.each([
    ['only content/', ['content/incidents/x.md', 'content/notify.yaml'], 'true'],
    ['content/ and code', ['content/incidents/x.md', 'src/lib/x.ts'], 'false'],
    ['the workflow', ['.github/workflows/deploy.yml'], 'false'],
    ['a file named like content elsewhere', ['test/content/x.md'], 'false'],
    ['a new branch (no earlier commit)', null, 'false'],
  ])('the changes step finds %s: content-only=%s', (_, files, expected) => {
    const step = workflow.jobs.changes!.steps.find((s) => s.id === 'diff')!;
    const repo = tempDir('workflow-git');
    const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd: repo, encoding: 'utf8' }).stdout.trim();
    git('init', '-q');
    mkdirSync(join(repo, 'content'));
    writeFileSync(join(repo, 'README'), 'x');
    git('add', '.');
    git('commit', '-qm', 'first');
    const before = files === null ? '0000000000000000000000000000000000000000' : git('rev-parse', 'HEAD');
    for (const f of files ?? ['content/a.md']) {
      mkdirSync(join(repo, f, '..'), { recursive: true });
      writeFileSync(join(repo, f), 'changed');
    }
    git('add', '.');
    git('commit', '-qm', 'second');
    const output = join(repo, 'github-output');
    const run = spawnSync('bash', ['-e', '-c', step.run!], {
      cwd: repo,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, BEFORE: before, GITHUB_SHA: git('rev-parse', 'HEAD'), GITHUB_OUTPUT: output },
    });
    expect(run.status).toBe(0);
    expect(readFileSync(output, 'utf8')).toBe(`content-only=${expected}\n`);
    expect(step.env?.BEFORE).toBe('${{ github.event.before }}');
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
    expect(Object.keys(job.steps[send]!.env ?? {})).toEqual([
      'PHAROS_SLACK_URL',
      'PHAROS_TEAMS_URL',
      'PHAROS_DISCORD_URL',
      'PHAROS_WEBHOOK_URL',
      'PHAROS_SMTP_URL',
    ]);
    for (const [name, value] of Object.entries(job.steps[send]!.env ?? {})) expect(value).toBe(`\${{ secrets.${name} }}`);
  });

  test('every job runs on Node 24, like the project', () => {
    for (const job of Object.values(workflow.jobs)) {
      const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node'));
      if (setup) expect(setup.with?.['node-version']).toBe(24);
    }
  });
});
