/**
 * `pharos incident new` and `maintenance new` asked interactively: the CLI runs in this process with
 * @inquirer/testing's screen standing in for the terminal (it must be imported before the CLI), and
 * the test answers each question as a person would, reading what is on the screen first.
 */
import { screen } from '@inquirer/testing/vitest';
import { cpSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../../scripts/cli/main.ts';
import { MINIMAL, runCli, tempDir } from '../helpers/fixtures.ts';

const NOW = '2026-11-22T10:00:00Z';

/** A fresh copy of the minimal site, and an Io that records what the CLI prints. */
function session() {
  const dir = join(tempDir('cli-ask'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  const printed = { out: '', err: '' };
  const io = {
    env: { PHAROS_NOW: NOW },
    cwd: dirname(dir),
    interactive: true,
    out: (s: string) => void (printed.out += s),
    err: (s: string) => void (printed.err += s),
  };
  return { dir, io, printed };
}

/** Waits for the command's first question: its code is imported when it runs, so the question shows after that. */
const firstQuestion = (): Promise<void> => screen.next();

/** Types an answer and presses enter. */
function answer(text: string): void {
  if (text) screen.type(text);
  screen.keypress('enter');
}

describe('incident new, asked question by question', () => {
  test('asks what the options did not give, shows the defaults, and writes a file the check accepts', async () => {
    const { dir, io, printed } = session();
    const run = main(['incident', 'new', '--severity', 'critical'], io);
    await firstQuestion();
    expect(screen.getScreen()).toContain('Title (en)');
    answer('Cloud sign-in fails');

    await screen.next();
    expect(screen.getScreen()).toContain('Whose software failed?');
    expect(screen.getScreen()).toMatch(/❯ own \(our software\)/);
    screen.keypress('down');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('Affected products');
    screen.keypress('down'); // cloud is the second product
    screen.keypress('space');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('Impact on cloud');
    expect(screen.getScreen()).toMatch(/❯ partial outage/);
    screen.keypress('down');
    screen.keypress('enter');

    await screen.next();
    expect(screen.getScreen()).toContain('Started');
    expect(screen.getScreen()).toContain('(now)');
    answer('2026-11-22 10:40 Europe/Stockholm');

    await screen.next();
    expect(screen.getScreen()).toContain('First update, for customers');
    answer('We are investigating failed sign-ins.');

    await expect(run).resolves.toBe(0);
    const file = join(dir, 'incidents/2026-11-22-cloud-sign-in-fails.md');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('severity: critical');
    expect(text).toContain('scope: third-party');
    expect(text).toContain('- { product: cloud, impact: major_outage }');
    expect(text).toContain('started: "2026-11-22T10:40:00+01:00"');
    // "now" (10:00Z) is written in the site's zone, Europe/Stockholm.
    expect(text).toContain('- at: "2026-11-22T11:00:00+01:00"');
    expect(printed.out).toContain('content/incidents/2026-11-22-cloud-sign-in-fails.md');
    expect(printed.out).toContain('https://status.acme.test/incidents/2026-11-22-cloud-sign-in-fails/');
    expect(runCli(['check'], { PHAROS_NOW: NOW }, dirname(dir)).status).toBe(0);
  });

  test('a wrong time is asked again with what is accepted, and nothing is written until every answer is in', async () => {
    const { dir, io } = session();
    const run = main(['incident', 'new', '--title', 'Widget down', '--severity', 'minor', '--scope', 'own', '--affects', 'widget:major_outage'], io);
    await firstQuestion();
    expect(screen.getScreen()).toContain('Started');
    answer('tomorrow-ish');
    await screen.next();
    expect(screen.getScreen()).toContain('expected "now", ISO 8601 with an offset');
    expect(readdirSync(join(dir, 'incidents'))).toEqual(['2026-11-21-widget-slow.md', '2026-11-22-cloud-down.md']);
    for (let i = 0; i < 'tomorrow-ish'.length; i++) screen.keypress('backspace');
    answer('');

    await screen.next();
    expect(screen.getScreen()).toContain('First update');
    answer('Widget is down for everyone.');
    await expect(run).resolves.toBe(0);
    expect(readFileSync(join(dir, 'incidents/2026-11-22-widget-down.md'), 'utf8')).toContain('started: "2026-11-22T11:00:00+01:00"');
  });
});

test("maintenance new asks for the window in the author's zone and reads the end in the start's zone", async () => {
  const { dir, io, printed } = session();
  const run = main(['maintenance', 'new', '--zone', 'America/Chicago'], io);
  await firstQuestion();
  expect(screen.getScreen()).toContain('Title (en)');
  answer('Database upgrade');
  await screen.next();
  expect(screen.getScreen()).toContain('Products');
  screen.keypress('space');
  screen.keypress('enter');
  await screen.next();
  expect(screen.getScreen()).toContain('in America/Chicago');
  answer('2026-11-28 22:00');
  await screen.next();
  answer('2026-11-28 21:00');
  await screen.next();
  expect(screen.getScreen()).toContain('expected a time after the start');
  for (let i = 0; i < '2026-11-28 21:00'.length; i++) screen.keypress('backspace');
  answer('2026-11-29 01:30');
  await screen.next();
  expect(screen.getScreen()).toContain('Notice for customers');
  expect(screen.getScreen()).toContain('(Planned maintenance. No action is needed.)');
  answer('');

  await expect(run).resolves.toBe(0);
  expect(printed.err).toBe('');
  const text = readFileSync(join(dir, 'maintenance/2026-11-28-database-upgrade.md'), 'utf8');
  expect(text).toContain('start: "2026-11-28T22:00:00-06:00"');
  expect(text).toContain('end: "2026-11-29T01:30:00-06:00"');
  expect(text).toContain('message: Planned maintenance. No action is needed.');
});

test('incident update without an id offers the open incidents, then the status (the last one first) and the message', async () => {
  const { dir, io, printed } = session();
  const run = main(['incident', 'update'], { ...io, env: { PHAROS_NOW: '2026-11-22T10:30:00Z' } });
  await firstQuestion();
  expect(screen.getScreen()).toContain('Incident');
  expect(screen.getScreen()).toContain('2026-11-22-cloud-down: Cloud sign-in fails');
  expect(screen.getScreen()).not.toContain('widget-slow');
  screen.keypress('enter');
  await screen.next();
  expect(screen.getScreen()).toContain('Status');
  expect(screen.getScreen()).toMatch(/❯ identified/);
  screen.keypress('down');
  screen.keypress('enter');
  // Which products the update changes: none, by default.
  await screen.next();
  expect(screen.getScreen()).toContain('Products whose impact this update changes');
  expect(screen.getScreen()).toContain('cloud (now major outage)');
  expect(screen.getScreen()).toContain('widget (now partial outage)');
  screen.keypress('enter');
  await screen.next();
  expect(screen.getScreen()).toContain('Update for customers (en; status monitoring)');
  answer('The provider has recovered; we are watching.');

  await expect(run).resolves.toBe(0);
  expect(printed.out).toContain('Wrote content/incidents/2026-11-22-cloud-down.md: monitoring update at 2026-11-22T11:30:00+01:00');
  expect(readFileSync(join(dir, 'incidents/2026-11-22-cloud-down.md'), 'utf8')).toContain(
    '  - at: "2026-11-22T11:30:00+01:00"\n    status: monitoring\n    message: The provider has recovered; we are watching.\n',
  );
});

test('incident update asks which products the update changes, then their impact from now on', async () => {
  const { dir, io, printed } = session();
  const run = main(['incident', 'update', '2026-11-22-cloud-down'], { ...io, env: { PHAROS_NOW: '2026-11-22T10:30:00Z' } });
  await firstQuestion();
  expect(screen.getScreen()).toContain('Status');
  screen.keypress('enter'); // identified, as before
  await screen.next();
  expect(screen.getScreen()).toContain('Products whose impact this update changes');
  screen.keypress('down'); // widget is the second
  screen.keypress('space');
  screen.keypress('enter');
  await screen.next();
  expect(screen.getScreen()).toContain('Impact on widget from this update');
  // Every impact but the one it has now, operational last.
  expect(screen.getScreen()).toMatch(/❯ degraded performance\n {2}major outage\n {2}operational\n/);
  screen.keypress('down');
  screen.keypress('down');
  screen.keypress('enter');
  await screen.next();
  expect(screen.getScreen()).toContain('Update for customers');
  answer('Widget works again; sign-in to Cloud still fails.');

  await expect(run).resolves.toBe(0);
  expect(printed.err).toBe('');
  const text = readFileSync(join(dir, 'incidents/2026-11-22-cloud-down.md'), 'utf8');
  expect(text).toMatch(/message: Widget works again; sign-in to Cloud still fails\.\n {4}affects:\n {6}- product: widget\n {8}impact: operational\n/);
  // The check reads it back: widget operational from this update on, cloud still down.
  const check = runCli(['check', '--content', dir], { PHAROS_NOW: '2026-11-22T10:30:00Z' });
  expect(check.status, check.stdout + check.stderr).toBe(0);
});

test('maintenance reschedule without times asks for them, the window as written being the default, then the notice', async () => {
  const { dir, io, printed } = session();
  const run = main(['maintenance', 'reschedule', '2026-11-25-db-upgrade'], { ...io, env: { PHAROS_NOW: '2026-11-22T10:30:00Z' } });
  await firstQuestion();
  expect(screen.getScreen()).toContain('Start');
  expect(screen.getScreen()).toContain('2026-11-25T22:00:00+01:00');
  answer(''); // keep the start
  await screen.next();
  expect(screen.getScreen()).toContain('2026-11-26T01:00:00+01:00');
  // Erase the default and type a local end, read in the start's offset.
  screen.keypress('tab');
  for (let i = 0; i < 25; i++) screen.keypress('backspace');
  answer('2026-11-26 02:30');
  await screen.next();
  expect(screen.getScreen()).toContain('What moved, and why, for customers (en)');
  answer('The upgrade needs ninety more minutes.');

  await expect(run).resolves.toBe(0);
  expect(printed.err).toBe('');
  const text = readFileSync(join(dir, 'maintenance/2026-11-25-db-upgrade.md'), 'utf8');
  expect(text).toContain('window: { start: "2026-11-25T22:00:00+01:00", end: "2026-11-26T02:30:00+01:00" }');
  expect(text).toContain('message: The upgrade needs ninety more minutes.');
});

test('maintenance reschedule of a window under way asks only for its end', async () => {
  const { dir, io, printed } = session();
  const run = main(['maintenance', 'reschedule', '2026-11-25-db-upgrade'], { ...io, env: { PHAROS_NOW: '2026-11-25T21:30:00Z' } });
  await firstQuestion();
  expect(screen.getScreen()).toContain('End');
  expect(screen.getScreen()).not.toContain('Start');
  screen.keypress('tab');
  for (let i = 0; i < 25; i++) screen.keypress('backspace');
  answer('2026-11-26 02:30');
  await screen.next();
  expect(screen.getScreen()).toContain('What moved, and why, for customers (en)');
  answer('Running late: we finish at 02:30.');

  await expect(run).resolves.toBe(0);
  expect(printed.err).toBe('');
  expect(readFileSync(join(dir, 'maintenance/2026-11-25-db-upgrade.md'), 'utf8')).toContain(
    'window: { start: "2026-11-25T22:00:00+01:00", end: "2026-11-26T02:30:00+01:00" }',
  );
});
