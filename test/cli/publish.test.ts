/**
 * The publishing workflow as support staff run it: `node scripts/pharos.ts ...` with options, on a
 * copy of the minimal site, "now" pinned per step. Every command writes a file `pharos check`
 * accepts; every refusal says why, exits non-zero and leaves the folder byte for byte as it was;
 * a real build of the result renders what was written, under a sub-path, without a broken link.
 */
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { MINIMAL, buildSite, listFiles, runCliHere, sharedBuild, tempDir, type Run } from '../helpers/fixtures.ts';
import { brokenLinks, formatBroken } from '../helpers/links.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatError } from '../../src/lib/content/errors.ts';
import { productStatuses } from '../../src/lib/status.ts';

const ID = '2026-11-22-widget-reports-fail';
const INCIDENT = `content/incidents/${ID}.md`;

/** A fresh copy of the minimal site; returns its content folder. */
function site(): string {
  const dir = join(tempDir('cli'), 'content');
  cpSync(MINIMAL, dir, { recursive: true });
  return dir;
}

/** Runs the CLI (in this process: a process each cost a second) in the folder above `content` at a pinned now. */
function pharos(dir: string, now: string, ...args: string[]): Promise<Run> {
  return runCliHere(args, { PHAROS_NOW: now }, dirname(dir));
}

/** A hash of every file (names and bytes), to prove nothing changed. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );
}

const NEW = [
  'incident',
  'new',
  '--title',
  'Widget reports fail',
  '--title-sv',
  'Widget-rapporter misslyckas',
  '--severity',
  'critical',
  '--affects',
  'widget:major_outage',
  '--message',
  'Reports fail to open. We are investigating.',
];

describe('a day of publishing, in one content folder', () => {
  let dir: string;
  const runs: Record<string, Run> = {};
  beforeAll(async () => {
    dir = site();
    runs.new = await pharos(dir, '2026-11-22T10:30:00Z', ...NEW, '--started', '2026-11-22 11:10 Europe/Stockholm');
    runs.checkNew = await pharos(dir, '2026-11-22T10:30:00Z', 'check');
    // A comment someone added by hand, which updates must keep.
    const path = join(dir, 'incidents', `${ID}.md`);
    writeFileSync(path, readFileSync(path, 'utf8').replace('severity: critical', '# Escalated by the duty manager at 11:20.\nseverity: critical'));
    runs.update = await pharos(
      dir,
      '2026-11-22T11:15:00Z',
      'incident',
      'update',
      ID,
      '--status',
      'monitoring',
      '--message',
      'A fix is rolled out; we are watching.',
      '--message-sv',
      'En rättning är ute; vi bevakar.',
    );
    runs.checkUpdate = await pharos(dir, '2026-11-22T11:15:00Z', 'check');
    runs.resolve = await pharos(dir, '2026-11-22T12:00:00Z', 'incident', 'resolve', ID, '--message', 'Reports open normally again.');
    runs.maintenance = await pharos(
      dir,
      '2026-11-22T12:00:00Z',
      'maintenance',
      'new',
      '--title',
      'Widget database upgrade',
      '--products',
      'widget',
      '--start',
      '2026-12-01 22:00',
      '--end',
      '2026-12-02 01:00',
      '--zone',
      'Europe/Stockholm',
      '--message',
      'Widget is read-only for up to 30 minutes.',
    );
    runs.list = await pharos(dir, '2026-11-22T12:00:00Z', 'list');
    runs.check = await pharos(dir, '2026-11-22T12:00:00Z', 'check');
  });

  test('incident new writes the file, prints its path and page URL', async () => {
    expect(runs.new!.stderr).toBe('');
    expect(runs.new!.status).toBe(0);
    expect(runs.new!.stdout).toContain(`Wrote ${INCIDENT}`);
    expect(runs.new!.stdout).toContain(`Page: https://status.acme.test/incidents/${ID}/`);
    expect(runs.new!.stdout).toMatch(/Next update due by 2026-11-22 17:30 \(Europe\/Stockholm\)/);
    expect(runs.checkNew!.status).toBe(0);
  });

  test("the new file is commented front matter with times in ISO 8601 and the site zone's offset", () => {
    const text = readFileSync(join(dir, 'incidents', `${ID}.md`), 'utf8');
    expect(text).toMatch(/^---\n# Incident written by `pharos incident new`/);
    expect(text).toContain('title:\n  en: Widget reports fail\n  sv: Widget-rapporter misslyckas\n');
    expect(text).toMatch(/severity: critical +# one of critical, minor/);
    expect(text).toContain('started: "2026-11-22T11:10:00+01:00"');
    expect(text).toContain('  - at: "2026-11-22T11:30:00+01:00"\n    status: investigating');
  });

  test('incident update appends the update and keeps the hand-written comment', async () => {
    expect(runs.update!.stderr).toBe('');
    expect(runs.update!.stdout).toContain(`Wrote ${INCIDENT}: monitoring update at 2026-11-22T12:15:00+01:00`);
    expect(runs.checkUpdate!.status).toBe(0);
    const text = readFileSync(join(dir, 'incidents', `${ID}.md`), 'utf8');
    expect(text).toContain('# Escalated by the duty manager at 11:20.\nseverity: critical');
    expect(text).toContain(
      '  - at: "2026-11-22T12:15:00+01:00"\n    status: monitoring\n    message:\n      en: A fix is rolled out; we are watching.\n      sv: En rättning är ute; vi bevakar.\n',
    );
  });

  test('incident resolve adds the resolved update and time, and prints the SLA outcome', async () => {
    expect(runs.resolve!.stderr).toBe('');
    expect(runs.resolve!.status).toBe(0);
    const text = readFileSync(join(dir, 'incidents', `${ID}.md`), 'utf8');
    expect(text).toContain('    status: resolved\n    message: Reports open normally again.\n');
    expect(text).toMatch(/\nresolved: "2026-11-22T13:00:00\+01:00" +# equals the resolved update's time\n---\n$/);
    const out = runs.resolve!.stdout;
    expect(out).toContain('SLA outcome (Critical, our software; times in Europe/Stockholm):');
    expect(out).toMatch(/response +30 minutes +met +due 2026-11-22 11:40, first update 2026-11-22 11:30/);
    expect(out).toMatch(/restoration +no target/);
    expect(out).toMatch(/resolution +2 business days +met +due .*, resolved 2026-11-22 13:00/);
    expect(out).toMatch(/status updates +every 6 hours +met/);
  });

  test('maintenance new writes the window in the given zone', async () => {
    expect(runs.maintenance!.stderr).toBe('');
    expect(runs.maintenance!.stdout).toContain(
      'Wrote content/maintenance/2026-12-01-widget-database-upgrade.md: 2026-12-01 22:00 to 2026-12-02 01:00 (Europe/Stockholm)',
    );
    expect(runs.maintenance!.stdout).toContain('Page: https://status.acme.test/maintenance/2026-12-01-widget-database-upgrade/');
    const text = readFileSync(join(dir, 'maintenance/2026-12-01-widget-database-upgrade.md'), 'utf8');
    expect(text).toContain('window:\n  start: "2026-12-01T22:00:00+01:00"\n  end: "2026-12-02T01:00:00+01:00"\n');
    expect(text).toContain('  - at: "2026-11-22T13:00:00+01:00"\n    message: Widget is read-only for up to 30 minutes.\n');
  });

  test('list shows the open incident and both upcoming windows, and check passes', async () => {
    expect(runs.list!.stdout).toMatch(/Open incidents \(1\):\n {2}2026-11-22-cloud-down +critical +identified/);
    expect(runs.list!.stdout).not.toContain(ID);
    expect(runs.list!.stdout).toMatch(
      /Maintenance in progress or upcoming \(2\):\n {2}2026-11-25-db-upgrade +upcoming .*\n {2}2026-12-01-widget-database-upgrade +upcoming +2026-12-01 22:00 to 2026-12-02 01:00 +widget +Widget database upgrade/,
    );
    expect(runs.check!.stdout).toMatch(/^content: no problems \(2 products, 3 incidents, 2 maintenance windows, 2 languages\)/);
    expect(runs.check!.status).toBe(0);
  });

  // The base set in site.yaml; PHAROS_BASE's is checked on the minimal site's shared build (below, where the page will be).
  describe('a build under /status/ set by site.yaml', () => {
    let build: Run & { outDir: string };
    beforeAll(async () => {
      const content = join(tempDir('cli-base'), 'content');
      cpSync(dir, content, { recursive: true });
      writeFileSync(
        join(content, 'site.yaml'),
        readFileSync(join(content, 'site.yaml'), 'utf8').replace('url: https://status.acme.test/', 'url: https://status.acme.test/\nbase: /status'),
      );
      build = buildSite(content, { PHAROS_NOW: '2026-11-22T12:00:00Z' });
    });

    test('renders the incident with every update and the new maintenance window', async () => {
      expect(build.status, build.stderr).toBe(0);
      const page = readFileSync(join(build.outDir, `incidents/${ID}/index.html`), 'utf8');
      expect(page).toContain('Reports open normally again.');
      expect(page).toContain('A fix is rolled out; we are watching.');
      expect(readFileSync(join(build.outDir, `sv/incidents/${ID}/index.html`), 'utf8')).toContain('En rättning är ute; vi bevakar.');
      expect(readFileSync(join(build.outDir, 'maintenance/2026-12-01-widget-database-upgrade/index.html'), 'utf8')).toContain(
        'Widget is read-only for up to 30 minutes.',
      );
      expect(readFileSync(join(build.outDir, 'incidents/index.html'), 'utf8')).toContain(`href="/status/incidents/${ID}/"`);
    });

    test('has no broken internal link in pages, feeds, calendars or API documents', async () => {
      const broken = brokenLinks({ dist: build.outDir, site: 'https://status.acme.test/', base: '/status/' });
      expect(formatBroken(broken)).toBe('');
    });

    test("PHAROS_NOW, not site.yaml's now, is the clock of the whole build", () => {
      expect(readFileSync(join(dir, 'site.yaml'), 'utf8')).toContain('now: "2026-11-22T10:00:00Z"');
      expect(JSON.parse(readFileSync(join(build.outDir, 'build.json'), 'utf8'))).toEqual({ now: '2026-11-22T12:00:00.000Z' });
      for (const home of ['index.html', 'sv/index.html'])
        expect(readFileSync(join(build.outDir, home), 'utf8'), home).toContain('data-built="2026-11-22T12:00:00.000Z"');
    });
  });
});

describe('refusals print why, exit non-zero and change nothing', () => {
  const NOW = '2026-11-22T10:30:00Z';
  let dir: string;
  let before: Record<string, string>;
  beforeAll(async () => {
    dir = site();
    // A resolved incident and an open one at "monitoring" to refuse things against.
    expect((await pharos(dir, NOW, ...NEW)).status).toBe(0);
    expect((await pharos(dir, NOW, 'incident', 'update', ID, '--status', 'monitoring', '--message', 'Watching.')).status).toBe(0);
    before = snapshot(dir);
  });

  test.each([
    [
      'an unknown incident, suggesting the nearest',
      ['incident', 'update', '2026-11-22-widget-report-fail', '--message', 'x'],
      1,
      'pharos incident update: no incident "2026-11-22-widget-report-fail" in content/incidents/ (did you mean "2026-11-22-widget-reports-fail"?)',
    ],
    [
      'an unknown incident to resolve',
      ['incident', 'resolve', 'cloud-dwn', '--message', 'x'],
      1,
      'no incident "cloud-dwn" in content/incidents/ (did you mean "2026-11-22-cloud-down"?)',
    ],
    [
      'a status going backwards',
      ['incident', 'update', ID, '--status', 'identified', '--message', 'x'],
      1,
      'status "identified" goes back from "monitoring" (the last update\'s, at 2026-11-22 11:30); add --force if the incident really got worse again',
    ],
    [
      'an update to a resolved incident',
      ['incident', 'update', '2026-11-21-widget-slow', '--status', 'investigating', '--message', 'x'],
      1,
      'incident 2026-11-21-widget-slow is already resolved (at 2026-11-21 09:30 Europe/Stockholm); add --reopen to post an update that reopens it',
    ],
    [
      'resolving a resolved incident',
      ['incident', 'resolve', '2026-11-21-widget-slow', '--message', 'x'],
      1,
      'incident 2026-11-21-widget-slow is already resolved',
    ],
    [
      'resolving a resolved incident again through --reopen',
      ['incident', 'update', '2026-11-21-widget-slow', '--reopen', '--status', 'resolved', '--message', 'x'],
      1,
      'incident 2026-11-21-widget-slow is already resolved (at 2026-11-21 09:30 Europe/Stockholm); --reopen needs a status that reopens it: investigating, identified, monitoring',
    ],
    [
      'a next update promised by the update that resolves',
      ['incident', 'update', ID, '--status', 'resolved', '--message', 'x', '--next-update', '2h'],
      2,
      '--next-update: a resolving update promises no next one; leave it out',
    ],
    [
      "an update before the last one (the loader's rule)",
      ['incident', 'update', ID, '--at', '2026-11-22T09:00:00Z', '--message', 'x'],
      1,
      `${INCIDENT} would not pass the check, so nothing was written:\n  ${INCIDENT}:22 updates[2].at: found 2026-11-22T09:00:00Z, earlier than the update before it (2026-11-22T11:30:00+01:00)`,
    ],
    [
      'an update in the future',
      ['incident', 'update', ID, '--at', '2026-11-22 18:00 Europe/Stockholm', '--message', 'x'],
      2,
      'option --at: found 2026-11-22T18:00:00+01:00, later than now (2026-11-22T10:30:00Z) (expected a time that has passed; post it when it happens)',
    ],
    ['an incident file that already exists', NEW, 1, `${INCIDENT} already exists (choose another name with --slug`],
    [
      'a slug that would make the id too long',
      ['incident', 'new', '--title', 'T', '--slug', 'a'.repeat(70), '--severity', 'minor', '--affects', 'widget', '--message', 'x'],
      2,
      "option --slug: found 70 characters (expected at most 69, as the date before it makes the file name's id; shorten it)",
    ],
    [
      'an unknown severity',
      ['incident', 'new', '--title', 'T', '--severity', 'urgent', '--affects', 'widget', '--message', 'x'],
      2,
      'option --severity: found "urgent" (expected one of critical, minor)',
    ],
    [
      'an unknown product',
      ['incident', 'new', '--title', 'T', '--severity', 'minor', '--affects', 'gadget', '--message', 'x'],
      2,
      'option --affects: unknown product "gadget" (expected one of widget, cloud)',
    ],
    [
      'an unknown impact',
      ['incident', 'new', '--title', 'T', '--severity', 'minor', '--affects', 'widget:down', '--message', 'x'],
      2,
      'option --affects: found "down" (expected one of degraded_performance, partial_outage, major_outage)',
    ],
    [
      'a language the site does not have',
      ['incident', 'new', '--title', 'T', '--title-de', 'Titel', '--severity', 'minor', '--affects', 'widget', '--message', 'x'],
      2,
      'option --title-de: "de" is not a language of the site (expected one of sv)',
    ],
    [
      'missing answers with nobody to ask',
      ['incident', 'new', '--title', 'T'],
      2,
      'missing --severity, --affects, --message (give them as options, or run pharos incident new in a terminal to be asked)',
    ],
    [
      'a time it cannot read',
      ['incident', 'new', '--title', 'T', '--severity', 'minor', '--affects', 'widget', '--message', 'x', '--started', 'this morning'],
      2,
      'option --started: found "this morning" (expected "now", ISO 8601 with an offset',
    ],
    [
      'a zone label',
      ['maintenance', 'new', '--title', 'T', '--products', 'widget', '--start', '2026-12-01 22:00 CET', '--end', '2026-12-02 01:00', '--message', 'x'],
      2,
      'option --start: found zone "CET"',
    ],
    [
      'a window that ends before it starts',
      ['maintenance', 'new', '--title', 'T', '--products', 'widget', '--start', '2026-12-01 22:00', '--end', '2026-12-01 21:00', '--message', 'x'],
      2,
      'the window ends at 2026-12-01T21:00:00Z, not after its start 2026-12-01T22:00:00Z',
    ],
    [
      'a window for an unknown product',
      ['maintenance', 'new', '--title', 'T', '--products', 'widget,gizmo', '--start', '2026-12-01 22:00', '--end', '2026-12-02 01:00', '--message', 'x'],
      2,
      'option --products: unknown product "gizmo"',
    ],
    ['an unknown option', ['incident', 'update', ID, '--mesage', 'x'], 2, 'unknown option "--mesage"'],
    // Refused even when every time is "now" and the zone would not be used.
    [
      'a zone that does not exist',
      ['incident', 'update', ID, '--message', 'x', '--zone', 'Mars/Olympus'],
      2,
      'option --zone: found "Mars/Olympus" (expected an IANA time zone',
    ],
    [
      'an impact change for a product the incident does not affect',
      ['incident', 'update', ID, '--message', 'x', '--affects', 'cloud:operational'],
      2,
      'option --affects: found "cloud", which this incident does not affect (expected one of widget)',
    ],
    [
      'an impact change without its impact',
      ['incident', 'update', ID, '--message', 'x', '--affects', 'widget'],
      2,
      'option --affects: found "widget" (expected widget:IMPACT, IMPACT one of degraded_performance, partial_outage, major_outage, operational)',
    ],
    [
      'an impact that is not on the scale',
      ['incident', 'update', ID, '--message', 'x', '--affects', 'widget:fixed'],
      2,
      'option --affects: found "fixed" (expected one of degraded_performance, partial_outage, major_outage, operational)',
    ],
    [
      'an impact change with the resolution, which ends every impact',
      ['incident', 'update', ID, '--status', 'resolved', '--message', 'x', '--affects', 'widget:operational'],
      2,
      'option --affects: a resolved update ends every impact (expected no --affects when resolving)',
    ],
  ])('%s', async (_, args, status, message) => {
    const run = await pharos(dir, NOW, ...(args as string[]));
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(run.status).toBe(status);
    expect(snapshot(dir)).toEqual(before);
  });

  test('a content folder that already has a problem is refused before anything is written', async () => {
    const broken = site();
    writeFileSync(
      join(broken, 'incidents/2026-11-22-cloud-down.md'),
      readFileSync(join(broken, 'incidents/2026-11-22-cloud-down.md'), 'utf8').replace('severity: critical', 'severity: urgent'),
    );
    const was = snapshot(broken);
    const run = await pharos(broken, NOW, ...NEW);
    expect(run.stderr).toContain(
      'the content folder already has problems; fix them first (nothing was written)\n  content/incidents/2026-11-22-cloud-down.md:3 severity: unknown level "urgent"',
    );
    expect(run.status).toBe(1);
    expect(snapshot(broken)).toEqual(was);
  });
});

describe("a window's local end is read in its start's zone, whatever --zone says", () => {
  test.each([
    ['a start with an offset', '2026-12-01T08:00:00+01:00', '2026-12-01T10:00:00+01:00'],
    ['a start with a zone', '2026-12-01 08:00 Europe/Stockholm', '2026-12-01T10:00:00+01:00'],
    ['a local start, in --zone', '2026-12-01 08:00', '2026-12-01T10:00:00-06:00'],
    ['a start in UTC', '2026-12-01T08:00:00Z', '2026-12-01T10:00:00Z'],
  ])('%s', async (_, start, end) => {
    const dir = site();
    const run = await pharos(
      dir,
      '2026-11-22T10:30:00Z',
      'maintenance',
      'new',
      '--title',
      'T',
      '--products',
      'widget',
      '--message',
      'x',
      '--zone',
      'America/Chicago',
      '--start',
      start,
      '--end',
      '2026-12-01 10:00',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const text = readFileSync(
      join(
        dir,
        listFiles(dir).find((f) => f.startsWith('maintenance/') && f.endsWith('-t.md'))!,
      ),
      'utf8',
    );
    // Two hours, as typed: the end reads 10:00 in the start's zone or offset.
    expect(/ {2}end: "([^"]+)"/.exec(text)?.[1]).toBe(end);
  });
});

describe("an update that changes a product's impact", () => {
  test('--affects writes the new impacts into the update, which the check accepts and the status follows', async () => {
    const dir = site();
    const run = await pharos(
      dir,
      '2026-11-22T10:30:00Z',
      'incident',
      'update',
      '2026-11-22-cloud-down',
      '--status',
      'monitoring',
      '--message',
      'Sign-in works again, slowly.',
      '--affects',
      'cloud:degraded_performance,widget:operational',
    );
    expect(run.stderr).toBe('');
    expect(readFileSync(join(dir, 'incidents/2026-11-22-cloud-down.md'), 'utf8')).toContain(
      '    status: monitoring\n    message: Sign-in works again, slowly.\n    affects:\n      - product: cloud\n        impact: degraded_performance\n      - product: widget\n        impact: operational\n',
    );
    const content = loadContent(dir, { env: { PHAROS_NOW: '2026-11-22T10:31:00Z' } });
    if (!content.ok) throw new Error(content.errors.map(formatError).join('\n'));
    const statuses = productStatuses(content.content, content.content.now);
    expect([statuses.get('cloud'), statuses.get('widget')]).toEqual(['degraded_performance', 'operational']);
  });
});

describe('what --force and --reopen allow', () => {
  test('--force posts a status that goes back', async () => {
    const dir = site();
    expect(
      (await pharos(dir, '2026-11-22T10:30:00Z', 'incident', 'update', '2026-11-22-cloud-down', '--status', 'monitoring', '--message', 'Looks better.')).status,
    ).toBe(0);
    const run = await pharos(
      dir,
      '2026-11-22T10:40:00Z',
      'incident',
      'update',
      '2026-11-22-cloud-down',
      '--status',
      'identified',
      '--force',
      '--message',
      'It is failing again.',
    );
    expect(run.stderr).toBe('');
    expect(readFileSync(join(dir, 'incidents/2026-11-22-cloud-down.md'), 'utf8')).toContain(
      '  - at: "2026-11-22T11:40:00+01:00"\n    status: identified\n    message: It is failing again.\n',
    );
  });

  test('--reopen posts to a resolved incident and removes its resolved time', async () => {
    const dir = site();
    const run = await pharos(dir, '2026-11-22T10:30:00Z', 'incident', 'update', '2026-11-21-widget-slow', '--reopen', '--message', 'Slow again since 11:00.');
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('investigating update at 2026-11-22T11:30:00+01:00 (reopened)');
    const text = readFileSync(join(dir, 'incidents/2026-11-21-widget-slow.md'), 'utf8');
    expect(text).not.toContain('resolved: "');
    expect(text).toMatch(/status: investigating\n {4}message: Slow again since 11:00\.\n---\nThe cache was cold after a restart\.\n$/);
    expect((await pharos(dir, '2026-11-22T10:30:00Z', 'check')).status).toBe(0);
  });
});

describe('where the page will be: site URL and base from the environment or site.yaml', () => {
  test.each([
    ['site.yaml alone', {}, '', 'https://status.acme.test/incidents/2026-11-22-t/'],
    [
      'PHAROS_SITE and PHAROS_BASE',
      { PHAROS_SITE: 'https://acme.github.io/', PHAROS_BASE: '/status-site/' },
      '',
      'https://acme.github.io/status-site/incidents/2026-11-22-t/',
    ],
    ['site.yaml base', {}, 'base: /status', 'https://status.acme.test/status/incidents/2026-11-22-t/'],
    ['PHAROS_BASE over site.yaml base', { PHAROS_BASE: '/other/' }, 'base: /status/', 'https://status.acme.test/other/incidents/2026-11-22-t/'],
    ['empty variables count as unset', { PHAROS_SITE: '', PHAROS_BASE: '' }, 'base: /status/', 'https://status.acme.test/status/incidents/2026-11-22-t/'],
  ])('%s', async (_, env, siteLine, url) => {
    const dir = site();
    if (siteLine) writeFileSync(join(dir, 'site.yaml'), `${readFileSync(join(dir, 'site.yaml'), 'utf8')}${siteLine}\n`);
    const run = await runCliHere(
      ['incident', 'new', '--title', 'T', '--severity', 'minor', '--affects', 'widget', '--message', 'x'],
      { PHAROS_NOW: '2026-11-22T10:00:00Z', ...env },
      dirname(dir),
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(`Page: ${url}\n`);
  });

  test('PHAROS_BASE puts a site under /status/ as site.yaml does, with no broken internal link', () => {
    const build = sharedBuild(MINIMAL, { PHAROS_BASE: '/status/' });
    expect(build.status, build.stderr).toBe(0);
    expect(readFileSync(join(build.outDir, 'incidents/index.html'), 'utf8')).toContain('href="/status/incidents/2026-11-22-cloud-down/"');
    expect(formatBroken(brokenLinks({ dist: build.outDir, site: 'https://status.acme.test/', base: '/status/' }))).toBe('');
  });

  test('a base that is not a path is a content error', async () => {
    const dir = site();
    writeFileSync(join(dir, 'site.yaml'), `${readFileSync(join(dir, 'site.yaml'), 'utf8')}base: status site\n`);
    const run = await pharos(dir, '2026-11-22T10:00:00Z', 'check');
    expect(run.stderr).toContain(
      'content/site.yaml:11 base: found "status site" (expected a path from the domain root such as "/status/": starting with "/", no spaces, "?" or "#")',
    );
    expect(run.status).toBe(1);
  });
});

test('statuses, impacts and severities are read in any letter case and written in lower case', async () => {
  const dir = site();
  const now = '2026-11-22T10:30:00Z';
  const made = await pharos(
    dir,
    now,
    'incident',
    'new',
    '--title',
    'Case',
    '--severity',
    'Minor',
    '--affects',
    'widget:Degraded_Performance',
    '--message',
    'x',
  );
  expect(made.stderr).toBe('');
  const updated = await pharos(dir, now, 'incident', 'update', '2026-11-22-case', '--status', 'Monitoring', '--message', 'y');
  expect(updated.stderr).toBe('');
  const text = readFileSync(join(dir, 'incidents/2026-11-22-case.md'), 'utf8');
  expect(text).toMatch(/severity: minor\b/);
  expect(text).toContain('impact: degraded_performance');
  expect(text).toMatch(/status: monitoring\b/);
});
