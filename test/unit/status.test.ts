import { describe, expect, test } from 'vitest';
import { incidentImpact, indicatorOf, maintenanceState, overallStatus, productStatuses, type ComponentStatus } from '../../src/lib/status.ts';
import type { Incident, Impact } from '../../src/schemas/incident.ts';
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
