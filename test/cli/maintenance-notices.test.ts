/**
 * `pharos maintenance update` and `cancel`: staff post a notice to a window, or call it off, without
 * editing YAML; the file keeps what it had, passes the check, and refusals change nothing.
 */
import { cpSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { maintenanceSequence } from '../../src/lib/calendars.ts';
import { MINIMAL, loadOrThrow, runCliHere, tempDir } from '../helpers/fixtures.ts';

const WINDOW = 'maintenance/2026-11-25-db-upgrade.md';

/** A fresh copy of the minimal site; returns its content folder. */
function site(): string {
  const dir = join(tempDir('notices'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  return dir;
}

const pharos = (dir: string, now: string, ...args: string[]) => runCliHere(args, { PHAROS_NOW: now }, dirname(dir));

test('a notice, then a cancellation: appended in order, cancelled set to its time, the rest kept byte for byte', async () => {
  const dir = site();
  const before = readFileSync(join(dir, WINDOW), 'utf8');
  const notice = await pharos(
    dir,
    '2026-11-22T10:30:00Z',
    'maintenance',
    'update',
    '2026-11-25-db-upgrade',
    '--message',
    'Moved: we **start** at 23:00.',
    '--message-sv',
    'Flyttat: vi börjar 23.00.',
  );
  expect(notice.stderr).toBe('');
  expect(notice.stdout).toContain('Wrote content/maintenance/2026-11-25-db-upgrade.md: notice at 2026-11-22T11:30:00+01:00');
  expect(notice.stdout).toContain("git commit -m 'Maintenance notice: Database upgrade'");
  const cancel = await pharos(
    dir,
    '2026-11-23T08:00:00Z',
    'maintenance',
    'cancel',
    'content/maintenance/2026-11-25-db-upgrade.md',
    '--message',
    'Called off: a new date follows.',
  );
  expect(cancel.stderr).toBe('');
  expect(cancel.stdout).toContain('cancelled, with a notice at 2026-11-23T09:00:00+01:00');
  const after = readFileSync(join(dir, WINDOW), 'utf8');
  const lines = before.split('\n');
  const at = lines.findIndex((l) => l.startsWith('updates:'));
  // Everything up to the last notice and the body below are as they were.
  expect(after.startsWith(lines.slice(0, at + 2).join('\n'))).toBe(true);
  expect(after.endsWith(before.slice(before.lastIndexOf('\n---\n')))).toBe(true);
  expect(after).toContain('  - { at: "2026-11-22T11:30:00+01:00", message: { en: "Moved: we **start** at 23:00.", sv: "Flyttat: vi börjar 23.00." } }\n');
  expect(after).toContain('  - { at: "2026-11-23T09:00:00+01:00", message: "Called off: a new date follows." }\ncancelled: "2026-11-23T09:00:00+01:00"');
  const check = await pharos(dir, '2026-11-23T08:00:00Z', 'check');
  expect(check.stdout).toMatch(/^content: no problems/);
});

test.each([
  [
    'an unknown window, suggesting the nearest',
    ['maintenance', 'update', '2026-11-25-db-upgrad', '--message', 'x'],
    1,
    'no maintenance window "2026-11-25-db-upgrad" in content/maintenance/ (did you mean "2026-11-25-db-upgrade"?)',
  ],
  ['no message, with nobody to ask', ['maintenance', 'cancel', '2026-11-25-db-upgrade'], 2, '--message'],
  [
    'a notice later than now',
    ['maintenance', 'update', '2026-11-25-db-upgrade', '--message', 'x', '--at', '2026-11-22T12:00:00Z'],
    2,
    'option --at: found 2026-11-22T12:00:00Z, later than now',
  ],
])('%s is refused and changes nothing', async (_, args, status, message) => {
  const dir = site();
  const before = readFileSync(join(dir, WINDOW), 'utf8');
  const run = await pharos(dir, '2026-11-22T10:30:00Z', ...args);
  expect(run.stderr).toContain(message);
  expect(run.status).toBe(status);
  expect(readFileSync(join(dir, WINDOW), 'utf8')).toBe(before);
});

test('a cancelled window takes no more notices', async () => {
  const dir = site();
  expect((await pharos(dir, '2026-11-22T10:30:00Z', 'maintenance', 'cancel', '2026-11-25-db-upgrade', '--message', 'Off.')).status).toBe(0);
  const before = readFileSync(join(dir, WINDOW), 'utf8');
  const run = await pharos(dir, '2026-11-22T10:40:00Z', 'maintenance', 'update', '2026-11-25-db-upgrade', '--message', 'x');
  expect(run.stderr).toContain('maintenance 2026-11-25-db-upgrade was cancelled (at 2026-11-22 11:30 Europe/Stockholm); nothing more to post');
  expect(run.status).toBe(1);
  expect(readFileSync(join(dir, WINDOW), 'utf8')).toBe(before);
});

test('a message may begin with dashes (a Markdown rule or list); a following option is still an option', async () => {
  const dir = site();
  const run = await pharos(
    dir,
    '2026-11-22T10:30:00Z',
    'maintenance',
    'update',
    '2026-11-25-db-upgrade',
    '--message',
    '--- moved, see below',
    '--at',
    '2026-11-22T10:00:00Z',
  );
  expect(run.stderr).toBe('');
  expect(readFileSync(join(dir, WINDOW), 'utf8')).toContain('message: "--- moved, see below" }');
  const missing = await pharos(dir, '2026-11-22T10:30:00Z', 'maintenance', 'update', '2026-11-25-db-upgrade', '--message', '--at', 'now');
  expect(missing.stderr).toContain('option --message needs a value');
  expect(missing.status).toBe(2);
});

test('no content folder where the command runs: one sentence saying so', async () => {
  const dir = site();
  const run = await pharos(dir, '2026-11-22T10:30:00Z', 'list', '--content', 'nowhere');
  expect(run.stderr).toBe(
    "pharos list: found no content folder at nowhere (expected one with site.yaml and the other content files: run pharos in the site's repository, or give --content DIR)\n",
  );
  expect(run.status).toBe(1);
});

test('a message pasted with Windows line endings is written with plain line breaks', async () => {
  const dir = site();
  const run = await pharos(
    dir,
    '2026-11-22T10:30:00Z',
    'maintenance',
    'update',
    '2026-11-25-db-upgrade',
    '--message',
    'First line.\r\nSecond line.',
    '--message-sv',
    'Rad ett.\r\nRad två.',
  );
  expect(run.status, run.stderr).toBe(0);
  const notice = loadOrThrow(dir, { PHAROS_NOW: '2026-11-22T10:30:00Z' })
    .maintenance.find((m) => m.id === '2026-11-25-db-upgrade')!
    .updates.at(-1)!;
  expect(notice.message).toEqual({ en: 'First line.\nSecond line.', sv: 'Rad ett.\nRad två.' });
});

describe('pharos maintenance reschedule', () => {
  test('moves the window and posts the notice; everything else stays byte for byte, and calendars see a new revision', async () => {
    const dir = site();
    const before = readFileSync(join(dir, WINDOW), 'utf8');
    const sequence = () =>
      maintenanceSequence(loadOrThrow(dir, { PHAROS_NOW: '2026-11-22T10:30:00Z' }).maintenance.find((m) => m.id === '2026-11-25-db-upgrade')!);
    const first = sequence();
    const run = await pharos(
      dir,
      '2026-11-22T10:30:00Z',
      'maintenance',
      'reschedule',
      '2026-11-25-db-upgrade',
      '--start',
      '2026-11-26 22:00 Europe/Stockholm',
      '--end',
      '2026-11-27 01:00',
      '--message',
      'Moved by a day: a supplier delivery is late.',
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'Wrote content/maintenance/2026-11-25-db-upgrade.md: moved to 2026-11-26 22:00 to 2026-11-27 01:00 (Europe/Stockholm), with a notice at 2026-11-22T11:30:00+01:00',
    );
    expect(run.stdout).toContain("git commit -m 'Maintenance rescheduled: Database upgrade'");
    const after = readFileSync(join(dir, WINDOW), 'utf8');
    // Only the two times changed and one notice was added.
    expect(after).toBe(
      before
        .replace(
          'window: { start: "2026-11-25T22:00:00+01:00", end: "2026-11-26T01:00:00+01:00" }',
          'window: { start: "2026-11-26T22:00:00+01:00", end: "2026-11-27T01:00:00+01:00" }',
        )
        .replace(
          '  - { at: "2026-11-20T12:00:00Z", message: { en: Planned., sv: Planerat. } }\n',
          '  - { at: "2026-11-20T12:00:00Z", message: { en: Planned., sv: Planerat. } }\n  - { at: "2026-11-22T11:30:00+01:00", message: "Moved by a day: a supplier delivery is late." }\n',
        ),
    );
    expect(sequence()).toBe(first + 1);

    // Only the end, as a local time: read in the start's offset as the file writes it.
    const later = await pharos(
      dir,
      '2026-11-22T11:00:00Z',
      'maintenance',
      'reschedule',
      '2026-11-25-db-upgrade',
      '--end',
      '2026-11-27 02:30',
      '--message',
      'An hour and a half longer.',
    );
    expect(later.stderr).toBe('');
    expect(readFileSync(join(dir, WINDOW), 'utf8')).toContain('window: { start: "2026-11-26T22:00:00+01:00", end: "2026-11-27T02:30:00+01:00" }');
    expect((await pharos(dir, '2026-11-22T11:00:00Z', 'check')).stdout).toMatch(/^content: no problems/);
  });

  test.each([
    ['no new time, with nobody to ask', '2026-11-22T10:30:00Z', ['--message', 'x'], 2, 'give the new times: --start, --end or both'],
    [
      'a start that has passed',
      '2026-11-22T10:30:00Z',
      ['--start', '2026-11-22T09:00:00Z', '--message', 'x'],
      2,
      'option --start: found 2026-11-22T09:00:00Z, not after now',
    ],
    [
      'an end before the start',
      '2026-11-22T10:30:00Z',
      ['--end', '2026-11-25T20:00:00Z', '--message', 'x'],
      2,
      'the window would end at 2026-11-25 21:00, not after its start 2026-11-25 22:00 (Europe/Stockholm)',
    ],
    [
      'a new start for a window under way',
      '2026-11-25T21:30:00Z',
      ['--start', '2026-11-28T21:00:00Z', '--message', 'x'],
      2,
      'a window under way keeps its start (give only --end)',
    ],
    [
      'a window that has ended',
      '2026-11-26T02:00:00Z',
      ['--end', '2026-11-26T03:00:00Z', '--message', 'x'],
      1,
      'ended at 2026-11-26 01:00 Europe/Stockholm; nothing to move',
    ],
    [
      'times that move nothing',
      '2026-11-22T10:30:00Z',
      ['--end', '2026-11-26T00:00:00Z', '--message', 'x'],
      2,
      'nothing moves: maintenance 2026-11-25-db-upgrade already runs 2026-11-25 22:00 to 2026-11-26 01:00',
    ],
  ])('%s is refused and changes nothing', async (_, now, args, status, message) => {
    const dir = site();
    const before = readFileSync(join(dir, WINDOW), 'utf8');
    const run = await pharos(dir, now, 'maintenance', 'reschedule', '2026-11-25-db-upgrade', ...args);
    expect(run.stderr).toContain(message);
    expect(run.status).toBe(status);
    expect(readFileSync(join(dir, WINDOW), 'utf8')).toBe(before);
  });

  test('a local end across a change of clocks keeps its wall time in the zone the window was planned in', async () => {
    const dir = site();
    const made = await runCliHere(
      [
        'maintenance',
        'new',
        '--title',
        'Night work',
        '--products',
        'widget',
        '--zone',
        'Europe/Stockholm',
        '--start',
        '2027-03-27 23:00',
        '--end',
        '2027-03-28 04:00',
        '--message',
        'Planned.',
      ],
      { PHAROS_NOW: '2027-03-20T10:00:00Z' },
      dirname(dir),
    );
    expect(made.status, made.stderr).toBe(0);
    const file = join(dir, 'maintenance/2027-03-27-night-work.md');
    // Written with the start's offset (+01:00) and the end's (+02:00: summer time began at 02:00).
    // The reschedule gives no --zone and this computer's zone differs: the site's zone has the start's offset.
    expect(readFileSync(file, 'utf8')).toContain('end: "2027-03-28T04:00:00+02:00"');
    const moved = await runCliHere(
      ['maintenance', 'reschedule', '2027-03-27-night-work', '--end', '2027-03-28 05:00', '--message', 'An hour longer.'],
      { PHAROS_NOW: '2027-03-20T11:00:00Z' },
      dirname(dir),
    );
    expect(moved.stderr).toBe('');
    expect(readFileSync(file, 'utf8')).toContain('end: "2027-03-28T05:00:00+02:00"');
  });
});
