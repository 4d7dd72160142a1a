/** A local time typed in the hour that repeats: the command writes the first occurrence and says how to get the other. */
import { cpSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, test } from 'vitest';
import { MINIMAL, runCli, tempDir } from '../helpers/fixtures.ts';

test("maintenance new warns on stderr, in check's style, and writes the first 02:30", () => {
  const dir = join(tempDir('repeated-hour'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  const args = [
    'maintenance',
    'new',
    '--title',
    'Night work',
    '--products',
    'widget',
    '--start',
    '2027-10-31 02:30',
    '--end',
    '2027-10-31 04:00',
    '--zone',
    'Europe/Stockholm',
    '--message',
    'Short.',
  ];
  const run = runCli(args, { PHAROS_NOW: '2026-11-22T12:00:00Z', TZ: 'UTC' }, dirname(dir));
  expect(run.status).toBe(0);
  expect(run.stderr).toBe(
    'option --start warning: 2027-10-31 02:30 Europe/Stockholm occurs twice; read as the first, 02:30+02:00 (summer time); for the second write 2027-10-31T02:30:00+01:00\n',
  );
  expect(run.stdout).toContain('Wrote content/maintenance/2027-10-31-night-work.md: 2027-10-31 02:30 to 2027-10-31 04:00 (Europe/Stockholm)');
  expect(readFileSync(join(dir, 'maintenance/2027-10-31-night-work.md'), 'utf8')).toContain(
    '  start: "2027-10-31T02:30:00+02:00"\n  end: "2027-10-31T04:00:00+01:00"\n',
  );
});
