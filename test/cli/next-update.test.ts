/** `--next-update 2h|TIME` (issue 18, point 4): written with the update, shown by `list`, the write's own line and the pages. */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { MINIMAL, runCliHere, tempDir } from '../helpers/fixtures.ts';

function site(): string {
  const dir = join(tempDir('next-update'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  return dir;
}
const ENV = { PHAROS_NOW: '2026-11-22T10:00:00Z', TZ: 'UTC' };

describe('--next-update', () => {
  test("a span after the update is written as a time in the update's offset; the write and list say it", async () => {
    const dir = site();
    const r = await runCliHere(
      [
        'incident',
        'update',
        '2026-11-22-cloud-down',
        '--message',
        'Still working on it.',
        '--at',
        '2026-11-22T10:30:00+01:00',
        '--next-update',
        '2h',
        '--content',
        dir,
      ],
      ENV,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'incidents/2026-11-22-cloud-down.md'), 'utf8')).toMatch(/nextUpdate: "2026-11-22T12:30:00\+01:00"/);
    expect(r.stdout).toContain('Next update due by 2026-11-22 12:30 (Europe/Stockholm)');
    expect((await runCliHere(['list', '--content', dir], ENV)).stdout).toMatch(/2026-11-22-cloud-down .*next update due by 2026-11-22 12:30/);
  });

  test('a TIME is taken as written; without --next-update the site default (1 hour after the update) applies', async () => {
    const dir = site();
    const r = await runCliHere(
      [
        'incident',
        'new',
        '--title',
        'Slow widget',
        '--severity',
        'minor',
        '--affects',
        'widget:degraded_performance',
        '--message',
        'Looking.',
        '--at',
        'now',
        '--next-update',
        '2026-11-22 14:00 Europe/Stockholm',
        '--content',
        dir,
      ],
      ENV,
    );
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'incidents/2026-11-22-slow-widget.md'), 'utf8')).toMatch(/nextUpdate: "2026-11-22T14:00:00\+01:00"/);
    expect(r.stdout).toContain('Next update due by 2026-11-22 14:00 (Europe/Stockholm)');
    const plain = await runCliHere(
      ['incident', 'new', '--title', 'Slow gadget', '--severity', 'minor', '--affects', 'widget', '--message', 'Looking.', '--content', dir],
      ENV,
    );
    expect(plain.status, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('Next update due by 2026-11-22 12:00 (Europe/Stockholm)');
  });

  test.each([
    ['a time before the update', '2026-11-22T09:00:00Z', /option --next-update: found "2026-11-22T09:00:00Z", not after the update/],
    ['a span of no length', '0m', /option --next-update: found "0m", not after the update/],
    ['words that are neither', 'soon', /option --next-update: found "soon" \(expected a span such as "30m", "2h" or "1h30m", or a time: ISO 8601/],
  ])('%s is refused before anything is written', async (_name, value, message) => {
    const dir = site();
    const before = readFileSync(join(dir, 'incidents/2026-11-22-cloud-down.md'), 'utf8');
    const r = await runCliHere(['incident', 'update', '2026-11-22-cloud-down', '--message', 'x', '--next-update', value, '--content', dir], ENV);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(join(dir, 'incidents/2026-11-22-cloud-down.md'), 'utf8')).toBe(before);
  });

  test.each([
    ['30 mins', '2026-11-22T11:00:00+01:00'],
    ['90 min', '2026-11-22T12:00:00+01:00'],
    ['1h30m', '2026-11-22T12:00:00+01:00'],
    ['1 h 30 min', '2026-11-22T12:00:00+01:00'],
    ['2 hrs', '2026-11-22T12:30:00+01:00'],
  ])('the span "%s" is read as people write it', async (value, due) => {
    const dir = site();
    const r = await runCliHere(
      ['incident', 'update', '2026-11-22-cloud-down', '--message', 'x', '--at', '2026-11-22T10:30:00+01:00', '--next-update', value, '--content', dir],
      ENV,
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'incidents/2026-11-22-cloud-down.md'), 'utf8')).toContain(`nextUpdate: "${due}"`);
  });
});
