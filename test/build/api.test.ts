/**
 * Builds sites for real and reads /api/v2 as a Statuspage client would: schema-valid, with the facts
 * users see, and read over HTTP by an independent client library.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Statuspage } from 'statuspage.io';
import { API_PATHS } from '../../src/lib/api.ts';
import { MINIMAL, ROOT, listFiles, type Run, sharedBuild, loadOrThrow, DEFAULT_CONTENT } from '../helpers/fixtures.ts';
import { serveStatic, type StaticServer } from '../helpers/static-server.ts';
import { statuspageValidator as validator } from '../helpers/statuspage-schema.ts';

// JSON documents read back from the build: any shape, checked field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;
type Build = Run & { outDir: string };
const read = (build: Build, path: string): Doc => JSON.parse(readFileSync(join(build.outDir, 'api/v2', path), 'utf8'));

// Two real builds, shared by every test below: the minimal site under a base path, and the default site.
const builds: { minimal?: Build; default?: Build } = {};
beforeAll(() => {
  builds.minimal = sharedBuild(MINIMAL, { PHAROS_BASE: '/status/' });
  builds.default = sharedBuild(join(ROOT, 'content'));
});

describe('the schema is strict', () => {
  const valid = {
    page: { id: 'abcdefghijkl', name: 'Acme', url: 'https://status.acme.test/', time_zone: 'Etc/UTC', updated_at: '2026-11-22T10:00:00.000Z' },
    status: { indicator: 'none', description: 'All Systems Operational' },
  };
  test.each([
    ['a valid document', valid, true],
    ['a missing field', { ...valid, page: { ...valid.page, time_zone: undefined } }, false],
    ['an indicator outside the vocabulary', { ...valid, status: { ...valid.status, indicator: 'maintenance' } }, false],
    ['a field Statuspage does not have', { ...valid, status: { ...valid.status, color: 'green' } }, false],
    ['a time that is not ISO 8601', { ...valid, page: { ...valid.page, updated_at: '22 November 2026' } }, false],
    ['an id that is not 12 base-36 characters', { ...valid, page: { ...valid.page, id: 'ABC' } }, false],
  ])('status.json with %s: %s', (_name, doc, ok) => {
    expect(validator('status.json')(JSON.parse(JSON.stringify(doc)))).toBe(ok);
  });
});

describe.each([
  ['the minimal site under a base path', 'minimal'],
  ['the default site', 'default'],
] as const)('%s', (_name, which) => {
  let build: Build;
  beforeAll(() => {
    build = builds[which]!;
  });

  test('builds', () => {
    expect(build.stderr).not.toMatch(/error/i);
    expect(build.status).toBe(0);
  });

  test('serves exactly the Statuspage v2 documents, once, not per language', () => {
    expect(listFiles(join(build.outDir, 'api/v2')).sort()).toEqual([...API_PATHS].sort());
    expect(listFiles(build.outDir).filter((f) => f.includes('api/') && !f.startsWith('api/v2/'))).toEqual([]);
  });

  test.each([...API_PATHS])('%s matches the Statuspage schema', (path) => {
    const validate = validator(path);
    const ok = validate(read(build, path));
    expect(validate.errors ?? [], path).toEqual([]);
    expect(ok).toBe(true);
  });

  test('every document describes the same page', () => {
    const pages = API_PATHS.map((p) => JSON.stringify(read(build, p).page));
    expect(new Set(pages).size).toBe(1);
  });
});

describe('what a client of the default site sees at its pinned now', () => {
  let build: Build;
  const content = loadOrThrow(DEFAULT_CONTENT);
  beforeAll(() => {
    build = builds.default!;
  });

  test('three incidents are unresolved, the newest first', () => {
    expect(read(build, 'incidents/unresolved.json').incidents.map((i: Doc) => [i.name, i.status])).toEqual([
      ['Slow page loads in Daptiv', 'investigating'],
      [expect.stringMatching(/Projectplace/), 'identified'],
      [expect.stringMatching(/Spigit/), 'monitoring'],
    ]);
    expect(read(build, 'summary.json').incidents).toEqual(read(build, 'incidents/unresolved.json').incidents);
  });

  test('the overall status is the worst product status', () => {
    expect(read(build, 'status.json').status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
  });

  test('components include all 9 products, each with its status now', () => {
    const products = read(build, 'components.json').components.filter((x: Doc) => !x.group);
    expect(products.map((x: Doc) => x.name).sort()).toEqual(content.products.map((p) => p.name).sort());
    expect(products).toHaveLength(9);
    const status = Object.fromEntries(products.map((x: Doc) => [x.name, x.status]));
    expect(status).toMatchObject({
      'Planview Changepoint': 'under_maintenance',
      'Planview Daptiv': 'degraded_performance',
      'Planview Enterprise One': 'operational',
    });
  });

  test('the Changepoint window is active; the Enterprise One patching is upcoming; the cancelled LeanKit migration is in neither', () => {
    expect(read(build, 'scheduled-maintenances/active.json').scheduled_maintenances.map((m: Doc) => m.name)).toEqual(['Network upgrade for Changepoint']);
    const upcoming = read(build, 'scheduled-maintenances/upcoming.json').scheduled_maintenances.map((m: Doc) => m.name);
    expect(upcoming).toEqual([expect.stringMatching(/Enterprise One/)]);
    const leankit = read(build, 'scheduled-maintenances.json').scheduled_maintenances.find((m: Doc) => m.name === 'Database migration for LeanKit');
    expect(leankit).toMatchObject({ status: 'completed', resolved_at: expect.any(String) });
  });

  test('shortlinks point at the incident and maintenance pages on the site', () => {
    const inc = read(build, 'incidents.json').incidents.find((i: Doc) => i.name === 'Slow page loads in Daptiv');
    expect(inc.shortlink).toBe('https://status.planview.com/incidents/2026-11-22-daptiv-slow-page-loads/');
    expect(read(build, 'scheduled-maintenances/active.json').scheduled_maintenances[0].shortlink).toBe(
      'https://status.planview.com/maintenance/2026-11-22-changepoint-network-upgrade/',
    );
  });
});

describe('the minimal site under a base path', () => {
  let build: Build;
  beforeAll(() => {
    build = builds.minimal!;
  });

  test('page url and shortlinks include the base', () => {
    const doc = read(build, 'summary.json');
    expect(doc.page.url).toBe('https://status.acme.test/status/');
    expect(doc.incidents.map((i: Doc) => i.shortlink)).toEqual(['https://status.acme.test/status/incidents/2026-11-22-cloud-down/']);
    expect(doc.scheduled_maintenances.map((m: Doc) => m.shortlink)).toEqual(['https://status.acme.test/status/maintenance/2026-11-25-db-upgrade/']);
  });

  test('the open incident takes Cloud down: critical', () => {
    expect(read(build, 'status.json').status).toEqual({ indicator: 'critical', description: 'Major System Outage' });
  });
});

describe('an independent Statuspage client (statuspage.io) reads the default site over HTTP', () => {
  let server: StaticServer;
  let client: Statuspage;
  beforeAll(async () => {
    const build = builds.default!;
    server = await serveStatic(build.outDir);
    client = new Statuspage(read(build, 'status.json').page.id);
    client.setApiUrl(server.url);
  });
  afterAll(() => server?.close());

  test('summary and status: the page, the overall verdict and what is open now', async () => {
    const summary = await client.api.getSummary();
    expect(summary.page).toMatchObject({ name: expect.any(String), url: 'https://status.planview.com/', time_zone: expect.any(String) });
    expect(summary.status).toEqual({ indicator: 'major', description: 'Partial System Outage' });
    expect(summary.incidents.map((i) => i.name)).toEqual(['Slow page loads in Daptiv', expect.stringMatching(/Projectplace/), expect.stringMatching(/Spigit/)]);
    expect((await client.api.getStatus()).status).toEqual(summary.status);
  });

  test('components: every product with its status and its group', async () => {
    const { components } = await client.api.getComponents();
    const products = components.filter((c) => !c.group);
    expect(products).toHaveLength(9);
    expect(products.find((c) => c.name === 'Planview Changepoint')?.status).toBe('under_maintenance');
    const grouped = products.filter((p) => p.group_id !== null);
    expect(grouped.length).toBeGreaterThan(0);
    for (const c of grouped)
      expect(
        components.some((g) => g.group && g.id === c.group_id),
        c.name,
      ).toBe(true);
  });

  test('incidents: all of them, each with its updates, and the unresolved ones', async () => {
    const all = await client.api.incidents.getAll();
    const onDisk = read(builds.default!, 'incidents.json').incidents as Doc[];
    expect(all.incidents.map((i) => i.id)).toEqual(onDisk.map((i) => i.id));
    expect(all.incidents.every((i) => i.incident_updates.length > 0)).toBe(true);
    const unresolved = await client.api.incidents.getUnresolved();
    expect(unresolved.incidents.map((i) => i.status)).toEqual(['investigating', 'identified', 'monitoring']);
  });

  // statuspage.io 3.3.8 requests upcoming.json for all three of its maintenance methods (its own
  // endpoint table); the full list and the active one are checked against the schema above, and
  // the active window through the summary, which Statuspage defines as upcoming plus in progress.
  test('scheduled maintenances: the upcoming one through every maintenance method, the active one in the summary', async () => {
    const api = client.api.scheduledMaintenances;
    for (const list of [await api.getUpcoming(), await api.getAll(), await api.getActive()]) {
      expect(list.scheduled_maintenances.map((m) => [m.name, m.status])).toEqual([[expect.stringMatching(/Enterprise One/), 'scheduled']]);
    }
    const summary = await client.api.getSummary();
    expect(summary.scheduled_maintenances.map((m) => [m.name, m.status])).toContainEqual(['Network upgrade for Changepoint', 'in_progress']);
    expect(summary.scheduled_maintenances.map((m) => m.name)).not.toContain('Database migration for LeanKit');
  });
});
