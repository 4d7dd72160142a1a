/** The deployment workflow: what triggers it and what each run does (GitHub runs it; here we read it). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/fixtures.ts';

interface Step {
  run?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Job {
  if?: string;
  needs?: string | string[];
  steps: Step[];
}
const workflow = parse(readFileSync(join(ROOT, '.github/workflows/deploy.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
  permissions?: Record<string, string>;
};
const runs = (job: Job) => job.steps.map((s) => s.run ?? s.uses ?? '').join('\n');

describe('deploy workflow', () => {
  test('runs on pushes to main, on pull requests, and every 15 minutes', () => {
    expect(workflow.on.push).toEqual({ branches: ['main'] });
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on.schedule).toEqual([{ cron: '*/15 * * * *' }]);
  });

  test('pull requests are checked with GitHub annotations and built, not deployed', () => {
    const job = Object.values(workflow.jobs).find((j) => j.if?.includes("'pull_request'"))!;
    expect(runs(job)).toMatch(/npm ci[\s\S]*check --format github[\s\S]*npm run build/);
    expect(runs(job)).not.toMatch(/deploy-pages/);
  });

  test('a push installs with npm ci, checks, tests and builds before anything is deployed', () => {
    const all = Object.values(workflow.jobs).map(runs).join('\n');
    expect(all).toMatch(/npm ci[\s\S]*check[\s\S]*npm test/);
    expect(all).toMatch(/npm run build[\s\S]*upload-pages-artifact/);
    expect(all).toMatch(/deploy-pages/);
    const deploy = Object.values(workflow.jobs).find((j) => runs(j).includes('deploy-pages'))!;
    expect(deploy.needs).toBeDefined();
  });

  test('every job runs on Node 24, like the project', () => {
    for (const job of Object.values(workflow.jobs)) {
      const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node'));
      if (setup) expect(setup.with?.['node-version']).toBe(24);
    }
  });
});
