import { describe, expect, test } from 'vitest';
import { DOWNTIME_WEIGHT, dailyImpact, uptimeOf } from '../../src/lib/uptime-bars.ts';
import type { Incident, Impact, UpdateImpact } from '../../src/schemas/incident.ts';
import { context } from '../../src/lib/views/incidents.ts';
import { statusView } from '../../src/lib/views/status.ts';
import { DEFAULT_CONTENT, loadOrThrow } from '../helpers/fixtures.ts';

function incident(id: string, product: string, impact: Impact, started: string, resolved?: string): Incident {
  const base = {
    id,
    file: `${id}.md`,
    body: '',
    title: id,
    severity: 'minor',
    scope: 'own' as const,
    systemWide: false,
    sample: false,
    affects: [{ product, impact }],
    started,
    updates: [{ at: started, status: 'investigating' as const, message: 'm' }],
  };
  return resolved ? { ...base, resolved } : base;
}

/** The incident with an update at each time given, setting the product's impact from then on. */
function changed(inc: Incident, changes: [string, UpdateImpact][]): Incident {
  const product = inc.affects[0]!.product;
  return {
    ...inc,
    updates: [...inc.updates, ...changes.map(([at, impact]) => ({ at, status: 'identified' as const, message: 'm', affects: [{ product, impact }] }))],
  };
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
      'each day takes the impact the updates gave it: a major outage lowered overnight, back the day after while still open',
      [
        changed(incident('x', 'a', 'major_outage', '2026-11-19T15:00:00.000Z'), [
          ['2026-11-20T08:00:00.000Z', 'degraded_performance'],
          ['2026-11-21T08:00:00.000Z', 'operational'],
        ]),
      ],
      { '2026-11-19': 'major_outage', '2026-11-20': 'major_outage', '2026-11-21': 'degraded_performance' },
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

describe('uptime, weighted by impact (hand-computed cases)', () => {
  // Chicago is UTC-6 in November after the clocks went back on 2026-11-01 (a 25-hour day).
  const day = (date: string, incidents: Incident[]) => dailyImpact(incidents, 'a', NOW, ZONE).find((d) => d.date === date)!;
  const MIN = 60_000;

  test.each([
    [
      'a major outage of 2 hours counts fully',
      [incident('x', 'a', 'major_outage', '2026-11-10T16:00:00.000Z', '2026-11-10T18:00:00.000Z')],
      '2026-11-10',
      1 - 120 / 1440,
    ],
    [
      'a partial outage of 100 minutes counts at 30 %',
      [incident('x', 'a', 'partial_outage', '2026-11-10T16:00:00.000Z', '2026-11-10T17:40:00.000Z')],
      '2026-11-10',
      1 - 30 / 1440,
    ],
    [
      'degraded performance is not downtime',
      [incident('x', 'a', 'degraded_performance', '2026-11-10T16:00:00.000Z', '2026-11-10T20:00:00.000Z')],
      '2026-11-10',
      1,
    ],
    [
      'an update that lowers the impact: 60 minutes major, then 100 minutes partial at 30 %, then back while still open',
      [
        changed(incident('x', 'a', 'major_outage', '2026-11-10T16:00:00.000Z', '2026-11-10T20:00:00.000Z'), [
          ['2026-11-10T17:00:00.000Z', 'partial_outage'],
          ['2026-11-10T18:40:00.000Z', 'operational'],
        ]),
      ],
      '2026-11-10',
      1 - 90 / 1440,
    ],
    [
      'an update that raises it: 60 minutes degraded, then 30 minutes major until resolved',
      [
        changed(incident('x', 'a', 'degraded_performance', '2026-11-10T16:00:00.000Z', '2026-11-10T17:30:00.000Z'), [
          ['2026-11-10T17:00:00.000Z', 'major_outage'],
        ]),
      ],
      '2026-11-10',
      1 - 30 / 1440,
    ],
    [
      'overlapping major outages count each minute once: 10:00-11:00 and 10:30-11:30 are 90 minutes',
      [
        incident('x', 'a', 'major_outage', '2026-11-10T16:00:00.000Z', '2026-11-10T17:00:00.000Z'),
        incident('y', 'a', 'major_outage', '2026-11-10T16:30:00.000Z', '2026-11-10T17:30:00.000Z'),
      ],
      '2026-11-10',
      1 - 90 / 1440,
    ],
    [
      'where a partial and a major outage overlap the major counts: 60 major + 0.3 × 60 partial',
      [
        incident('x', 'a', 'major_outage', '2026-11-10T16:00:00.000Z', '2026-11-10T17:00:00.000Z'),
        incident('y', 'a', 'partial_outage', '2026-11-10T16:30:00.000Z', '2026-11-10T18:00:00.000Z'),
      ],
      '2026-11-10',
      1 - 78 / 1440,
    ],
    [
      'an incident crossing midnight in the site zone: 23:00-01:00 local, the first hour on the first day',
      [incident('x', 'a', 'major_outage', '2026-11-10T05:00:00.000Z', '2026-11-10T07:00:00.000Z')],
      '2026-11-09',
      1 - 60 / 1440,
    ],
    [
      '... and the second hour on the next day',
      [incident('x', 'a', 'major_outage', '2026-11-10T05:00:00.000Z', '2026-11-10T07:00:00.000Z')],
      '2026-11-10',
      1 - 60 / 1440,
    ],
    [
      'the day the clocks go back has 25 hours',
      [incident('x', 'a', 'major_outage', '2026-11-01T15:00:00.000Z', '2026-11-01T16:00:00.000Z')],
      '2026-11-01',
      1 - 60 / 1500,
    ],
    [
      'today counts up to now (04:00 local): an hour of major outage is a quarter',
      [incident('x', 'a', 'major_outage', '2026-11-22T09:00:00.000Z')],
      '2026-11-22',
      1 - 60 / 240,
    ],
    ['other products do not count', [incident('x', 'b', 'major_outage', '2026-11-10T16:00:00.000Z', '2026-11-10T18:00:00.000Z')], '2026-11-10', 1],
  ])('%s', (_name, incidents, date, expected) => {
    expect(day(date, incidents).uptime).toBeCloseTo(expected, 10);
  });

  test('maintenance is not downtime: a window is not an incident, and its status weighs nothing', () => {
    expect(DOWNTIME_WEIGHT.under_maintenance).toBe(0);
    expect(uptimeOf(dailyImpact([], 'a', NOW, ZONE))).toBe(1);
  });

  test('the 90-day figure is the same formula over the whole span: 89 days (one of 25 hours) and 4 hours of today', () => {
    const days = dailyImpact([incident('x', 'a', 'major_outage', '2026-11-10T16:00:00.000Z', '2026-11-10T18:00:00.000Z')], 'a', NOW, ZONE);
    expect(days.reduce((n, d) => n + d.span, 0) / MIN).toBe(89 * 1440 + 60 + 240);
    expect(uptimeOf(days)).toBeCloseTo(1 - 120 / (89 * 1440 + 60 + 240), 12);
  });
});

describe("a page's bars count days in the zone the page writes its times in", () => {
  test('the Projectplace outage began 05:40 in Stockholm (22:40 the day before in Chicago): the Swedish bars start it on the 22nd, the English ones on the 21st; the uptime is the same', () => {
    const site = loadOrThrow(DEFAULT_CONTENT);
    const line = (locale: string) =>
      statusView(context(site, locale, '/'))
        .groups.flatMap((g) => g.products)
        .find((p) => p.id === 'projectplace')!;
    const hit = (locale: string) =>
      line(locale)
        .days.filter((d) => d.status !== 'operational')
        .map((d) => d.date);
    expect(site.incidents.find((i) => i.id === '2026-11-22-projectplace-file-uploads-failing')?.started).toBe('2026-11-22T04:40:00.000Z');
    expect(hit('sv')).toEqual(['2026-11-22']);
    expect(hit('en')).toEqual(['2026-11-21', '2026-11-22']);
    const figure = (locale: string) => line(locale).uptime.replace(/[^\d]/g, '');
    expect(figure('sv')).toBe(figure('en'));
    expect(figure('fr')).toBe(figure('en'));
  });
});
