import { describe, expect, test } from 'vitest';
import { DateTime } from 'luxon';
import { DaysSchema, PhoneSchema } from '../../src/schemas/support-hours.ts';
import { InstantSchema, TARGET_MAX, TargetSchema, TimeOfDaySchema, ZoneSchema, parseTargetShorthand } from '../../src/schemas/common.ts';
import { formatTarget } from '../../src/lib/targets.ts';
import { resolveNow } from '../../src/lib/clock.ts';
import { localeUrl } from '../../src/lib/routes.ts';

describe('target shorthand', () => {
  test.each([
    ['30 minutes', { kind: 'duration', amount: 30, unit: 'minutes' }],
    ['1 hour', { kind: 'duration', amount: 1, unit: 'hours' }],
    ['2 business days', { kind: 'duration', amount: 2, unit: 'business-days' }],
    ['10 Business-Days', { kind: 'duration', amount: 10, unit: 'business-days' }],
    ['best effort', { kind: 'best-effort' }],
    ['next monthly release', { kind: 'next-monthly-release' }],
    ['30 mins', undefined],
    ['soon', undefined],
  ])('%s', (text, expected) => {
    expect(parseTargetShorthand(text)).toEqual(expected);
  });

  test('a target map keeps its qualifiers', () => {
    const parsed = TargetSchema.parse({ target: '48 hours', excludesCustomerWait: true, condition: { en: 'with a workaround' } });
    expect(parsed).toEqual({
      kind: 'duration',
      amount: 48,
      unit: 'hours',
      excludesCustomerWait: true,
      alsoOnNews: false,
      condition: { en: 'with a workaround' },
    });
  });

  test.each([
    ['en', '30 minutes', '30 minutes'],
    ['sv', '1 hour', '1 timme'],
    ['fr', '2 business days', '2 jours ouvrables'],
    ['sv', 'best effort', 'i mån av tid'],
    ['fr', 'next monthly release', 'la prochaine version mensuelle'],
  ])('in %s, %s reads "%s"', (locale, shorthand, words) => {
    expect(formatTarget(TargetSchema.parse(shorthand), locale)).toBe(words);
  });
});

describe('times and zones', () => {
  test.each([
    ['2026-11-20T08:12:00+01:00', '2026-11-20T07:12:00.000Z'],
    ['2026-03-29T02:30:00+02:00', '2026-03-29T00:30:00.000Z'],
    ['2026-11-20T07:12Z', '2026-11-20T07:12:00.000Z'],
    ['2026-11-20T14:00:00+14:00', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20T00:00:00-12:00', '2026-11-20T12:00:00.000Z'],
  ])('instant %s is %s', (input, utc) => {
    expect(InstantSchema.parse(input)).toBe(utc);
  });
  test.each(['2026-02-30T10:00:00Z', '2026-11-20T25:00:00Z', '2026-11-20T08:12:00', '20 Nov 2026'])('instant %s is refused', (input) => {
    expect(InstantSchema.safeParse(input).success).toBe(false);
  });
  test.each(['+25:00', '+14:30', '-12:30', '+01:60'])('an offset no place uses (%s) is refused, saying so', (offset) => {
    const r = InstantSchema.safeParse(`2026-11-22T10:00:00${offset}`);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(
      `found "2026-11-22T10:00:00${offset}", whose offset ${offset} no place uses (expected an offset from -12:00 to +14:00)`,
    );
  });
  test('an instant in UTC reads as luxon reads it, on real and impossible dates alike', () => {
    // The schema reads "...Z" instants with Date and leaves the rest to luxon: both must agree.
    const luxon = (s: string) => {
      const dt = DateTime.fromISO(s, { setZone: true });
      return dt.isValid ? dt.toUTC().toISO() : 'invalid';
    };
    const ours = (s: string) => {
      const r = InstantSchema.safeParse(s);
      return r.success ? r.data : 'invalid';
    };
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    const texts = [
      '2024-02-29T12:00:00Z',
      '2023-02-29T12:00:00Z',
      '2100-02-29T00:00Z',
      '2000-02-29T23:59:59Z',
      '2026-04-31T10:00Z',
      '2026-12-31T24:00Z',
      '2026-06-30T23:59:60Z',
      '2026-00-10T10:00Z',
      '2026-13-10T10:00Z',
      '2026-01-00T10:00Z',
      '0999-05-05T05:05Z',
      '1000-01-01T00:00:00Z',
      '9999-12-31T23:59:59Z',
      '1970-01-01T00:00Z',
      '1969-12-31T23:59:59Z',
    ];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    for (let i = 0; i < 3000; i++)
      texts.push(`${pad(1000 + rand(9000), 4)}-${pad(rand(14))}-${pad(rand(33))}T${pad(rand(26))}:${pad(rand(61))}${rand(2) ? `:${pad(rand(62))}` : ''}Z`);
    const differ = texts.filter((s) => ours(s) !== luxon(s));
    expect(differ).toStrictEqual([]);
    expect(texts.filter((s) => luxon(s) !== 'invalid').length).toBeGreaterThan(1000);
  });
  test.each(['America/Chicago', 'Europe/Berlin', 'Australia/Sydney', 'UTC'])('zone %s is accepted', (z) => {
    expect(ZoneSchema.safeParse(z).success).toBe(true);
  });
  test.each(['UTC-6', 'CET-7', 'CET', 'Americas', 'Mars/Olympus', '+01:00'])('zone %s is refused', (z) => {
    expect(ZoneSchema.safeParse(z).success).toBe(false);
  });
  test.each([
    ['07:00', true],
    ['00:00', true],
    ['24:00', true],
    ['25:00', false],
    ['7:00', false],
    ['12:60', false],
    ['24:30', false],
  ])('time of day %s valid: %s', (t, ok) => {
    expect(TimeOfDaySchema.safeParse(t).success).toBe(ok);
  });
  test.each([
    ['mon-fri', ['mon', 'tue', 'wed', 'thu', 'fri']],
    ['sun', ['sun']],
    [
      ['fri', 'mon'],
      ['mon', 'fri'],
    ],
    ['daily', ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']],
  ])('days %j', (input, days) => {
    expect(DaysSchema.parse(input)).toEqual(days);
  });
  test.each(['fri-mon', 'monday', 'weekdays'])('days %s refused', (input) => {
    expect(DaysSchema.safeParse(input).success).toBe(false);
  });
});

describe('clock', () => {
  test('PHAROS_NOW wins over site.yaml', () => {
    expect(resolveNow({ PHAROS_NOW: '2026-11-22T11:00:00+01:00' }, '2020-01-01T00:00:00.000Z')).toEqual({
      now: '2026-11-22T10:00:00.000Z',
      source: 'PHAROS_NOW',
    });
  });
  test("site.yaml's now is used without PHAROS_NOW", () => {
    expect(resolveNow({}, '2026-11-22T10:00:00.000Z')).toEqual({ now: '2026-11-22T10:00:00.000Z', source: 'site.yaml' });
  });
  test('without either, the real clock', () => {
    const before = Date.now();
    const r = resolveNow({});
    expect('now' in r && Date.parse(r.now)).toBeGreaterThanOrEqual(before - 1000);
  });
  test('a bad PHAROS_NOW is an error naming it', () => {
    expect(resolveNow({ PHAROS_NOW: 'tomorrow' })).toEqual({
      error: { file: 'PHAROS_NOW', message: 'found "tomorrow" (expected an ISO 8601 date and time with an offset, such as "2026-11-22T10:00:00Z")' },
    });
  });
});

describe('locale URLs', () => {
  test.each([
    ['/', 'en', '/', '/'],
    ['/', 'sv', '/', '/sv/'],
    ['/support/hours/', 'fr', '/', '/fr/support/hours/'],
    ['/support/hours/', 'en', '/status/', '/status/support/hours/'],
    ['/', 'sv', '/status', '/status/sv/'],
  ])('%s in %s under %s', (path, locale, base, url) => {
    expect(localeUrl(path as '/', locale, 'en', base)).toBe(url);
  });
});

describe('values that would make the build throw or say nothing', () => {
  // A target is a union (shorthand or map): its messages sit in the branch the loader reports.
  const targetMessages = (t: string) => JSON.stringify(TargetSchema.safeParse(t).error?.issues ?? []);
  test.each(Object.entries(TARGET_MAX))('a target of at most %s %s passes, one more is refused', (unit, max) => {
    const words = unit.replace('-', ' ');
    expect(TargetSchema.safeParse(`${max} ${words}`).success).toBe(true);
    expect(targetMessages(`${max + 1} ${words}`)).toContain(
      JSON.stringify(`found "${max + 1} ${words}" (expected at most ${max.toLocaleString('en-US')} ${words}, a year; a longer target promises nothing)`),
    );
  });
  test('business days are whole', () => {
    expect(targetMessages('1.5 business days')).toMatch(/whole number of business days/);
    expect(TargetSchema.safeParse('1.5 days').success).toBe(true);
  });
  test.each([
    ['europe/berlin', 'Europe/Berlin'],
    ['AMERICA/CHICAGO', 'America/Chicago'],
  ])('zone %s is refused for its spelling', (zone, spelled) => {
    expect(ZoneSchema.safeParse(zone).error?.issues.map((i) => i.message)).toEqual([
      `found "${zone}" (expected the zone's own spelling "${spelled}": capitals matter)`,
    ]);
  });
  test.each(['Asia/Kolkata', 'US/Central', 'Europe/Kyiv'])('zone %s, a name Intl writes differently, is accepted as written', (zone) => {
    expect(ZoneSchema.safeParse(zone).success).toBe(true);
  });
  test.each([
    ['9999-12-31T23:00:00-05:00', false],
    ['0000-01-01T00:30:00+01:00', false],
    ['9999-12-31T23:00:00Z', true],
    ['0000-01-01T00:30:00Z', true],
  ])('instant %s, in UTC within the years 0000 to 9999: %s', (text, ok) => {
    expect(InstantSchema.safeParse(text).success).toBe(ok);
  });
});

describe('phone countries', () => {
  test.each([
    ['SE', true],
    ['GB', true],
    ['XX', false],
    ['AA', false],
    ['se', false],
  ])('%s is a country: %s', (country, ok) => {
    expect(PhoneSchema.safeParse({ country, number: '+46 8 123 456 00' }).success).toBe(ok);
  });
});
