/**
 * The CLI starts with what its command needs: a command's code is imported when it runs, and the
 * prompts library at the first question, so `pharos check`, the command the pre-commit hook and CI
 * run most, loads neither the mail library nor the prompts nor the other commands. Each run below is
 * a real process whose module loads a hook records.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { MINIMAL, runCli, tempDir } from '../helpers/fixtures.ts';

/** Runs the CLI with a hook that writes every module it loads to a file; returns the run and the modules (paths below the project). */
function modulesLoadedBy(args: string[]): { status: number | null; output: string; modules: string[] } {
  const dir = tempDir('startup');
  const log = join(dir, 'loaded.txt');
  const hook = join(dir, 'hook.mjs');
  writeFileSync(
    hook,
    `import { registerHooks } from 'node:module';\nimport { appendFileSync } from 'node:fs';\n` +
      `registerHooks({ load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); } });\n`,
  );
  writeFileSync(log, '');
  const run = runCli(args, { NODE_OPTIONS: `--import ${pathToFileURL(hook).href}`, PHAROS_NOW: '2026-11-22T10:00:00Z' });
  const modules = readFileSync(log, 'utf8')
    .split('\n')
    .filter((u) => u.startsWith('file:'))
    .map((u) => u.replace(/^file:\/\/.*?\/(node_modules|scripts|src)\//, '$1/'));
  return { status: run.status, output: run.stdout + run.stderr, modules };
}

const loads = (modules: string[], pattern: RegExp) => modules.filter((m) => pattern.test(m));
const MAIL = /^node_modules\/nodemailer\//;
const PROMPTS = /^node_modules\/@inquirer\//;
const COMMAND_CODE = /^scripts\/cli\/(incident|maintenance|notify|list|check)\.ts$/;

describe('the CLI loads what its command needs', () => {
  test('pharos check: the check and the content, no mail library, no prompts, no other command', () => {
    const run = modulesLoadedBy(['check', '--content', MINIMAL]);
    expect(run.status, run.output).toBe(0);
    expect(loads(run.modules, COMMAND_CODE)).toEqual(['scripts/cli/check.ts']);
    expect(loads(run.modules, MAIL)).toEqual([]);
    expect(loads(run.modules, PROMPTS)).toEqual([]);
  });

  test('pharos --help: no command code at all', () => {
    const run = modulesLoadedBy(['--help']);
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain('pharos incident new');
    expect(loads(run.modules, COMMAND_CODE)).toEqual([]);
  });

  test('pharos notify --dry-run loads the mail library it sends with (the hook sees what a command loads)', () => {
    const run = modulesLoadedBy(['notify', '--dry-run', '--content', MINIMAL, '--state', join(tempDir('startup-state'), 'state.json')]);
    expect(run.status, run.output).toBe(0);
    expect(loads(run.modules, COMMAND_CODE)).toEqual(['scripts/cli/notify.ts']);
    expect(loads(run.modules, MAIL).length).toBeGreaterThan(0);
  });
});
