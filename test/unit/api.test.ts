/** The Statuspage-compatible API as a client reads it: status roll-up, ids, list bounds and filters. */
import { describe, expect, test } from 'vitest';
import type { SiteContent } from '../../src/lib/content/load.ts';
import type { Impact, Incident, IncidentStatus } from '../../src/schemas/incident.ts';
import type { Maintenance } from '../../src/schemas/maintenance.ts';
import {
  API_PATHS,
  activeMaintenancesDoc,
  apiDocuments,
  componentsDoc,
  incidentsDoc,
  scheduledMaintenancesDoc,
  stableId,
  statusDoc,
  summaryDoc,
  unresolvedIncidentsDoc,
  upcomingMaintenancesDoc,
  type ApiComponent,
} from '../../src/lib/api.ts';
import { MINIMAL, loadOrThrow } from '../helpers/fixtures.ts';

const AT = { site: 'https://status.acme.test/' };

const MIN = loadOrThrow(MINIMAL);

/** An instant as content holds it (UTC, milliseconds, Z). */
const t = (s: string) => new Date(s).toISOString();
const NOW = t('2026-11-22T10:00:00Z');

function incident(id: string, affects: [string, Impact][], started: string, updates: [string, IncidentStatus][]): Incident {
  const last = updates.at(-1)!;
  return {
    id,
    file: `incidents/${id}.md`,
    body: '',
    title: { en: `Incident ${id}`, sv: `Incident ${id} (sv)` },
    severity: 'minor',
    scope: 'own',
    systemWide: false,
    affects: affects.map(([product, impact]) => ({ product, impact })),
    started: t(started),
    updates: updates.map(([at, status]) => ({ at: t(at), status, message: `Update at ${at}` })),
    ...(last[1] === 'resolved' ? { resolved: t(last[0]) } : {}),
  };
}

function window(id: string, products: string[], start: string, end: string, cancelled?: string, updates: string[] = ['2026-11-01T12:00:00Z']): Maintenance {
  return {
    id,
    file: `maintenance/${id}.md`,
    body: '',
    title: `Window ${id}`,
    products,
    window: { start: t(start), end: t(end) },
    updates: updates.map((at, i) => ({ at: t(at), message: `Notice ${i + 1}` })),
    ...(cancelled ? { cancelled: t(cancelled) } : {}),
  };
}

/** The minimal site with other incidents, maintenance or now. */
function site(over: Partial<SiteContent>): SiteContent {
  return { ...MIN, incidents: [], maintenance: [], now: NOW, ...over };
}

const statusOf = (c: SiteContent) => Object.fromEntries(componentsDoc(c, AT).components.map((x) => [x.name, x.status]));

describe('the overall status a client reads', () => {
  const open = (id: string, affects: [string, Impact][]) => incident(id, affects, '2026-11-22T09:00:00Z', [['2026-11-22T09:10:00Z', 'investigating']]);
  test.each([
    ['nothing open', [], [], 'none', 'All Systems Operational', { 'Acme Widget': 'operational', 'Acme Cloud': 'operational' }],
    [
      'a slow product',
      [open('a', [['widget', 'degraded_performance']])],
      [],
      'minor',
      'Partially Degraded Service',
      { 'Acme Widget': 'degraded_performance', 'Acme Cloud': 'operational' },
    ],
    [
      'a partial outage',
      [open('a', [['cloud', 'partial_outage']])],
      [],
      'major',
      'Partial System Outage',
      { 'Acme Widget': 'operational', 'Acme Cloud': 'partial_outage' },
    ],
    [
      'a major outage',
      [open('a', [['cloud', 'major_outage']])],
      [],
      'critical',
      'Major System Outage',
      { 'Acme Widget': 'operational', 'Acme Cloud': 'major_outage' },
    ],
    [
      'the worst impact of two incidents wins',
      [
        open('b', [['widget', 'degraded_performance']]),
        open('a', [
          ['widget', 'major_outage'],
          ['cloud', 'degraded_performance'],
        ]),
      ],
      [],
      'critical',
      'Major System Outage',
      { 'Acme Widget': 'major_outage', 'Acme Cloud': 'degraded_performance' },
    ],
    [
      'maintenance in progress alone',
      [],
      [window('m', ['widget'], '2026-11-22T09:00:00Z', '2026-11-22T11:00:00Z')],
      'none',
      'Service Under Maintenance',
      { 'Acme Widget': 'under_maintenance', 'Acme Cloud': 'operational' },
    ],
    [
      'an outage outranks maintenance on the same product',
      [open('a', [['widget', 'degraded_performance']])],
      [window('m', ['widget'], '2026-11-22T09:00:00Z', '2026-11-22T11:00:00Z')],
      'minor',
      'Partially Degraded Service',
      { 'Acme Widget': 'degraded_performance', 'Acme Cloud': 'operational' },
    ],
    [
      'a resolved incident stops counting',
      [
        incident('a', [['cloud', 'major_outage']], '2026-11-22T08:00:00Z', [
          ['2026-11-22T08:05:00Z', 'investigating'],
          ['2026-11-22T09:00:00Z', 'resolved'],
        ]),
      ],
      [],
      'none',
      'All Systems Operational',
      { 'Acme Widget': 'operational', 'Acme Cloud': 'operational' },
    ],
    [
      'upcoming maintenance changes nothing',
      [],
      [window('m', ['widget'], '2026-11-23T09:00:00Z', '2026-11-23T11:00:00Z')],
      'none',
      'All Systems Operational',
      { 'Acme Widget': 'operational', 'Acme Cloud': 'operational' },
    ],
  ] as const)('%s', (_name, incidents, maintenance, indicator, description, components) => {
    const c = site({ incidents: [...incidents], maintenance: [...maintenance] });
    expect(statusDoc(c, AT).status).toEqual({ indicator, description });
    expect(summaryDoc(c, AT).status).toEqual({ indicator, description });
    expect(statusOf(c)).toEqual(components);
  });

  test('the minimal site: its open incident takes Cloud down and Widget partly down', () => {
    expect(statusDoc(MIN, AT).status).toEqual({ indicator: 'critical', description: 'Major System Outage' });
    expect(statusOf(MIN)).toEqual({ 'Acme Widget': 'partial_outage', 'Acme Cloud': 'major_outage' });
  });

  test.each([
    ['degraded_performance', 'minor'],
    ['partial_outage', 'major'],
    ['major_outage', 'critical'],
  ] as const)('an incident with %s has impact %s', (impact, expected) => {
    const c = site({ incidents: [open('a', [['widget', impact]])] });
    expect(incidentsDoc(c, AT).incidents[0]!.impact).toBe(expected);
  });
});

describe('ids', () => {
  const everyId = (docs: Record<string, unknown>): Map<string, Set<string>> => {
    const byKind = new Map<string, Set<string>>();
    const walk = (v: unknown, kind: string) => {
      if (Array.isArray(v)) v.forEach((x) => walk(x, kind));
      else if (v && typeof v === 'object') {
        const o = v as Record<string, unknown>;
        if (typeof o.id === 'string') {
          const set = byKind.get(kind) ?? new Set();
          set.add(o.id);
          byKind.set(kind, set);
        }
        for (const [k, x] of Object.entries(o)) walk(x, k);
      }
    };
    for (const doc of Object.values(docs)) walk(doc, 'root');
    return byKind;
  };

  test('two loads of the same content give byte-identical documents', () => {
    expect(JSON.stringify(apiDocuments(loadOrThrow(MINIMAL), AT))).toBe(JSON.stringify(apiDocuments(loadOrThrow(MINIMAL), AT)));
  });

  test('every id is 12 lower-case base-36 characters, and no two things share one', () => {
    const c = site({
      incidents: [
        incident('b', [['widget', 'partial_outage']], '2026-11-21T09:00:00Z', [
          ['2026-11-21T09:10:00Z', 'investigating'],
          ['2026-11-21T09:20:00Z', 'identified'],
          ['2026-11-21T10:00:00Z', 'resolved'],
        ]),
        incident('a', [['cloud', 'major_outage']], '2026-11-20T09:00:00Z', [
          ['2026-11-20T09:10:00Z', 'investigating'],
          ['2026-11-20T10:00:00Z', 'resolved'],
        ]),
      ],
      maintenance: [
        window('a', ['widget', 'cloud'], '2026-11-23T09:00:00Z', '2026-11-23T11:00:00Z', undefined, ['2026-11-01T12:00:00Z', '2026-11-02T12:00:00Z']),
      ],
    });
    const all: string[] = [];
    for (const set of everyId(apiDocuments(c, AT)).values()) all.push(...set);
    expect(all.every((id) => /^[a-z0-9]{12}$/.test(id))).toBe(true);
    // page 1 + components 2 + incidents 2 + their updates 5 + maintenance 1 + its updates 2
    expect(new Set(all).size).toBe(13);
  });

  test('ids are hashed from content ids, not from positions or the clock', () => {
    const before = incidentsDoc(MIN, AT).incidents.find((i) => i.name === 'Cloud sign-in fails')!;
    const extra = incident('2026-11-22-zzz', [['widget', 'degraded_performance']], '2026-11-22T09:30:00Z', [['2026-11-22T09:40:00Z', 'investigating']]);
    const later = { ...MIN, incidents: [extra, ...MIN.incidents], now: t('2026-12-01T00:00:00Z') };
    const after = incidentsDoc(later, AT).incidents.find((i) => i.name === 'Cloud sign-in fails')!;
    expect(after.id).toBe(before.id);
    expect(after.incident_updates.map((u) => u.id)).toEqual(before.incident_updates.map((u) => u.id));
    expect(componentsDoc(later, AT).components.map((x) => x.id)).toEqual(componentsDoc(MIN, AT).components.map((x) => x.id));
  });

  test('the hash is pinned: a published id never changes with a new release of Pharos', () => {
    expect(stableId('incident:2026-11-22-cloud-down')).toBe(incidentsDoc(MIN, AT).incidents[0]!.id);
    expect(stableId('incident:2026-11-22-cloud-down')).toBe('mfet0v0n1fxv');
  });

  test('the page id comes from the site URL', () => {
    expect(statusDoc(MIN, AT).page.id).not.toBe(statusDoc(MIN, { site: 'https://status.other.test/' }).page.id);
    expect(statusDoc(MIN, AT).page).toEqual({
      id: stableId('page:https://status.acme.test/'),
      name: 'Acme Status',
      url: 'https://status.acme.test/',
      time_zone: 'Europe/Stockholm',
      updated_at: t('2026-11-22T09:05:00Z'),
    });
  });
});

describe('lists', () => {
  /** `n` open incidents an hour apart, newest first, named i<n> down to i01. */
  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => {
      const k = n - i;
      const at = new Date(Date.parse('2026-09-01T00:00:00Z') + k * 3_600_000).toISOString();
      return incident(`i${String(k).padStart(2, '0')}`, [['widget', 'degraded_performance']], at, [[at, 'investigating']]);
    });

  test('incidents.json keeps the 50 most recent; unresolved.json keeps every open one', () => {
    const c = site({ incidents: many(60) });
    const list = incidentsDoc(c, AT).incidents;
    expect(list).toHaveLength(50);
    expect(list[0]!.name).toBe('Incident i60');
    expect(list.at(-1)!.name).toBe('Incident i11');
    expect(unresolvedIncidentsDoc(c, AT).incidents).toHaveLength(60);
  });

  test('scheduled-maintenances.json keeps the 50 latest windows', () => {
    const windows = Array.from({ length: 55 }, (_, i) => {
      const start = new Date(Date.parse('2026-01-01T00:00:00Z') + (55 - i) * 86_400_000);
      return window(`w${55 - i}`, ['widget'], start.toISOString(), new Date(start.getTime() + 3_600_000).toISOString());
    });
    const list = scheduledMaintenancesDoc(site({ maintenance: windows }), AT).scheduled_maintenances;
    expect(list).toHaveLength(50);
    expect(list[0]!.name).toBe('Window w55');
    expect(list.every((m) => m.status === 'completed')).toBe(true);
  });

  test('summary.json has Statuspage keys in order: open incidents, upcoming and active maintenance', () => {
    const c = site({
      incidents: [
        many(1)[0]!,
        incident('old', [['cloud', 'major_outage']], '2026-11-01T00:00:00Z', [
          ['2026-11-01T00:10:00Z', 'investigating'],
          ['2026-11-01T01:00:00Z', 'resolved'],
        ]),
      ],
      maintenance: [
        window('later', ['widget'], '2026-11-30T09:00:00Z', '2026-11-30T10:00:00Z'),
        window('soon', ['cloud'], '2026-11-23T09:00:00Z', '2026-11-23T10:00:00Z'),
        window('now', ['widget'], '2026-11-22T09:00:00Z', '2026-11-22T11:00:00Z'),
        window('done', ['widget'], '2026-11-10T09:00:00Z', '2026-11-10T10:00:00Z'),
      ],
    });
    const s = summaryDoc(c, AT);
    expect(Object.keys(s)).toEqual(['page', 'components', 'incidents', 'scheduled_maintenances', 'status']);
    expect(s.incidents.map((i) => i.name)).toEqual(['Incident i01']);
    expect(s.scheduled_maintenances.map((m) => [m.name, m.status])).toEqual([
      ['Window now', 'in_progress'],
      ['Window soon', 'scheduled'],
      ['Window later', 'scheduled'],
    ]);
  });
});

describe('filters at their boundaries', () => {
  const W = ['2026-11-22T10:00:00Z', '2026-11-22T12:00:00Z'] as const;
  test.each([
    ['a millisecond before the start', '2026-11-22T09:59:59.999Z', 'scheduled', { upcoming: 1, active: 0 }, null],
    ['the start is now', '2026-11-22T10:00:00Z', 'in_progress', { upcoming: 0, active: 1 }, null],
    ['a millisecond before the end', '2026-11-22T11:59:59.999Z', 'in_progress', { upcoming: 0, active: 1 }, null],
    ['the end is now', '2026-11-22T12:00:00Z', 'completed', { upcoming: 0, active: 0 }, '2026-11-22T12:00:00.000Z'],
  ] as const)('%s: %s', (_name, now, status, lists, resolvedAt) => {
    const c = site({ maintenance: [window('w', ['widget'], ...W)], now: t(now) });
    const m = scheduledMaintenancesDoc(c, AT).scheduled_maintenances[0]!;
    expect(m.status).toBe(status);
    expect(m.resolved_at).toBe(resolvedAt);
    expect({
      upcoming: upcomingMaintenancesDoc(c, AT).scheduled_maintenances.length,
      active: activeMaintenancesDoc(c, AT).scheduled_maintenances.length,
    }).toEqual(lists);
    expect(statusOf(c)['Acme Widget']).toBe(status === 'in_progress' ? 'under_maintenance' : 'operational');
  });

  test('a cancelled window is neither upcoming nor active, and is listed as completed by its last notice', () => {
    const m = window('w', ['widget'], '2026-11-22T09:00:00Z', '2026-11-22T12:00:00Z', '2026-11-21T08:00:00Z', ['2026-11-01T12:00:00Z', '2026-11-21T08:00:00Z']);
    const c = site({ maintenance: [m] });
    expect(upcomingMaintenancesDoc(c, AT).scheduled_maintenances).toEqual([]);
    expect(activeMaintenancesDoc(c, AT).scheduled_maintenances).toEqual([]);
    expect(summaryDoc(c, AT).scheduled_maintenances).toEqual([]);
    expect(statusOf(c)['Acme Widget']).toBe('operational');
    const listed = scheduledMaintenancesDoc(c, AT).scheduled_maintenances[0]!;
    expect(listed).toMatchObject({ status: 'completed', resolved_at: t('2026-11-21T08:00:00Z'), updated_at: t('2026-11-21T08:00:00Z') });
    expect(listed.incident_updates.map((u) => [u.body, u.status])).toEqual([
      ['Notice 2', 'completed'],
      ['Notice 1', 'scheduled'],
    ]);
  });

  test.each([
    ['resolved a minute ago', '2026-11-22T09:59:00Z', 0],
    ['resolved exactly now', '2026-11-22T10:00:00Z', 0],
  ])('an incident %s is not unresolved', (_name, resolvedAt, count) => {
    const c = site({
      incidents: [
        incident('a', [['widget', 'major_outage']], '2026-11-22T09:00:00Z', [
          ['2026-11-22T09:05:00Z', 'investigating'],
          [resolvedAt, 'resolved'],
        ]),
      ],
    });
    expect(unresolvedIncidentsDoc(c, AT).incidents).toHaveLength(count);
    expect(incidentsDoc(c, AT).incidents[0]).toMatchObject({ status: 'resolved', resolved_at: t(resolvedAt) });
  });
});

describe('an incident as Statuspage shows it', () => {
  const c = site({
    incidents: [
      {
        ...incident(
          'a',
          [
            ['widget', 'partial_outage'],
            ['cloud', 'degraded_performance'],
          ],
          '2026-11-22T08:00:00Z',
          [
            ['2026-11-22T08:10:00Z', 'investigating'],
            ['2026-11-22T08:40:00Z', 'monitoring'],
            ['2026-11-22T09:00:00Z', 'identified'],
          ],
        ),
        title: { en: 'Uploads fail', sv: 'Uppladdningar misslyckas' },
      },
    ],
  });
  c.incidents[0]!.updates[0]!.message = { en: 'We are **investigating**. See [the portal](https://support.acme.test/).', sv: 'Vi undersöker.' };
  const inc = incidentsDoc(c, AT).incidents[0]!;

  test('its status is its latest update, with updates newest first', () => {
    expect(inc.status).toBe('identified');
    expect(inc.incident_updates.map((u) => u.status)).toEqual(['identified', 'monitoring', 'investigating']);
    expect(inc.monitoring_at).toBe(t('2026-11-22T08:40:00Z'));
    expect(inc).toMatchObject({
      created_at: t('2026-11-22T08:10:00Z'),
      started_at: t('2026-11-22T08:00:00Z'),
      updated_at: t('2026-11-22T09:00:00Z'),
      resolved_at: null,
    });
  });

  test('text is in the default language, bodies are plain text', () => {
    expect(inc.name).toBe('Uploads fail');
    expect(inc.incident_updates.at(-1)!.body).toBe('We are investigating. See the portal.');
  });

  test('the first update lists the components it took down; the incident lists them as they are now', () => {
    expect(inc.incident_updates.at(-1)!.affected_components).toEqual([
      { code: stableId('component:widget'), name: 'Acme Widget', old_status: 'operational', new_status: 'partial_outage' },
      { code: stableId('component:cloud'), name: 'Acme Cloud', old_status: 'operational', new_status: 'degraded_performance' },
    ]);
    expect(inc.incident_updates[0]!.affected_components).toBeNull();
    expect(inc.components.map((x) => [x.name, x.status])).toEqual([
      ['Acme Widget', 'partial_outage'],
      ['Acme Cloud', 'degraded_performance'],
    ]);
  });

  test('an update that changes impacts lists the components it changed, from what they were to what they are; the resolution clears the rest', () => {
    const changing = site({
      incidents: [
        incident(
          'b',
          [
            ['widget', 'major_outage'],
            ['cloud', 'partial_outage'],
          ],
          '2026-11-22T08:00:00Z',
          [
            ['2026-11-22T08:10:00Z', 'identified'],
            ['2026-11-22T08:40:00Z', 'monitoring'],
            ['2026-11-22T08:50:00Z', 'monitoring'],
            ['2026-11-22T09:00:00Z', 'resolved'],
          ],
        ),
      ],
    });
    const b = changing.incidents[0]!;
    b.updates[1]!.affects = [
      { product: 'widget', impact: 'degraded_performance' },
      { product: 'cloud', impact: 'operational' },
    ];
    b.resolved = b.updates[3]!.at;
    const doc = incidentsDoc(changing, AT).incidents[0]!;
    const byUpdate = [...doc.incident_updates].reverse().map((u) => u.affected_components?.map((x) => [x.name, x.old_status, x.new_status]) ?? null);
    expect(byUpdate).toEqual([
      [
        ['Acme Widget', 'operational', 'major_outage'],
        ['Acme Cloud', 'operational', 'partial_outage'],
      ],
      [
        ['Acme Widget', 'major_outage', 'degraded_performance'],
        ['Acme Cloud', 'partial_outage', 'operational'],
      ],
      null,
      [['Acme Widget', 'degraded_performance', 'operational']],
    ]);
    // Its impact is the worst it had.
    expect(doc.impact).toBe('critical');
    // A component's updated_at is its last real change: an update restating an impact is none.
    const { resolved: _, ...open0 } = b;
    const restated = {
      ...open0,
      updates: [b.updates[0]!, b.updates[1]!, { ...b.updates[2]!, affects: [{ product: 'cloud' as const, impact: 'operational' as const }] }],
    };
    const open = componentsDoc({ ...changing, incidents: [restated] }, AT).components;
    expect(open.map((x) => [x.name, x.status, x.updated_at])).toContainEqual(['Acme Cloud', 'operational', t('2026-11-22T08:40:00Z')]);
  });

  test.each([
    [{ site: 'https://status.acme.test/' }, 'https://status.acme.test/incidents/a/'],
    [{ site: 'https://status.acme.test/', base: '/status/' }, 'https://status.acme.test/status/incidents/a/'],
    [{ site: new URL('https://acme.test/'), base: '/status' }, 'https://acme.test/status/incidents/a/'],
  ])('its shortlink is its page on the site (%o)', (at, link) => {
    expect(incidentsDoc(c, at).incidents[0]!.shortlink).toBe(link);
  });

  test('every time is ISO 8601 in UTC with Z', () => {
    const times: string[] = [];
    const walk = (v: unknown, key = '') => {
      if (Array.isArray(v)) v.forEach((x) => walk(x));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
      else if (/_at$|^scheduled_/.test(key) && v !== null) times.push(String(v));
    };
    walk(apiDocuments(MIN, AT));
    expect(times.length).toBeGreaterThan(10);
    expect(times.filter((x) => !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(x))).toEqual([]);
  });
});

describe('a maintenance window speaks with one voice: its latest update says what its status says', () => {
  const W = ['2026-11-22T10:00:00Z', '2026-11-22T12:00:00Z'] as const;
  const begun = {
    id: stableId('maintenance-update:w:automatic-in_progress'),
    status: 'in_progress',
    body: 'The scheduled maintenance has begun.',
    display_at: t(W[0]),
    created_at: t(W[0]),
  };
  const completed = {
    id: stableId('maintenance-update:w:automatic-completed'),
    status: 'completed',
    body: 'The scheduled maintenance has been completed.',
    display_at: t(W[1]),
    created_at: t(W[1]),
  };
  const planned = { body: 'Notice 1', status: 'scheduled' };
  const staffDuring = { body: 'Notice 2', status: 'in_progress' };
  test.each<[string, string[], string | undefined, string, string, object[]]>([
    ['before the start', [], undefined, '2026-11-22T09:00:00Z', 'scheduled', [planned]],
    ['at the start, no notice since', [], undefined, '2026-11-22T10:00:00Z', 'in_progress', [begun, planned]],
    ['during, no notice since the start', [], undefined, '2026-11-22T11:00:00Z', 'in_progress', [begun, planned]],
    ['during, with a staff notice since the start', ['2026-11-22T10:05:00Z'], undefined, '2026-11-22T11:00:00Z', 'in_progress', [staffDuring, planned]],
    ['after the end', [], undefined, '2026-11-22T13:00:00Z', 'completed', [completed, begun, planned]],
    [
      'after the end, with a staff notice during it',
      ['2026-11-22T10:05:00Z'],
      undefined,
      '2026-11-22T13:00:00Z',
      'completed',
      [completed, staffDuring, planned],
    ],
    [
      'after the end, with a staff notice after it',
      ['2026-11-22T12:30:00Z'],
      undefined,
      '2026-11-22T13:00:00Z',
      'completed',
      [{ body: 'Notice 2', status: 'completed', display_at: t('2026-11-22T12:30:00Z') }, begun, planned],
    ],
    [
      'cancelled, after its end',
      ['2026-11-21T08:00:00Z'],
      '2026-11-21T08:00:00Z',
      '2026-11-22T13:00:00Z',
      'completed',
      [{ body: 'Notice 2', status: 'completed' }, planned],
    ],
  ])('%s', (_name, later, cancelled, now, status, updates) => {
    const c = site({ maintenance: [window('w', ['widget'], ...W, cancelled, ['2026-11-01T12:00:00Z', ...later])], now: t(now) });
    const m = scheduledMaintenancesDoc(c, AT).scheduled_maintenances[0]!;
    expect(m.status).toBe(status);
    expect(m.incident_updates).toHaveLength(updates.length);
    m.incident_updates.forEach((u, i) => expect(u, `update ${i}`).toMatchObject(updates[i]!));
    // summary.json and active.json carry the same document for a window they list.
    const listed = [...summaryDoc(c, AT).scheduled_maintenances, ...activeMaintenancesDoc(c, AT).scheduled_maintenances];
    for (const x of listed) expect(x).toEqual(m);
  });

  test('an automatic update keeps its id from one build to the next, and the id is pinned', () => {
    const at = (now: string) =>
      scheduledMaintenancesDoc(site({ maintenance: [window('2026-11-22-db', ['widget'], ...W)], now: t(now) }), AT).scheduled_maintenances[0]!;
    const during = at('2026-11-22T11:00:00Z').incident_updates.find((u) => u.status === 'in_progress')!;
    const after = at('2026-11-23T00:00:00Z').incident_updates.find((u) => u.status === 'in_progress')!;
    expect(after).toEqual(during);
    expect(during.id).toBe(stableId('maintenance-update:2026-11-22-db:automatic-in_progress'));
    expect(during.id).toBe('bxtp257twwbb');
  });
});

describe('components', () => {
  test('products keep content order; a product group becomes a Statuspage group with the worst member status', () => {
    const products = [
      { ...MIN.products[0]!, id: 'a', name: 'A', group: { en: 'Core', sv: 'Kärna' } },
      { ...MIN.products[1]!, id: 'b', name: 'B' },
      { ...MIN.products[0]!, id: 'c', name: 'C', group: 'Core' },
    ];
    const c = site({ products, incidents: [incident('x', [['c', 'partial_outage']], '2026-11-22T09:00:00Z', [['2026-11-22T09:05:00Z', 'identified']])] });
    const list = componentsDoc(c, AT).components;
    const pick = (x: ApiComponent) => [x.name, x.status, x.position, x.group, x.group_id === null ? null : list.find((g) => g.id === x.group_id)!.name];
    expect(list.map(pick)).toEqual([
      ['Core', 'partial_outage', 1, true, null],
      ['A', 'operational', 1, false, 'Core'],
      ['C', 'partial_outage', 2, false, 'Core'],
      ['B', 'operational', 2, false, null],
    ]);
    expect(list[0]!.components).toEqual([stableId('component:a'), stableId('component:c')]);
    expect(list[1]!.components).toBeUndefined();
  });

  test('a component was last updated when its status last changed', () => {
    const c = site({
      incidents: [
        incident('a', [['cloud', 'major_outage']], '2026-11-20T08:00:00Z', [
          ['2026-11-20T08:05:00Z', 'investigating'],
          ['2026-11-20T09:00:00Z', 'resolved'],
        ]),
      ],
      maintenance: [window('m', ['widget'], '2026-11-22T09:00:00Z', '2026-11-22T11:00:00Z')],
    });
    const byName = Object.fromEntries(componentsDoc(c, AT).components.map((x) => [x.name, x]));
    expect(byName['Acme Cloud']!.updated_at).toBe(t('2026-11-20T09:00:00Z'));
    expect(byName['Acme Widget']!.updated_at).toBe(t('2026-11-22T09:00:00Z'));
  });
});

test('every document path is built', () => {
  expect(Object.keys(apiDocuments(MIN, AT)).sort()).toEqual([...API_PATHS].sort());
});
