/**
 * Release-date expansion. Expected dates were worked out independently (python-dateutil's rrule and
 * a wall calendar), never copied from this code's output.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { SiteContent } from '../../src/lib/content/load.ts';
import { localToday, nextReleaseDates, productSchedules, releaseCalendar, releaseDatesBetween, type Cadence } from '../../src/lib/cadence.ts';
import { MINIMAL, ROOT, loadOrThrow } from '../helpers/fixtures.ts';
import { join } from 'node:path';

const recurring = (rrule: string, start: string, zone: string): Cadence => ({ kind: 'recurring', rrule, start, zone, label: 'x' });
const CONTINUOUS: Cadence = { kind: 'continuous', label: 'continuous delivery' };
const CHICAGO = 'America/Chicago';
const STOCKHOLM = 'Europe/Stockholm';
const BERLIN = 'Europe/Berlin';

const load = (dir: string): SiteContent => loadOrThrow(dir);

describe('dates in a range', () => {
  // US DST 2026: 8 March and 1 November; EU: 29 March and 25 October.
  test.each<[string, Cadence, string, string, string[]]>([
    [
      'monthly on the 31st skips the months without one',
      recurring('FREQ=MONTHLY;BYMONTHDAY=31', '2026-01-31', CHICAGO),
      '2026-01-01',
      '2026-12-31',
      ['2026-01-31', '2026-03-31', '2026-05-31', '2026-07-31', '2026-08-31', '2026-10-31', '2026-12-31'],
    ],
    [
      '2nd Saturday, across the US spring change',
      recurring('FREQ=MONTHLY;BYDAY=2SA', '2026-01-10', CHICAGO),
      '2026-02-01',
      '2026-05-31',
      ['2026-02-14', '2026-03-14', '2026-04-11', '2026-05-09'],
    ],
    [
      'every two weeks on Tuesday, across the US spring change',
      recurring('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '2026-01-06', CHICAGO),
      '2026-02-15',
      '2026-04-15',
      ['2026-02-17', '2026-03-03', '2026-03-17', '2026-03-31', '2026-04-14'],
    ],
    [
      'every two weeks on Tuesday, across the US autumn change',
      recurring('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '2026-01-06', CHICAGO),
      '2026-10-15',
      '2026-11-20',
      ['2026-10-27', '2026-11-10'],
    ],
    [
      'every two weeks on Sunday, on the EU spring change day itself',
      recurring('FREQ=WEEKLY;INTERVAL=2;BYDAY=SU', '2026-03-15', STOCKHOLM),
      '2026-03-01',
      '2026-04-30',
      ['2026-03-15', '2026-03-29', '2026-04-12', '2026-04-26'],
    ],
    [
      'every two weeks on Sunday, on the EU autumn change day itself',
      recurring('FREQ=WEEKLY;INTERVAL=2;BYDAY=SU', '2026-03-15', STOCKHOLM),
      '2026-10-01',
      '2026-11-15',
      ['2026-10-11', '2026-10-25', '2026-11-08'],
    ],
    [
      'every three weeks on Wednesday, across the US spring change',
      recurring('FREQ=WEEKLY;INTERVAL=3;BYDAY=WE', '2026-01-07', CHICAGO),
      '2026-02-01',
      '2026-04-10',
      ['2026-02-18', '2026-03-11', '2026-04-01'],
    ],
    [
      'every three weeks on Wednesday, across the US autumn change',
      recurring('FREQ=WEEKLY;INTERVAL=3;BYDAY=WE', '2026-01-07', CHICAGO),
      '2026-10-01',
      '2026-11-30',
      ['2026-10-07', '2026-10-28', '2026-11-18'],
    ],
    [
      'every three weeks on Monday, the day after the EU spring change',
      recurring('FREQ=WEEKLY;INTERVAL=3;BYDAY=MO', '2026-03-09', BERLIN),
      '2026-03-01',
      '2026-04-30',
      ['2026-03-09', '2026-03-30', '2026-04-20'],
    ],
    [
      'every three weeks on Monday, the day after the EU autumn change',
      recurring('FREQ=WEEKLY;INTERVAL=3;BYDAY=MO', '2026-03-09', BERLIN),
      '2026-10-01',
      '2026-11-30',
      ['2026-10-05', '2026-10-26', '2026-11-16'],
    ],
    [
      'every two weeks in the southern hemisphere (Auckland changes in April and September)',
      recurring('FREQ=WEEKLY;INTERVAL=2;BYDAY=SU', '2026-03-22', 'Pacific/Auckland'),
      '2026-03-15',
      '2026-05-01',
      ['2026-03-22', '2026-04-05', '2026-04-19'],
    ],
    [
      'COUNT ends the series',
      recurring('FREQ=MONTHLY;BYDAY=1MO;COUNT=3', '2026-01-05', CHICAGO),
      '2026-01-01',
      '2027-12-31',
      ['2026-01-05', '2026-02-02', '2026-03-02'],
    ],
    [
      'a date-only UNTIL includes that day',
      recurring('FREQ=WEEKLY;BYDAY=FR;UNTIL=20260130', '2026-01-02', CHICAGO),
      '2026-01-01',
      '2027-12-31',
      ['2026-01-02', '2026-01-09', '2026-01-16', '2026-01-23', '2026-01-30'],
    ],
    [
      'BYSETPOS: the last weekday of the month',
      recurring('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', '2026-01-30', CHICAGO),
      '2026-01-01',
      '2026-06-30',
      ['2026-01-30', '2026-02-27', '2026-03-31', '2026-04-30', '2026-05-29', '2026-06-30'],
    ],
    ['nothing before the start date', recurring('FREQ=MONTHLY;BYDAY=2SA', '2026-06-13', CHICAGO), '2026-01-01', '2026-07-31', ['2026-06-13', '2026-07-11']],
    ['continuous delivery has no dates', CONTINUOUS, '2026-01-01', '2026-12-31', []],
    ['an empty range has no dates', recurring('FREQ=WEEKLY;BYDAY=FR', '2026-01-02', CHICAGO), '2026-02-01', '2026-01-01', []],
  ])('%s', (_name, cadence, from, to, dates) => {
    expect(releaseDatesBetween(cadence, from, to)).toEqual(dates);
  });
});

describe("today and the next dates, by the build's now in the cadence's zone", () => {
  test.each([
    // Chicago: midnight is 06:00Z in standard time (CST) and 05:00Z in daylight time (CDT).
    ['2026-03-08T05:59:59Z', CHICAGO, '2026-03-07'],
    ['2026-03-08T06:00:00Z', CHICAGO, '2026-03-08'],
    ['2026-03-09T04:59:59Z', CHICAGO, '2026-03-08'],
    ['2026-03-09T05:00:00Z', CHICAGO, '2026-03-09'],
    // Stockholm: midnight is 23:00Z the day before in winter (CET), 22:00Z in summer (CEST).
    ['2026-03-28T22:59:59Z', STOCKHOLM, '2026-03-28'],
    ['2026-03-28T23:00:00Z', STOCKHOLM, '2026-03-29'],
    ['2026-03-29T21:59:59Z', STOCKHOLM, '2026-03-29'],
    ['2026-03-29T22:00:00Z', STOCKHOLM, '2026-03-30'],
    ['2026-11-22T10:00:00Z', 'Pacific/Kiritimati', '2026-11-23'],
  ])('at %s in %s it is %s', (now, zone, date) => {
    expect(localToday(now, zone)).toBe(date);
  });

  const spigit = recurring('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '2026-01-06', CHICAGO);
  const euSundays = recurring('FREQ=WEEKLY;INTERVAL=2;BYDAY=SU', '2026-03-15', STOCKHOLM);
  test.each<[string, Cadence, string, number, string[]]>([
    ['the day before a release (Chicago, standard time)', spigit, '2026-11-10T05:59:59Z', 2, ['2026-11-10', '2026-11-24']],
    ['the last second of a release day counts it (its UTC date is already the next day)', spigit, '2026-11-11T05:59:59Z', 2, ['2026-11-10', '2026-11-24']],
    ['the day after a release', spigit, '2026-11-11T06:00:00Z', 2, ['2026-11-24', '2026-12-08']],
    ['the evening before the EU spring change, a release on the change day', euSundays, '2026-03-28T22:59:59Z', 2, ['2026-03-29', '2026-04-12']],
    ['the last second of the change day', euSundays, '2026-03-29T21:59:59Z', 2, ['2026-03-29', '2026-04-12']],
    ['the first second after it', euSundays, '2026-03-29T22:00:00Z', 2, ['2026-04-12', '2026-04-26']],
    [
      'monthly on the 31st from February',
      recurring('FREQ=MONTHLY;BYMONTHDAY=31', '2026-01-31', CHICAGO),
      '2026-02-01T12:00:00Z',
      3,
      ['2026-03-31', '2026-05-31', '2026-07-31'],
    ],
    [
      'a series that has ended gives what is left',
      recurring('FREQ=MONTHLY;BYDAY=1MO;COUNT=3', '2026-01-05', CHICAGO),
      '2026-02-10T12:00:00Z',
      5,
      ['2026-03-02'],
    ],
    ['none asked, none given', spigit, '2026-11-10T12:00:00Z', 0, []],
    ['continuous delivery has no dates', CONTINUOUS, '2026-11-10T12:00:00Z', 3, []],
  ])('%s', (_name, cadence, now, count, dates) => {
    expect(nextReleaseDates(cadence, now, count)).toEqual(dates);
  });
});

describe("the build machine's own zone changes nothing", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  test.each(['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Europe/Stockholm', 'Australia/Lord_Howe'])('TZ=%s', (tz) => {
    process.env.TZ = tz;
    expect(nextReleaseDates(recurring('FREQ=WEEKLY;INTERVAL=2;BYDAY=SU', '2026-03-15', STOCKHOLM), '2026-03-28T23:30:00Z', 3)).toEqual([
      '2026-03-29',
      '2026-04-12',
      '2026-04-26',
    ]);
    expect(releaseDatesBetween(recurring('FREQ=MONTHLY;BYMONTHDAY=31', '2026-01-31', CHICAGO), '2026-02-01', '2026-06-30')).toEqual([
      '2026-03-31',
      '2026-05-31',
    ]);
  });
});

describe("the default content's products at its pinned now (2026-11-22T10:00:00Z)", () => {
  const c = load(join(ROOT, 'content'));
  const schedules = productSchedules(c, 4);

  test.each([
    ['enterprise-one', ['2026-12-12', '2027-01-09', '2027-02-13', '2027-03-13']],
    ['ppm-pro', ['2026-12-19', '2027-01-16', '2027-02-20', '2027-03-20']],
    ['spigit', ['2026-11-24', '2026-12-08', '2026-12-22', '2027-01-05']],
    ['daptiv', ['2026-11-26', '2026-12-10', '2026-12-24', '2027-01-07']],
    ['barometer', ['2026-12-09', '2026-12-30', '2027-01-20', '2027-02-10']],
    ['changepoint', ['2026-11-28', '2026-12-26', '2027-01-23', '2027-02-27']],
    ['clarizen', ['2026-12-05', '2026-12-26', '2027-01-16', '2027-02-06']],
  ])('%s: next four releases', (id, dates) => {
    const s = schedules.find((x) => x.product.id === id)!;
    expect({ continuous: s.continuous, zone: s.zone, today: s.today, next: s.next }).toEqual({
      continuous: false,
      zone: CHICAGO,
      today: '2026-11-22',
      next: dates,
    });
  });

  test.each(['projectplace', 'leankit'])('%s ships continuously: flagged, no dates', (id) => {
    const s = schedules.find((x) => x.product.id === id)!;
    expect({ continuous: s.continuous, next: s.next }).toEqual({ continuous: true, next: [] });
  });

  test('every product has a schedule, in products.yaml order', () => {
    expect(schedules.map((s) => s.product.id)).toEqual(c.products.map((p) => p.id));
  });
});

describe('the three-month release calendar', () => {
  test('the minimal site: this month and the next two, every day, its releases marked past or to come', () => {
    const cal = releaseCalendar(load(MINIMAL));
    expect(cal.today).toBe('2026-11-22');
    expect(cal.months.map((m) => [m.month, m.first, m.last, m.days.length])).toEqual([
      ['2026-11', '2026-11-01', '2026-11-30', 30],
      ['2026-12', '2026-12-01', '2026-12-31', 31],
      ['2027-01', '2027-01-01', '2027-01-31', 31],
    ]);
    // 1 November 2026 is a Sunday.
    expect(cal.months[0]!.days[0]!.weekday).toBe(7);
    const busy = cal.months.flatMap((m) =>
      m.days
        .filter((d) => d.entries.length > 0)
        .map((d) => ({ date: d.date, entries: d.entries.map((e) => ({ product: e.product, past: e.past, version: e.release?.version })) })),
    );
    expect(busy).toEqual([
      { date: '2026-11-10', entries: [{ product: 'widget', past: true, version: '2026.11' }] },
      { date: '2026-12-08', entries: [{ product: 'widget', past: false, version: undefined }] },
      { date: '2027-01-12', entries: [{ product: 'widget', past: false, version: undefined }] },
    ]);
    expect(cal.continuous.map((p) => p.id)).toEqual(['cloud']);
  });

  test('the default site: same-day releases in products.yaml order; the month follows the site zone', () => {
    const c = load(join(ROOT, 'content'));
    const cal = releaseCalendar(c, 2);
    expect(cal.months.map((m) => m.month)).toEqual(['2026-11', '2026-12']);
    const day = (date: string) => cal.months.flatMap((m) => m.days).find((d) => d.date === date)!;
    expect(day('2026-12-26').entries.map((e) => e.product)).toEqual(['changepoint', 'clarizen']);
    expect(day('2026-11-14').entries.map((e) => [e.product, e.past, e.release?.version])).toEqual([
      ['enterprise-one', true, '2026.11'],
      ['clarizen', true, '2026.16'],
    ]);
    // At 2026-12-01T03:00Z it is still 30 November in Chicago.
    expect(releaseCalendar({ ...c, now: '2026-12-01T03:00:00Z' }, 1).months.map((m) => m.month)).toEqual(['2026-11']);
    expect(releaseCalendar({ ...c, now: '2026-12-01T06:00:00Z' }, 1).months.map((m) => m.month)).toEqual(['2026-12']);
  });
});
