/**
 * `pharos check` warns about invented sample content (`sample: true`) when "now" is not pinned:
 * a demonstration pins it (PHAROS_NOW or site.yaml's `now`), a real site runs on the clock and must
 * not show made-up incidents, releases or holidays as the vendor's.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MINIMAL, runCliHere, tempDir } from '../helpers/fixtures.ts';

/** The minimal site with one sample release and one sample incident, `now:` optionally removed from site.yaml. */
function site(pinnedInSite: boolean): string {
  const dir = join(tempDir('cli-sample'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  const releases = join(dir, 'releases/widget.yaml');
  writeFileSync(releases, readFileSync(releases, 'utf8').replace('- { version: "2026.10"', '- { sample: true, version: "2026.10"'));
  const incident = join(dir, 'incidents/2026-11-21-widget-slow.md');
  writeFileSync(incident, readFileSync(incident, 'utf8').replace(/^---\n/, '---\nsample: true\n'));
  const severities = join(dir, 'severities.yaml');
  writeFileSync(
    severities,
    readFileSync(severities, 'utf8').replace('    rank: 1\n', '    rank: 1\n    examples: [{ en: The whole site is down. }]\n    sampleExamples: true\n'),
  );
  const caseTypes = join(dir, 'case-types.yaml');
  writeFileSync(caseTypes, readFileSync(caseTypes, 'utf8').replace('    example: {', '    sampleExample: true\n    example: {'));
  if (!pinnedInSite) {
    const file = join(dir, 'site.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^now: .*\n/m, ''));
  }
  return dir;
}

const sampleLines = (stderr: string) => stderr.split('\n').filter((l) => l.includes(' warning: sample content'));

describe('sample content', () => {
  test('without a pinned now, each file with sample content gets one warning naming its line; the check still passes', async () => {
    const dir = site(false);
    const run = await runCliHere(['check'], { PHAROS_NOW: '', TZ: 'UTC' }, dirname(dir));
    expect(run.status).toBe(0);
    expect(sampleLines(run.stderr)).toEqual([
      'content/case-types.yaml:5 warning: sample content: the examples of case type defect are invented (sampleExample: true) and "now" is not pinned, so the case-types page shows them tagged "Sample"; write real examples or remove them',
      'content/incidents/2026-11-21-widget-slow.md:2 warning: sample content: an invented incident (sample: true) and "now" is not pinned (no PHAROS_NOW, no now: in site.yaml), so the site shows it as real; delete the file',
      'content/releases/widget.yaml:2 warning: sample content: 1 invented release (sample: true) and "now" is not pinned (no PHAROS_NOW, no now: in site.yaml), so the site shows it as real; replace them with the real release history',
      'content/severities.yaml:5 warning: sample content: the examples of critical are invented (sampleExamples: true) and "now" is not pinned, so the policy pages show them tagged "Sample"; write real examples or remove them',
    ]);
  });

  test('with --strict the warnings fail the check', async () => {
    const dir = site(false);
    expect((await runCliHere(['check', '--strict'], { PHAROS_NOW: '', TZ: 'UTC' }, dirname(dir))).status).toBe(1);
  });

  test.each([
    ['pinned by site.yaml', true, ''],
    ['pinned by PHAROS_NOW', false, '2026-11-22T10:00:00Z'],
  ])('no warning when now is %s', async (_how, inSite, env) => {
    const dir = site(inSite);
    const run = await runCliHere(['check'], { PHAROS_NOW: env, TZ: 'UTC' }, dirname(dir));
    expect(run.status).toBe(0);
    expect(sampleLines(run.stderr)).toEqual([]);
  });
});
