import { describe, expect, test } from 'vitest';
import { deskState, expandHours, hoursWindow, nextOpening, openAt, weeklyCoverage, type Interval } from '../../src/lib/hours.ts';
import type { Day, WeeklyRule } from '../../src/schemas/support-hours.ts';
import { readSpans, spansText } from '../../src/lib/spans-text.ts';
import { loadOrThrow, DEFAULT_CONTENT } from '../helpers/fixtures.ts';

const CHI = 'America/Chicago';
const BER = 'Europe/Berlin';
const rule = (days: Day[], open: string, close: string): WeeklyRule => ({ days, open, close });
const iv = (start: string, end: string): Interval => ({ start, end });
const MON_THU: Day[] = ['mon', 'tue', 'wed', 'thu'];
const MON_FRI: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const EVERY: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

describe('expandHours', () => {
  test.each<[string, WeeklyRule[], string, { date: string; until?: string }[], string, number, Interval[]]>([
    [
      'Mon 07:00-01:00 crosses midnight (CST, UTC-6)',
      [rule(['mon'], '07:00', '01:00')],
      CHI,
      [],
      '2026-11-23',
      1,
      [iv('2026-11-23T13:00:00.000Z', '2026-11-24T07:00:00.000Z')],
    ],
    [
      'Sun 17:00-01:00 opens on Sunday evening, closes Monday 01:00',
      [rule(['sun'], '17:00', '01:00')],
      CHI,
      [],
      '2026-11-22',
      1,
      [iv('2026-11-22T23:00:00.000Z', '2026-11-23T07:00:00.000Z')],
    ],
    [
      '"17:00"-"00:00" ends at midnight',
      [rule(['sun'], '17:00', '00:00')],
      CHI,
      [],
      '2026-11-22',
      1,
      [iv('2026-11-22T23:00:00.000Z', '2026-11-23T06:00:00.000Z')],
    ],
    [
      '"00:00"-"24:00" on consecutive days is one interval',
      [rule(['mon', 'tue', 'wed'], '00:00', '24:00')],
      CHI,
      [],
      '2026-11-23',
      7,
      [iv('2026-11-23T06:00:00.000Z', '2026-11-26T06:00:00.000Z')],
    ],
    [
      '"00:00"-"00:00" is the whole day too',
      [rule(['mon', 'tue'], '00:00', '00:00')],
      CHI,
      [],
      '2026-11-23',
      7,
      [iv('2026-11-23T06:00:00.000Z', '2026-11-25T06:00:00.000Z')],
    ],
    [
      'a shift opening on a day before the window is not included; one opening on its last day runs past it',
      [rule(EVERY, '22:00', '02:00')],
      CHI,
      [],
      '2026-11-23',
      1,
      [iv('2026-11-24T04:00:00.000Z', '2026-11-24T08:00:00.000Z')],
    ],
    [
      'a closure day cancels the shift opening on it; the previous evening shift still ends at 01:00 on it',
      [rule(MON_THU, '07:00', '01:00'), rule(['fri'], '07:00', '19:00')],
      CHI,
      [{ date: '2026-11-26' }],
      '2026-11-25',
      3,
      [iv('2026-11-25T13:00:00.000Z', '2026-11-26T07:00:00.000Z'), iv('2026-11-27T13:00:00.000Z', '2026-11-28T01:00:00.000Z')],
    ],
    [
      'a closure span (date..until) cancels every day in it, both ends included (CET, UTC+1)',
      [rule(EVERY, '08:00', '18:00')],
      BER,
      [{ date: '2026-12-24', until: '2026-12-26' }],
      '2026-12-23',
      5,
      [iv('2026-12-23T07:00:00.000Z', '2026-12-23T17:00:00.000Z'), iv('2026-12-27T07:00:00.000Z', '2026-12-27T17:00:00.000Z')],
    ],
    [
      'overlapping rules merge',
      [rule(['mon'], '07:00', '12:00'), rule(['mon'], '11:00', '19:00')],
      CHI,
      [],
      '2026-11-23',
      1,
      [iv('2026-11-23T13:00:00.000Z', '2026-11-24T01:00:00.000Z')],
    ],
    [
      'adjacent rules merge',
      [rule(['mon'], '12:00', '19:00'), rule(['mon'], '07:00', '12:00')],
      CHI,
      [],
      '2026-11-23',
      1,
      [iv('2026-11-23T13:00:00.000Z', '2026-11-24T01:00:00.000Z')],
    ],
    [
      'a rule inside another adds nothing',
      [rule(['mon'], '07:00', '19:00'), rule(['mon'], '09:00', '10:00')],
      CHI,
      [],
      '2026-11-23',
      1,
      [iv('2026-11-23T13:00:00.000Z', '2026-11-24T01:00:00.000Z')],
    ],
    [
      "an overnight shift merges with the next day's earlier opening",
      [rule(['mon'], '18:00', '08:00'), rule(['tue'], '07:00', '12:00')],
      CHI,
      [],
      '2026-11-23',
      2,
      [iv('2026-11-24T00:00:00.000Z', '2026-11-24T18:00:00.000Z')],
    ],
    ['a day with no rule gives nothing', [rule(['sat'], '09:00', '17:00')], CHI, [], '2026-11-23', 5, []],
    ['zero days gives nothing', [rule(EVERY, '09:00', '17:00')], CHI, [], '2026-11-23', 0, []],
  ])('%s', (_name, rules, zone, closures, fromDate, days, expected) => {
    expect(expandHours(rules, zone, closures, fromDate, days)).toEqual(expected);
  });
});

describe('DST', () => {
  test.each<[string, WeeklyRule[], string, string, Interval[]]>([
    // Spring-forward gap: 02:00 -> 03:00. A wall time inside it moves forward by the gap.
    [
      'Chicago 02:30 on 2026-03-08 does not exist: it opens at 03:30 CDT',
      [rule(['sun'], '02:30', '10:00')],
      CHI,
      '2026-03-08',
      [iv('2026-03-08T08:30:00.000Z', '2026-03-08T15:00:00.000Z')],
    ],
    [
      'Chicago: a shift closing at 02:30 on 2026-03-08 closes at 03:30 CDT (6.5 h real time)',
      [rule(['sat'], '20:00', '02:30')],
      CHI,
      '2026-03-07',
      [iv('2026-03-08T02:00:00.000Z', '2026-03-08T08:30:00.000Z')],
    ],
    [
      'Berlin 02:30 on 2026-03-29 does not exist: it opens at 03:30 CEST',
      [rule(['sun'], '02:30', '10:00')],
      BER,
      '2026-03-29',
      [iv('2026-03-29T01:30:00.000Z', '2026-03-29T08:00:00.000Z')],
    ],
    [
      'Chicago overnight 22:00-06:00 across spring-forward lasts 7 h',
      [rule(['sat'], '22:00', '06:00')],
      CHI,
      '2026-03-07',
      [iv('2026-03-08T04:00:00.000Z', '2026-03-08T11:00:00.000Z')],
    ],
    // Fall-back: 02:00 -> 01:00 (Chicago), 03:00 -> 02:00 (Berlin). A repeated wall time is its first occurrence.
    [
      'Chicago 01:30 on 2026-11-01 is the first 01:30 (CDT): opening',
      [rule(['sun'], '01:30', '09:00')],
      CHI,
      '2026-11-01',
      [iv('2026-11-01T06:30:00.000Z', '2026-11-01T15:00:00.000Z')],
    ],
    [
      'Chicago 01:30 on 2026-11-01 is the first 01:30 (CDT): closing',
      [rule(['sat'], '18:00', '01:30')],
      CHI,
      '2026-10-31',
      [iv('2026-10-31T23:00:00.000Z', '2026-11-01T06:30:00.000Z')],
    ],
    [
      'Berlin 02:30 on 2026-10-25 is the first 02:30 (CEST): opening',
      [rule(['sun'], '02:30', '10:00')],
      BER,
      '2026-10-25',
      [iv('2026-10-25T00:30:00.000Z', '2026-10-25T09:00:00.000Z')],
    ],
    [
      'Berlin 02:30 on 2026-10-25 is the first 02:30 (CEST): closing',
      [rule(['sat'], '20:00', '02:30')],
      BER,
      '2026-10-24',
      [iv('2026-10-24T18:00:00.000Z', '2026-10-25T00:30:00.000Z')],
    ],
    [
      'Chicago overnight 22:00-06:00 across fall-back lasts 9 h',
      [rule(['sat'], '22:00', '06:00')],
      CHI,
      '2026-10-31',
      [iv('2026-11-01T03:00:00.000Z', '2026-11-01T12:00:00.000Z')],
    ],
  ])('%s', (_name, rules, zone, fromDate, expected) => {
    expect(expandHours(rules, zone, [], fromDate, 1)).toEqual(expected);
  });

  // The US switches on 2026-03-08 and the EU on 2026-03-29: for three weeks the gap is 6 hours.
  const chicago = expandHours([rule(MON_FRI, '08:00', '17:00')], CHI, [], '2026-03-02', 33);
  const berlin = expandHours([rule(MON_FRI, '08:00', '17:00')], BER, [], '2026-03-02', 33);
  const opening = (list: Interval[], date: string) => list.find((i) => i.start.startsWith(date))?.start;

  test.each([
    ['2026-03-06', '2026-03-06T14:00:00.000Z', '2026-03-06T07:00:00.000Z', 7],
    ['2026-03-09', '2026-03-09T13:00:00.000Z', '2026-03-09T07:00:00.000Z', 6],
    ['2026-03-18', '2026-03-18T13:00:00.000Z', '2026-03-18T07:00:00.000Z', 6],
    ['2026-03-27', '2026-03-27T13:00:00.000Z', '2026-03-27T07:00:00.000Z', 6],
    ['2026-03-30', '2026-03-30T13:00:00.000Z', '2026-03-30T06:00:00.000Z', 7],
  ])('08:00 on %s: Chicago %s, Berlin %s, %i hours apart', (date, chi, ber, hours) => {
    expect(opening(chicago, date)).toBe(chi);
    expect(opening(berlin, date)).toBe(ber);
    expect((Date.parse(chi) - Date.parse(ber)) / 3_600_000).toBe(hours);
  });

  test('every weekday: 6 hours apart from 2026-03-09 to 2026-03-27, 7 hours before and after', () => {
    expect(chicago).toHaveLength(berlin.length);
    const gaps = chicago.map((c, i) => [c.start.slice(0, 10), (Date.parse(c.start) - Date.parse(berlin[i]!.start)) / 3_600_000] as const);
    expect(gaps).toHaveLength(25);
    for (const [date, gap] of gaps) expect([date, gap]).toEqual([date, date >= '2026-03-09' && date <= '2026-03-27' ? 6 : 7]);
  });
});

describe('open, next opening, desk state', () => {
  const week = [
    iv('2026-11-23T13:00:00.000Z', '2026-11-24T07:00:00.000Z'),
    iv('2026-11-24T13:00:00.000Z', '2026-11-25T07:00:00.000Z'),
    iv('2026-11-27T13:00:00.000Z', '2026-11-28T01:00:00.000Z'),
  ];
  test.each<[string, string, Interval | undefined, string | undefined, ReturnType<typeof deskState>]>([
    ['before every interval', '2026-11-23T00:00:00.000Z', undefined, '2026-11-23T13:00:00.000Z', { open: false, opens: '2026-11-23T13:00:00.000Z' }],
    ['1 ms before the opening', '2026-11-23T12:59:59.999Z', undefined, '2026-11-23T13:00:00.000Z', { open: false, opens: '2026-11-23T13:00:00.000Z' }],
    ['at the opening: open', '2026-11-23T13:00:00.000Z', week[0], '2026-11-24T13:00:00.000Z', { open: true, closes: '2026-11-24T07:00:00.000Z' }],
    [
      'at the opening written with an offset',
      '2026-11-23T07:00:00-06:00',
      week[0],
      '2026-11-24T13:00:00.000Z',
      { open: true, closes: '2026-11-24T07:00:00.000Z' },
    ],
    ['1 ms before the close: open', '2026-11-24T06:59:59.999Z', week[0], '2026-11-24T13:00:00.000Z', { open: true, closes: '2026-11-24T07:00:00.000Z' }],
    ['at the close: closed', '2026-11-24T07:00:00.000Z', undefined, '2026-11-24T13:00:00.000Z', { open: false, opens: '2026-11-24T13:00:00.000Z' }],
    [
      'closed over a closure day: opens after it',
      '2026-11-25T07:00:00.000Z',
      undefined,
      '2026-11-27T13:00:00.000Z',
      { open: false, opens: '2026-11-27T13:00:00.000Z' },
    ],
    ['inside the last interval: no later opening', '2026-11-27T20:00:00.000Z', week[2], undefined, { open: true, closes: '2026-11-28T01:00:00.000Z' }],
    ['after every interval: closed, no known opening', '2026-11-28T01:00:00.000Z', undefined, undefined, { open: false }],
  ])('%s', (_name, at, current, next, state) => {
    expect(openAt(week, at)).toEqual(current);
    expect(nextOpening(week, at)).toBe(next);
    expect(deskState(week, at)).toEqual(state);
  });

  test('no intervals: closed with no opening', () => {
    expect(deskState([], '2026-11-23T00:00:00.000Z')).toEqual({ open: false });
  });
});

describe('weeklyCoverage', () => {
  const none = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };
  test.each<[string, WeeklyRule[], string, { date: string }[], string, string, Record<Day, [number, number][]>]>([
    [
      'an overnight shift splits into two days; the Sunday before reaches into Monday',
      [rule(['sun'], '17:00', '01:00'), rule(MON_THU, '07:00', '01:00'), rule(['fri'], '07:00', '19:00')],
      CHI,
      [{ date: '2026-11-26' }],
      '2026-11-22',
      '2026-11-23',
      {
        mon: [
          [0, 60],
          [420, 1440],
        ],
        tue: [
          [0, 60],
          [420, 1440],
        ],
        wed: [
          [0, 60],
          [420, 1440],
        ],
        thu: [[0, 60]],
        fri: [[420, 1140]],
        sat: [],
        sun: [[1020, 1440]],
      },
    ],
    [
      'the whole fall-back day (25 hours) is the whole chart day',
      [rule(EVERY, '00:00', '24:00')],
      CHI,
      [],
      '2026-10-26',
      '2026-10-26',
      { mon: [[0, 1440]], tue: [[0, 1440]], wed: [[0, 1440]], thu: [[0, 1440]], fri: [[0, 1440]], sat: [[0, 1440]], sun: [[0, 1440]] },
    ],
    [
      'the whole spring-forward day (23 hours) is the whole chart day',
      [rule(EVERY, '00:00', '24:00')],
      CHI,
      [],
      '2026-03-02',
      '2026-03-02',
      { mon: [[0, 1440]], tue: [[0, 1440]], wed: [[0, 1440]], thu: [[0, 1440]], fri: [[0, 1440]], sat: [[0, 1440]], sun: [[0, 1440]] },
    ],
    [
      'a shift across the spring-forward gap keeps its wall-clock times',
      [rule(['sun'], '01:00', '05:00')],
      CHI,
      [],
      '2026-03-02',
      '2026-03-02',
      { ...none, sun: [[60, 300]] },
    ],
    [
      'a shift opening at the first 01:30 of a fall-back day',
      [rule(['sun'], '01:30', '09:00')],
      CHI,
      [],
      '2026-10-26',
      '2026-10-26',
      { ...none, sun: [[90, 540]] },
    ],
    [
      'Berlin evening shift into the fall-back night',
      [rule(['sat'], '20:00', '02:30')],
      BER,
      [],
      '2026-10-19',
      '2026-10-19',
      { ...none, sat: [[1200, 1440]], sun: [[0, 150]] },
    ],
  ])('%s', (_name, rules, zone, closures, fromDate, weekStart, expected) => {
    const intervals = expandHours(rules, zone, closures, fromDate, 8);
    expect(weeklyCoverage(intervals, zone, weekStart)).toEqual(expected);
  });

  test('inside the repeated hour, both wall-clock runs are charted', () => {
    // 01:30 CDT (06:30Z) to 01:15 CST (07:15Z): the clock reads 01:30-02:00, then 01:00-01:15.
    const spans = weeklyCoverage([iv('2026-11-01T06:30:00.000Z', '2026-11-01T07:15:00.000Z')], CHI, '2026-10-26');
    expect(spans.sun).toEqual([
      [60, 75],
      [90, 120],
    ]);
  });

  test('a week start that is not a Monday is refused', () => {
    expect(() => weeklyCoverage([], CHI, '2026-11-24')).toThrow(/expected a Monday/);
  });
});

describe('hoursWindow', () => {
  test.each([
    ['Chicago 23:59 on Sunday 2026-11-22', '2026-11-23T05:59:00.000Z', CHI, undefined, { fromDate: '2026-11-21', days: 35 }],
    ['Chicago 00:00 on Monday 2026-11-23', '2026-11-23T06:00:00.000Z', CHI, undefined, { fromDate: '2026-11-22', days: 35 }],
    ['Berlin 23:59:59 on 2026-11-22', '2026-11-22T22:59:59.000Z', BER, 7, { fromDate: '2026-11-21', days: 7 }],
    ['Berlin 00:00 on 2026-11-23', '2026-11-22T23:00:00.000Z', BER, 7, { fromDate: '2026-11-22', days: 7 }],
    ['an instant with an offset', '2026-11-23T00:30:00-06:00', CHI, undefined, { fromDate: '2026-11-22', days: 35 }],
  ])('%s', (_name, now, zone, days, expected) => {
    expect(hoursWindow(now, zone, days)).toEqual(expected);
  });

  test("after midnight, last evening's overnight shift is in the window and still open", () => {
    const now = '2026-11-24T06:30:00.000Z'; // Tuesday 00:30 in Chicago
    const { fromDate, days } = hoursWindow(now, CHI);
    const intervals = expandHours([rule(MON_THU, '07:00', '01:00')], CHI, [], fromDate, days);
    expect(deskState(intervals, now)).toEqual({ open: true, closes: '2026-11-24T07:00:00.000Z' });
  });

  test('expansion does not depend on the build day: two windows agree where they overlap', () => {
    const rules = [rule(['sun'], '17:00', '01:00'), rule(MON_THU, '07:00', '01:00'), rule(['fri'], '07:00', '19:00')];
    const early = expandHours(rules, CHI, [{ date: '2026-11-26' }], '2026-10-20', 35);
    const late = expandHours(rules, CHI, [{ date: '2026-11-26' }], '2026-11-01', 35);
    const inBoth = (i: Interval) => i.start >= '2026-11-01T06:00:00.000Z' && i.start < '2026-11-24T06:00:00.000Z';
    expect(late.filter(inBoth)).toEqual(early.filter(inBoth));
    expect(late.filter(inBoth)).toHaveLength(20);
  });
});

describe('real content', () => {
  test('americas enterprise-one, week of 2026-11-23: Thanksgiving (Thursday) is closed, Wednesday night still ends at 01:00', () => {
    const desk = loadOrThrow(DEFAULT_CONTENT).support.desks.find((d) => d.id === 'americas')!;
    const product = desk.products.find((p) => p.product === 'enterprise-one')!;
    expect(expandHours(product.hours, desk.zone, desk.closures, '2026-11-23', 7)).toEqual([
      iv('2026-11-23T13:00:00.000Z', '2026-11-24T07:00:00.000Z'),
      iv('2026-11-24T13:00:00.000Z', '2026-11-25T07:00:00.000Z'),
      iv('2026-11-25T13:00:00.000Z', '2026-11-26T07:00:00.000Z'),
      iv('2026-11-27T13:00:00.000Z', '2026-11-28T01:00:00.000Z'),
      iv('2026-11-29T23:00:00.000Z', '2026-11-30T07:00:00.000Z'),
    ]);
  });
});

describe('intervals as the hours page hands them to its script', () => {
  test('the short text gives back every interval, overlapping and out of order ones too', () => {
    const intervals = [
      iv('2026-11-22T23:00:00.000Z', '2026-11-23T07:00:00.000Z'),
      iv('2026-11-23T13:00:00.000Z', '2026-11-24T07:00:00.000Z'),
      iv('2026-11-23T08:30:00.000Z', '2026-11-23T17:30:00.000Z'), // another desk, earlier than the previous start
      iv('2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
    ];
    const text = spansText(intervals);
    expect(text).toBe('29923140 480 840 1080 -270 540 9570 1440');
    expect(readSpans(text).map(([s, e]) => iv(new Date(s).toISOString(), new Date(e).toISOString()))).toEqual(intervals);
  });

  test('every desk interval of the content survives the trip, at a fifth of the JSON size', () => {
    for (const desk of loadOrThrow(DEFAULT_CONTENT).support.desks) {
      const win = hoursWindow('2026-11-22T10:00:00Z', desk.zone);
      for (const entry of desk.products) {
        const intervals = expandHours(entry.hours, desk.zone, desk.closures, win.fromDate, win.days);
        const text = spansText(intervals);
        expect(readSpans(text).map(([s, e]) => iv(new Date(s).toISOString(), new Date(e).toISOString()))).toEqual(intervals);
        if (intervals.length > 3) expect(text.length).toBeLessThan(JSON.stringify(intervals).length / 5);
      }
    }
  });

  test('a text it did not write gives no intervals rather than wrong ones', () => {
    expect(readSpans('')).toEqual([]);
    expect(readSpans('29923140')).toEqual([]);
    expect(readSpans('29923140 4x0')).toEqual([]);
    expect(readSpans('[{"start":"2026-11-22T23:00:00.000Z"}]')).toEqual([]);
  });
});
