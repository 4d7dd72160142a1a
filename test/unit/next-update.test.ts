/**
 * "Next update by ...", always (issue 18, point 4): from the severity's status-update interval where
 * it has one, else the time staff set with the latest update, else site.yaml's nextUpdateAfter.
 */
import { describe, expect, test } from 'vitest';
import { nextUpdateBy, type SlaClock } from '../../src/lib/sla.ts';
import type { Incident } from '../../src/schemas/incident.ts';

const NOW = '2026-11-22T10:00:00.000Z';
const content = (nextUpdateAfter = 60) => ({ now: NOW, site: { nextUpdateAfter } }) as unknown as Parameters<typeof nextUpdateBy>[0];

function incident(updates: { at: string; nextUpdate?: string }[], resolved?: string): Incident {
  const base = {
    id: 'x',
    file: 'x.md',
    body: '',
    title: 'x',
    severity: 'minor',
    scope: 'own' as const,
    systemWide: false,
    sample: false,
    affects: [{ product: 'a', impact: 'partial_outage' as const }],
    started: '2026-11-22T08:00:00.000Z',
    updates: updates.map((u, i) => ({ ...u, status: i === updates.length - 1 && resolved ? ('resolved' as const) : ('investigating' as const), message: 'm' })),
  };
  return (resolved ? { ...base, resolved } : base) as Incident;
}

/** A clock whose severity owes a status update by `due`. */
const owed = (due: string, outcome: 'running' | 'overdue' = 'running') => ({ statusUpdates: { target: {}, due, outcome } }) as unknown as SlaClock;
/** A clock whose severity sets no interval ("when there is news"). */
const noInterval = { statusUpdates: { target: {}, outcome: 'no-deadline' } } as unknown as SlaClock;

describe('next update by', () => {
  test("the severity's interval comes first, even when staff set a time", () => {
    const inc = incident([{ at: '2026-11-22T09:00:00.000Z', nextUpdate: '2026-11-22T09:30:00.000Z' }]);
    expect(nextUpdateBy(content(), inc, owed('2026-11-22T15:00:00.000Z'))).toEqual({ due: '2026-11-22T15:00:00.000Z', overdue: false, source: 'severity' });
    expect(nextUpdateBy(content(), inc, owed('2026-11-22T09:50:00.000Z', 'overdue'))).toEqual({
      due: '2026-11-22T09:50:00.000Z',
      overdue: true,
      source: 'severity',
    });
  });

  test.each([
    [
      'without an interval, the time staff set with the latest update',
      [{ at: '2026-11-22T09:00:00.000Z', nextUpdate: '2026-11-22T11:00:00.000Z' }],
      60,
      '2026-11-22T11:00:00.000Z',
      'staff',
      false,
    ],
    [
      "an earlier update's time no longer counts once a later update sets none: the site default from the latest",
      [{ at: '2026-11-22T08:00:00.000Z', nextUpdate: '2026-11-22T12:00:00.000Z' }, { at: '2026-11-22T09:30:00.000Z' }],
      60,
      '2026-11-22T10:30:00.000Z',
      'site',
      false,
    ],
    ["else the latest update plus site.yaml's nextUpdateAfter (2 hours)", [{ at: '2026-11-22T09:00:00.000Z' }], 120, '2026-11-22T11:00:00.000Z', 'site', false],
    ['a time that has passed is overdue', [{ at: '2026-11-22T08:30:00.000Z' }], 60, '2026-11-22T09:30:00.000Z', 'site', true],
    [
      'a staff time that has passed is overdue',
      [{ at: '2026-11-22T08:30:00.000Z', nextUpdate: '2026-11-22T09:00:00.000Z' }],
      60,
      '2026-11-22T09:00:00.000Z',
      'staff',
      true,
    ],
  ])('%s', (_name, updates, after, due, source, overdue) => {
    for (const clock of [undefined, noInterval]) expect(nextUpdateBy(content(after), incident(updates), clock)).toEqual({ due, overdue, source });
  });

  test('a resolved incident owes no update', () => {
    expect(nextUpdateBy(content(), incident([{ at: '2026-11-22T09:00:00.000Z' }], '2026-11-22T09:00:00.000Z'), undefined)).toBeUndefined();
  });
});
