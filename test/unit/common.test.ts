import { describe, expect, test } from 'vitest';
import { DaysSchema } from '../../src/schemas/support-hours.ts';
import { InstantSchema, TargetSchema, TimeOfDaySchema, ZoneSchema, parseTargetShorthand } from '../../src/schemas/common.ts';
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
    expect(parsed).toEqual({ kind: 'duration', amount: 48, unit: 'hours', excludesCustomerWait: true, alsoOnNews: false, condition: { en: 'with a workaround' } });
  });

  test.each([
    ['en', '30 minutes', '30 minutes'],
    ['sv', '1 hour', '1 timme'],
    ['fr', '2 business days', '2 jours ouvrés'],
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
  ])('instant %s is %s', (input, utc) => {
    expect(InstantSchema.parse(input)).toBe(utc);
  });
  test.each(['2026-02-30T10:00:00Z', '2026-11-20T25:00:00Z', '2026-11-20T08:12:00', '20 Nov 2026'])('instant %s is refused', (input) => {
    expect(InstantSchema.safeParse(input).success).toBe(false);
  });
  test.each(['America/Chicago', 'Europe/Berlin', 'Australia/Sydney', 'UTC'])('zone %s is accepted', (z) => {
    expect(ZoneSchema.safeParse(z).success).toBe(true);
  });
  test.each(['UTC-6', 'CET-7', 'CET', 'Americas', 'Mars/Olympus', '+01:00'])('zone %s is refused', (z) => {
    expect(ZoneSchema.safeParse(z).success).toBe(false);
  });
  test.each([['07:00', true], ['00:00', true], ['24:00', true], ['25:00', false], ['7:00', false], ['12:60', false], ['24:30', false]])('time of day %s valid: %s', (t, ok) => {
    expect(TimeOfDaySchema.safeParse(t).success).toBe(ok);
  });
  test.each([
    ['mon-fri', ['mon', 'tue', 'wed', 'thu', 'fri']],
    ['sun', ['sun']],
    [['fri', 'mon'], ['mon', 'fri']],
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
    expect(resolveNow({ PHAROS_NOW: '2026-11-22T11:00:00+01:00' }, '2020-01-01T00:00:00.000Z')).toEqual({ now: '2026-11-22T10:00:00.000Z', source: 'PHAROS_NOW' });
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
    expect(resolveNow({ PHAROS_NOW: 'tomorrow' })).toEqual({ error: { file: 'PHAROS_NOW', message: 'found "tomorrow" (expected an ISO 8601 date and time with an offset, such as "2026-11-22T10:00:00Z")' } });
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
