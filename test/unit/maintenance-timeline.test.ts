/** A maintenance window's timeline: staff notices plus the automatic ones at its start and end, as Statuspage posts them. */
import { describe, expect, test } from 'vitest';
import { automaticNoticeText, maintenanceTimeline, type AutomaticNotice } from '../../src/lib/maintenance-timeline.ts';
import { maintenanceState } from '../../src/lib/status.ts';
import type { Maintenance } from '../../src/schemas/maintenance.ts';

/** An instant as content holds it (UTC, milliseconds, Z). */
const t = (s: string) => new Date(s).toISOString();
const START = t('2026-11-22T10:00:00Z');
const END = t('2026-11-22T12:00:00Z');
const PLANNED = t('2026-11-20T12:00:00Z');

/** A window from 10:00 to 12:00 with a notice posted on the 20th and the given later ones. */
function window(later: string[] = [], cancelled?: string): Maintenance {
  const updates = [PLANNED, ...later.map(t)].map((at, i) => ({ at, message: { en: `Notice ${i + 1}`, sv: `Meddelande ${i + 1}` } }));
  return {
    id: '2026-11-22-db',
    file: 'maintenance/2026-11-22-db.md',
    body: '',
    title: 'DB',
    products: ['widget'],
    window: { start: START, end: END },
    updates,
    ...(cancelled ? { cancelled: t(cancelled) } : {}),
  };
}

/** A timeline as [time, status, who wrote it]. */
const read = (m: Maintenance, now: string) => maintenanceTimeline(m, t(now)).map((n) => [n.at, n.status, n.automatic ? 'automatic' : `staff ${n.index + 1}`]);

describe('the timeline at a given now', () => {
  test.each<[string, Maintenance, string, [string, string, string][]]>([
    ['before the start: the notices alone', window(), '2026-11-22T09:59:59.999Z', [[PLANNED, 'scheduled', 'staff 1']]],
    [
      'at the start: it has begun',
      window(),
      '2026-11-22T10:00:00Z',
      [
        [PLANNED, 'scheduled', 'staff 1'],
        [START, 'in_progress', 'automatic'],
      ],
    ],
    [
      'during, with no notice since the start: begun at the start',
      window(),
      '2026-11-22T11:00:00Z',
      [
        [PLANNED, 'scheduled', 'staff 1'],
        [START, 'in_progress', 'automatic'],
      ],
    ],
    [
      'during, with a staff notice since the start: no automatic one',
      window(['2026-11-22T10:05:00Z']),
      '2026-11-22T11:00:00Z',
      [
        [PLANNED, 'scheduled', 'staff 1'],
        [t('2026-11-22T10:05:00Z'), 'in_progress', 'staff 2'],
      ],
    ],
    [
      'a staff notice exactly at the start says it has begun',
      window(['2026-11-22T10:00:00Z']),
      '2026-11-22T11:00:00Z',
      [
        [PLANNED, 'scheduled', 'staff 1'],
        [START, 'in_progress', 'staff 2'],
      ],
    ],
    [
      'a notice just before the start does not say it has begun',
      window(['2026-11-22T09:59:00Z']),
      '2026-11-22T11:00:00Z',
      [
        [PLANNED, 'scheduled', 'staff 1'],
        [t('2026-11-22T09:59:00Z'), 'scheduled', 'staff 2'],
        [START, 'in_progress', 'automatic'],
      ],
    ],
    [
      'at the end: begun, then completed',
      window(),
      '2026-11-22T12:00:00Z',
      [
        [PLANNED, 'scheduled', 'staff 1'],
        [START, 'in_progress', 'automatic'],
        [END, 'completed', 'automatic'],
      ],
    ],
    [
      'long after the end: begun, then completed',
      window(),
      '2026-12-01T00:00:00Z',
      [
        [PLANNED, 'scheduled', 'staff 1'],
        [START, 'in_progress', 'automatic'],
        [END, 'completed', 'automatic'],
      ],
    ],
    [
      'after the end, with a staff notice during it: completed at the end only',
      window(['2026-11-22T10:05:00Z']),
      '2026-11-22T13:00:00Z',
      [
        [PLANNED, 'scheduled', 'staff 1'],
        [t('2026-11-22T10:05:00Z'), 'in_progress', 'staff 2'],
        [END, 'completed', 'automatic'],
      ],
    ],
    [
      'a notice just before the end is still "in progress": completed comes at the end',
      window(['2026-11-22T11:59:00Z']),
      '2026-11-22T13:00:00Z',
      [
        [PLANNED, 'scheduled', 'staff 1'],
        [t('2026-11-22T11:59:00Z'), 'in_progress', 'staff 2'],
        [END, 'completed', 'automatic'],
      ],
    ],
    [
      'after the end, with a staff "completed" notice: begun at the start, then the staff notice',
      window(['2026-11-22T12:10:00Z']),
      '2026-11-22T13:00:00Z',
      [
        [PLANNED, 'scheduled', 'staff 1'],
        [START, 'in_progress', 'automatic'],
        [t('2026-11-22T12:10:00Z'), 'completed', 'staff 2'],
      ],
    ],
    [
      'staff said both: nothing automatic',
      window(['2026-11-22T10:01:00Z', '2026-11-22T12:00:00Z']),
      '2026-11-22T13:00:00Z',
      [
        [PLANNED, 'scheduled', 'staff 1'],
        [t('2026-11-22T10:01:00Z'), 'in_progress', 'staff 2'],
        [END, 'completed', 'staff 3'],
      ],
    ],
    [
      'no notice at all, after the end: both automatic ones',
      { ...window(), updates: [] },
      '2026-11-22T13:00:00Z',
      [
        [START, 'in_progress', 'automatic'],
        [END, 'completed', 'automatic'],
      ],
    ],
    [
      'cancelled before its start: none, even after its end; the notice that calls it off is completed',
      window(['2026-11-21T08:00:00Z'], '2026-11-21T08:00:00Z'),
      '2026-11-22T13:00:00Z',
      [
        [PLANNED, 'scheduled', 'staff 1'],
        [t('2026-11-21T08:00:00Z'), 'completed', 'staff 2'],
      ],
    ],
    [
      'cancelled while under way: none',
      window(['2026-11-22T10:30:00Z'], '2026-11-22T10:30:00Z'),
      '2026-11-22T13:00:00Z',
      [
        [PLANNED, 'scheduled', 'staff 1'],
        [t('2026-11-22T10:30:00Z'), 'completed', 'staff 2'],
      ],
    ],
  ])('%s', (_name, m, now, expected) => {
    expect(read(m, now)).toEqual(expected);
  });

  test.each([
    '2026-11-20T12:00:00Z',
    '2026-11-22T09:00:00Z',
    '2026-11-22T10:00:00Z',
    '2026-11-22T10:05:00Z',
    '2026-11-22T11:59:59.999Z',
    '2026-11-22T12:00:00Z',
    '2026-11-23T00:00:00Z',
  ])('at %s the latest notice says what the window state says, with and without staff notices during and after it', (now) => {
    for (const later of [[], ['2026-11-22T10:05:00Z'], ['2026-11-22T10:05:00Z', '2026-11-22T12:05:00Z'], ['2026-11-22T12:05:00Z']]) {
      const m = window(later.filter((at) => Date.parse(at) <= Date.parse(now)));
      expect(maintenanceTimeline(m, t(now)).at(-1)!.status, later.join()).toBe(maintenanceState(m, t(now)));
    }
  });

  test('times written with another offset or precision compare as instants', () => {
    expect(read(window(), '2026-11-22T11:00:00+01:00')).toEqual([
      [PLANNED, 'scheduled', 'staff 1'],
      [START, 'in_progress', 'automatic'],
    ]);
  });
});

describe('the words of an automatic notice', () => {
  const begun: AutomaticNotice = { automatic: true, at: START, status: 'in_progress' };
  const completed: AutomaticNotice = { automatic: true, at: END, status: 'completed' };
  test.each<[AutomaticNotice, string, string, string]>([
    [begun, 'en', 'The scheduled maintenance has begun.', 'en'],
    [completed, 'en', 'The scheduled maintenance has been completed.', 'en'],
    [begun, 'sv', 'Det planerade underhållet har börjat.', 'sv'],
    [completed, 'sv', 'Det planerade underhållet har avslutats.', 'sv'],
    [begun, 'fr', 'La maintenance programmée a commencé.', 'fr'],
    [completed, 'fr', 'La maintenance programmée est terminée.', 'fr'],
    [completed, 'de', 'The scheduled maintenance has been completed.', 'en'],
  ])('%o in %s', (n, locale, text, lang) => {
    expect(automaticNoticeText(n, locale)).toEqual({ text, lang });
  });
});
