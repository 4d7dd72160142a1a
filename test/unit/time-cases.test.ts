/**
 * Time cases checked against the system's time-zone database through Intl, never against our own
 * code: each row gives a zone and a wall time (what a person at the desk reads on the clock), our
 * code (opening hours, business days, due times, daily history) computes instants, and Intl reads
 * those instants back in the zone. Inputs written as wall times are turned into instants by Intl
 * too, so luxon (which our code uses) never checks itself.
 */
import { describe, expect, test } from 'vitest';
import { expandHours } from '../../src/lib/hours.ts';
import { addBusinessDays, dueAt, type BusinessCalendar } from '../../src/lib/business-time.ts';
import { dailyImpact } from '../../src/lib/uptime-bars.ts';
import type { Target } from '../../src/schemas/common.ts';
import type { Day, WeeklyRule } from '../../src/schemas/support-hours.ts';
import type { Incident } from '../../src/schemas/incident.ts';

const CHI = 'America/Chicago';
const BER = 'Europe/Berlin';
const SYD = 'Australia/Sydney';
const AKL = 'Pacific/Auckland';
const TYO = 'Asia/Tokyo';

const readers = new Map<string, Intl.DateTimeFormat>();
/** Intl's reading of an instant in a zone: "2026-03-08 03:30 -05:00" (wall date, time and UTC offset). */
function wallOf(iso: string, zone: string): string {
  let f = readers.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'longOffset',
    });
    readers.set(zone, f);
  }
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`not an instant: ${iso}`);
  const p = Object.fromEntries(f.formatToParts(date).map((x) => [x.type, x.value]));
  // "GMT-05:00" -> "-05:00"; a zero offset is "GMT".
  const offset = p.timeZoneName === 'GMT' ? '+00:00' : (p.timeZoneName ?? '').replace('GMT', '').replace('\u2212', '-');
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${offset}`;
}

/**
 * The instant at which a zone's clocks read `wall` ("2026-03-06 10:00"), found through Intl: try the
 * offsets in force a day either side and keep the candidates Intl reads back as that wall time.
 * Test inputs are never inside a gap or a repeated hour; the function refuses both.
 */
function instantAt(wall: string, zone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(wall);
  if (!m) throw new Error(`bad wall time ${wall}`);
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  const offsetMinutes = (ms: number) => {
    const o = wallOf(new Date(ms).toISOString(), zone).slice(-6);
    return (o.startsWith('-') ? -1 : 1) * (Number(o.slice(1, 3)) * 60 + Number(o.slice(4, 6)));
  };
  const found = new Set<number>();
  for (const probe of [asUtc - 86_400_000, asUtc, asUtc + 86_400_000]) {
    const candidate = asUtc - offsetMinutes(probe) * 60_000;
    if (wallOf(new Date(candidate).toISOString(), zone).startsWith(wall)) found.add(candidate);
  }
  if (found.size !== 1) throw new Error(`${wall} in ${zone} is ${found.size === 0 ? 'skipped' : 'repeated'}; pick an unambiguous input`);
  return new Date([...found][0]!).toISOString();
}

const rule = (days: Day[], open: string, close: string): WeeklyRule => ({ days, open, close });
const MON_FRI: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
const cal = (zone: string, closures: BusinessCalendar['closures'] = [], workdays: readonly Day[] = MON_FRI): BusinessCalendar => ({ zone, workdays, closures });
const target = (amount: number, unit: 'minutes' | 'hours' | 'days' | 'business-days'): Target => ({
  kind: 'duration',
  amount,
  unit,
  excludesCustomerWait: false,
  alsoOnNews: false,
});
/** Start or end of the n-th interval of an expansion (undefined when there is no such interval). */
const shift = (intervals: { start: string; end: string }[], n: number, side: 'start' | 'end') => intervals[n]?.[side];

// Each row: what is checked, the zone, our code's answer (an instant), and the wall time and offset
// that Intl must read for it in that zone ("none": our code must give no instant).
const CASES: [string, string, () => string | undefined, string][] = [
  // America/Chicago: spring forward 2026-03-08 02:00 CST -> 03:00 CDT; fall back 2026-11-01 02:00 CDT -> 01:00 CST.
  [
    'Chicago gap: a shift opening at 02:30 (missing) opens at 03:30 CDT',
    CHI,
    () => shift(expandHours([rule(['sun'], '02:30', '05:00')], CHI, [], '2026-03-08', 1), 0, 'start'),
    '2026-03-08 03:30 -05:00',
  ],
  [
    'Chicago gap: a shift spanning the gap closes at its wall time in CDT',
    CHI,
    () => shift(expandHours([rule(['sun'], '01:00', '05:00')], CHI, [], '2026-03-08', 1), 0, 'end'),
    '2026-03-08 05:00 -05:00',
  ],
  [
    'Chicago gap: the shift before the gap opens in CST',
    CHI,
    () => shift(expandHours([rule(['sun'], '01:00', '05:00')], CHI, [], '2026-03-08', 1), 0, 'start'),
    '2026-03-08 01:00 -06:00',
  ],
  [
    'Chicago repeat: 01:30 opens at its first occurrence (CDT)',
    CHI,
    () => shift(expandHours([rule(['sun'], '01:30', '03:00')], CHI, [], '2026-11-01', 1), 0, 'start'),
    '2026-11-01 01:30 -05:00',
  ],
  [
    'Chicago repeat: the same shift closes at 03:00 CST',
    CHI,
    () => shift(expandHours([rule(['sun'], '01:30', '03:00')], CHI, [], '2026-11-01', 1), 0, 'end'),
    '2026-11-01 03:00 -06:00',
  ],
  [
    'Chicago: an overnight shift across the fall-back closes at 06:00 CST',
    CHI,
    () => shift(expandHours([rule(['sat'], '22:00', '06:00')], CHI, [], '2026-10-31', 1), 0, 'end'),
    '2026-11-01 06:00 -06:00',
  ],
  // Europe/Berlin: 2026-03-29 02:00 CET -> 03:00 CEST; 2026-10-25 03:00 CEST -> 02:00 CET.
  [
    'Berlin gap: 02:15 (missing) opens at 03:15 CEST',
    BER,
    () => shift(expandHours([rule(['sun'], '02:15', '04:00')], BER, [], '2026-03-29', 1), 0, 'start'),
    '2026-03-29 03:15 +02:00',
  ],
  [
    'Berlin: an overnight shift across the spring-forward closes at 08:00 CEST',
    BER,
    () => shift(expandHours([rule(['sat'], '20:00', '08:00')], BER, [], '2026-03-28', 1), 0, 'end'),
    '2026-03-29 08:00 +02:00',
  ],
  [
    'Berlin repeat: 02:30 opens at its first occurrence (CEST)',
    BER,
    () => shift(expandHours([rule(['sun'], '02:30', '04:00')], BER, [], '2026-10-25', 1), 0, 'start'),
    '2026-10-25 02:30 +02:00',
  ],
  [
    'Berlin repeat: the same shift closes at 04:00 CET',
    BER,
    () => shift(expandHours([rule(['sun'], '02:30', '04:00')], BER, [], '2026-10-25', 1), 0, 'end'),
    '2026-10-25 04:00 +01:00',
  ],
  // Australia/Sydney: 2026-04-05 03:00 AEDT -> 02:00 AEST; 2026-10-04 02:00 AEST -> 03:00 AEDT.
  [
    'Sydney repeat: 02:30 opens at its first occurrence (AEDT)',
    SYD,
    () => shift(expandHours([rule(['sun'], '02:30', '09:00')], SYD, [], '2026-04-05', 1), 0, 'start'),
    '2026-04-05 02:30 +11:00',
  ],
  [
    'Sydney repeat: the same shift closes at 09:00 AEST',
    SYD,
    () => shift(expandHours([rule(['sun'], '02:30', '09:00')], SYD, [], '2026-04-05', 1), 0, 'end'),
    '2026-04-05 09:00 +10:00',
  ],
  [
    'Sydney gap: 02:30 (missing) opens at 03:30 AEDT',
    SYD,
    () => shift(expandHours([rule(['sun'], '02:30', '09:00')], SYD, [], '2026-10-04', 1), 0, 'start'),
    '2026-10-04 03:30 +11:00',
  ],
  // Pacific/Auckland: 2026-04-05 03:00 NZDT -> 02:00 NZST; 2026-09-27 02:00 NZST -> 03:00 NZDT.
  [
    'Auckland repeat: 02:30 opens at its first occurrence (NZDT)',
    AKL,
    () => shift(expandHours([rule(['sun'], '02:30', '06:00')], AKL, [], '2026-04-05', 1), 0, 'start'),
    '2026-04-05 02:30 +13:00',
  ],
  [
    'Auckland gap: 02:30 (missing) opens at 03:30 NZDT',
    AKL,
    () => shift(expandHours([rule(['sun'], '02:30', '06:00')], AKL, [], '2026-09-27', 1), 0, 'start'),
    '2026-09-27 03:30 +13:00',
  ],
  [
    'Auckland: a night shift across the spring-forward closes at 07:00 NZDT',
    AKL,
    () => shift(expandHours([rule(['sat'], '23:00', '07:00')], AKL, [], '2026-09-26', 1), 0, 'end'),
    '2026-09-27 07:00 +13:00',
  ],
  // Hours crossing midnight, closures, leap day and year end.
  [
    '07:00-01:00 closes at 01:00 the next day',
    CHI,
    () => shift(expandHours([rule(['mon'], '07:00', '01:00')], CHI, [], '2026-11-23', 1), 0, 'end'),
    '2026-11-24 01:00 -06:00',
  ],
  [
    '17:00-00:00 closes at midnight',
    CHI,
    () => shift(expandHours([rule(['sun'], '17:00', '00:00')], CHI, [], '2026-11-22', 1), 0, 'end'),
    '2026-11-23 00:00 -06:00',
  ],
  [
    '00:00-24:00 is the whole day',
    BER,
    () => shift(expandHours([rule(['tue'], '00:00', '24:00')], BER, [], '2026-11-24', 1), 0, 'end'),
    '2026-11-25 00:00 +01:00',
  ],
  [
    'a closure keeps the previous night shift, which ends on the closed day',
    CHI,
    () => shift(expandHours([rule(['wed', 'thu'], '20:00', '02:00')], CHI, [{ date: '2026-11-26' }], '2026-11-25', 2), 0, 'end'),
    '2026-11-26 02:00 -06:00',
  ],
  [
    'a closure cancels the shift opening on it',
    CHI,
    () => shift(expandHours([rule(['wed', 'thu'], '20:00', '02:00')], CHI, [{ date: '2026-11-26' }], '2026-11-25', 2), 1, 'start'),
    'none',
  ],
  [
    'leap day: a Tuesday shift on 2028-02-29',
    BER,
    () => shift(expandHours([rule(['tue'], '09:00', '17:00')], BER, [], '2028-02-28', 3), 0, 'start'),
    '2028-02-29 09:00 +01:00',
  ],
  [
    'leap day: a Monday night shift closes on 29 February',
    BER,
    () => shift(expandHours([rule(['mon'], '22:00', '06:00')], BER, [], '2028-02-28', 1), 0, 'end'),
    '2028-02-29 06:00 +01:00',
  ],
  [
    'leap day: a 29 February night shift closes on 1 March',
    SYD,
    () => shift(expandHours([rule(['tue'], '22:00', '06:00')], SYD, [], '2028-02-29', 1), 0, 'end'),
    '2028-03-01 06:00 +11:00',
  ],
  [
    "year end: a New Year's Eve night shift closes in the new year",
    TYO,
    () => shift(expandHours([rule(['thu'], '20:00', '04:00')], TYO, [], '2026-12-31', 1), 0, 'end'),
    '2027-01-01 04:00 +09:00',
  ],
  [
    "year end: a closure on 1 January cancels that day's shift",
    AKL,
    () => shift(expandHours([rule(['thu', 'fri'], '09:00', '17:00')], AKL, [{ date: '2027-01-01' }], '2026-12-31', 2), 1, 'start'),
    'none',
  ],
  // Business days keep the wall-clock time across DST changes, closures, leap day and year end.
  [
    'Chicago: Friday 10:00 CST + 1 business day is Monday 10:00 CDT',
    CHI,
    () => addBusinessDays(instantAt('2026-03-06 10:00', CHI), 1, cal(CHI)),
    '2026-03-09 10:00 -05:00',
  ],
  [
    'Chicago: Friday 10:00 CDT + 1 business day is Monday 10:00 CST',
    CHI,
    () => addBusinessDays(instantAt('2026-10-30 10:00', CHI), 1, cal(CHI)),
    '2026-11-02 10:00 -06:00',
  ],
  [
    'Berlin: Friday 09:00 CET + 1 business day is Monday 09:00 CEST',
    BER,
    () => addBusinessDays(instantAt('2026-03-27 09:00', BER), 1, cal(BER)),
    '2026-03-30 09:00 +02:00',
  ],
  [
    'Sydney: Friday 09:00 AEDT + 1 business day is Monday 09:00 AEST',
    SYD,
    () => addBusinessDays(instantAt('2026-04-03 09:00', SYD), 1, cal(SYD)),
    '2026-04-06 09:00 +10:00',
  ],
  [
    'Auckland: Friday 09:00 NZST + 1 business day is Monday 09:00 NZDT',
    AKL,
    () => addBusinessDays(instantAt('2026-09-25 09:00', AKL), 1, cal(AKL)),
    '2026-09-28 09:00 +13:00',
  ],
  [
    'Berlin: 2 business days over the Christmas closure',
    BER,
    () => addBusinessDays(instantAt('2026-12-23 16:00', BER), 2, cal(BER, [{ date: '2026-12-24', until: '2026-12-26' }])),
    '2026-12-29 16:00 +01:00',
  ],
  [
    "year end: New Year's Eve + 1 business day skips the 1 January closure and the weekend",
    BER,
    () => addBusinessDays(instantAt('2026-12-31 12:00', BER), 1, cal(BER, [{ date: '2027-01-01' }])),
    '2027-01-04 12:00 +01:00',
  ],
  [
    'leap day: Monday 28 February + 1 business day is 29 February',
    SYD,
    () => addBusinessDays(instantAt('2028-02-28 15:00', SYD), 1, cal(SYD)),
    '2028-02-29 15:00 +11:00',
  ],
  ['a Saturday start counts from Monday 00:00', CHI, () => addBusinessDays(instantAt('2026-11-21 15:00', CHI), 1, cal(CHI)), '2026-11-24 00:00 -06:00'],
  // Due times: minutes and hours are elapsed time, days are calendar days on the wall clock.
  [
    'Chicago: 00:00 CST + 4 hours elapsed across the gap is 05:00 CDT',
    CHI,
    () => dueAt(instantAt('2026-03-08 00:00', CHI), target(4, 'hours'), cal(CHI)),
    '2026-03-08 05:00 -05:00',
  ],
  [
    'Chicago: 00:30 CDT + 2 hours elapsed lands in the repeated hour, second time round',
    CHI,
    () => dueAt(instantAt('2026-11-01 00:30', CHI), target(2, 'hours'), cal(CHI)),
    '2026-11-01 01:30 -06:00',
  ],
  [
    'Chicago: 12:00 CST + 1 day is 12:00 CDT the next day (23 hours)',
    CHI,
    () => dueAt(instantAt('2026-03-07 12:00', CHI), target(1, 'days'), cal(CHI)),
    '2026-03-08 12:00 -05:00',
  ],
  [
    'Auckland: 01:50 NZST + 30 minutes elapsed across the gap is 03:20 NZDT',
    AKL,
    () => dueAt(instantAt('2026-09-27 01:50', AKL), target(30, 'minutes'), cal(AKL)),
    '2026-09-27 03:20 +13:00',
  ],
  [
    'Berlin: 2028-02-28 12:00 + 1 day is the leap day',
    BER,
    () => dueAt(instantAt('2028-02-28 12:00', BER), target(1, 'days'), cal(BER)),
    '2028-02-29 12:00 +01:00',
  ],
  ['Berlin: 2028-02-29 12:00 + 1 day is 1 March', BER, () => dueAt(instantAt('2028-02-29 12:00', BER), target(1, 'days'), cal(BER)), '2028-03-01 12:00 +01:00'],
  [
    'Tokyo: 31 December 23:45 + 30 minutes is in the new year',
    TYO,
    () => dueAt(instantAt('2026-12-31 23:45', TYO), target(30, 'minutes'), cal(TYO)),
    '2027-01-01 00:15 +09:00',
  ],
  [
    'Chicago: 2 business days through the year end',
    CHI,
    () => dueAt(instantAt('2026-12-30 09:00', CHI), target(2, 'business-days'), cal(CHI, [{ date: '2027-01-01' }])),
    '2027-01-04 09:00 -06:00',
  ],
];

describe('our instants, read by Intl in the zone', () => {
  test('the table is large enough to mean something', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
  });

  test.each(CASES)('%s (%s)', (_name, zone, actual, expected) => {
    const iso = actual();
    if (expected === 'none') expect(iso).toBeUndefined();
    else {
      expect(iso, 'our code gave no instant').toBeDefined();
      expect(wallOf(iso!, zone)).toBe(expected);
    }
  });
});

/** A resolved incident on one product, for the daily history. */
function incident(id: string, started: string, resolved: string | undefined): Incident {
  return {
    id,
    title: id,
    severity: 'minor',
    scope: 'own',
    systemWide: false,
    affects: [{ product: 'p', impact: 'partial_outage' }],
    started,
    updates: [],
    ...(resolved ? { resolved } : {}),
  } as unknown as Incident;
}

/** Every local date (in `zone`, by Intl) that the span [from, to] touches. */
function datesTouched(from: string, to: string, zone: string): string[] {
  const out = new Set<string>();
  for (let t = Date.parse(from); t < Date.parse(to); t += 15 * 60_000) out.add(wallOf(new Date(t).toISOString(), zone).slice(0, 10));
  out.add(wallOf(to, zone).slice(0, 10));
  return [...out];
}

// Each row: the zone, an incident's span and "now" as UTC instants, and the local dates the
// history must mark, as a reader in that zone would count them.
const DAYS_CASES: [string, string, string, string, string, string[]][] = [
  [
    'Chicago: an evening incident on the night of spring-forward spans two local days',
    CHI,
    '2026-03-08T05:30:00Z',
    '2026-03-08T07:30:00Z',
    '2026-03-09T18:00:00Z',
    ['2026-03-07', '2026-03-08'],
  ],
  ['Chicago: the fall-back night (25-hour day) stays one day', CHI, '2026-11-01T06:30:00Z', '2026-11-01T07:30:00Z', '2026-11-02T18:00:00Z', ['2026-11-01']],
  [
    'Berlin: an incident just after local midnight belongs to the next day, not the UTC one',
    BER,
    '2026-03-28T23:30:00Z',
    '2026-03-29T00:45:00Z',
    '2026-03-30T12:00:00Z',
    ['2026-03-29'],
  ],
  [
    'Sydney: across local midnight on the fall-back day',
    SYD,
    '2026-04-04T12:30:00Z',
    '2026-04-04T14:30:00Z',
    '2026-04-06T00:00:00Z',
    ['2026-04-04', '2026-04-05'],
  ],
  [
    "Auckland: a UTC-midday incident is on the next local date, the year's first",
    AKL,
    '2026-12-31T11:30:00Z',
    '2026-12-31T12:30:00Z',
    '2027-01-02T00:00:00Z',
    ['2027-01-01'],
  ],
  ['Chicago: an open incident over the year end counts up to now', CHI, '2026-12-31T20:00:00Z', '', '2027-01-01T07:00:00Z', ['2026-12-31', '2027-01-01']],
  ['Chicago: the leap day is a day of its own', CHI, '2028-02-29T05:00:00Z', '2028-03-01T05:30:00Z', '2028-03-01T12:00:00Z', ['2028-02-28', '2028-02-29']],
];

describe('daily history: the days a reader in the zone would count', () => {
  test.each(DAYS_CASES)('%s (%s)', (_name, zone, started, resolved, now, expected) => {
    // Intl's count of the local dates agrees with the table, so the table is right.
    expect(datesTouched(started, resolved || now, zone)).toEqual(expected);
    const days = dailyImpact([incident('x', started, resolved || undefined)], 'p', now, zone, 10);
    expect(days.filter((d) => d.incidents.includes('x')).map((d) => d.date)).toEqual(expected);
    // The last day of the history is "today" as Intl reads now in the zone, and the days run on without gaps.
    expect(days.at(-1)!.date).toBe(wallOf(now, zone).slice(0, 10));
    const noon = (date: string) => Date.parse(`${date}T12:00:00Z`);
    expect(days.every((d, i) => i === 0 || noon(d.date) - noon(days[i - 1]!.date) === 86_400_000)).toBe(true);
  });
});

describe('instants on pages', () => {
  test.each([
    ['2026-11-22T10:00:00.000Z', 'en', CHI, 'November 22, 2026 at 4:00 AM CST'],
    ['2026-07-01T10:00:00.000Z', 'en', CHI, 'July 1, 2026 at 5:00 AM CDT'],
    ['2026-11-22T10:00:00.000Z', 'sv', 'Europe/Stockholm', '22 november 2026 kl. 11:00 CET'],
    ['2026-11-22T10:00:00.000Z', 'fr', 'Europe/Paris', '22 novembre 2026 à 11:00 UTC+1'],
    ['2026-11-22T10:00:00.000Z', 'en', 'Asia/Kolkata', 'November 22, 2026 at 3:30 PM GMT+5:30'],
  ])('%s in %s, %s: %s', async (iso, locale, zone, expected) => {
    const { formatInstant } = await import('../../src/lib/time.ts');
    expect(formatInstant(iso, locale, zone).replace(/\u202f/g, ' ')).toBe(expected);
  });

  // The short form, for a line that holds several instants: the day always, the year never.
  test.each([
    ['2026-11-22T10:00:00.000Z', 'en', CHI, 'Nov 22, 4:00 AM CST'],
    ['2026-07-01T10:00:00.000Z', 'en', CHI, 'Jul 1, 5:00 AM CDT'],
    ['2026-11-22T10:00:00.000Z', 'sv', 'Europe/Stockholm', '22 nov. 11:00 CET'],
    ['2026-11-22T04:40:00.000Z', 'sv', 'Europe/Stockholm', '22 nov. 05:40 CET'],
    ['2026-11-22T23:30:00.000Z', 'fr', 'Europe/Paris', '23 nov., 00:30 UTC+1'],
  ])('short: %s in %s, %s: %s', async (iso, locale, zone, expected) => {
    const { formatShortInstant } = await import('../../src/lib/time.ts');
    expect(formatShortInstant(iso, locale, zone).replace(/\u202f/g, ' ')).toBe(expected);
  });
});

describe("a language's display zone", () => {
  test("a language's own timeZone in site.yaml, else the site's", async () => {
    const { displayZone } = await import('../../src/lib/time.ts');
    const site = { timeZone: 'America/Chicago', locales: [{ code: 'en' }, { code: 'sv', timeZone: 'Europe/Stockholm' }] };
    expect(['en', 'sv', 'fr'].map((l) => displayZone(site, l))).toEqual(['America/Chicago', 'Europe/Stockholm', 'America/Chicago']);
  });
});
