import { describe, expect, test } from 'vitest';
import { addBusinessDays, dueAt, isClosed, type BusinessCalendar } from '../../src/lib/business-time.ts';
import { incidentClock, nextUpdateDue, slaClock } from '../../src/lib/sla.ts';
import { TARGET_KEYS, targetWords } from '../../src/lib/targets.ts';
import { TargetSchema } from '../../src/schemas/common.ts';
import type { Incident, IncidentStatus } from '../../src/schemas/incident.ts';
import type { SeverityLevel } from '../../src/schemas/severities.ts';

const chicago: BusinessCalendar = { zone: 'America/Chicago', workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], closures: [{ date: '2026-11-26' }] };
const target = (t: unknown) => TargetSchema.parse(t);

describe('business days', () => {
  test.each([
    ['Tuesday 10:00 + 2 = Thursday 10:00', '2026-11-17T16:00:00Z', 2, '2026-11-19T16:00:00.000Z'],
    ['Friday 10:00 + 2 skips the weekend: Tuesday 10:00', '2026-11-20T16:00:00Z', 2, '2026-11-24T16:00:00.000Z'],
    ['Tuesday + 2 skips Thanksgiving (a closure): Friday', '2026-11-24T16:00:00Z', 2, '2026-11-27T16:00:00.000Z'],
    ['Saturday counts from Monday 00:00: + 1 = Tuesday 00:00', '2026-11-21T16:00:00Z', 1, '2026-11-24T06:00:00.000Z'],
    ['across the US spring-forward, the wall-clock time is kept (10:00 CST -> 10:00 CDT)', '2026-03-06T16:00:00Z', 2, '2026-03-10T15:00:00.000Z'],
    ['across the US fall-back (10:00 CDT -> 10:00 CST)', '2026-10-30T15:00:00Z', 1, '2026-11-02T16:00:00.000Z'],
  ])('%s', (_name, start, n, due) => {
    expect(addBusinessDays(start, n, chicago)).toBe(due);
  });

  test('Europe/Berlin spring-forward two weeks after the US one keeps 09:00 local', () => {
    const berlin: BusinessCalendar = { zone: 'Europe/Berlin', workdays: ['mon', 'tue', 'wed', 'thu', 'fri'], closures: [] };
    expect(addBusinessDays('2026-03-27T08:00:00Z', 1, berlin)).toBe('2026-03-30T07:00:00.000Z');
  });

  // Every closure the check allows (at most 366 days each), chained over twelve years, with one
  // working day a week and the longest target: the count still ends (it gave up after ten years).
  test('the longest business-day target across years of back-to-back closures still falls due', () => {
    const closures = Array.from({ length: 12 }, (_, i) => ({ date: `${2026 + i}-01-01`, until: `${2026 + i}-12-31` }));
    const sundays: BusinessCalendar = { zone: 'UTC', workdays: ['sun'], closures };
    expect(addBusinessDays('2026-01-05T12:00:00Z', 1, sundays)).toBe('2038-01-10T00:00:00.000Z');
    expect(addBusinessDays('2026-01-05T12:00:00Z', 261, sundays)).toBe('2043-01-04T00:00:00.000Z');
  });
});

describe('closures, as both the business days and the opening hours read them', () => {
  const closures = [{ date: '2026-12-24', until: '2026-12-26' }, { date: '2027-01-01' }];
  test.each([
    ['2026-12-23', false],
    ['2026-12-24', true],
    ['2026-12-26', true],
    ['2026-12-27', false],
    ['2027-01-01', true],
    ['2027-01-02', false],
  ])('%s closed: %s', (date, closed) => {
    expect(isClosed(date, closures)).toBe(closed);
  });
});

describe('due times', () => {
  test.each([
    ['30 minutes is elapsed time', '30 minutes', '2026-11-20T16:00:00Z', [], '2026-11-20T16:30:00.000Z'],
    ['48 hours is calendar time, weekends included', '48 hours', '2026-11-20T16:00:00Z', [], '2026-11-22T16:00:00.000Z'],
    ['2 business days skips the weekend', '2 business days', '2026-11-20T16:00:00Z', [], '2026-11-24T16:00:00.000Z'],
    [
      'customer wait counts when the target does not exclude it',
      '48 hours',
      '2026-11-20T16:00:00Z',
      [{ from: '2026-11-21T00:00:00Z', to: '2026-11-21T05:00:00Z' }],
      '2026-11-22T16:00:00.000Z',
    ],
    [
      'customer wait is excluded where the target says so',
      { target: '48 hours', excludesCustomerWait: true },
      '2026-11-20T16:00:00Z',
      [{ from: '2026-11-21T00:00:00Z', to: '2026-11-21T05:00:00Z' }],
      '2026-11-22T21:00:00.000Z',
    ],
    [
      'only the part of a wait after the start counts',
      { target: '48 hours', excludesCustomerWait: true },
      '2026-11-20T16:00:00Z',
      [{ from: '2026-11-20T14:00:00Z', to: '2026-11-20T17:00:00Z' }],
      '2026-11-22T17:00:00.000Z',
    ],
    [
      'a wait after the due time changes nothing',
      { target: '4 hours', excludesCustomerWait: true },
      '2026-11-20T16:00:00Z',
      [{ from: '2026-11-21T00:00:00Z', to: '2026-11-21T05:00:00Z' }],
      '2026-11-20T20:00:00.000Z',
    ],
    ['best effort has no due time', 'best effort', '2026-11-20T16:00:00Z', [], undefined],
  ])('%s', (_name, t, start, pauses, due) => {
    expect(dueAt(start, target(t), chicago, pauses)).toBe(due);
  });
});

const severity = {
  id: 'critical',
  rank: 1,
  name: 'Critical',
  definition: ['down'],
  examples: [],
  targets: {
    own: {
      response: target('30 minutes'),
      restoration: target('2 hours'),
      resolution: target({ target: '2 business days', excludesCustomerWait: true }),
      statusUpdates: target({ target: '6 hours', alsoOnNews: true }),
    },
    'third-party': { response: target('30 minutes'), resolution: target('as soon as possible'), rootCauseReport: target('15 days') },
  },
} as SeverityLevel;

function incident(updates: [string, IncidentStatus][], extra: Partial<Incident> = {}): Incident {
  const last = updates[updates.length - 1]!;
  return {
    id: 'i',
    file: 'i.md',
    body: '',
    title: 't',
    severity: 'critical',
    scope: 'own',
    systemWide: false,
    affects: [{ product: 'a', impact: 'major_outage' }],
    started: '2026-11-20T16:00:00.000Z',
    updates: updates.map(([at, status]) => ({ at, status, message: 'm' })),
    ...(last[1] === 'resolved' ? { resolved: last[0] } : {}),
    ...extra,
  };
}

describe('the SLA clock of an incident', () => {
  test('an open critical incident: response met, restoration overdue, next update due 6 hours after the last', () => {
    const inc = incident([
      ['2026-11-20T16:20:00.000Z', 'investigating'],
      ['2026-11-20T19:00:00.000Z', 'identified'],
    ]);
    const clock = slaClock(inc, severity, chicago, '2026-11-20T20:00:00.000Z');
    expect(clock.response).toMatchObject({ due: '2026-11-20T16:30:00.000Z', achievedAt: '2026-11-20T16:20:00.000Z', outcome: 'met' });
    expect(clock.restoration).toMatchObject({ due: '2026-11-20T18:00:00.000Z', outcome: 'overdue' });
    expect(clock.resolution).toMatchObject({ due: '2026-11-24T16:00:00.000Z', outcome: 'running' });
    expect(clock.statusUpdates).toMatchObject({ due: '2026-11-21T01:00:00.000Z', outcome: 'running' });
  });

  test('the next update becomes overdue when its time passes', () => {
    const inc = incident([['2026-11-20T16:20:00.000Z', 'investigating']]);
    expect(slaClock(inc, severity, chicago, '2026-11-20T22:21:00.000Z').statusUpdates).toMatchObject({ due: '2026-11-20T22:20:00.000Z', outcome: 'overdue' });
  });

  test('a resolved incident reports met and missed', () => {
    const inc = incident([
      ['2026-11-20T16:45:00.000Z', 'investigating'],
      ['2026-11-20T17:30:00.000Z', 'monitoring'],
      ['2026-11-21T10:00:00.000Z', 'resolved'],
    ]);
    const clock = slaClock(inc, severity, chicago, '2026-11-22T10:00:00.000Z');
    expect(clock.response?.outcome).toBe('missed');
    expect(clock.restoration).toMatchObject({ achievedAt: '2026-11-20T17:30:00.000Z', outcome: 'met' });
    expect(clock.resolution).toMatchObject({ achievedAt: '2026-11-21T10:00:00.000Z', outcome: 'met' });
    expect(clock.statusUpdates?.outcome).toBe('met');
  });

  test('a gap longer than the update interval before restoration is a missed update target', () => {
    const inc = incident([
      ['2026-11-20T16:10:00.000Z', 'investigating'],
      ['2026-11-20T23:00:00.000Z', 'monitoring'],
      ['2026-11-21T10:00:00.000Z', 'resolved'],
    ]);
    expect(slaClock(inc, severity, chicago, '2026-11-22T10:00:00.000Z').statusUpdates?.outcome).toBe('missed');
  });

  test('customer wait moves the resolution due time only', () => {
    const inc = incident([['2026-11-20T16:20:00.000Z', 'investigating']]);
    const pauses = [{ from: '2026-11-20T17:00:00.000Z', to: '2026-11-20T20:00:00.000Z' }];
    const clock = slaClock(inc, severity, chicago, '2026-11-20T21:00:00.000Z', pauses);
    expect(clock.resolution?.due).toBe('2026-11-24T19:00:00.000Z');
    expect(clock.restoration?.due).toBe('2026-11-20T18:00:00.000Z');
  });

  test('third-party scope uses its own table; a system-wide incident owes a root-cause report 15 days after resolution', () => {
    const inc = incident(
      [
        ['2026-11-01T16:10:00.000Z', 'investigating'],
        ['2026-11-01T20:00:00.000Z', 'resolved'],
      ],
      { scope: 'third-party', systemWide: true, started: '2026-11-01T16:00:00.000Z' },
    );
    const late = slaClock(inc, severity, chicago, '2026-11-22T10:00:00.000Z');
    expect(late.restoration).toBeUndefined();
    expect(late.resolution).toMatchObject({ outcome: 'no-deadline' });
    expect(late.rootCauseReport).toMatchObject({ due: '2026-11-16T20:00:00.000Z', outcome: 'overdue' });
    expect(slaClock({ ...inc, body: '## Root cause\n\nA failed disk.' }, severity, chicago, '2026-11-22T10:00:00.000Z').rootCauseReport?.outcome).toBe('met');
  });
});

describe('the clock as pages and commands ask for it', () => {
  const opened = incident([['2026-11-20T16:20:00.000Z', 'investigating']]);
  // The first affected product's desk gives the calendar; "a" is served from Chicago, with Thanksgiving closed.
  const content = {
    severities: [severity],
    support: { desks: [{ zone: 'America/Chicago', closures: chicago.closures, products: [{ product: 'a', hours: [{ days: chicago.workdays }] }] }] },
    site: { timeZone: 'Europe/Stockholm' },
    now: '2026-11-20T20:00:00.000Z',
  } as unknown as Parameters<typeof incidentClock>[0];

  test("incidentClock is slaClock with the content's severity, the first product's calendar and now", () => {
    expect(incidentClock(content, opened)).toEqual(slaClock(opened, severity, chicago, content.now));
    expect(incidentClock(content, { ...opened, severity: 'urgent' })).toBeUndefined();
  });

  test.each([
    [
      'while open and not restored, the next update is due',
      [['2026-11-20T16:20:00.000Z', 'investigating']],
      '2026-11-20T20:00:00.000Z',
      { due: '2026-11-20T22:20:00.000Z', overdue: false },
    ],
    [
      'past that time it is overdue',
      [['2026-11-20T16:20:00.000Z', 'investigating']],
      '2026-11-20T22:21:00.000Z',
      { due: '2026-11-20T22:20:00.000Z', overdue: true },
    ],
    [
      'once restored none is owed',
      [
        ['2026-11-20T16:20:00.000Z', 'investigating'],
        ['2026-11-20T17:00:00.000Z', 'monitoring'],
      ],
      '2026-11-21T20:00:00.000Z',
      undefined,
    ],
  ] as const)('%s', (_, updates, now, expected) => {
    const inc = incident(updates.map(([at, status]) => [at, status] as [string, IncidentStatus]));
    expect(nextUpdateDue(slaClock(inc, severity, chicago, now))).toEqual(expected);
  });

  test('every target of the schema, in its order; status updates read "every ..."', () => {
    expect(TARGET_KEYS).toEqual(['response', 'restoration', 'resolution', 'statusUpdates', 'rootCauseReport']);
    expect(targetWords(target('6 hours'), 'statusUpdates', 'en')).toBe('every 6 hours');
    expect(targetWords(target('6 hours'), 'response', 'en')).toBe('6 hours');
  });
});
