import { describe, expect, test } from 'vitest';
import {
  announcedImpacts,
  impactStretches,
  incidentImpact,
  indicatorOf,
  maintenanceState,
  overallStatus,
  productStatuses,
  shownImpacts,
  type ComponentStatus,
} from '../../src/lib/status.ts';
import type { Incident, Impact, UpdateImpact } from '../../src/schemas/incident.ts';
import type { Maintenance } from '../../src/schemas/maintenance.ts';

const products = ['a', 'b', 'c'].map((id) => ({ id })) as never[];
const NOW = '2026-11-22T10:00:00.000Z';

function incident(affects: [string, Impact][], resolved?: string): Incident {
  const base = {
    id: affects.map((a) => a.join('-')).join('_'),
    file: 'x.md',
    body: '',
    title: 't',
    severity: 'critical',
    scope: 'own' as const,
    systemWide: false,
    affects: affects.map(([product, impact]) => ({ product, impact })),
    started: '2026-11-22T08:00:00.000Z',
    updates: [{ at: '2026-11-22T08:10:00.000Z', status: 'investigating' as const, message: 'm' }],
  };
  return resolved ? { ...base, resolved } : base;
}

function window(productIds: string[], start: string, end: string, cancelled?: string): Maintenance {
  const base = { id: 'm', file: 'm.md', body: '', title: 't', products: productIds, window: { start, end }, updates: [] };
  return cancelled ? { ...base, cancelled } : base;
}

describe('status roll-up', () => {
  test.each<[string, Incident[], Maintenance[], Record<string, ComponentStatus>]>([
    ['nothing open: all operational', [], [], { a: 'operational', b: 'operational', c: 'operational' }],
    [
      'the worst impact on a product wins',
      [
        incident([['a', 'degraded_performance']]),
        incident([
          ['a', 'major_outage'],
          ['b', 'partial_outage'],
        ]),
      ],
      [],
      { a: 'major_outage', b: 'partial_outage', c: 'operational' },
    ],
    [
      'a resolved incident stops counting',
      [incident([['a', 'major_outage']], '2026-11-22T09:00:00.000Z')],
      [],
      { a: 'operational', b: 'operational', c: 'operational' },
    ],
    [
      'maintenance in progress shows under_maintenance',
      [],
      [window(['b'], '2026-11-22T09:00:00.000Z', '2026-11-22T12:00:00.000Z')],
      { a: 'operational', b: 'under_maintenance', c: 'operational' },
    ],
    [
      'an outage outranks maintenance on the same product',
      [incident([['b', 'degraded_performance']])],
      [window(['b'], '2026-11-22T09:00:00.000Z', '2026-11-22T12:00:00.000Z')],
      { a: 'operational', b: 'degraded_performance', c: 'operational' },
    ],
    [
      'upcoming and completed maintenance do not count',
      [],
      [window(['a'], '2026-11-23T09:00:00.000Z', '2026-11-23T12:00:00.000Z'), window(['b'], '2026-11-21T09:00:00.000Z', '2026-11-21T12:00:00.000Z')],
      { a: 'operational', b: 'operational', c: 'operational' },
    ],
    [
      'a cancelled window does not count',
      [],
      [window(['c'], '2026-11-22T09:00:00.000Z', '2026-11-22T12:00:00.000Z', '2026-11-20T00:00:00.000Z')],
      { a: 'operational', b: 'operational', c: 'operational' },
    ],
  ])('%s', (_name, incidents, maintenance, expected) => {
    expect(Object.fromEntries(productStatuses({ products, incidents, maintenance }, NOW))).toEqual(expected);
  });

  test.each<[ComponentStatus[], ComponentStatus, string]>([
    [['operational', 'operational'], 'operational', 'none'],
    [['operational', 'under_maintenance'], 'under_maintenance', 'none'],
    [['degraded_performance', 'under_maintenance'], 'degraded_performance', 'minor'],
    [['partial_outage', 'degraded_performance'], 'partial_outage', 'major'],
    [['major_outage', 'partial_outage'], 'major_outage', 'critical'],
  ])('overall of %j is %s (indicator %s)', (statuses, overall, indicator) => {
    const map = new Map(statuses.map((s, i) => [String(i), s]));
    expect(overallStatus(map)).toBe(overall);
    expect(indicatorOf(overallStatus(map))).toBe(indicator);
  });

  test("an incident's impact is its worst effect", () => {
    expect(
      incidentImpact(
        incident([
          ['a', 'degraded_performance'],
          ['b', 'partial_outage'],
        ]),
      ),
    ).toBe('major');
  });

  test.each([
    ['2026-11-22T08:59:59.000Z', 'scheduled'],
    ['2026-11-22T09:00:00.000Z', 'in_progress'],
    ['2026-11-22T11:59:59.000Z', 'in_progress'],
    ['2026-11-22T12:00:00.000Z', 'completed'],
  ])('maintenance state at %s is %s', (now, state) => {
    expect(maintenanceState(window(['a'], '2026-11-22T09:00:00.000Z', '2026-11-22T12:00:00.000Z'), now)).toBe(state);
  });
});

describe("a product's impact changes with the updates", () => {
  /** An incident on a and b that began 08:00 with a major outage on a and a partial one on b; updates as given. */
  function changing(
    updates: { at: string; status?: 'identified' | 'monitoring' | 'resolved'; affects?: [string, UpdateImpact][] }[],
    resolved?: string,
  ): Incident {
    const inc = incident([
      ['a', 'major_outage'],
      ['b', 'partial_outage'],
    ]);
    inc.updates = updates.map((u) => ({
      at: u.at,
      status: u.status ?? 'identified',
      message: 'm',
      ...(u.affects ? { affects: u.affects.map(([product, impact]) => ({ product, impact })) } : {}),
    }));
    return resolved ? { ...inc, resolved } : inc;
  }
  const steps = changing([
    { at: '2026-11-22T08:10:00.000Z' },
    { at: '2026-11-22T09:00:00.000Z', affects: [['a', 'degraded_performance']] },
    { at: '2026-11-22T09:30:00.000Z', status: 'monitoring', affects: [['b', 'operational']] },
  ]);
  const statusAt = (inc: Incident, at: string) => Object.fromEntries(productStatuses({ products, incidents: [inc], maintenance: [] }, at));

  test('the status page shows each product as the updates posted by then left it', () => {
    expect(statusAt(steps, '2026-11-22T08:30:00.000Z')).toEqual({ a: 'major_outage', b: 'partial_outage', c: 'operational' });
    // From the update's own minute on.
    expect(statusAt(steps, '2026-11-22T09:00:00.000Z')).toEqual({ a: 'degraded_performance', b: 'partial_outage', c: 'operational' });
    // A product back while the incident goes on is operational.
    expect(statusAt(steps, NOW)).toEqual({ a: 'degraded_performance', b: 'operational', c: 'operational' });
  });

  test('a later update can make it worse again; the resolution clears every product', () => {
    const worse = changing([
      { at: '2026-11-22T08:10:00.000Z', affects: [['a', 'degraded_performance']] },
      { at: '2026-11-22T09:00:00.000Z', affects: [['a', 'major_outage']] },
    ]);
    expect(statusAt(worse, '2026-11-22T08:30:00.000Z').a).toBe('degraded_performance');
    expect(statusAt(worse, NOW).a).toBe('major_outage');
    const resolved = changing(
      [
        { at: '2026-11-22T08:10:00.000Z', affects: [['a', 'degraded_performance']] },
        { at: '2026-11-22T09:00:00.000Z', status: 'resolved' },
      ],
      '2026-11-22T09:00:00.000Z',
    );
    expect(statusAt(resolved, NOW)).toEqual({ a: 'operational', b: 'operational', c: 'operational' });
  });

  test('pages show the impacts now while open, and how each product was hit at worst once resolved', () => {
    expect(shownImpacts(steps, NOW)).toEqual([
      { product: 'a', impact: 'degraded_performance' },
      { product: 'b', impact: 'operational' },
    ]);
    const resolved = changing(
      [
        { at: '2026-11-22T08:10:00.000Z', affects: [['a', 'degraded_performance']] },
        { at: '2026-11-22T08:40:00.000Z', affects: [['b', 'major_outage']] },
        { at: '2026-11-22T09:00:00.000Z', status: 'resolved' },
      ],
      '2026-11-22T09:00:00.000Z',
    );
    expect(shownImpacts(resolved, NOW)).toEqual([
      { product: 'a', impact: 'major_outage' },
      { product: 'b', impact: 'major_outage' },
    ]);
    // Statuspage's incident impact is the worst of the whole incident, a raise by an update included.
    expect(incidentImpact(resolved)).toBe('critical');
  });

  test('each update announces the impacts it left; the resolution, the worst', () => {
    expect(announcedImpacts(steps, 0)).toEqual([
      { product: 'a', impact: 'major_outage' },
      { product: 'b', impact: 'partial_outage' },
    ]);
    expect(announcedImpacts(steps, 2)).toEqual([
      { product: 'a', impact: 'degraded_performance' },
      { product: 'b', impact: 'operational' },
    ]);
    const resolved = changing(
      [
        { at: '2026-11-22T08:10:00.000Z', affects: [['a', 'operational']] },
        { at: '2026-11-22T09:00:00.000Z', status: 'resolved' },
      ],
      '2026-11-22T09:00:00.000Z',
    );
    expect(announcedImpacts(resolved, 1)).toEqual([
      { product: 'a', impact: 'major_outage' },
      { product: 'b', impact: 'partial_outage' },
    ]);
  });

  test('a resolution ends every impact: an update that reopens the incident starts again from the impacts it began with', () => {
    const reopened = changing([
      { at: '2026-11-22T08:10:00.000Z', affects: [['a', 'operational']] },
      { at: '2026-11-22T08:30:00.000Z', status: 'resolved' },
      { at: '2026-11-22T09:00:00.000Z' },
      { at: '2026-11-22T09:20:00.000Z', affects: [['b', 'degraded_performance']] },
    ]);
    expect(statusAt(reopened, '2026-11-22T08:20:00.000Z')).toEqual({ a: 'operational', b: 'partial_outage', c: 'operational' });
    expect(statusAt(reopened, NOW)).toEqual({ a: 'major_outage', b: 'degraded_performance', c: 'operational' });
    // The bars: operational from the resolution until the reopening, then as it began.
    expect(impactStretches(reopened, 'a')).toEqual([
      { from: '2026-11-22T08:00:00.000Z', impact: 'major_outage' },
      { from: '2026-11-22T08:10:00.000Z', impact: 'operational' },
      { from: '2026-11-22T09:00:00.000Z', impact: 'major_outage' },
    ]);
    expect(impactStretches(reopened, 'b')).toEqual([
      { from: '2026-11-22T08:00:00.000Z', impact: 'partial_outage' },
      { from: '2026-11-22T08:30:00.000Z', impact: 'operational' },
      { from: '2026-11-22T09:00:00.000Z', impact: 'partial_outage' },
      { from: '2026-11-22T09:20:00.000Z', impact: 'degraded_performance' },
    ]);
  });

  test("one product's stretches: a new one only where its impact changes", () => {
    const same = changing([
      { at: '2026-11-22T08:10:00.000Z', affects: [['a', 'major_outage']] },
      { at: '2026-11-22T09:00:00.000Z', affects: [['a', 'partial_outage']] },
    ]);
    expect(impactStretches(same, 'a')).toEqual([
      { from: '2026-11-22T08:00:00.000Z', impact: 'major_outage' },
      { from: '2026-11-22T09:00:00.000Z', impact: 'partial_outage' },
    ]);
    expect(impactStretches(same, 'b')).toEqual([{ from: '2026-11-22T08:00:00.000Z', impact: 'partial_outage' }]);
    expect(impactStretches(same, 'c')).toEqual([]);
  });

  test('over ten thousand updates, each announces the impact it set', () => {
    const many = changing(
      Array.from({ length: 10_000 }, (_, i) => ({
        at: new Date(Date.parse('2026-11-22T08:01:00.000Z') + i * 1000).toISOString(),
        affects: [['a', i % 2 ? 'partial_outage' : 'degraded_performance'] as [string, UpdateImpact]],
      })),
    );
    // Every update's impacts, read the way the updates feed reads them.
    for (let i = 0; i < many.updates.length; i++) expect(announcedImpacts(many, i)[0]!.impact).toBe(i % 2 ? 'partial_outage' : 'degraded_performance');
    // And the status at each update's own second, read the way notify reads it.
    for (let i = 0; i < many.updates.length; i += 997) expect(statusAt(many, many.updates[i]!.at).a).toBe(i % 2 ? 'partial_outage' : 'degraded_performance');
  });
});
