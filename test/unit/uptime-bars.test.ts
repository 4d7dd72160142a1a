import { describe, expect, test } from 'vitest';
import { dailyImpact } from '../../src/lib/uptime-bars.ts';
import type { Incident, Impact } from '../../src/schemas/incident.ts';

function incident(id: string, product: string, impact: Impact, started: string, resolved?: string): Incident {
  const base = {
    id,
    file: `${id}.md`,
    body: '',
    title: id,
    severity: 'minor',
    scope: 'own' as const,
    systemWide: false,
    affects: [{ product, impact }],
    started,
    updates: [{ at: started, status: 'investigating' as const, message: 'm' }],
  };
  return resolved ? { ...base, resolved } : base;
}

const NOW = '2026-11-22T10:00:00.000Z';
const ZONE = 'America/Chicago';

describe('the 90-day bar', () => {
  test('covers the last 90 local days, oldest first, ending today in the site zone', () => {
    const days = dailyImpact([], 'a', NOW, ZONE);
    expect(days).toHaveLength(90);
    expect(days[89]!.date).toBe('2026-11-22');
    expect(days[0]!.date).toBe('2026-08-25');
    expect(days.every((d) => d.worst === 'operational')).toBe(true);
  });

  test('today in the site zone can still be yesterday in UTC', () => {
    expect(dailyImpact([], 'a', '2026-11-22T03:00:00.000Z', ZONE)[89]!.date).toBe('2026-11-21');
  });

  test.each([
    ['one day', [incident('x', 'a', 'partial_outage', '2026-11-10T15:00:00.000Z', '2026-11-10T16:00:00.000Z')], { '2026-11-10': 'partial_outage' }],
    [
      'an incident crossing local midnight marks both days',
      [incident('x', 'a', 'degraded_performance', '2026-11-10T05:00:00.000Z', '2026-11-10T07:00:00.000Z')],
      { '2026-11-09': 'degraded_performance', '2026-11-10': 'degraded_performance' },
    ],
    [
      'the worst impact of the day wins',
      [
        incident('x', 'a', 'degraded_performance', '2026-11-10T15:00:00.000Z', '2026-11-10T16:00:00.000Z'),
        incident('y', 'a', 'major_outage', '2026-11-10T18:00:00.000Z', '2026-11-10T19:00:00.000Z'),
      ],
      { '2026-11-10': 'major_outage' },
    ],
    [
      'an open incident runs up to today',
      [incident('x', 'a', 'partial_outage', '2026-11-20T15:00:00.000Z')],
      { '2026-11-20': 'partial_outage', '2026-11-21': 'partial_outage', '2026-11-22': 'partial_outage' },
    ],
    ['other products do not count', [incident('x', 'b', 'major_outage', '2026-11-10T15:00:00.000Z', '2026-11-10T16:00:00.000Z')], {}],
    ['an incident older than 90 days is not shown', [incident('x', 'a', 'major_outage', '2026-05-10T15:00:00.000Z', '2026-05-10T16:00:00.000Z')], {}],
    [
      'an incident that began before the window shows from its first day',
      [incident('x', 'a', 'major_outage', '2026-08-20T15:00:00.000Z', '2026-08-26T16:00:00.000Z')],
      { '2026-08-25': 'major_outage', '2026-08-26': 'major_outage' },
    ],
  ])('%s', (_name, incidents, expected) => {
    const marked = Object.fromEntries(
      dailyImpact(incidents, 'a', NOW, ZONE)
        .filter((d) => d.worst !== 'operational')
        .map((d) => [d.date, d.worst]),
    );
    expect(marked).toEqual(expected);
  });
});
